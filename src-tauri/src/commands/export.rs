//! Exporting a block, a flow or the workspace (JavaScript, the platform's integration YAML, a bundle), and
//! importing a bundle or YAML. Exports never hold a secret (see `Session::export`).

use std::path::PathBuf;

use blocksmith_session::types::{ExportRequest, Exported, ImportReport};
use blocksmith_session::{Session, WorkspaceView};
use tauri::State;

use crate::commands::blocking;
use crate::error::AppResult;

/// The export's text and the file name to offer: for Copy to clipboard and to preview.
#[tauri::command]
#[specta::specta]
pub async fn export_preview(
    session: State<'_, Session>,
    request: ExportRequest,
) -> AppResult<Exported> {
    blocking(session, move |s| Ok(s.export(&request)?.exported)).await
}

/// Writes the export to `path` (chosen in the native save dialog), atomically.
#[tauri::command]
#[specta::specta]
pub async fn export_to_file(
    session: State<'_, Session>,
    request: ExportRequest,
    path: String,
) -> AppResult<()> {
    blocking(session, move |s| {
        s.export_to_file(&request, &PathBuf::from(path)).map(drop)
    })
    .await
}

/// Imports a bundle or integration YAML file (from the open dialog). With `rename`, clashing names are
/// renamed; without, a clash changes nothing and says which names clash.
#[tauri::command]
#[specta::specta]
pub async fn import_file(
    session: State<'_, Session>,
    path: String,
    rename: bool,
) -> AppResult<ImportOutcome> {
    blocking(session, move |s| {
        let report = s.import_file(&PathBuf::from(path), rename)?;
        Ok(ImportOutcome {
            report,
            workspace: s.workspace_view()?,
        })
    })
    .await
}

/// Imports the contents of a file dropped on the window.
#[tauri::command]
#[specta::specta]
pub async fn import_contents(
    session: State<'_, Session>,
    file_name: String,
    contents: String,
    rename: bool,
) -> AppResult<ImportOutcome> {
    blocking(session, move |s| {
        let report = s.import_contents(&file_name, &contents, rename)?;
        Ok(ImportOutcome {
            report,
            workspace: s.workspace_view()?,
        })
    })
    .await
}

/// What an import brought in, and the workspace as it now is.
#[derive(Debug, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    pub report: ImportReport,
    pub workspace: WorkspaceView,
}
