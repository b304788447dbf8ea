//! Everything that can go wrong with a workspace on disk, as sentences a person can act on.

use std::path::PathBuf;

use crate::names::BlockIdProblem;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("The workspace manifest {path} is not valid: {reason}. Fix or restore the file; Blocksmith has not changed it.")]
    ManifestInvalid { path: PathBuf, reason: String },

    #[error("The manifest {path} {entry} {id}, which is not a file name inside the workspace: {problem}. Blocksmith makes block ids like \"code-block-2\" (lowercase letters, digits and single dashes); fix or restore the manifest. Blocksmith has not changed anything on disk.")]
    UnsafeBlockId {
        path: PathBuf,
        /// Which entry names the id: `names a block with id`, `has a flow "Flow 1" whose step is`, …
        entry: String,
        /// The id as it can be shown: quoted, escaped and cut short.
        id: String,
        problem: BlockIdProblem,
    },

    #[error("Blocksmith will not use {path}: {reason}. A workspace only reads, writes and deletes files inside its own folder ({root}); replace the link with the file or folder itself.")]
    OutsideWorkspace {
        path: PathBuf,
        root: PathBuf,
        reason: String,
    },

    #[error("{path} is not a Blocksmith workspace (it has files but no blocksmith.json). Choose an empty folder or an existing workspace.")]
    NotAWorkspace { path: PathBuf },

    #[error("Could not {action} {path}: {source}. Check that the folder exists and is writable.")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("The workspace folder is not writable: Blocksmith could not {action} {path} ({source}). Nothing on disk was changed; make the folder writable (check its permissions, or whether its disk is mounted read-only) and Blocksmith can save again.")]
    NotWritable {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("The file of block \"{block}\" ({path}) is missing: it was deleted or moved outside Blocksmith. Save the block to write it again, or delete the block.")]
    BlockFileMissing { block: String, path: PathBuf },

    #[error("The test case file {path} is not valid: {reason}. Fix or restore it, or record the case again.")]
    TestCaseInvalid { path: PathBuf, reason: String },

    #[error("There is no block with id \"{0}\" in this workspace.")]
    UnknownBlock(String),

    #[error("There is no flow named \"{0}\" in this workspace.")]
    UnknownFlow(String),

    #[error("{what} \"{name}\" already exists; choose another name.")]
    DuplicateName { what: &'static str, name: String },

    #[error("{0}")]
    InvalidName(String),

    #[error("A flow's trigger cannot be {0}; delete the whole flow instead.")]
    TriggerNotRemovable(&'static str),

    #[error("A run's outcome was not kept in the history: it is not JSON that can be checked for secrets ({0}).")]
    HistoryOutcomeUnchecked(String),

    #[error("The run history database {path} could not be used: {source}.")]
    History {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An I/O failure; one that comes from the folder refusing writes gets its own variant, because the
    /// person's remedy (make the folder writable) differs from a missing or broken file.
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        let path = path.into();
        let refused = matches!(
            source.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        );
        if refused && action != "read" {
            return Error::NotWritable {
                action,
                path,
                source,
            };
        }
        Error::Io {
            action,
            path,
            source,
        }
    }
}
