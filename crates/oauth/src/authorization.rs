//! The front half of the authorization code flow: the random values that bind a redirect to the
//! request that caused it (state and PKCE verifier), the pending authorization that remembers
//! them, and the checks a received redirect must pass before its code is worth exchanging.

use std::collections::HashMap;
use std::fmt;

use oauth2::{CsrfToken, PkceCodeChallenge};
use url::Url;

use crate::error::{provider_text, Error, Result};

/// The state and PKCE code verifier of one authorization. [`AuthorizationNonces::random`] is for
/// real use; [`AuthorizationNonces::new`] lets a test pin them.
pub struct AuthorizationNonces {
    state: String,
    pkce_verifier: String,
}

impl AuthorizationNonces {
    /// Fresh values from the operating system's random generator (through the oauth2 crate).
    pub fn random() -> Self {
        let (_, verifier) = PkceCodeChallenge::new_random_sha256();
        Self {
            state: CsrfToken::new_random().secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        }
    }

    /// Given values; the verifier must follow RFC 7636 (43 to 128 unreserved characters).
    pub fn new(state: impl Into<String>, pkce_verifier: impl Into<String>) -> Result<Self> {
        let pkce_verifier = pkce_verifier.into();
        let unreserved = |c: char| c.is_ascii_alphanumeric() || "-._~".contains(c);
        if !(43..=128).contains(&pkce_verifier.len()) || !pkce_verifier.chars().all(unreserved) {
            return Err(Error::InvalidPkceVerifier);
        }
        Ok(Self {
            state: state.into(),
            pkce_verifier,
        })
    }

    pub(crate) fn state(&self) -> &str {
        &self.state
    }

    pub(crate) fn pkce_verifier(&self) -> &str {
        &self.pkce_verifier
    }
}

impl fmt::Debug for AuthorizationNonces {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AuthorizationNonces(<redacted>)")
    }
}

/// An authorization that was started and waits for its redirect. Keep it until the redirect
/// arrives, then pass both to [`crate::OAuthClient::complete_authorization`]. The PKCE verifier
/// never leaves it and `Debug` does not print it.
pub struct PendingAuthorization {
    authorize_url: Url,
    state: String,
    pkce_verifier: String,
    redirect_uri: Url,
    /// The provider's metadata says it puts `iss` on every authorization response (RFC 9207).
    iss_required: bool,
}

impl PendingAuthorization {
    pub(crate) fn new(authorize_url: Url, nonces: AuthorizationNonces, redirect_uri: Url) -> Self {
        Self {
            authorize_url,
            state: nonces.state,
            pkce_verifier: nonces.pkce_verifier,
            redirect_uri,
            iss_required: false,
        }
    }

    /// This authorization, refusing a redirect without `iss` when `required`.
    pub(crate) fn requiring_iss(mut self, required: bool) -> Self {
        self.iss_required = required;
        self
    }

    /// Where to send the person: the provider's authorize URL with client id, scopes, state,
    /// PKCE S256 challenge and redirect URI.
    pub fn authorize_url(&self) -> &str {
        self.authorize_url.as_str()
    }

    pub fn state(&self) -> &str {
        &self.state
    }

    pub fn redirect_uri(&self) -> &str {
        self.redirect_uri.as_str()
    }

    pub(crate) fn redirect_url(&self) -> &Url {
        &self.redirect_uri
    }

    pub(crate) fn pkce_verifier(&self) -> &str {
        &self.pkce_verifier
    }

    /// Checks a redirect the provider sent back and returns its authorization code. In order:
    /// the redirect must go to this authorization's redirect URI, carry its state (a forged
    /// redirect does not), name the expected issuer when it names one (RFC 9207) — and name it at
    /// all when the provider's metadata promised to — and carry a code rather than an error.
    pub(crate) fn authorization_code(
        &self,
        redirect_url: &str,
        expected_issuer: Option<&str>,
    ) -> Result<String> {
        let received = Url::parse(redirect_url).map_err(|_| Error::RedirectUriMismatch {
            expected: self.redirect_uri.to_string(),
            received: "a text that is not a URL".into(),
        })?;
        if !same_endpoint(&received, &self.redirect_uri) {
            return Err(Error::RedirectUriMismatch {
                expected: self.redirect_uri.to_string(),
                // Without the query, which may hold a code.
                received: endpoint_text(&received),
            });
        }

        let mut parameters = HashMap::new();
        for (name, value) in received.query_pairs() {
            parameters
                .entry(name.into_owned())
                .or_insert(value.into_owned());
        }

        if parameters.get("state") != Some(&self.state) {
            return Err(Error::StateMismatch);
        }
        match (expected_issuer, parameters.get("iss")) {
            (Some(expected), Some(received)) if expected != received => {
                return Err(Error::IssuerMismatch {
                    expected: expected.to_owned(),
                    received: provider_text(received),
                });
            }
            (Some(expected), None) if self.iss_required => {
                return Err(Error::IssuerMissing {
                    issuer: expected.to_owned(),
                });
            }
            _ => {}
        }
        if let Some(error) = parameters.get("error") {
            return Err(Error::AuthorizationDenied {
                error: provider_text(error),
                description: parameters
                    .get("error_description")
                    .map(|text| provider_text(text)),
            });
        }
        match parameters.remove("code") {
            Some(code) if !code.is_empty() => Ok(code),
            _ => Err(Error::MissingCode),
        }
    }
}

