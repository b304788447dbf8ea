//! The one vocabulary of failures that the app, the UI and the CLI branch on. Every crate's typed error maps to
//! an [`ErrorCode`] here and nowhere else; the UI gets the enum through the generated bindings (a union of the
//! snake_case strings below), and the CLI chooses its exit status from it.

use serde::Serialize;

use blocksmith_oauth::Error as OAuthError;
use blocksmith_runner::Error as RunnerError;
use blocksmith_secrets::Error as KeyringError;
use blocksmith_workspace::transfer::ExportError;
use blocksmith_workspace::Error as WorkspaceError;

use crate::error::Error;
use crate::presets::PresetError;
use crate::webhook::WebhookError;

/// What went wrong, as a stable machine-readable name. Keyring failures all start with `keyring_`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    // The workspace folder and its files.
    ManifestInvalid,
    ManifestUnsafeBlockId,
    OutsideWorkspace,
    NotAWorkspace,
    Io,
    NotWritable,
    BlockFileMissing,
    UnknownBlock,
    UnknownFlow,
    DuplicateName,
    InvalidName,
    TriggerNotRemovable,
    History,
    NoWorkspace,
    BlockWithoutFlow,
    // Export and import.
    UnknownExportFormat,
    ExportBlockRequired,
    ExportBlockNotAllowed,
    ExportTestsNotAllowed,
    ExportBlockNotFound,
    ExportBlockAmbiguous,
    ImportReadFailed,
    ImportNotAKnownFormat,
    ImportTruncated,
    ImportUnsupportedVersion,
    ImportInvalidContent,
    ImportNameClash,
    // Runs.
    WorkerSpawn,
    WorkerProtocol,
    WorkerUnreachable,
    UnknownRun,
    Redaction,
    // Connections.
    InvalidInput,
    UnknownConnectionKind,
    UnknownConnection,
    SecretOutsideKeyring,
    NotOAuth,
    NotConnected,
    NeedsConsent,
    HostChanged,
    // Block tests.
    TestCaseInvalid,
    UnknownTestCase,
    // Provider presets.
    UnknownPreset,
    PresetParameterInvalid,
    PresetFileInvalid,
    // The OS keyring, one code per failure.
    KeyringNoDbusSession,
    KeyringNoSecretService,
    KeyringLocked,
    KeyringNoDefaultCollection,
    KeyringNoSessionKeyring,
    KeyringUntrustworthy,
    KeyringFailed,
    KeyringEntryNotText,
    KeyringEntryAmbiguous,
    KeyringEntryNameEmpty,
    KeyringTokenNotJson,
    KeyringUnknownBackend,
    // OAuth settings and the provider's answers.
    MissingField,
    InvalidUrl,
    InsecureEndpoint,
    InvalidHeaders,
    ReservedHeader,
    InvalidPkceVerifier,
    NotLoopbackRedirectUri,
    RedirectUriMismatch,
    StateMismatch,
    IssuerMismatch,
    IssuerMissing,
    MetadataIssuerMismatch,
    NoProviderMetadata,
    ProviderMetadataUnreadable,
    AuthorizationDenied,
    MissingCode,
    ProviderUnreachable,
    TokenRequestNotSent,
    TokenResponseUnreadable,
    InvalidClient,
    CodeRejected,
    TokenRequestRefused,
    TokenResponseNotJson,
    TokenResponseUnexpectedStatus,
    TokenResponseMissingField,
    TokenResponseInvalidField,
    NoRefreshToken,
    NoAuthorizeUrl,
    RevocationRefused,
    StoredTokenUnreadable,
    HttpClient,
    // Waiting for consent, in the app's window, the system browser or the CLI.
    LoopbackBind,
    Loopback,
    ConsentTimeout,
    ConsentCancelled,
    ConsentWindow,
    BrowserNotOpened,
    // The webhook listener.
    WebhookPortUnavailable,
    WebhookFailed,
    /// A fault of Blocksmith itself, not of the input.
    Internal,
}

impl ErrorCode {
    /// Whether the person asked for something invalid (the CLI's exit status 2) rather than something failing on
    /// the way (exit 1): an input, a name, an export or import request that cannot be carried out as given.
    pub fn is_bad_input(self) -> bool {
        use ErrorCode::*;
        matches!(
            self,
            InvalidInput
                | TestCaseInvalid
                | UnknownTestCase
                | SecretOutsideKeyring
                | DuplicateName
                | InvalidName
                | UnknownConnection
                | UnknownConnectionKind
                | NotOAuth
                | HostChanged
                | UnknownPreset
                | PresetParameterInvalid
                | PresetFileInvalid
                | UnknownExportFormat
                | ExportBlockRequired
                | ExportBlockNotAllowed
                | ExportTestsNotAllowed
                | ExportBlockNotFound
                | ExportBlockAmbiguous
                | ImportReadFailed
                | ImportNotAKnownFormat
                | ImportTruncated
                | ImportUnsupportedVersion
                | ImportInvalidContent
                | ImportNameClash
        )
    }

