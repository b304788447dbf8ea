//! Debugging from the editor: a block (or its flow) under the debugger, the commands that drive it, and the
//! breakpoints saved per block. What the debug run says reaches the window as `DebugNoticeEvent`s; the lines
//! it logs as `RunLogEvent`s, like a run's.

use std::path::PathBuf;
use std::sync::Arc;

use blocksmith_session::types::DebugLaunch;
use blocksmith_session::types::{
    DebugCommand, DebugEvent, ExceptionFilters, FlowOutcome, RunOutcome, SavedBreakpoint,
};
use blocksmith_session::{
    breakpoint_spec, BlockDebugRequest, BlockRunRequest, DebugListener, DebugNotice,
    FlowDebugRequest, FlowRunRequest, Session,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tauri::{AppHandle, State};
use tauri_specta::Event;

use crate::commands::blocking;
use crate::commands::runs::RunLogEvent;
use crate::error::AppResult;

/// Sent to the window for what the debug run `run_id` says: the debugger paused, resumed, printed a logpoint
/// or answered a command; or (in a flow) the next step started.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct DebugNoticeEvent {
    pub run_id: String,
    /// Set when the debugger spoke.
    pub event: Option<DebugEvent>,
    /// Set when a flow's step started: its display name, its block and its file.
    pub step_started: Option<StepStarted>,
}

#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StepStarted {
    pub name: String,
    /// The step's block: the window opens it in the editor when the debugger pauses there.
    pub block_id: String,
    pub path: PathBuf,
}

/// How the window starts a debug run.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DebugOptions {
    pub exceptions: ExceptionFilters,
    pub stop_on_entry: bool,
}

/// Tells the window each of the debug run's notices.
fn notices_to_window(app: AppHandle, run_id: String) -> DebugListener {
    DebugListener(Arc::new(move |notice: &DebugNotice| {
        // A window that is closing cannot be told; the run's outcome comes back all the same.
        let _ = match notice {
            DebugNotice::Logged(line) => RunLogEvent::from(line).emit(&app),
            DebugNotice::Debugger(event) => DebugNoticeEvent {
                run_id: run_id.clone(),
                event: Some(event.clone()),
                step_started: None,
            }
            .emit(&app),
            DebugNotice::StepStarted {
                name,
                block_id,
                path,
            } => DebugNoticeEvent {
                run_id: run_id.clone(),
                event: None,
                step_started: Some(StepStarted {
                    name: name.clone(),
                    block_id: block_id.clone(),
                    path: path.clone(),
                }),
            }
            .emit(&app),
        };
    }))
}

/// Runs `source` (the editor's text) as block `block_id` with `input`, as `run_block` does, under the
/// debugger with the block's saved breakpoints; answers with its outcome when it ends. `debug_command` drives
/// it and `run_stop` ends it.
#[tauri::command]
#[specta::specta]
pub async fn debug_block(
    app: AppHandle,
    session: State<'_, Session>,
    run_id: String,
    block_id: String,
    source: String,
    input: Value,
    options: DebugOptions,
) -> AppResult<RunOutcome> {
    let listener = notices_to_window(app, run_id.clone());
    blocking(session, move |s| {
        let breakpoints = s.breakpoints(&block_id)?;
        let request = BlockDebugRequest {
            run: BlockRunRequest {
                run_id,
                block_id,
                source: Some(source),
                input: Some(input),
                debug_mode: false,
            },
            launch: DebugLaunch {
                breakpoints: breakpoints.into_iter().map(breakpoint_spec).collect(),
                exceptions: options.exceptions,
                stop_on_entry: options.stop_on_entry,
            },
        };
        let mut outcome = s.debug_block(request, listener)?.outcome;
        // As in `run_block`: the window never shows `returned`.
        outcome.returned = Value::Null;
        Ok(outcome)
    })
    .await
}

/// Runs the whole flow under the debugger, as `run_flow` does, each step with its saved breakpoints.
#[tauri::command]
#[specta::specta]
pub async fn debug_flow(
    app: AppHandle,
    session: State<'_, Session>,
    run_id: String,
    flow: String,
    payload: Option<Value>,
    options: DebugOptions,
) -> AppResult<FlowOutcome> {
    let listener = notices_to_window(app, run_id.clone());
    blocking(session, move |s| {
        let breakpoints = s.saved_flow_breakpoints(&flow)?;
        let request = FlowDebugRequest {
            run: FlowRunRequest {
                run_id,
                flow,
                payload,
                ..FlowRunRequest::default()
            },
            breakpoints,
            exceptions: options.exceptions,
            stop_on_entry: options.stop_on_entry,
        };
        Ok(s.debug_flow(request, listener)?.outcome)
    })
    .await
}

/// Passes `command` to the debug run `run_id` (its answer comes as a `DebugNoticeEvent`); answers whether
/// that run was in progress.
#[tauri::command]
#[specta::specta]
pub fn debug_command(session: State<'_, Session>, run_id: String, command: DebugCommand) -> bool {
    session.send_debug_command(&run_id, command)
}

/// The breakpoints saved for a block.
#[tauri::command]
#[specta::specta]
pub async fn breakpoints_get(
    session: State<'_, Session>,
    block_id: String,
) -> AppResult<Vec<SavedBreakpoint>> {
    blocking(session, move |s| s.breakpoints(&block_id)).await
}

/// Replaces the breakpoints saved for a block.
#[tauri::command]
#[specta::specta]
pub async fn breakpoints_save(
    session: State<'_, Session>,
    block_id: String,
    breakpoints: Vec<SavedBreakpoint>,
) -> AppResult<()> {
    blocking(session, move |s| s.save_breakpoints(&block_id, breakpoints)).await
}
