//! The local webhook listener: each flow of a workspace at `http://127.0.0.1:PORT/<flow-slug>`, so a
//! developer (or the system being integrated) can call a trigger with curl and receive what the trigger's
//! `response` says, as from the platform. Tauri-free: the `blocksmith serve` command and the app's
//! listener toggle both run it, each with its own `WebhookHandler` (how they reach the workspace and the
//! keyring differs), and both prepare the run with `prepare_webhook_flow_run`.
//!
//! - `routes`: which path reaches which flow (`/<flow-slug>/<pathFragment>`).
//! - `payload`: the request as the trigger's `payload`.
//! - `response`: the trigger's `response` (or the flow's failure) as the HTTP answer.
//! - `server`: the HTTP/1.1 server and its one-call-at-a-time loop.

mod error;
mod payload;
mod response;
mod routes;
mod server;

use blocksmith_runner::FlowRun;
use blocksmith_workspace::Workspace;
use serde_json::Value;

pub use error::{Error, Result};
pub use payload::{request_payload, IncomingRequest};
pub use response::{answer_for_failure, answer_for_outcome, answer_not_found, HttpAnswer};
pub use routes::{flow_slug, match_route, routes_for, FlowRoute, RouteMatch};
pub use server::{ServedCall, WebhookCall, WebhookHandler, WebhookServer, MAX_BODY_BYTES};

use crate::runs::{prepare_flow_run, RunClock};

/// The port the listener takes unless told otherwise (the one the default `webhookUrls` name).
pub const DEFAULT_PORT: u16 = 8787;

/// Prepares the run of `call.flow` for a webhook call: the request's payload completed with the platform's
/// fields, and `webhookUrls` and `invokeUrl` (in the context and the payload) pointing at the listener's
/// local URLs, so a block that registers its own webhook URL somewhere registers one that answers.
pub fn prepare_webhook_flow_run(
    workspace: &Workspace,
    call: &WebhookCall,
    config_vars: Value,
) -> crate::Result<FlowRun> {
    let clock = RunClock {
        now: call.started_at,
        execution_id: call.execution_id.clone(),
    };
    let mut run = prepare_flow_run(
        workspace,
        &call.flow,
        Some(call.payload.clone()),
        config_vars,
        &clock,
    )?;
    for target in [&mut run.context, &mut run.payload] {
        if let Value::Object(members) = target {
            members.insert(
                "webhookUrls".into(),
                Value::Object(call.webhook_urls.clone()),
            );
            members.insert("invokeUrl".into(), Value::String(call.invoke_url.clone()));
        }
    }
    Ok(run)
}
