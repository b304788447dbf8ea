//! Failures of the engine's own machinery (not of the block): a run turns each into the report's error.

use thiserror::Error;

/// What went wrong outside the block's own code.
#[derive(Debug, Error)]
pub enum Error {
    /// One of the engine's built-in preludes failed to load; this is a bug in the engine, not the block.
    #[error("the engine's built-in `{file}` failed to load: {message}")]
    Prelude { file: &'static str, message: String },
    /// `JSON.stringify` produced text that serde_json could not read back.
    #[error("the block's result could not be read back as JSON: {0}")]
    ResultJson(#[from] serde_json::Error),
    /// The JSON handed to the block (payload, step results, config variables, context or state) is not
    /// JSON; callers check their input, so this is a bug in the caller.
    #[error("the JSON handed to the block could not be read: {0}")]
    InputJson(serde_json::Error),
}

pub type Result<T> = std::result::Result<T, Error>;
