//! The session's export and import. Exports never hold a secret: the workspace model has none to give, and a
//! secret value pasted into a block or a sample is redacted (in every form) on the way out.

use std::path::Path;
use std::time::SystemTime;

use blocksmith_workspace::transfer::{
    self, ExportRequest, Exported, ImportOptions, ImportReport, OnClash,
};
use blocksmith_workspace::write_atomic;

use super::Session;
use crate::error::Result;
use crate::redaction::workspace_redactor;

/// An export, with whether a secret value had to be redacted from it.
#[derive(Debug, Clone)]
pub struct ExportOutcome {
    pub exported: Exported,
    /// A block or a sample held a secret value of the workspace's connections; each was replaced by
    /// [`crate::REDACTION_MARKER`].
    pub secrets_redacted: bool,
}

impl Session {
    /// The export `request` names, every secret value of the workspace's connections redacted. The keyring is
    /// read only when the workspace has connections.
    pub fn export(&self, request: &ExportRequest) -> Result<ExportOutcome> {
        let workspace = self.snapshot()?;
        let mut exported = transfer::export(&workspace, request)?;
        let redactor = workspace_redactor(&workspace, || self.keyring(), SystemTime::now())?;
        let secrets_redacted = redactor.finds_in(&exported.contents);
        if secrets_redacted {
            redactor.redact_string(&mut exported.contents);
        }
        Ok(ExportOutcome {
            exported,
            secrets_redacted,
        })
    }

    /// Writes the export `request` names to `path`, atomically.
    pub fn export_to_file(&self, request: &ExportRequest, path: &Path) -> Result<ExportOutcome> {
        let outcome = self.export(request)?;
        write_atomic(path, outcome.exported.contents.as_bytes())?;
        Ok(outcome)
    }

    /// Imports a bundle or integration YAML file. With `rename`, clashing names are renamed; without, a clash
    /// changes nothing and says which names clash.
    pub fn import_file(&self, path: &Path, rename: bool) -> Result<ImportReport> {
        self.with_workspace(|ws| Ok(transfer::import_file(ws, path, options(rename))?))
    }

    /// Opens the workspace at `dir` with the bundle or integration YAML file at `path` imported into it, as
    /// `blocksmith import --workspace DIR FILE` does. A missing or empty folder becomes a new workspace holding
    /// only what the file brings (no template flow, so nothing clashes); an existing workspace gets the import
    /// as [`Session::import_file`] gives it. A listener serving the previous workspace is turned off.
    pub fn open_with_import(&self, dir: &Path, path: &Path, rename: bool) -> Result<ImportReport> {
        let (workspace, report) = transfer::import_file_into_folder(dir, path, options(rename))?;
        self.replace_workspace(workspace);
        Ok(report)
    }

    /// Imports the contents of a file (dropped on the window): `file_name` tells its format.
    pub fn import_contents(
        &self,
        file_name: &str,
        contents: &str,
        rename: bool,
    ) -> Result<ImportReport> {
        self.with_workspace(|ws| {
            Ok(transfer::import_str(
                ws,
                file_name,
                contents,
                options(rename),
            )?)
        })
    }
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