    /// The keyring's failures (the app shows these with a way to retry; the UI gets this list as a constant).
    pub const KEYRING: [ErrorCode; 12] = [
        ErrorCode::KeyringNoDbusSession,
        ErrorCode::KeyringNoSecretService,
        ErrorCode::KeyringLocked,
        ErrorCode::KeyringNoDefaultCollection,
        ErrorCode::KeyringNoSessionKeyring,
        ErrorCode::KeyringUntrustworthy,
        ErrorCode::KeyringFailed,
        ErrorCode::KeyringEntryNotText,
        ErrorCode::KeyringEntryAmbiguous,
        ErrorCode::KeyringEntryNameEmpty,
        ErrorCode::KeyringTokenNotJson,
        ErrorCode::KeyringUnknownBackend,
    ];

    /// Whether the OS keyring failed.
    pub fn is_keyring(self) -> bool {
        Self::KEYRING.contains(&self)
    }
}

impl From<&WorkspaceError> for ErrorCode {
    fn from(err: &WorkspaceError) -> Self {
        match err {
            WorkspaceError::ManifestInvalid { .. } => ErrorCode::ManifestInvalid,
            // A case file a person edited badly: fixed by editing it.
            WorkspaceError::TestCaseInvalid { .. } => ErrorCode::TestCaseInvalid,
            WorkspaceError::UnsafeBlockId { .. } => ErrorCode::ManifestUnsafeBlockId,
            WorkspaceError::OutsideWorkspace { .. } => ErrorCode::OutsideWorkspace,
            WorkspaceError::NotAWorkspace { .. } => ErrorCode::NotAWorkspace,
            WorkspaceError::Io { .. } => ErrorCode::Io,
            WorkspaceError::NotWritable { .. } => ErrorCode::NotWritable,
            WorkspaceError::BlockFileMissing { .. } => ErrorCode::BlockFileMissing,
            WorkspaceError::UnknownBlock(_) => ErrorCode::UnknownBlock,
            WorkspaceError::UnknownFlow(_) => ErrorCode::UnknownFlow,
            WorkspaceError::DuplicateName { .. } => ErrorCode::DuplicateName,
            WorkspaceError::InvalidName(_) => ErrorCode::InvalidName,
            WorkspaceError::TriggerNotRemovable(_) => ErrorCode::TriggerNotRemovable,
            WorkspaceError::History { .. } | WorkspaceError::HistoryOutcomeUnchecked(_) => {
                ErrorCode::History
            }
        }
    }
}

impl From<&ExportError> for ErrorCode {
    fn from(err: &ExportError) -> Self {
        match err {
            ExportError::Workspace(inner) => inner.into(),
            ExportError::UnknownFormat(_) => ErrorCode::UnknownExportFormat,
            ExportError::BlockRequired => ErrorCode::ExportBlockRequired,
            ExportError::BlockNotAllowed(_) => ErrorCode::ExportBlockNotAllowed,
            ExportError::TestsNotAllowed(_) => ErrorCode::ExportTestsNotAllowed,
            ExportError::BlockNotFound(_) => ErrorCode::ExportBlockNotFound,
            ExportError::AmbiguousBlock { .. } => ErrorCode::ExportBlockAmbiguous,
            ExportError::ReadFile { .. } => ErrorCode::ImportReadFailed,
            ExportError::NotAnImport { .. } => ErrorCode::ImportNotAKnownFormat,
            ExportError::Truncated { .. } => ErrorCode::ImportTruncated,
            ExportError::UnsupportedVersion { .. } => ErrorCode::ImportUnsupportedVersion,
            ExportError::InvalidContent { .. } => ErrorCode::ImportInvalidContent,
            ExportError::Clashes { .. } => ErrorCode::ImportNameClash,
        }
    }
}

impl From<&RunnerError> for ErrorCode {
    fn from(err: &RunnerError) -> Self {
        match err {
            RunnerError::WorkerSpawn { .. } => ErrorCode::WorkerSpawn,
            RunnerError::WorkerProtocol(_) => ErrorCode::WorkerProtocol,
            RunnerError::WorkerUnreachable(_) => ErrorCode::WorkerUnreachable,
        }
    }
}

