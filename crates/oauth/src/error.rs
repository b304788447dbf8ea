//! Every way an OAuth operation can fail. Each message names what went wrong and what to do, and
//! none carries a secret: provider texts are quoted only from error fields, never from token bodies.

use std::time::Duration;

use crate::config::ClientAuthentication;

pub type Result<T> = std::result::Result<T, Error>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("The {field} is empty: copy it from the provider's app settings.")]
    MissingField { field: &'static str },

    #[error("The {field} \"{value}\" is not a valid http or https URL ({reason}).")]
    InvalidUrl {
        field: &'static str,
        value: String,
        reason: String,
    },

    #[error(
        "The {field} {url} uses plain http on a host other than this machine, so secrets and tokens \
         would cross the network unencrypted: use https:// (plain http is accepted only on 127.0.0.1, \
         localhost and [::1])."
    )]
    InsecureEndpoint { field: &'static str, url: String },

    #[error("The Headers input is not valid: {reason}.")]
    InvalidHeaders { reason: String },

    #[error(
        "The header \"{name}\" cannot be set in Headers: Blocksmith builds it itself for the token \
         request (client authentication and the form body)."
    )]
    ReservedHeader { name: String },

    #[error(
        "The PKCE code verifier must be 43 to 128 characters of letters, digits, '-', '.', '_' or '~'."
    )]
    InvalidPkceVerifier,

    #[error(
        "The redirect URI \"{0}\" is not a loopback http URL such as http://127.0.0.1:8765/callback: \
         only such a URL can be awaited on this machine."
    )]
    NotLoopbackRedirectUri(String),

    #[error(
        "The redirect went to {received}, not to the redirect URI {expected} this authorization \
         started with; nothing was stored."
    )]
    RedirectUriMismatch { expected: String, received: String },

    #[error(
        "The redirect's state does not match the one Blocksmith sent, so it may be forged; nothing \
         was stored. Connect again."
    )]
    StateMismatch,

    #[error(
        "The redirect names the issuer \"{received}\", not the expected \"{expected}\" (a wrong \
         Issuer setting or a mix-up attack); nothing was stored."
    )]
    IssuerMismatch { expected: String, received: String },

    #[error(
        "The redirect carries no \"iss\", although the provider {issuer} says it names itself on every \
         authorization response: the response may come from another provider (a mix-up attack); nothing \
         was stored. Connect again."
    )]
    IssuerMissing { issuer: String },

    #[error(
        "The provider metadata at {url} names the issuer \"{received}\", not the connection's Issuer \
         \"{expected}\": check the Issuer setting (it must be exactly the provider's issuer)."
    )]
    MetadataIssuerMismatch {
        url: String,
        expected: String,
        received: String,
    },

    #[error(
        "The provider metadata of the issuer {issuer} was not found ({answers}): check the Issuer setting, \
         or clear it if the provider publishes no metadata."
    )]
    NoProviderMetadata { issuer: String, answers: String },

    #[error("The provider metadata at {url} is not usable: {reason}.")]
    UnreadableMetadata { url: String, reason: String },

    #[error(
        "The provider did not grant access ({error}{}); nothing was stored. Connect again and allow \
         access to continue.",
        describe(.description)
    )]
    AuthorizationDenied {
        error: String,
        description: Option<String>,
    },

    #[error(
        "The redirect carries neither an authorization code nor an error; check that the redirect \
         URI registered with the provider is the one Blocksmith uses."
    )]
    MissingCode,

    #[error(
        "Could not reach the {endpoint} {url}: {reason}. Check the URL and that the provider is up."
    )]
    Unreachable {
        endpoint: &'static str,
        url: String,
        reason: String,
    },

    /// A request to the provider could not be built or sent; `invalid_setting` says which connection
    /// setting was the cause, when one was. (A variant of the settings' own waits on an error code for it
    /// in the session crate, which maps every variant.)
    #[error("The request to the provider could not be made: {reason}.")]
    TokenRequestNotSent {
        reason: String,
        #[source]
        invalid_setting: Option<SettingError>,
    },

    /// No longer produced: token answers are read by `crate::response`, which names each way one goes
    /// wrong. Kept while the session crate's error codes still map it.
    #[error(
        "The token endpoint's answer (HTTP {status}) is not a usable token response: {reason}."
    )]
    UnreadableTokenResponse { status: u16, reason: String },

    #[error(
        "The provider rejected the client credentials (invalid_client{}): check the Client ID and \
         Client Secret{}.",
        describe(.description),
        suggest_other(.tried)
    )]
    InvalidClient {
        description: Option<String>,
        /// How the secret was sent; `None` for a public client, which sends none.
        tried: Option<ClientAuthentication>,
    },

    #[error(
        "The provider rejected the authorization code (invalid_grant{}): it was already used or has \
         expired. Connect again.",
        describe(.description)
    )]
    CodeRejected { description: Option<String> },

    #[error("The provider rejected the refresh token; connect again to give consent.")]
    NeedsConsent,

    #[error(
        "The token endpoint refused the request with HTTP {status} and error \"{error}\"{}.",
        describe(.description)
    )]
    TokenRequestRefused {
        status: u16,
        error: String,
        description: Option<String>,
    },

    #[error(
        "The token endpoint answered HTTP {status} with {body} instead of a JSON token response; \
         check the Token URL."
    )]
    NotJson { status: u16, body: String },

    #[error(
        "The token endpoint answered HTTP {status} without an OAuth error; only 200 is a token \
         response. Check the Token URL."
    )]
    UnexpectedStatus { status: u16 },

    #[error(
        "The token response has no \"{field}\", which OAuth 2.0 requires; the provider's token \
         endpoint does not follow the standard."
    )]
    MissingTokenField { field: &'static str },

    #[error("The token response's \"{field}\" is not valid: {reason}.")]
    InvalidTokenField { field: String, reason: String },

    #[error("The token has no refresh token, so it cannot be refreshed; connect again.")]
    NoRefreshToken,

    #[error("The connection has no Authorize URL, which the authorization code flow needs.")]
    NoAuthorizeUrl,

    #[error(
        "The revocation endpoint {url} refused to revoke the token (HTTP {status}{}).",
        describe_error(.error)
    )]
    RevocationRefused {
        url: String,
        status: u16,
        error: Option<String>,
    },

    #[error(
        "Could not listen on {address} for the redirect ({source}); choose another port in the \
         redirect URI."
    )]
    LoopbackBind {
        address: String,
        source: std::io::Error,
    },

    #[error(
        "No redirect arrived at {redirect_uri} within {} s: the provider never redirected back. \
         Check that this redirect URI is registered with the provider, then connect again.",
        .waited.as_secs()
    )]
    RedirectTimeout {
        redirect_uri: String,
        waited: Duration,
    },

    #[error("Waiting for the redirect at {redirect_uri} was cancelled; nothing was stored.")]
    RedirectCancelled { redirect_uri: String },

    #[error("Waiting for the redirect failed: {0}.")]
    Loopback(std::io::Error),

    #[error(
        "The system browser could not be started ({command}: {source}); set $BROWSER to your \
         browser's command, or open the authorization URL yourself."
    )]
    BrowserNotOpened {
        command: String,
        source: std::io::Error,
    },

    #[error("The stored token is not readable ({reason}); connect again to get a new one.")]
    StoredTokenUnreadable { reason: String },

    #[error("Could not set up the HTTP client for token requests: {0}.")]
    HttpClient(String),
}

