//! Everything the session's calls can fail with, each a sentence that names the block, flow, connection or file
//! involved and what to do. [`crate::ErrorCode`] gives each its stable code.

use std::time::Duration;

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

    /// A block test case that cannot be used as it is: no name, an unreadable file, an `ignore` path that is not
    /// a JSON path. The message names the case and what to fix.
    #[error("{0}")]
    TestCaseInvalid(String),

    #[error("There is no test case named \"{0}\" among the selected blocks; `blocksmith test` without --case lists them all.")]
    UnknownTestCase(String),

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

    #[error(transparent)]
    Export(#[from] blocksmith_workspace::transfer::ExportError),

    #[error(transparent)]
    Webhook(#[from] crate::webhook::WebhookError),

    #[error(transparent)]
    Preset(#[from] crate::presets::PresetError),

    #[error("No workspace is open. Open a workspace folder first.")]
    NoWorkspace,

    #[error("There is no recorded run with id {0}; it may have been pruned.")]
    UnknownRun(i64),

    #[error(
        "The run {execution_id} of the flow \"{flow}\" is no longer in its trigger's history (it may have \
         been pruned); run the flow again and save that run."
    )]
    UnknownFlowRun { flow: String, execution_id: String },

    #[error("{}", match .0 {
        ConsentVia::Window => "Connecting was cancelled: the consent window was closed; nothing was stored.",
        ConsentVia::SystemBrowser => "Connecting in the system browser was cancelled; nothing was stored.",
    })]
    ConsentCancelled(ConsentVia),

    #[error("The provider never redirected back within {}; press Connect to try again.", in_words(*.0))]
    ConsentTimeout(Duration),

    #[error("{0}")]
    ConsentWindow(String),

    #[error("This program has no consent window; connect in the system browser instead (`blocksmith connections authorize`).")]
    NoConsentWindow,

    #[error("A run finished, but it could not be kept in the run history: {0}. Later runs are kept as usual; free disk space if it is full.")]
    RunNotRecorded(String),

    #[error("{0}")]
    Internal(String),
}

/// Where the person was asked for consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentVia {
    /// The app's own consent window.
    Window,
    /// The person's browser, with a loopback listener waiting for the redirect.
    SystemBrowser,
}

impl Error {
    /// A stable machine-readable code for the UI and the CLI to branch on.
    pub fn code(&self) -> crate::ErrorCode {
        self.into()
    }
}

/// "10 minutes", "1 minute", "45 seconds".
fn in_words(duration: Duration) -> String {
    let seconds = duration.as_secs();
    let (count, unit) = if seconds >= 60 && seconds.is_multiple_of(60) {
        (seconds / 60, "minute")
    } else {
        (seconds, "second")
    };
    format!("{count} {unit}{}", if count == 1 { "" } else { "s" })
}

pub type Result<T> = std::result::Result<T, Error>;
