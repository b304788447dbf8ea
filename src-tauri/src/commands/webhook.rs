//! The local webhook listener from the app: serve one flow of the open workspace at
//! `http://127.0.0.1:PORT/<token>/<flow-slug>` (the token is the workspace's own, kept on this machine), run each
//! call as "Run flow" does, and tell the window about every call (`WebhookCallEvent`) so it can show the last
//! calls and the flow's outcome.

use blocksmith_runner::FlowOutcome;
use blocksmith_session::webhook::{
    prepare_webhook_flow_run, ListenerSettings, ServedCall, WebhookCall, WebhookHandler,
    WebhookServer, DEFAULT_PORT,
};
use blocksmith_session::{config_vars_for_run, record_flow_run, redact_outcome};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, State};
use tauri_specta::Event;

use crate::app_state::AppState;
use crate::error::{AppError, AppResult};

/// Whether the listener is on, which flow it serves and at what URL.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WebhookStatus {
    pub running: bool,
    pub flow: Option<String>,
    pub url: Option<String>,
}

/// Sent to the window after each call to the listener is answered.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, Event)]
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

/// The listener held by the app, with the flow it serves.
pub struct RunningListener {
    flow: String,
    server: WebhookServer,
}

/// Turns the listener on for `flow` (restarting it when it served another flow). It takes port 8787, the
/// one the default `webhookUrls` name, or any free port when that one is taken.
#[tauri::command]
#[specta::specta]
pub async fn webhook_start(app: AppHandle, flow: String) -> AppResult<WebhookStatus> {
    let state = app.state::<AppState>();
    let token = state.with_workspace(|ws| {
        ws.manifest()
            .flow(&flow)
            .ok_or_else(|| blocksmith_workspace::Error::UnknownFlow(flow.clone()))?;
        Ok(ws.local_identity().webhook_token.clone())
    })?;
    stop_listener(&app).await?;
    let handler = AppHandler { app: app.clone() };
    let flows = [flow.clone()];
    let server =
        match WebhookServer::start(ListenerSettings::new(DEFAULT_PORT, &token), &flows, handler) {
            Ok(server) => server,
            Err(_) => WebhookServer::start(
                ListenerSettings::new(0, token),
                &flows,
                AppHandler { app: app.clone() },
            )?,
        };
    *lock_listener(&state) = Some(RunningListener { flow, server });
    Ok(status_of(&state))
}

/// Turns the listener off; a call in progress is answered first.
#[tauri::command]
#[specta::specta]
pub async fn webhook_stop(app: AppHandle) -> AppResult<WebhookStatus> {
    stop_listener(&app).await?;
    Ok(status_of(&app.state::<AppState>()))
}

#[tauri::command]
#[specta::specta]
pub fn webhook_status(state: State<'_, AppState>) -> WebhookStatus {
    status_of(&state)
}

fn status_of(state: &AppState) -> WebhookStatus {
    match lock_listener(state).as_ref() {
        Some(listener) => WebhookStatus {
            running: true,
            url: listener.server.flow_urls()[&listener.flow]
                .as_str()
                .map(str::to_string),
            flow: Some(listener.flow.clone()),
        },
        None => WebhookStatus {
            running: false,
            flow: None,
            url: None,
        },
    }
}

/// Stops the listener off the async runtime: stopping waits for a call in progress.
async fn stop_listener(app: &AppHandle) -> AppResult<()> {
    let running = lock_listener(&app.state::<AppState>()).take();
    if let Some(listener) = running {
        tauri::async_runtime::spawn_blocking(move || listener.server.stop())
            .await
            .map_err(|err| {
                AppError::internal(format!("The webhook listener did not stop: {err}."))
            })?;
    }
    Ok(())
}

/// Turns the listener off when another workspace is opened (its flows are not the ones served). The stop runs
/// on a thread of its own, since it waits for a call in progress.
pub fn stop_for_workspace_change(state: &AppState) {
    if let Some(listener) = lock_listener(state).take() {
        std::thread::spawn(move || listener.server.stop());
    }
}

fn lock_listener(state: &AppState) -> std::sync::MutexGuard<'_, Option<RunningListener>> {
    state
        .webhook
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs each call as `run_flow` does: configVars with the connections (expired tokens refreshed), the flow
/// in a worker of the app's pool, state recorded, secrets redacted. The workspace is locked only to prepare
/// and to record, not during the run, so the window stays usable.
struct AppHandler {
    app: AppHandle,
}

impl WebhookHandler for AppHandler {
    fn run(&mut self, call: &WebhookCall) -> Result<FlowOutcome, String> {
        let state = self.app.state::<AppState>();
        let (flow_run, secrets) = state
            .with_workspace(|ws| {
                let (config_vars, secrets) =
                    config_vars_for_run(ws, || state.secret_store(), call.started_at)?;
                Ok((prepare_webhook_flow_run(ws, call, config_vars)?, secrets))
            })
            .map_err(|err| err.message)?;
        let supervisor = state.supervisor.clone();
        let report = blocksmith_runner::run_flow(&supervisor, supervisor.next_run_id(), flow_run)
            .map_err(|err| redact_outcome(err.to_string(), &secrets))?;
        state
            .with_workspace(|ws| Ok(record_flow_run(ws, &call.flow, &report)?))
            .map_err(|err: AppError| err.message)?;
        Ok(redact_outcome(report.outcome, &secrets))
    }

    fn served(&mut self, call: &ServedCall) {
        // A window that is closing cannot be told; the call was answered all the same.
        let _ = WebhookCallEvent::from(call).emit(&self.app);
    }
}
