//! Importing a bundle or an integration YAML into a workspace, in four steps: the file is read into one
//! neutral shape (`read`), checked whole (`check`), merged into a copy of the manifest in memory with new
//! block ids and clashes refused or renamed (`plan`, `rename`), and only then written: block files first,
//! the manifest after them (`apply`). A file that is not of a known format, is cut off, or is inconsistent
//! changes nothing; the `report` says what was added and what the person still has to do.

mod apply;
mod check;
mod options;
mod plan;
mod read;
mod rename;
mod report;

use std::path::Path;

use crate::transfer::error::{ExportError, ExportResult};
use crate::workspace::Workspace;

pub use options::{ImportOptions, OnClash};
pub use report::{ConnectionSecretsNeeded, ImportReport, Renamed};

/// Imports the file at `path`; its name appears in every error about it.
pub fn import_file(
    workspace: &mut Workspace,
    path: &Path,
    options: ImportOptions,
) -> ExportResult<ImportReport> {
    let bytes = std::fs::read(path).map_err(|source| ExportError::ReadFile {
        path: path.to_path_buf(),
        source,
    })?;
    let file = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|_| ExportError::NotAnImport {
        file: file.clone(),
        reason: "it is not a text file (it is not valid UTF-8)".to_string(),
    })?;
    import_str(workspace, &file, &text, options)
}

/// Imports a file's contents (a dropped file, a pasted text); `file_name` names it in errors.
pub fn import_str(
    workspace: &mut Workspace,
    file_name: &str,
    contents: &str,
    options: ImportOptions,
) -> ExportResult<ImportReport> {
    let incoming = read::read_incoming(file_name, contents)?;
    let plan = plan::plan_import(workspace, file_name, incoming, options)?;
    apply::apply_import(workspace, plan)
}
