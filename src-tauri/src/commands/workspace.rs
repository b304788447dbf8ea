//! Opening a workspace and editing its blocks, flows, config variables and samples.

use std::path::PathBuf;

use blocksmith_session::{Session, WorkspaceView};
use serde_json::Value;
use tauri::State;

use crate::commands::blocking;
use crate::error::AppResult;
use crate::settings::{default_workspace, ConfigDir, Settings};

/// Opens `path`, or the default workspace when `path` is null; a missing or empty folder becomes a new
/// workspace seeded with the templates.
#[tauri::command]
#[specta::specta]
pub async fn workspace_open(
    session: State<'_, Session>,
    config_dir: State<'_, ConfigDir>,
    path: Option<String>,
) -> AppResult<WorkspaceView> {
    let config_dir = config_dir.0.clone();
    blocking(session, move |s| {
        let dir = match path {
            Some(path) => PathBuf::from(path),
            None => default_workspace(
                &Settings::load(&config_dir),
                std::env::var_os("HOME").map(PathBuf::from),
            ),
        };
        s.open(&dir, true)?;
        let view = s.workspace_view()?;
        Settings::update(&config_dir, |settings| {
            settings.opened(PathBuf::from(&view.path))
        });
        Ok(view)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn workspace_current(session: State<'_, Session>) -> AppResult<WorkspaceView> {
    blocking(session, |s| s.workspace_view()).await
}

#[tauri::command]
#[specta::specta]
pub async fn block_read(session: State<'_, Session>, block_id: String) -> AppResult<String> {
    blocking(session, move |s| s.read_block(&block_id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn block_save(
    session: State<'_, Session>,
    block_id: String,
    source: String,
) -> AppResult<()> {
    blocking(session, move |s| s.save_block(&block_id, &source)).await
}

#[tauri::command]
#[specta::specta]
pub async fn block_rename(
    session: State<'_, Session>,
    block_id: String,
    name: String,
) -> AppResult<WorkspaceView> {
    blocking(session, move |s| s.rename_block(&block_id, &name)).await
}

#[tauri::command]
#[specta::specta]
pub async fn block_set_timeout(
    session: State<'_, Session>,
    block_id: String,
    timeout_ms: Option<u32>,
) -> AppResult<WorkspaceView> {
    blocking(session, move |s| s.set_block_timeout(&block_id, timeout_ms)).await
}

#[tauri::command]
#[specta::specta]
pub async fn step_create(
    session: State<'_, Session>,
    flow: String,
    name: String,
) -> AppResult<WorkspaceView> {
    blocking(session, move |s| s.add_step(&flow, &name)).await
}

#[tauri::command]
#[specta::specta]
pub async fn step_delete(
    session: State<'_, Session>,
    flow: String,
    block_id: String,
) -> AppResult<WorkspaceView> {
    blocking(session, move |s| s.delete_step(&flow, &block_id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn step_move(
    session: State<'_, Session>,
    flow: String,
    block_id: String,
    to_index: u32,
) -> AppResult<WorkspaceView> {
    blocking(session, move |s| {
        s.move_step(&flow, &block_id, to_index as usize)
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn flow_create(session: State<'_, Session>, name: String) -> AppResult<WorkspaceView> {
    blocking(session, move |s| s.add_flow(&name)).await
}

#[tauri::command]
#[specta::specta]
pub async fn flow_rename(
    session: State<'_, Session>,
    flow: String,
    name: String,
) -> AppResult<WorkspaceView> {
    blocking(session, move |s| s.rename_flow(&flow, &name)).await
}

#[tauri::command]
#[specta::specta]
pub async fn flow_delete(session: State<'_, Session>, flow: String) -> AppResult<WorkspaceView> {
    blocking(session, move |s| s.delete_flow(&flow)).await
}

#[tauri::command]
#[specta::specta]
pub async fn config_var_set(
    session: State<'_, Session>,
    name: String,
    value: String,
) -> AppResult<WorkspaceView> {
    blocking(session, move |s| s.set_config_var(&name, &value)).await
}

#[tauri::command]
#[specta::specta]
pub async fn config_var_remove(
    session: State<'_, Session>,
    name: String,
) -> AppResult<WorkspaceView> {
    blocking(session, move |s| s.remove_config_var(&name)).await
}

#[tauri::command]
#[specta::specta]
pub async fn sample_read(session: State<'_, Session>, block_id: String) -> AppResult<Value> {
    blocking(session, move |s| s.read_sample(&block_id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn sample_save(
    session: State<'_, Session>,
    block_id: String,
    sample: Value,
) -> AppResult<()> {
    blocking(session, move |s| s.save_sample(&block_id, &sample)).await
}
