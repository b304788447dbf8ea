//! Errors of preparing and recording runs: each names the block, flow or file involved.

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Workspace(#[from] blocksmith_workspace::Error),

    #[error(transparent)]
    Runner(#[from] blocksmith_runner::Error),

    #[error("The block \"{0}\" is not part of any flow; add it to a flow to run it.")]
    BlockWithoutFlow(String),
}

impl Error {
    /// A stable machine-readable code for the UI to branch on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Workspace(err) => err.code(),
            Error::Runner(err) => err.code(),
            Error::BlockWithoutFlow(_) => "block_without_flow",
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
