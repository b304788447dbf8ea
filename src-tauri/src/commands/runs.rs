//! Running a block from the editor, stopping it, and its run history.

use std::time::SystemTime;

use blocksmith_engine::RunOutcome;
use blocksmith_session::{prepare_block_run, record_block_run, RunClock};
use blocksmith_workspace::history::{RunEntry, RunSummary};
use serde_json::Value;
use tauri::State;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Runs `source` (the editor's text) as block `block_id` with `input` (its `stepResults` or `payload`) in a
/// worker process, records it in the history, and answers with its outcome. `run_id` is chosen by the UI so
/// that `run_stop` can name the run while it is in progress.
#[tauri::command]
#[specta::specta]
pub async fn run_block(
    state: State<'_, AppState>,
    run_id: String,
    block_id: String,
    source: String,
    input: Value,
) -> AppResult<RunOutcome> {
    let clock = RunClock {
        now: SystemTime::now(),
        execution_id: run_id.clone(),
    };
    let run = state.with_workspace(|ws| {
        let config_vars = Value::Object(ws.manifest().config_vars_json());
        Ok(prepare_block_run(ws, &block_id, Some(source), Some(input), config_vars, &clock)?)
    })?;

    let supervisor = state.supervisor.clone();
    let handle = state.begin_run(&run_id);
    let request = run.request.clone();
    let report = tauri::async_runtime::spawn_blocking(move || supervisor.run(handle, request, run.limits))
        .await
        .map_err(|err| AppError::new("internal", format!("The run could not be completed: {err}.")))?;
    state.end_run(&run_id);
    let report = report.map_err(|err| AppError::new(err.code(), err.to_string()))?;

    state.with_workspace(|ws| {
        state.with_history(ws, |history| Ok(record_block_run(ws, history, &run, &report, &[])?))
    })?;
    Ok(report.outcome)
}

/// Stops the run `run_id` at once; answers whether it was still running.
#[tauri::command]
#[specta::specta]
pub fn run_stop(state: State<'_, AppState>, run_id: String) -> bool {
    state.stop_run(&run_id)
}

/// The block's recorded runs, newest first.
#[tauri::command]
#[specta::specta]
pub fn history_list(state: State<'_, AppState>, block_id: String) -> AppResult<Vec<RunSummary>> {
    state.with_workspace(|ws| state.with_history(ws, |history| Ok(history.list(&block_id)?)))
}

/// One recorded run, to re-open, re-run or compare.
#[tauri::command]
#[specta::specta]
pub fn history_get(state: State<'_, AppState>, id: i64) -> AppResult<RunEntry> {
    state.with_workspace(|ws| {
        state.with_history(ws, |history| {
            history.get(id)?.ok_or_else(|| {
                AppError::new(
                    "unknown_run",
                    format!("There is no recorded run with id {id}; it may have been pruned."),
                )
            })
        })
    })
}
