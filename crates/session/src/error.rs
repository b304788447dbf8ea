//! Errors of preparing and recording runs: each names the block, flow or file involved.

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Workspace(#[from] blocksmith_workspace::Error),

    #[error(transparent)]
    Runner(#[from] blocksmith_runner::Error),

    #[error("The block \"{0}\" is not part of any flow; add it to a flow to run it.")]
    BlockWithoutFlow(String),

    #[error(transparent)]
    Secrets(#[from] blocksmith_secrets::Error),

    #[error(transparent)]
    Redaction(#[from] blocksmith_secrets::RedactorError),

    #[error("There is no connection kind \"{0}\"; the kinds are apikey, apikeysecret, basic, authorizationcode, clientcredentials and privatekey.")]
    UnknownConnectionKind(String),

    #[error("There is no connection named \"{0}\" in this workspace.")]
    UnknownConnection(String),

    #[error("{0}")]
    InvalidInput(String),

    #[error(transparent)]
    OAuth(#[from] blocksmith_oauth::Error),

    #[error("The connection \"{0}\" needs consent: the provider rejected its refresh token. Press Connect (or run `blocksmith connections authorize`) to sign in again.")]
    NeedsConsent(String),

    #[error("The connection \"{0}\" is not connected yet: press Connect first.")]
    NotConnected(String),

    #[error("The connection \"{0}\" is not an OAuth 2.0 connection.")]
    NotOAuth(String),

    #[error("{}", crate::host_binding::describe_host_change(.connection, .changes))]
    HostChanged {
        connection: String,
        changes: Vec<crate::host_binding::HostChange>,
    },

    #[error("{0} is a secret: it is kept only in the OS keyring, so give it on standard input (or in the form's secret field), never as a plain setting.")]
    SecretOutsideKeyring(String),
}

impl Error {
    /// A stable machine-readable code for the UI and the CLI to branch on.
    pub fn code(&self) -> crate::ErrorCode {
        self.into()
    }
}

pub type Result<T> = std::result::Result<T, Error>;