impl From<&KeyringError> for ErrorCode {
    fn from(err: &KeyringError) -> Self {
        match err {
            KeyringError::NoDbusSession { .. } => ErrorCode::KeyringNoDbusSession,
            KeyringError::NoSecretService { .. } => ErrorCode::KeyringNoSecretService,
            KeyringError::KeyringLocked { .. } => ErrorCode::KeyringLocked,
            KeyringError::NoDefaultCollection { .. } => ErrorCode::KeyringNoDefaultCollection,
            KeyringError::NoSessionKeyring { .. } => ErrorCode::KeyringNoSessionKeyring,
            KeyringError::ProbeMismatch | KeyringError::ProbeNotDeleted => {
                ErrorCode::KeyringUntrustworthy
            }
            KeyringError::Keyring { .. } => ErrorCode::KeyringFailed,
            KeyringError::NotText { .. } => ErrorCode::KeyringEntryNotText,
            KeyringError::Ambiguous { .. } => ErrorCode::KeyringEntryAmbiguous,
            KeyringError::EmptyName { .. } => ErrorCode::KeyringEntryNameEmpty,
            KeyringError::TokenNotJson { .. } => ErrorCode::KeyringTokenNotJson,
            KeyringError::UnknownBackend { .. } => ErrorCode::KeyringUnknownBackend,
        }
    }
}

impl From<&OAuthError> for ErrorCode {
    fn from(err: &OAuthError) -> Self {
        match err {
            OAuthError::MissingField { .. } => ErrorCode::MissingField,
            OAuthError::InvalidUrl { .. } => ErrorCode::InvalidUrl,
            OAuthError::InsecureEndpoint { .. } => ErrorCode::InsecureEndpoint,
            OAuthError::InvalidHeaders { .. } => ErrorCode::InvalidHeaders,
            OAuthError::ReservedHeader { .. } => ErrorCode::ReservedHeader,
            OAuthError::InvalidPkceVerifier => ErrorCode::InvalidPkceVerifier,
            OAuthError::NotLoopbackRedirectUri(_) => ErrorCode::NotLoopbackRedirectUri,
            OAuthError::RedirectUriMismatch { .. } => ErrorCode::RedirectUriMismatch,
            OAuthError::StateMismatch => ErrorCode::StateMismatch,
            OAuthError::IssuerMismatch { .. } => ErrorCode::IssuerMismatch,
            OAuthError::IssuerMissing { .. } => ErrorCode::IssuerMissing,
            OAuthError::MetadataIssuerMismatch { .. } => ErrorCode::MetadataIssuerMismatch,
            OAuthError::NoProviderMetadata { .. } => ErrorCode::NoProviderMetadata,
            OAuthError::UnreadableMetadata { .. } => ErrorCode::ProviderMetadataUnreadable,
            OAuthError::AuthorizationDenied { .. } => ErrorCode::AuthorizationDenied,
            OAuthError::MissingCode => ErrorCode::MissingCode,
            OAuthError::Unreachable { .. } => ErrorCode::ProviderUnreachable,
            OAuthError::TokenRequestNotSent { .. } => ErrorCode::TokenRequestNotSent,
            OAuthError::UnreadableTokenResponse { .. } => ErrorCode::TokenResponseUnreadable,
            OAuthError::InvalidClient { .. } => ErrorCode::InvalidClient,
            OAuthError::CodeRejected { .. } => ErrorCode::CodeRejected,
            OAuthError::NeedsConsent => ErrorCode::NeedsConsent,
            OAuthError::TokenRequestRefused { .. } => ErrorCode::TokenRequestRefused,
            OAuthError::NotJson { .. } => ErrorCode::TokenResponseNotJson,
            OAuthError::UnexpectedStatus { .. } => ErrorCode::TokenResponseUnexpectedStatus,
            OAuthError::MissingTokenField { .. } => ErrorCode::TokenResponseMissingField,
            OAuthError::InvalidTokenField { .. } => ErrorCode::TokenResponseInvalidField,
            OAuthError::NoRefreshToken => ErrorCode::NoRefreshToken,
            OAuthError::NoAuthorizeUrl => ErrorCode::NoAuthorizeUrl,
            OAuthError::RevocationRefused { .. } => ErrorCode::RevocationRefused,
            OAuthError::LoopbackBind { .. } => ErrorCode::LoopbackBind,
            OAuthError::RedirectTimeout { .. } => ErrorCode::ConsentTimeout,
            OAuthError::RedirectCancelled { .. } => ErrorCode::ConsentCancelled,
            OAuthError::Loopback(_) => ErrorCode::Loopback,
            OAuthError::BrowserNotOpened { .. } => ErrorCode::BrowserNotOpened,
            OAuthError::StoredTokenUnreadable { .. } => ErrorCode::StoredTokenUnreadable,
            OAuthError::HttpClient(_) => ErrorCode::HttpClient,
        }
    }
}

