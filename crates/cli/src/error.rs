//! Why `blocksmith` could not do what it was asked: a bad invocation or input it cannot read (exit
//! status 2), or a failure on the way (exit 1). A block that fails is not an error here; it is the JSON line on
//! stdout.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("Cannot read the {what} {path}: {source}.")]
    Unreadable {
        what: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("The {what} {path} is not valid JSON: {reason}.")]
    NotJson {
        what: &'static str,
        path: PathBuf,
        reason: String,
    },

    #[error("The {what} {path} must hold a JSON object (like {{\"name\": \"value\"}}), but it holds {found}.")]
    NotAnObject {
        what: &'static str,
        path: PathBuf,
        found: &'static str,
    },

    #[error("Cannot write the {what} {path}: {reason}")]
    Unwritable {
        what: &'static str,
        path: PathBuf,
        reason: String,
    },

    #[error("{0}")]
    Invocation(String),

    #[error("The workspace {path} could not be used: {source}")]
    Workspace {
        path: PathBuf,
        #[source]
        source: blocksmith_session::Error,
    },

    #[error("{0}")]
    Session(#[from] blocksmith_session::Error),

    #[error("Could not find the blocksmith program to start a worker process: {0}.")]
    OwnExecutable(#[source] std::io::Error),

    #[error(
        "Could not listen for Ctrl+C, so a run could not be stopped cleanly: {0}. Nothing was run."
    )]
    SignalHandler(#[source] ctrlc::Error),
}

impl Error {
    /// Whether the person asked for something invalid (exit 2) rather than something failing (exit 1). The
    /// session's errors say which through their code.
    pub fn is_bad_input(&self) -> bool {
        match self {
            Error::Session(err) => err.code().is_bad_input(),
            Error::OwnExecutable(_) | Error::SignalHandler(_) => false,
            _ => true,
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
