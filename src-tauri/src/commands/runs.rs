//! Running a block from the editor, stopping it, and its run history.

use std::time::SystemTime;

use blocksmith_engine::RunOutcome;
use blocksmith_runner::FlowOutcome;
use blocksmith_session::ErrorCode;
use blocksmith_session::{
    config_vars_for_run, prepare_block_run, prepare_flow_run, record_block_run, record_flow_run,
    redact_outcome, BlockRun, Redactor, RunClock,
};
use blocksmith_workspace::history::{RunEntry, RunSummary};
use blocksmith_workspace::Workspace;
use serde_json::Value;
use tauri::{AppHandle, Manager, State};

use crate::commands::connections::with_keyring;

use crate::app_state::AppState;
use crate::error::{AppError, AppResult};

/// Runs `source` (the editor's text) as block `block_id` with `input` (its `stepResults` or `payload`) in a
/// worker process, records it in the history, and answers with its outcome. `run_id` is chosen by the UI so
/// that `run_stop` can name the run while it is in progress.
#[tauri::command]
#[specta::specta]
pub async fn run_block(
    app: AppHandle,
    run_id: String,
    block_id: String,
    source: String,
    input: Value,
) -> AppResult<RunOutcome> {
    let clock = RunClock {
        now: SystemTime::now(),
        execution_id: run_id.clone(),
    };
    let (run, redactor) =
        prepare_with_connections(app.clone(), block_id, source, input, clock).await?;
    let state = app.state::<AppState>();

    let supervisor = state.supervisor.clone();
    let handle = state.begin_run(&run_id);
    let request = run.request.clone();
    let report =
        tauri::async_runtime::spawn_blocking(move || supervisor.run(handle, request, run.limits))
            .await
            .map_err(|err| AppError::internal(format!("The run could not be completed: {err}.")))?;
    state.end_run(&run_id);
    let report = report?;

    state.with_workspace(|ws| {
        state.with_history(ws, |history| {
            Ok(record_block_run(ws, history, &run, &report, &redactor)?)
        })
    })?;
    Ok(redact_outcome(report.outcome, &redactor))
}

/// Refreshes expired OAuth tokens, then prepares the run with `configVars` holding the workspace's
/// connections (secrets from the keyring). Also answers with the run's redactor for those secrets.
async fn prepare_with_connections(
    app: AppHandle,
    block_id: String,
    source: String,
    input: Value,
    clock: RunClock,
) -> AppResult<(BlockRun, Redactor)> {
    with_keyring(app, move |state| {
        state.with_workspace(|ws| {
            let (config_vars, redactor) = workspace_config_vars(state, ws, clock.now)?;
            let run = prepare_block_run(
                ws,
                &block_id,
                Some(source),
                Some(input),
                config_vars,
                &clock,
            )?;
            Ok((run, redactor))
        })
    })
    .await
}

/// `configVars` with the workspace's connections (expired OAuth tokens refreshed first), and the run's
/// redactor.
fn workspace_config_vars(
    state: &AppState,
    ws: &Workspace,
    now: SystemTime,
) -> AppResult<(Value, Redactor)> {
    Ok(config_vars_for_run(ws, || state.secret_store(), now)?)
}

/// Runs the whole flow: the trigger with `payload` (its saved sample when null), then each step in order
/// with `stepResults` built from the results so far; stops at the first failure. `run_stop(run_id)` stops it.
#[tauri::command]
#[specta::specta]
pub async fn run_flow(
    app: AppHandle,
    run_id: String,
    flow: String,
    payload: Option<Value>,
) -> AppResult<FlowOutcome> {
    let clock = RunClock {
        now: SystemTime::now(),
        execution_id: run_id.clone(),
    };
    let flow_name = flow.clone();
    let (flow_run, redactor) = with_keyring(app.clone(), move |state| {
        state.with_workspace(|ws| {
            let (config_vars, redactor) = workspace_config_vars(state, ws, clock.now)?;
            Ok((
                prepare_flow_run(ws, &flow, payload, config_vars, &clock)?,
                redactor,
            ))
        })
    })
    .await?;

    let state = app.state::<AppState>();
    let supervisor = state.supervisor.clone();
    let handle = state.begin_run(&run_id);
    let report = tauri::async_runtime::spawn_blocking(move || {
        blocksmith_runner::run_flow(&supervisor, handle, flow_run)
    })
    .await
    .map_err(|err| AppError::internal(format!("The flow run could not be completed: {err}.")))?;
    state.end_run(&run_id);
    let report = report?;
    state.with_workspace(|ws| Ok(record_flow_run(ws, &flow_name, &report)?))?;

    Ok(redact_outcome(report.outcome, &redactor))
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
                    ErrorCode::UnknownRun,
                    format!("There is no recorded run with id {id}; it may have been pruned."),
                )
            })
        })
    })
}
