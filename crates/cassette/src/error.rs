//! The cassette crate's errors.

/// Why a cassette could not be used.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The secrets could not be prepared for concealment (see the secrets crate's redactor).
    #[error(transparent)]
    Concealment(#[from] blocksmith_secrets::RedactorError),
}

pub type Result<T> = std::result::Result<T, Error>;
