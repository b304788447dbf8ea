//! What can go wrong on the host side of a run: starting a worker process or talking to it.
//!
//! A block that fails, loops, or exhausts memory is not an error here: it is a `RunReport` with
//! `ok: false`. These errors mean the run could not be carried out at all.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("Could not start a worker process ({program}): {source}. Check that the program exists and is executable.")]
    WorkerSpawn {
        program: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("The worker process broke the worker protocol: {0}. This is a bug in Blocksmith; the worker was replaced, so running again should work.")]
    WorkerProtocol(String),

    #[error(
        "Could not send the run to its worker process: {0}. The worker was replaced; run again."
    )]
    WorkerUnreachable(#[source] std::io::Error),
}

pub type Result<T> = std::result::Result<T, Error>;
