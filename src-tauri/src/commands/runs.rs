//! Running a block or a flow from the editor, stopping it, and its run history; each line a run logs reaches
//! the window as it is logged (`RunLogEvent`).

use blocksmith_session::types::{FlowOutcome, LogLevel, RunEntry, RunSummary};
use blocksmith_session::webhook::TypedRequest;
use blocksmith_session::{BlockOutcome, BlockRunRequest, FlowRunRequest, LiveLogLine, Session};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tauri::State;

use crate::commands::blocking;
use crate::error::AppResult;

/// Sent to the window for each line a run in progress logs, secrets redacted. A flow's steps share the flow
/// run's `run_id`.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct RunLogEvent {
    pub run_id: String,
    /// Milliseconds since the run started.
    pub at_ms: f64,
    pub level: LogLevel,
    pub message: String,
}

impl From<&LiveLogLine> for RunLogEvent {
    fn from(line: &LiveLogLine) -> Self {
        RunLogEvent {
            run_id: line.run_id.clone(),
            at_ms: line.at_ms,
            level: line.level,
            message: line.message.clone(),
        }
    }
}

/// Runs `source` (the editor's text) as block `block_id` with `input` (its `stepResults` or `payload`) in a
/// worker process, records it in the history, and answers with its outcome, the result as the worker's JSON text
/// (see `BlockOutcome`). `run_id` is chosen by the UI so that `run_stop` can name the run while it is in
/// progress. In `debug_mode`, `context.debug` records and the outcome carries its results.
#[tauri::command]
#[specta::specta]
pub async fn run_block(
    session: State<'_, Session>,
    run_id: String,
    block_id: String,
    source: String,
    input: Value,
    debug_mode: bool,
) -> AppResult<BlockOutcome> {
    let request = BlockRunRequest {
        run_id,
        block_id,
        source: Some(source),
        input: Some(input),
        debug_mode,
    };
    blocking(session, move |s| Ok(s.run_block(request)?.outcome)).await
}

/// Runs the whole flow: the trigger with `payload` (its saved sample when null), then each step in order
/// with `stepResults` built from the results so far; stops at the first failure. `run_stop(run_id)` stops it.
/// In `debug_mode`, each step's outcome carries what its `context.debug` recorded.
#[tauri::command]
#[specta::specta]
pub async fn run_flow(
    session: State<'_, Session>,
    run_id: String,
    flow: String,
    payload: Option<Value>,
    debug_mode: bool,
) -> AppResult<FlowOutcome> {
    let request = FlowRunRequest {
        run_id,
        flow,
        payload,
        debug_mode,
        ..FlowRunRequest::default()
    };
    blocking(session, move |s| Ok(s.run_flow(request)?.outcome)).await
}

/// The trigger's `payload` (its request fields) for the request typed in the payload editor, built as the webhook
/// listener builds it for the same call.
#[tauri::command]
#[specta::specta]
pub fn payload_from_request(request: TypedRequest) -> Value {
    request.payload()
}

/// Stops the run `run_id` at once; answers whether it was still running. The run's own call then answers with
/// a `StoppedError` outcome that keeps the lines it logged before.
#[tauri::command]
#[specta::specta]
pub fn run_stop(session: State<'_, Session>, run_id: String) -> bool {
    session.stop_run(&run_id)
}

/// The block's recorded runs, newest first.
#[tauri::command]
#[specta::specta]
pub async fn history_list(
    session: State<'_, Session>,
    block_id: String,
) -> AppResult<Vec<RunSummary>> {
    blocking(session, move |s| s.history(&block_id)).await
}

/// The steps a flow run recorded (its `run_id` is their execution id), each with the runs it invoked.
#[tauri::command]
#[specta::specta]
pub async fn history_flow_run(
    session: State<'_, Session>,
    run_id: String,
) -> AppResult<Vec<RunSummary>> {
    blocking(session, move |s| s.flow_run_history(&run_id)).await
}

/// One recorded run, to re-open, re-run or compare.
#[tauri::command]
#[specta::specta]
pub async fn history_get(session: State<'_, Session>, id: i64) -> AppResult<RunEntry> {
    blocking(session, move |s| s.history_entry(id)).await
}