/// A connection setting of Blocksmith's own (not one of the seed's inputs) that cannot be used. Each
/// message starts in lower case, to follow "could not be made: ".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingError {
    #[error(
        "the Client authentication setting \"{value}\" is not one Blocksmith knows: use basic (an \
         Authorization: Basic header, client_secret_basic) or body (the client ID and secret in the request \
         form, client_secret_post)"
    )]
    ClientAuthentication { value: String },

    #[error("the {setting} setting is not valid: {reason}")]
    InvalidParameters {
        setting: &'static str,
        reason: String,
    },

    #[error(
        "the {setting} setting cannot set \"{name}\": Blocksmith sets it itself (the grant, the client's \
         credentials, PKCE, state and scopes have inputs of their own)"
    )]
    ReservedParameter { setting: &'static str, name: String },
}

impl From<SettingError> for Error {
    fn from(setting: SettingError) -> Self {
        Error::TokenRequestNotSent {
            reason: setting.to_string(),
            invalid_setting: Some(setting),
        }
    }
}

/// A text from the provider, fit to quote in a message: one line, at most 300 characters.
pub(crate) fn provider_text(text: &str) -> String {
    const LIMIT: usize = 300;
    let mut quoted: String = text
        .chars()
        .take(LIMIT)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().count() > LIMIT {
        quoted.push('…');
    }
    quoted
}

/// `": the description"` to follow an error code, or nothing. A description's own final full stop is
/// dropped, since the message goes on or ends with its own.
fn describe(description: &Option<String>) -> String {
    description
        .as_deref()
        .map(|text| format!(": {}", text.trim_end().trim_end_matches('.')))
        .unwrap_or_default()
}

/// `", or …"` naming the client authentication method not tried, or nothing for a public client.
fn suggest_other(tried: &Option<ClientAuthentication>) -> String {
    match tried {
        Some(ClientAuthentication::BasicAuth) => ", or set Client authentication to body: the secret \
            was sent as an Authorization: Basic header, and some providers accept it only in the request \
            form"
            .to_owned(),
        Some(ClientAuthentication::RequestBody) => ", or set Client authentication to basic: the \
            secret was sent in the request form, and some providers accept it only as an Authorization: \
            Basic header"
            .to_owned(),
        None => String::new(),
    }
}

fn describe_error(error: &Option<String>) -> String {
    error
        .as_deref()
        .map(|code| format!(", error \"{code}\""))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_provider_description_follows_the_error_code() {
        let error = Error::InvalidClient {
            description: Some("client authentication failed".into()),
            tried: None,
        };
        assert_eq!(
            error.to_string(),
            "The provider rejected the client credentials (invalid_client: client authentication \
             failed): check the Client ID and Client Secret."
        );
    }

    #[test]
    fn invalid_client_suggests_the_client_authentication_method_not_tried() {
        let error = Error::InvalidClient {
            description: None,
            tried: Some(ClientAuthentication::BasicAuth),
        };
        assert_eq!(
            error.to_string(),
            "The provider rejected the client credentials (invalid_client): check the Client ID and \
             Client Secret, or set Client authentication to body: the secret was sent as an \
             Authorization: Basic header, and some providers accept it only in the request form."
        );
        let error = Error::InvalidClient {
            description: None,
            tried: Some(ClientAuthentication::RequestBody),
        };
        assert!(
            error
                .to_string()
                .contains("or set Client authentication to basic"),
            "{error}"
        );
    }

    #[test]
    fn a_refused_request_without_description_ends_cleanly() {
        let error = Error::TokenRequestRefused {
            status: 400,
            error: "invalid_scope".into(),
            description: None,
        };
        assert_eq!(
            error.to_string(),
            "The token endpoint refused the request with HTTP 400 and error \"invalid_scope\"."
        );
    }
}
