//! The local webhook listener from the app: serve one flow of the open workspace at
//! `http://127.0.0.1:PORT/<token>/<flow-slug>` (the token is the workspace's own, kept on this machine), run each
//! call as "Run flow" does, and tell the window about every call (`WebhookCallEvent`) so it can show the last
//! calls and the flow's outcome.

use blocksmith_session::types::FlowOutcome;
use blocksmith_session::webhook::{ServedCall, DEFAULT_PORT};
use blocksmith_session::{Session, WebhookRequest, WebhookStatus};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::commands::blocking;
use crate::error::AppResult;

/// Sent to the window after each call to the listener is answered.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct WebhookCallEvent {
    pub method: String,
    pub path: String,
    pub flow: Option<String>,
    pub status: u16,
    /// The flow ran and succeeded.
    pub ok: bool,
    pub duration_ms: f64,
    pub execution_id: Option<String>,
    /// The flow's outcome, secrets redacted; absent when no flow ran.
    pub outcome: Option<FlowOutcome>,
    /// Why no flow ran (unknown path, the flow could not be prepared), when none did.
    pub error: Option<String>,
}

impl From<&ServedCall> for WebhookCallEvent {
    fn from(call: &ServedCall) -> Self {
        WebhookCallEvent {
            method: call.method.clone(),
            path: call.path.clone(),
            flow: call.flow.clone(),
            status: call.status,
            ok: call.outcome.as_ref().is_some_and(|outcome| outcome.ok),
            duration_ms: call.duration_ms,
            execution_id: call.execution_id.clone(),
            outcome: call.outcome.clone(),
            error: call.error.clone(),
        }
    }
}

/// Turns the listener on for `flow` (restarting it when it served another flow). It takes port 8787, the
/// one the default `webhookUrls` name, or any free port when that one is taken.
#[tauri::command]
#[specta::specta]
pub async fn webhook_start(session: State<'_, Session>, flow: String) -> AppResult<WebhookStatus> {
    let request = WebhookRequest {
        flows: vec![flow],
        port: DEFAULT_PORT,
        any_port_if_taken: true,
    };
    blocking(session, move |s| {
        s.start_webhooks(&request)?;
        Ok(s.webhook_status())
    })
    .await
}

/// Turns the listener off; a call in progress is answered first.
#[tauri::command]
#[specta::specta]
pub async fn webhook_stop(session: State<'_, Session>) -> AppResult<WebhookStatus> {
    blocking(session, |s| {
        s.stop_webhooks();
        Ok(s.webhook_status())
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub fn webhook_status(session: State<'_, Session>) -> WebhookStatus {
    session.webhook_status()
}