impl fmt::Debug for PendingAuthorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingAuthorization")
            .field("authorize_url", &self.authorize_url.as_str())
            .field("state", &self.state)
            .field("pkce_verifier", &"<redacted>")
            .field("redirect_uri", &self.redirect_uri.as_str())
            .finish()
    }
}

fn same_endpoint(received: &Url, expected: &Url) -> bool {
    received.scheme() == expected.scheme()
        && received.host_str() == expected.host_str()
        && received.port_or_known_default() == expected.port_or_known_default()
        && received.path() == expected.path()
}

fn endpoint_text(url: &Url) -> String {
    let mut endpoint = url.clone();
    endpoint.set_query(None);
    endpoint.set_fragment(None);
    endpoint.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    fn pending() -> PendingAuthorization {
        PendingAuthorization::new(
            Url::parse("https://provider.example/authorize?client_id=app").unwrap(),
            AuthorizationNonces::new("state-123", VERIFIER).unwrap(),
            Url::parse("http://127.0.0.1:8765/callback").unwrap(),
        )
    }

    #[test]
    fn a_redirect_with_the_state_gives_its_code() {
        let code = pending()
            .authorization_code(
                "http://127.0.0.1:8765/callback?code=abc&state=state-123",
                None,
            )
            .unwrap();
        assert_eq!(code, "abc");
    }

    #[test]
    fn a_redirect_with_another_or_no_state_is_refused() {
        for url in [
            "http://127.0.0.1:8765/callback?code=abc&state=forged",
            "http://127.0.0.1:8765/callback?code=abc",
        ] {
            let error = pending().authorization_code(url, None).unwrap_err();
            assert!(matches!(error, Error::StateMismatch), "{url}: {error}");
        }
    }

    #[test]
    fn an_issuer_other_than_the_expected_one_is_refused() {
        let url = "http://127.0.0.1:8765/callback?code=abc&state=state-123&iss=https%3A%2F%2Fevil.example";
        let error = pending()
            .authorization_code(url, Some("https://provider.example"))
            .unwrap_err();
        assert!(
            matches!(error, Error::IssuerMismatch { ref received, .. } if received == "https://evil.example"),
            "{error}"
        );
        // Without a configured issuer there is nothing to compare against.
        assert!(pending().authorization_code(url, None).is_ok());
    }

    #[test]
    fn a_redirect_without_iss_is_refused_when_the_provider_promised_one() {
        let url = "http://127.0.0.1:8765/callback?code=abc&state=state-123";
        let issuer = Some("https://provider.example");
        let error = pending()
            .requiring_iss(true)
            .authorization_code(url, issuer)
            .unwrap_err();
        assert!(matches!(error, Error::IssuerMissing { .. }), "{error}");
        assert!(
            error.to_string().contains("https://provider.example"),
            "{error}"
        );
        // A provider that never promised `iss` may leave it out.
        assert_eq!(pending().authorization_code(url, issuer).unwrap(), "abc");
        // With `iss` present and right, the promise is kept.
        let named = format!("{url}&iss=https%3A%2F%2Fprovider.example");
        assert_eq!(
            pending()
                .requiring_iss(true)
                .authorization_code(&named, issuer)
                .unwrap(),
            "abc"
        );
    }

    #[test]
    fn an_error_redirect_says_what_the_provider_said() {
        let error = pending()
            .authorization_code(
                "http://127.0.0.1:8765/callback?error=access_denied&error_description=End-User%20aborted&state=state-123",
                None,
            )
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "The provider did not grant access (access_denied: End-User aborted); nothing was \
             stored. Connect again and allow access to continue."
        );
    }

    #[test]
    fn a_redirect_to_another_endpoint_is_named_without_its_query() {
        let error = pending()
            .authorization_code(
                "http://127.0.0.1:9999/callback?code=secret-code&state=state-123",
                None,
            )
            .unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains("http://127.0.0.1:9999/callback"),
            "{message}"
        );
        assert!(!message.contains("secret-code"), "{message}");
    }

    #[test]
    fn a_redirect_without_code_or_error_is_refused() {
        let error = pending()
            .authorization_code("http://127.0.0.1:8765/callback?state=state-123", None)
            .unwrap_err();
        assert!(matches!(error, Error::MissingCode), "{error}");
    }

    #[test]
    fn a_verifier_outside_rfc_7636_is_refused() {
        for verifier in ["short", &"a".repeat(129), &format!("{}+", &VERIFIER[..43])] {
            assert!(matches!(
                AuthorizationNonces::new("s", verifier),
                Err(Error::InvalidPkceVerifier)
            ));
        }
    }

    #[test]
    fn random_nonces_differ_and_are_valid() {
        let first = AuthorizationNonces::random();
        let second = AuthorizationNonces::random();
        assert_ne!(first.state, second.state);
        assert!(AuthorizationNonces::new(first.state, first.pkce_verifier).is_ok());
    }

    #[test]
    fn debug_output_hides_the_verifier() {
        let printed = format!("{:?}", pending());
        assert!(!printed.contains(VERIFIER), "{printed}");
    }
}
