//! The session's local webhook listener: flows of the open workspace served at
//! `http://127.0.0.1:PORT/<token>/<flow-slug>` (the token is the workspace's own, kept on this machine). Each
//! call runs its flow as "Run flow" does, with the workspace read afresh from disk so edits show at the next
//! call; the host hears about every call.

use std::path::PathBuf;
use std::sync::{Arc, Weak};

use blocksmith_runner::FlowOutcome;
use blocksmith_workspace::history::RunOrigin;
use blocksmith_workspace::Workspace;
use serde::Serialize;
use serde_json::{Map, Value};

use super::invocations::{record_invoked_by_steps, Invoker};
use super::{lock, Session, Shared};
use crate::error::{Error, Result};
use crate::redaction::redact_outcome;
use crate::runs::{record_flow_history, record_flow_run, FlowRunRecord, RunClock};
use crate::webhook::{
    prepare_webhook_flow_run, ListenerSettings, ServedCall, WebhookCall, WebhookHandler,
    WebhookServer,
};

/// Which flows to serve, and where.
#[derive(Debug, Clone)]
pub struct WebhookRequest {
    /// The flows to serve; every flow of the workspace when empty.
    pub flows: Vec<String>,
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// When `port` is taken, take any free port instead of failing.
    pub any_port_if_taken: bool,
}

/// Where the listener listens: `http://127.0.0.1:PORT` and each served flow's URL (token included) by name.
#[derive(Debug, Clone, Serialize)]
pub struct Listening {
    #[serde(rename = "listening")]
    pub base_url: String,
    #[serde(rename = "flows")]
    pub flow_urls: Map<String, Value>,
}

/// Whether the listener is on, the (first) flow it serves and that flow's URL.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct WebhookStatus {
    pub running: bool,
    pub flow: Option<String>,
    pub url: Option<String>,
}

/// The listener the session holds, with the flows it serves.
pub(super) struct RunningListener {
    flows: Vec<String>,
    server: WebhookServer,
}

impl Session {
    /// Turns the listener on for the flows asked for (stopping one already on, after its call in progress).
    pub fn start_webhooks(&self, request: &WebhookRequest) -> Result<Listening> {
        let workspace = self.snapshot()?;
        let flows = flows_to_serve(&workspace, &request.flows)?;
        let token = workspace.local_identity().webhook_token.clone();
        self.stop_webhooks();
        let start = |port: u16| {
            WebhookServer::start(
                ListenerSettings::new(port, &token),
                &flows,
                SessionHandler {
                    session: Arc::downgrade(&self.shared),
                    root: workspace.root().to_path_buf(),
                },
            )
        };
        let server = match start(request.port) {
            Err(_) if request.any_port_if_taken && request.port != 0 => start(0)?,
            started => started?,
        };
        let listening = Listening {
            base_url: server.base_url(),
            flow_urls: server.flow_urls().clone(),
        };
        *lock(&self.shared.listener) = Some(RunningListener { flows, server });
        Ok(listening)
    }

    /// Turns the listener off; a call in progress is answered first.
    pub fn stop_webhooks(&self) {
        let running = lock(&self.shared.listener).take();
        if let Some(listener) = running {
            listener.server.stop();
        }
    }

    pub fn webhook_status(&self) -> WebhookStatus {
        match lock(&self.shared.listener).as_ref() {
            Some(listener) => {
                let flow = listener.flows.first().cloned();
                WebhookStatus {
                    running: true,
                    url: flow
                        .as_ref()
                        .and_then(|flow| listener.server.flow_urls().get(flow))
                        .and_then(Value::as_str)
                        .map(str::to_string),
                    flow,
                }
            }
            None => WebhookStatus {
                running: false,
                flow: None,
                url: None,
            },
        }
    }

    /// Turns the listener off without waiting (another workspace was opened: its flows are not the ones served).
    pub(super) fn stop_listener_in_background(&self) {
        if let Some(listener) = lock(&self.shared.listener).take() {
            std::thread::spawn(move || listener.server.stop());
        }
    }

    /// Runs one call's flow: configVars with the connections (expired tokens refreshed), the flow in a worker,
    /// its state kept, secrets redacted from the outcome and from any error.
    fn run_webhook_call(&self, root: &std::path::Path, call: &WebhookCall) -> Result<FlowOutcome> {
        let workspace = Workspace::open(root)?;
        let (config_vars, secrets) = self.config_vars_for_run(&workspace, call.started_at)?;
        let redacted = |err: Error| Error::Internal(redact_outcome(err.to_string(), &secrets));
        let flow = prepare_webhook_flow_run(&workspace, call, config_vars).map_err(redacted)?;
        let clock = RunClock {
            now: call.started_at,
            execution_id: call.execution_id.clone(),
        };
        let record = FlowRunRecord::of(&workspace, &call.flow, &flow, RunOrigin::Webhook, &clock)?;
        let invoker = Invoker::outermost(
            workspace.root(),
            Some(&call.flow),
            &call.execution_id,
            call.started_at,
        );
        let (report, invoked_by_step) = self
            .run_flow_by_step(self.shared.supervisor.next_run_id(), flow, &invoker)
            .map_err(|err| redacted(err.into()))?;
        // `instanceState` (this flow's) and `crossFlowState` outlive the run, as on the platform, and each step
        // is kept in its block's history as a webhook call's.
        record_flow_run(&workspace, &call.flow, &report)?;
        self.with_history(&workspace, |history| {
            let step_ids = record_flow_history(history, &record, &report, &secrets)?;
            record_invoked_by_steps(history, &step_ids, invoked_by_step)
        })?;
        Ok(redact_outcome(report.outcome, &secrets))
    }
}

/// The flows asked for, each checked to exist; every flow of the workspace when none is named.
fn flows_to_serve(workspace: &Workspace, asked: &[String]) -> Result<Vec<String>> {
    let manifest = workspace.manifest();
    if asked.is_empty() {
        return Ok(manifest
            .flows
            .iter()
            .map(|flow| flow.name.clone())
            .collect());
    }
    for name in asked {
        if manifest.flow(name).is_none() {
            return Err(blocksmith_workspace::Error::UnknownFlow(name.clone()).into());
        }
    }
    Ok(asked.to_vec())
}

/// Runs the listener's calls through the session. It holds the session weakly: the session holds the listener.
struct SessionHandler {
    session: Weak<Shared>,
    root: PathBuf,
}

impl SessionHandler {
    fn session(&self) -> Option<Session> {
        self.session.upgrade().map(|shared| Session { shared })
    }
}

impl WebhookHandler for SessionHandler {
    fn run(&mut self, call: &WebhookCall) -> std::result::Result<FlowOutcome, String> {
        let session = self
            .session()
            .ok_or_else(|| "Blocksmith is closing; the flow was not run.".to_string())?;
        session
            .run_webhook_call(&self.root, call)
            .map_err(|err| err.to_string())
    }

    fn served(&mut self, call: &ServedCall) {
        if let Some(session) = self.session() {
            session.host().webhook_call_served(call);
        }
    }
}
