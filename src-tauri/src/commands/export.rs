//! Exporting a block, a flow or the workspace (JavaScript, the platform's integration YAML, a bundle), and
//! importing a bundle or YAML. Exports never hold a secret: the workspace model has none to give.

use std::path::PathBuf;

use blocksmith_workspace::export::{
    self, ExportRequest, Exported, ImportOptions, ImportReport, OnClash,
};
use blocksmith_workspace::write_atomic;
use tauri::State;

use crate::commands::workspace::WorkspaceView;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

impl From<export::ExportError> for AppError {
    fn from(err: export::ExportError) -> Self {
        AppError::new(err.code(), err.to_string())
    }
}

/// The export's text and the file name to offer: for Copy to clipboard and to preview.
#[tauri::command]
#[specta::specta]
pub fn export_preview(state: State<'_, AppState>, request: ExportRequest) -> AppResult<Exported> {
    state.with_workspace(|ws| Ok(export::export(ws, &request)?))
}

/// Writes the export to `path` (chosen in the native save dialog), atomically.
#[tauri::command]
#[specta::specta]
pub fn export_to_file(
    state: State<'_, AppState>,
    request: ExportRequest,
    path: String,
) -> AppResult<()> {
    state.with_workspace(|ws| {
        let exported = export::export(ws, &request)?;
        Ok(write_atomic(
            &PathBuf::from(path),
            exported.contents.as_bytes(),
        )?)
    })
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