impl From<&WebhookError> for ErrorCode {
    fn from(err: &WebhookError) -> Self {
        match err {
            WebhookError::Bind { .. } => ErrorCode::WebhookPortUnavailable,
            WebhookError::NotTcp { .. } | WebhookError::Thread(_) | WebhookError::Token { .. } => {
                ErrorCode::WebhookFailed
            }
        }
    }
}

impl From<&PresetError> for ErrorCode {
    fn from(err: &PresetError) -> Self {
        match err {
            PresetError::Unreadable { .. } | PresetError::Invalid { .. } => {
                ErrorCode::PresetFileInvalid
            }
            PresetError::UnknownPreset { .. } => ErrorCode::UnknownPreset,
            PresetError::MissingParameter { .. }
            | PresetError::BadParameter { .. }
            | PresetError::UnknownParameter { .. }
            | PresetError::InvalidFill { .. } => ErrorCode::PresetParameterInvalid,
        }
    }
}

impl From<&Error> for ErrorCode {
    fn from(err: &Error) -> Self {
        match err {
            Error::Workspace(err) => err.into(),
            Error::Runner(err) => err.into(),
            Error::BlockWithoutFlow(_) => ErrorCode::BlockWithoutFlow,
            Error::Secrets(err) => err.into(),
            Error::Redaction(_) => ErrorCode::Redaction,
            Error::UnknownConnectionKind(_) => ErrorCode::UnknownConnectionKind,
            Error::UnknownConnection(_) => ErrorCode::UnknownConnection,
            Error::InvalidInput(_) => ErrorCode::InvalidInput,
            Error::TestCaseInvalid(_) => ErrorCode::TestCaseInvalid,
            Error::UnknownTestCase(_) => ErrorCode::UnknownTestCase,
            Error::OAuth(err) => err.into(),
            Error::NeedsConsent(_) => ErrorCode::NeedsConsent,
            Error::NotConnected(_) => ErrorCode::NotConnected,
            Error::NotOAuth(_) => ErrorCode::NotOAuth,
            Error::SecretOutsideKeyring(_) => ErrorCode::SecretOutsideKeyring,
            Error::HostChanged { .. } => ErrorCode::HostChanged,
            Error::Export(err) => err.into(),
            Error::Webhook(err) => err.into(),
            Error::Preset(err) => err.into(),
            Error::NoWorkspace => ErrorCode::NoWorkspace,
            Error::UnknownRun(_) | Error::UnknownFlowRun { .. } => ErrorCode::UnknownRun,
            Error::ConsentCancelled(_) => ErrorCode::ConsentCancelled,
            Error::ConsentTimeout(_) => ErrorCode::ConsentTimeout,
            Error::ConsentWindow(_) | Error::NoConsentWindow => ErrorCode::ConsentWindow,
            Error::RunNotRecorded(_) => ErrorCode::History,
            Error::Internal(_) => ErrorCode::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_as_snake_case_strings() {
        let text = |code: ErrorCode| serde_json::to_value(code).unwrap();
        assert_eq!(
            text(ErrorCode::ManifestUnsafeBlockId),
            "manifest_unsafe_block_id"
        );
        assert_eq!(text(ErrorCode::KeyringLocked), "keyring_locked");
        assert_eq!(text(ErrorCode::ConsentTimeout), "consent_timeout");
    }

    #[test]
    fn every_keyring_failure_has_a_code_of_its_own() {
        use blocksmith_secrets::Operation;
        let failures = [
            KeyringError::NoDbusSession {
                reason: String::new(),
            },
            KeyringError::NoSecretService {
                detail: String::new(),
            },
            KeyringError::KeyringLocked {
                operation: Operation::Read,
                detail: String::new(),
            },
            KeyringError::NoDefaultCollection {
                operation: Operation::Store,
            },
            KeyringError::NoSessionKeyring {
                detail: String::new(),
            },
            KeyringError::ProbeMismatch,
            KeyringError::Keyring {
                operation: Operation::Delete,
                account: String::new(),
                detail: String::new(),
            },
            KeyringError::NotText {
                account: String::new(),
            },
            KeyringError::Ambiguous {
                service: String::new(),
                account: String::new(),
                count: 2,
            },
            KeyringError::EmptyName { what: "account" },
            KeyringError::TokenNotJson {
                connection: String::new(),
                line: 1,
                column: 1,
            },
            KeyringError::UnknownBackend {
                name: String::new(),
            },
        ];
        let codes: std::collections::HashSet<ErrorCode> =
            failures.iter().map(ErrorCode::from).collect();
        assert_eq!(codes.len(), failures.len());
        assert!(codes
            .iter()
            .all(|code| code.is_keyring() && !code.is_bad_input()));
    }
}
