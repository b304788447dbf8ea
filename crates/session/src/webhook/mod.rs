//! The local webhook listener: each flow of a workspace at `http://127.0.0.1:PORT/<token>/<flow-slug>`, so a
//! developer (or the system being integrated) can call a trigger with curl and receive what the trigger's
//! `response` says, as from the platform. Tauri-free: the `blocksmith serve` command and the app's
//! listener toggle both run it, each with its own `WebhookHandler` (how they reach the workspace and the
//! keyring differs), and both prepare the run with `prepare_webhook_flow_run`.
//!
//! 127.0.0.1 is reachable by every web page the user visits, so the listener answers only its owner: its URLs
//! carry the workspace's unguessable token, it answers only requests addressed to its own loopback Host, refuses
//! what a browser sends for another site, and bounds what any caller may send and how long it may take.
//!
//! - `routes`: which path reaches which flow (`/<token>/<flow-slug>/<pathFragment>`).
//! - `access`: who may call (Host, browsers' cross-site marks, no preflight).
//! - `wire`: HTTP/1.1 read within limits (head size, header count, body cap, timeouts) and written back.
//! - `payload`: the request as the trigger's `payload`.
//! - `response`: the trigger's `response` (or the flow's failure) as the HTTP answer.
//! - `server`: the threads: connections read side by side, runs one at a time.

mod access;
mod error;
mod payload;
mod response;
mod routes;
mod server;
mod wire;

use blocksmith_runner::FlowRun;
use blocksmith_workspace::Workspace;
use serde_json::Value;

pub use error::{Error, Error as WebhookError, Result};
pub use payload::{request_payload, IncomingRequest, TypedRequest};
pub use response::{answer_for_failure, answer_for_outcome, answer_not_found, HttpAnswer};
pub use routes::{
    check_token, flow_path, flow_slug, match_route, routes_for, strip_token, FlowRoute, RouteMatch,
    MIN_TOKEN_CHARS,
};
pub use server::{ListenerSettings, ServedCall, WebhookCall, WebhookHandler, WebhookServer};
pub use wire::{answer_headers, RequestLimits, MAX_BODY_BYTES};

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
