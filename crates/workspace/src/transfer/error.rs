//! Everything that can go wrong exporting or importing, as sentences a person can act on. An import error
//! names the file and what is wrong with it; none of them carries a value from a connection.

use std::path::PathBuf;

use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Workspace(#[from] crate::Error),

    #[error("\"{0}\" is not an export format; use js, yaml, bundle or dts.")]
    UnknownFormat(String),

    #[error("Exporting as JavaScript needs a block; name one with --block.")]
    BlockRequired,

    #[error(
        "--block only applies to the js format; the {0} format exports a whole flow or workspace."
    )]
    BlockNotAllowed(&'static str),

    #[error(
        "Test cases travel only in a bundle (--format bundle); the {0} format never carries them."
    )]
    TestsNotAllowed(&'static str),

    #[error("There is no block named \"{0}\" in this workspace.")]
    BlockNotFound(String),

    #[error("Several flows have a block named \"{name}\" ({}); name the flow too with --flow.", flows.join(", "))]
    AmbiguousBlock { name: String, flows: Vec<String> },

    #[error("Could not read {path}: {source}. Check that the file exists and is readable.")]
    ReadFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{file} is neither a Blocksmith bundle nor an integration YAML file: {reason}. Nothing was imported.")]
    NotAnImport { file: String, reason: String },

    #[error("{file} ends early ({reason}); it was probably cut off while being copied or saved. Nothing was imported.")]
    Truncated { file: String, reason: String },

    #[error("{file} is {what} {found}, but this Blocksmith reads {what} {supported}. Nothing was imported.")]
    UnsupportedVersion {
        file: String,
        what: &'static str,
        found: String,
        supported: u32,
    },

    #[error("{file} cannot be imported: {problem}. Nothing was imported.")]
    InvalidContent { file: String, problem: String },

    #[error("The import would clash with what this workspace already has: {}. Nothing was imported; rename those first, or import again renaming the incoming ones (in the app, choose Rename; on the command line, add --rename).", clashes.iter().map(Clash::to_string).collect::<Vec<_>>().join("; "))]
    Clashes { clashes: Vec<Clash> },
}

pub type ExportResult<T> = std::result::Result<T, ExportError>;

impl ExportError {
    pub(crate) fn invalid(file: &str, problem: impl Into<String>) -> Self {
        ExportError::InvalidContent {
            file: file.to_string(),
            problem: problem.into(),
        }
    }
}

/// What kind of thing an incoming name clashes with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum ClashKind {
    Flow,
    /// Config variables and connections share one namespace: blocks read both from `configVars`.
    ConfigVar,
    Connection,
}

/// An incoming flow, config variable or connection whose name is already used differently in the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Clash {
    pub kind: ClashKind,
    pub name: String,
}

impl std::fmt::Display for Clash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.kind {
            ClashKind::Flow => "a flow",
            ClashKind::ConfigVar => "a config variable",
            ClashKind::Connection => "a connection",
        };
        write!(f, "{what} named \"{}\" already exists", self.name)
    }
}
