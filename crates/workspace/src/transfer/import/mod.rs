//! Importing a bundle or an integration YAML into a workspace, in four steps: the file is read into one
//! neutral shape (`read`), checked whole (`check`), merged into a copy of the manifest in memory with new
//! block ids and clashes refused or renamed (`plan`, `rename`), and only then written: block files first,
//! the manifest after them (`apply`). A file that is not of a known format, is cut off, or is inconsistent
//! changes nothing; the `report` says what was added and what the person still has to do. Imported into a
//! folder with no workspace yet, the file becomes the workspace (`import_file_into_folder`).

mod apply;
mod check;
mod options;
mod plan;
mod read;
mod rename;
mod report;

use std::path::Path;

use crate::transfer::error::{ExportError, ExportResult};
use crate::workspace::{new_workspace_id, Workspace};

pub use options::{ImportOptions, OnClash};
pub use report::{ConnectionSecretsNeeded, ImportReport, Renamed};

/// Imports the file at `path`; its name appears in every error about it.
pub fn import_file(
    workspace: &mut Workspace,
    path: &Path,
    options: ImportOptions,
) -> ExportResult<ImportReport> {
    let (file, text) = read_file(path)?;
    import_str(workspace, &file, &text, options)
}

/// Imports a file's contents (a dropped file, a pasted text); `file_name` names it in errors.
pub fn import_str(
    workspace: &mut Workspace,
    file_name: &str,
    contents: &str,
    options: ImportOptions,
) -> ExportResult<ImportReport> {
    let incoming = check::checked(file_name, read::read_incoming(file_name, contents)?)?;
    let plan = plan::plan_import(workspace, file_name, incoming, options)?;
    apply::apply_import(workspace, plan)
}

/// Imports the file at `path` into the workspace in `dir` and returns that workspace, opened. A missing or
/// empty folder becomes a new workspace holding what the file brings and nothing else: no template flow to
/// clash with. The file is read and checked before such a folder is touched, so a file that cannot be
/// imported leaves no workspace behind. An existing workspace gets the import as [`import_file`] gives it.
pub fn import_file_into_folder(
    dir: &Path,
    path: &Path,
    options: ImportOptions,
) -> ExportResult<(Workspace, ImportReport)> {
    if !Workspace::is_new_folder(dir)? {
        let mut workspace = Workspace::open(dir)?;
        let report = import_file(&mut workspace, path, options)?;
        return Ok((workspace, report));
    }
    let (file, text) = read_file(path)?;
    let incoming = check::checked(&file, read::read_incoming(&file, &text)?)?;
    let mut workspace = Workspace::create_empty(dir, &new_workspace_id())?;
    let plan = plan::plan_import(&workspace, &file, incoming, options)?;
    let report = apply::apply_import(&mut workspace, plan)?;
    Ok((workspace, report))
}

/// The file at `path` as text, with its name for errors.
fn read_file(path: &Path) -> ExportResult<(String, String)> {
    let bytes = std::fs::read(path).map_err(|source| ExportError::ReadFile {
        path: path.to_path_buf(),
        source,
    })?;
    let file = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|_| ExportError::NotAnImport {
        file: file.clone(),
        reason: "it is not a text file (it is not valid UTF-8)".to_string(),
    })?;
    Ok((file, text))
}
