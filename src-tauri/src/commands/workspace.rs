//! Opening a workspace and editing its blocks, flows, config variables and samples.

use std::path::PathBuf;

use blocksmith_session::WorkspaceView;
use blocksmith_workspace::Workspace;
use serde_json::Value;
use tauri::State;

use crate::app_state::AppState;
use crate::error::AppResult;
use crate::settings::{default_workspace, Settings};

/// Opens `path`, or the default workspace when `path` is null; a missing or empty folder becomes a new
/// workspace seeded with the templates.
#[tauri::command]
#[specta::specta]
pub async fn workspace_open(
    state: State<'_, AppState>,
    path: Option<String>,
) -> AppResult<WorkspaceView> {
    let mut settings = Settings::load(&state.config_dir);
    let dir = match path {
        Some(path) => PathBuf::from(path),
        None => default_workspace(&settings, std::env::var_os("HOME").map(PathBuf::from)),
    };
    let workspace = Workspace::open_or_create(&dir)?;
    let view = WorkspaceView::of(&workspace);
    state.set_workspace(workspace);
    super::webhook::stop_for_workspace_change(&state);
    settings.last_workspace = Some(dir);
    // Remembering the last workspace is a convenience; failing to save it must not fail the open.
    let _ = settings.save(&state.config_dir);
    Ok(view)
}

#[tauri::command]
#[specta::specta]
pub fn workspace_current(state: State<'_, AppState>) -> AppResult<WorkspaceView> {
    state.with_workspace(|ws| Ok(WorkspaceView::of(ws)))
}

#[tauri::command]
#[specta::specta]
pub fn block_read(state: State<'_, AppState>, block_id: String) -> AppResult<String> {
    state.with_workspace(|ws| Ok(ws.read_block_source(&block_id)?))
}

#[tauri::command]
#[specta::specta]
pub fn block_save(state: State<'_, AppState>, block_id: String, source: String) -> AppResult<()> {
    state.with_workspace(|ws| Ok(ws.save_block_source(&block_id, &source)?))
}

#[tauri::command]
#[specta::specta]
pub fn block_rename(
    state: State<'_, AppState>,
    block_id: String,
    name: String,
) -> AppResult<WorkspaceView> {
    edit(&state, |ws| ws.rename_block(&block_id, &name))
}

#[tauri::command]
#[specta::specta]
pub fn block_set_timeout(
    state: State<'_, AppState>,
    block_id: String,
    timeout_ms: Option<u32>,
) -> AppResult<WorkspaceView> {
    edit(&state, |ws| ws.set_block_timeout(&block_id, timeout_ms))
}

#[tauri::command]
#[specta::specta]
pub fn step_create(
    state: State<'_, AppState>,
    flow: String,
    name: String,
) -> AppResult<WorkspaceView> {
    edit(&state, |ws| ws.add_step(&flow, &name).map(drop))
}

#[tauri::command]
#[specta::specta]
pub fn step_delete(
    state: State<'_, AppState>,
    flow: String,
    block_id: String,
) -> AppResult<WorkspaceView> {
    edit(&state, |ws| ws.delete_step(&flow, &block_id))
}

#[tauri::command]
#[specta::specta]
pub fn step_move(
    state: State<'_, AppState>,
    flow: String,
    block_id: String,
    to_index: u32,
) -> AppResult<WorkspaceView> {
    edit(&state, |ws| {
        ws.move_step(&flow, &block_id, to_index as usize)
    })
}

#[tauri::command]
#[specta::specta]
pub fn flow_create(state: State<'_, AppState>, name: String) -> AppResult<WorkspaceView> {
    edit(&state, |ws| ws.add_flow(&name))
}

#[tauri::command]
#[specta::specta]
pub fn flow_rename(
    state: State<'_, AppState>,
    flow: String,
    name: String,
) -> AppResult<WorkspaceView> {
    edit(&state, |ws| ws.rename_flow(&flow, &name))
}

#[tauri::command]
#[specta::specta]
pub fn flow_delete(state: State<'_, AppState>, flow: String) -> AppResult<WorkspaceView> {
    edit(&state, |ws| ws.delete_flow(&flow))
}

#[tauri::command]
#[specta::specta]
pub fn config_var_set(
    state: State<'_, AppState>,
    name: String,
    value: String,
) -> AppResult<WorkspaceView> {
    edit(&state, |ws| ws.set_config_var(&name, &value))
}

#[tauri::command]
#[specta::specta]
pub fn config_var_remove(state: State<'_, AppState>, name: String) -> AppResult<WorkspaceView> {
    edit(&state, |ws| ws.remove_config_var(&name).map(drop))
}

#[tauri::command]
#[specta::specta]
pub fn sample_read(state: State<'_, AppState>, block_id: String) -> AppResult<Value> {
    state.with_workspace(|ws| Ok(ws.read_sample(&block_id)?))
}

#[tauri::command]
#[specta::specta]
pub fn sample_save(state: State<'_, AppState>, block_id: String, sample: Value) -> AppResult<()> {
    state.with_workspace(|ws| Ok(ws.save_sample(&block_id, &sample)?))
}

/// Applies one edit to the open workspace and answers with the workspace as it now is.
fn edit(
    state: &AppState,
    change: impl FnOnce(&mut Workspace) -> blocksmith_workspace::Result<()>,
) -> AppResult<WorkspaceView> {
    state.with_workspace(|ws| {
        change(ws)?;
        Ok(WorkspaceView::of(ws))
    })
}
