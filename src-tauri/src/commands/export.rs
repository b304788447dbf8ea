//! Exporting a block, a flow or the workspace (JavaScript, the platform's integration YAML, a bundle), and
//! importing a bundle or YAML. Exports never hold a secret: the workspace model has none to give, and a
//! secret value pasted into a block or a sample is redacted (in every form) on the way out.

use std::path::PathBuf;
use std::time::SystemTime;

use blocksmith_session::workspace_redactor;
use blocksmith_workspace::export::{
    self, ExportRequest, Exported, ImportOptions, ImportReport, OnClash,
};
use blocksmith_workspace::{write_atomic, Workspace};
use tauri::{AppHandle, State};

use crate::app_state::AppState;
use crate::commands::connections::with_keyring;
use crate::error::AppResult;
use blocksmith_session::WorkspaceView;

/// The export's text and the file name to offer: for Copy to clipboard and to preview.
#[tauri::command]
#[specta::specta]
pub async fn export_preview(app: AppHandle, request: ExportRequest) -> AppResult<Exported> {
    with_keyring(app, move |state| {
        state.with_workspace(|ws| redacted_export(state, ws, &request))
    })
    .await
}

/// Writes the export to `path` (chosen in the native save dialog), atomically.
#[tauri::command]
#[specta::specta]
pub async fn export_to_file(app: AppHandle, request: ExportRequest, path: String) -> AppResult<()> {
    with_keyring(app, move |state| {
        state.with_workspace(|ws| {
            let exported = redacted_export(state, ws, &request)?;
            Ok(write_atomic(
                &PathBuf::from(path),
                exported.contents.as_bytes(),
            )?)
        })
    })
    .await
}

/// The export with every secret value of the workspace's connections redacted: a block or a sample may
/// hold one that was pasted in. The keyring is read only when the workspace has connections.
fn redacted_export(
    state: &AppState,
    ws: &Workspace,
    request: &ExportRequest,
) -> AppResult<Exported> {
    let mut exported = export::export(ws, request)?;
    let redactor = workspace_redactor(ws, || state.secret_store(), SystemTime::now())?;
    redactor.redact_string(&mut exported.contents);
    Ok(exported)
}

/// Imports a bundle or integration YAML file (from the open dialog). With `rename`, clashing names are
/// renamed; without, a clash changes nothing and says which names clash.
#[tauri::command]
#[specta::specta]
pub fn import_file(
    state: State<'_, AppState>,
    path: String,
    rename: bool,
) -> AppResult<ImportOutcome> {
    state.with_workspace(|ws| {
        let report = export::import_file(ws, &PathBuf::from(path), options(rename))?;
        Ok(ImportOutcome {
            report,
            workspace: WorkspaceView::of(ws),
        })
    })
}

/// Imports the contents of a file dropped on the window.
#[tauri::command]
#[specta::specta]
pub fn import_contents(
    state: State<'_, AppState>,
    file_name: String,
    contents: String,
    rename: bool,
) -> AppResult<ImportOutcome> {
    state.with_workspace(|ws| {
        let report = export::import_str(ws, &file_name, &contents, options(rename))?;
        Ok(ImportOutcome {
            report,
            workspace: WorkspaceView::of(ws),
        })
    })
}

/// What an import brought in, and the workspace as it now is.
#[derive(Debug, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    pub report: ImportReport,
    pub workspace: WorkspaceView,
}

fn options(rename: bool) -> ImportOptions {
    ImportOptions {
        on_clash: if rename {
            OnClash::Rename
        } else {
            OnClash::Refuse
        },
    }
}
