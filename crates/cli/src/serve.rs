//! `blocksmith serve`: the local webhook listener from the command line. Each flow of the workspace (or the
//! one `--flow`) answers at `http://127.0.0.1:PORT/<token>/<flow-slug>`, where the token is the workspace's own
//! (kept in `.blocksmith/local.json` on this machine, never in the manifest); a call runs the flow in a worker
//! process, exactly as `blocksmith run --flow` does, and the caller receives the trigger's `response`.
//!
//! Stdout carries one JSON line first, `{"listening", "flows"}` (the flows' URLs, token included), then one
//! line per call: the flow's outcome line (as `run --flow` prints it, secrets redacted) with the request's
//! `method`, `path` (after the token), HTTP `status` and `executionId` added, or with `error` when no flow ran.
//! Ctrl+C ends it.

use std::io::Write;
use std::path::PathBuf;
use std::time::SystemTime;

use blocksmith_runner::{run_flow, FlowOutcome, Supervisor, SupervisorOptions, WorkerCommand};
use blocksmith_secrets::{SecretStore, SERVICE};
use blocksmith_session::webhook::{
    prepare_webhook_flow_run, ListenerSettings, ServedCall, WebhookCall, WebhookHandler,
    WebhookServer, DEFAULT_PORT,
};
use blocksmith_session::{config_vars_for_run, record_flow_run, redact_outcome, Redactor};
use blocksmith_workspace::Workspace;
use clap::Args;
use serde_json::{json, Map, Value};

use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The workspace folder whose flows to serve.
    #[arg(long, value_name = "DIR")]
    pub workspace: PathBuf,

    /// Serve only this flow [default: every flow of the workspace].
    #[arg(long, value_name = "NAME")]
    pub flow: Option<String>,

    /// The port on 127.0.0.1 to listen on; 0 picks a free one.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_PORT)]
    pub port: u16,
}

/// Starts the listener, prints where it listens, and serves until the process is ended (Ctrl+C).
pub fn serve(args: &ServeArgs) -> Result<()> {
    let workspace =
        Workspace::open_or_create(&args.workspace).map_err(|source| Error::Workspace {
            path: args.workspace.clone(),
            source,
        })?;
    let flows: Vec<String> = match &args.flow {
        Some(name) => {
            if workspace.manifest().flow(name).is_none() {
                return Err(Error::Workspace {
                    path: args.workspace.clone(),
                    source: blocksmith_workspace::Error::UnknownFlow(name.clone()),
                });
            }
            vec![name.clone()]
        }
        None => workspace
            .manifest()
            .flows
            .iter()
            .map(|flow| flow.name.clone())
            .collect(),
    };
    let handler = CliHandler {
        root: args.workspace.clone(),
        supervisor: pooled_supervisor()?,
    };
    let settings = ListenerSettings::new(args.port, &workspace.local_identity().webhook_token);
    let server = WebhookServer::start(settings, &flows, handler)
        .map_err(|error| Error::Invocation(error.to_string()))?;
    print_line(&json!({ "listening": server.base_url(), "flows": server.flow_urls() }));
    // The listener's own thread answers the calls; this one only keeps the process alive until Ctrl+C.
    loop {
        std::thread::park();
    }
}

/// Runs each call as `blocksmith run --flow` runs a flow: the workspace read afresh (so edits show at the next
/// call), configVars with the connections' secrets from the keyring, state recorded, secrets redacted.
struct CliHandler {
    root: PathBuf,
    supervisor: Supervisor,
}

impl WebhookHandler for CliHandler {
    fn run(&mut self, call: &WebhookCall) -> std::result::Result<FlowOutcome, String> {
        let workspace = Workspace::open(&self.root).map_err(|error| error.to_string())?;
        let (config_vars, secrets) =
            config_vars_for_run(&workspace, || SecretStore::open(SERVICE), SystemTime::now())
                .map_err(|error| error.to_string())?;
        let flow = prepare_webhook_flow_run(&workspace, call, config_vars)
            .map_err(|error| redact_text(error.to_string(), &secrets))?;
        let report = run_flow(&self.supervisor, self.supervisor.next_run_id(), flow)
            .map_err(|error| redact_text(error.to_string(), &secrets))?;
        // `instanceState` (this flow's) and `crossFlowState` outlive the run, as on the platform.
        record_flow_run(&workspace, &call.flow, &report).map_err(|error| error.to_string())?;
        Ok(redact_outcome(report.outcome, &secrets))
    }

    fn served(&mut self, call: &ServedCall) {
        print_line(&call_line(call));
    }
}

/// The line printed for one call.
fn call_line(call: &ServedCall) -> Value {
    let mut line = Map::new();
    line.insert("method".into(), json!(call.method));
    line.insert("path".into(), json!(call.path));
    line.insert("status".into(), json!(call.status));
    if let Some(flow) = &call.flow {
        line.insert("flow".into(), json!(flow));
    }
    if let Some(id) = &call.execution_id {
        line.insert("executionId".into(), json!(id));
    }
    match &call.outcome {
        Some(outcome) => {
            if let Ok(Value::Object(fields)) = serde_json::to_value(outcome) {
                line.extend(fields);
            }
        }
        None => {
            line.insert("ok".into(), json!(false));
            line.insert("error".into(), json!(call.error));
        }
    }
    line.insert("durationMs".into(), json!(call.duration_ms));
    Value::Object(line)
}

fn redact_text(text: String, secrets: &Redactor) -> String {
    redact_outcome(text, secrets)
}

/// A supervisor that keeps one warm worker: the listener lives long and each call should start at once.
fn pooled_supervisor() -> Result<Supervisor> {
    let program = std::env::current_exe().map_err(Error::OwnExecutable)?;
    Ok(Supervisor::new(
        WorkerCommand::new(program, ["__worker"]),
        SupervisorOptions::default(),
    ))
}

/// One line on stdout, flushed at once so a script reading it line by line sees each call as it happens.
/// A closed stdout is not worth ending the listener for.
fn print_line(value: &Value) {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let _ = writeln!(out, "{value}").and_then(|()| out.flush());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_line_is_the_outcome_with_the_request_added() {
        let line = call_line(&ServedCall {
            method: "POST".into(),
            path: "/orders".into(),
            flow: Some("Orders".into()),
            status: 201,
            duration_ms: 3.5,
            execution_id: Some("local-1-1".into()),
            outcome: Some(FlowOutcome {
                ok: true,
                steps: Vec::new(),
                response: json!({ "statusCode": 201 }),
            }),
            error: None,
        });
        assert_eq!(
            line,
            json!({
                "method": "POST", "path": "/orders", "status": 201, "flow": "Orders",
                "executionId": "local-1-1", "ok": true, "steps": [],
                "response": { "statusCode": 201 }, "durationMs": 3.5,
            })
        );
    }

    #[test]
    fn a_call_no_flow_ran_for_says_why() {
        let line = call_line(&ServedCall {
            method: "GET".into(),
            path: "/nope".into(),
            flow: None,
            status: 404,
            duration_ms: 0.1,
            execution_id: None,
            outcome: None,
            error: Some("No flow is served at /nope.".into()),
        });
        assert_eq!(line["ok"], false);
        assert_eq!(line["status"], 404);
        assert_eq!(line["error"], "No flow is served at /nope.");
        assert!(line.get("flow").is_none());
    }
}
