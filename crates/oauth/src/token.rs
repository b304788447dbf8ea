//! A token as Blocksmith keeps it: read from a token response, stored in the keyring as JSON,
//! shown to a block as the provider's token object, and summarised for the UI without its secrets.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::jwt::{decode_jwt, DecodedJwt};
use crate::response::{split_scopes, TokenAnswer};

/// How long before its expiry a token counts as nearly expired and is refreshed before a run.
pub const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(60);

/// The token response fields Blocksmith reads itself; any other field is kept in
/// [`Token::extra_fields`].
const STANDARD_FIELDS: [&str; 5] = [
    "access_token",
    "token_type",
    "expires_in",
    "refresh_token",
    "scope",
];

/// An OAuth token. The access token, the refresh token and the extra fields (which may hold an
/// `id_token`) are secrets: `Debug` shows none of them, and there is no `Serialize`; the one way
/// out is [`Token::to_keyring_json`], for the keyring.
#[derive(Clone, PartialEq)]
pub struct Token {
    access_token: String,
    token_type: String,
    /// Seconds since the Unix epoch; `None` when the provider gave no `expires_in`.
    expires_at: Option<u64>,
    refresh_token: Option<String>,
    scopes: Vec<String>,
    /// The response's `scope` exactly as sent (`"repo,user"`), which the block sees; `None` when the
    /// provider named no scope.
    scope_as_sent: Option<String>,
    extra_fields: Map<String, Value>,
    /// The provider refused to refresh this token (`invalid_grant`): only a new consent gives a
    /// working token. Kept with the token so the connection still says so after a restart.
    needs_consent: bool,
}

/// What the UI shows about a stored token: no token values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenStatus {
    /// Seconds since the Unix epoch.
    pub expires_at: Option<u64>,
    pub scopes: Vec<String>,
    pub has_refresh_token: bool,
    pub expired: bool,
    /// Expired, or expiring within the margin: refresh before using it.
    pub needs_refresh: bool,
    /// The provider refused to refresh it: the person has to connect (consent) again.
    pub needs_consent: bool,
}

/// The keyring's JSON form of a token.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StoredToken {
    access_token: String,
    token_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expires_at: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refresh_token: Option<String>,
    #[serde(default)]
    scopes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scope_as_sent: Option<String>,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    extra_fields: Map<String, Value>,
    #[serde(default, skip_serializing_if = "is_false")]
    needs_consent: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

impl Token {
    /// Builds a token from a successful token response. `expires_in` becomes an absolute time
    /// from `now`; the granted scopes are the response's `scope` (split on spaces or commas), or
    /// `requested_scopes` when it names none (RFC 6749 section 5.1); the extra fields are the
    /// response's non-standard ones.
    pub(crate) fn from_answer(
        answer: TokenAnswer,
        requested_scopes: &[String],
        now: SystemTime,
    ) -> Self {
        let TokenAnswer { fields, parts } = answer;
        let extra_fields = fields
            .into_iter()
            .filter(|(key, _)| !STANDARD_FIELDS.contains(&key.as_str()))
            .collect();
        Self {
            access_token: parts.access_token,
            token_type: parts.token_type,
            expires_at: parts
                .expires_in
                .map(|seconds| unix_seconds(now).saturating_add(seconds)),
            refresh_token: parts.refresh_token,
            scopes: parts
                .scope
                .as_deref()
                .map_or_else(|| requested_scopes.to_vec(), split_scopes),
            scope_as_sent: parts.scope,
            extra_fields,
            needs_consent: false,
        }
    }

    /// This token marked as refused by the provider: its refresh token, which the provider no
    /// longer honours, is dropped, and [`Token::needs_consent`] says only a new consent helps.
    pub fn marked_needing_consent(mut self) -> Self {
        self.refresh_token = None;
        self.needs_consent = true;
        self
    }

    /// True once a refresh of this token was refused (`invalid_grant`).
    pub fn needs_consent(&self) -> bool {
        self.needs_consent
    }

    /// A refreshed token keeps the previous refresh token when the response has none (a provider
    /// that does not rotate refresh tokens sends none), and the previous `scope` as sent when the
    /// response names none (its scopes are then the previous ones).
    pub(crate) fn inheriting_from(mut self, previous: &Token) -> Self {
        if self.refresh_token.is_none() {
            self.refresh_token = previous.refresh_token.clone();
        }
        if self.scope_as_sent.is_none() {
            self.scope_as_sent = previous.scope_as_sent.clone();
        }
        self
    }

    pub fn access_token(&self) -> &str {
        &self.access_token
    }

    /// As the provider spelt it, e.g. `Bearer`.
    pub fn token_type(&self) -> &str {
        &self.token_type
    }

    /// Seconds since the Unix epoch.
    pub fn expires_at(&self) -> Option<u64> {
        self.expires_at
    }

    pub fn refresh_token(&self) -> Option<&str> {
        self.refresh_token.as_deref()
    }

    /// The scopes granted: the response's `scope` split on spaces or commas, or the requested scopes
    /// when the response has none (RFC 6749 section 5.1).
    pub fn scopes(&self) -> &[String] {
        &self.scopes
    }

    /// The response's `scope` exactly as the provider sent it, if it sent one.
    pub fn scope_as_sent(&self) -> Option<&str> {
        self.scope_as_sent.as_deref()
    }

    /// The access token's header and claims when it is a JWT (signature left out); `None` for an
    /// opaque token.
    pub fn decoded_access_token(&self) -> Option<DecodedJwt> {
        decode_jwt(&self.access_token)
    }

    /// The OpenID Connect ID token's header and claims, when the response carried one.
    pub fn decoded_id_token(&self) -> Option<DecodedJwt> {
        self.extra_fields
            .get("id_token")
            .and_then(Value::as_str)
            .and_then(decode_jwt)
    }

    pub fn extra_fields(&self) -> &Map<String, Value> {
        &self.extra_fields
    }

    pub fn is_expired(&self, now: SystemTime) -> bool {
        self.expires_at
            .is_some_and(|expires_at| unix_seconds(now) >= expires_at)
    }

    /// True when the token is expired or expires within `margin` of `now`. A token without an
    /// expiry never needs a refresh.
    pub fn needs_refresh(&self, now: SystemTime, margin: Duration) -> bool {
        self.expires_at.is_some_and(|expires_at| {
            unix_seconds(now).saturating_add(margin.as_secs()) >= expires_at
        })
    }

    pub fn status(&self, now: SystemTime, margin: Duration) -> TokenStatus {
        TokenStatus {
            expires_at: self.expires_at,
            scopes: self.scopes.clone(),
            has_refresh_token: self.refresh_token.is_some(),
            expired: self.is_expired(now),
            needs_refresh: self.needs_refresh(now, margin),
            needs_consent: self.needs_consent,
        }
    }

    /// The `token` object a block sees in `configVars`: the provider's token response fields,
    /// with `expires_in` counted from `now`.
    pub fn to_block_value(&self, now: SystemTime) -> Value {
        let mut token = Map::new();
        token.insert("access_token".into(), self.access_token.clone().into());
        token.insert("token_type".into(), self.token_type.clone().into());
        if let Some(expires_at) = self.expires_at {
            let remaining = expires_at.saturating_sub(unix_seconds(now));
            token.insert("expires_in".into(), remaining.into());
            token.insert("expires_at".into(), expires_at.into());
        }
        if let Some(refresh_token) = &self.refresh_token {
            token.insert("refresh_token".into(), refresh_token.clone().into());
        }
        let scope = self
            .scope_as_sent
            .clone()
            .unwrap_or_else(|| self.scopes.join(" "));
        token.insert("scope".into(), scope.into());
        for (key, value) in &self.extra_fields {
            token.entry(key.clone()).or_insert_with(|| value.clone());
        }
        Value::Object(token)
    }

    /// The JSON string the keyring stores.
    pub fn to_keyring_json(&self) -> String {
        let stored = StoredToken {
            access_token: self.access_token.clone(),
            token_type: self.token_type.clone(),
            expires_at: self.expires_at,
            refresh_token: self.refresh_token.clone(),
            scopes: self.scopes.clone(),
            scope_as_sent: self.scope_as_sent.clone(),
            extra_fields: self.extra_fields.clone(),
            needs_consent: self.needs_consent,
        };
        serde_json::to_string(&stored)
            .expect("a token of strings, numbers and JSON values serializes")
    }

    /// Reads what [`Token::to_keyring_json`] wrote.
    pub fn from_keyring_json(json: &str) -> Result<Self> {
        // serde's message may quote a value, which could be a token: report only where it failed.
        let stored: StoredToken =
            serde_json::from_str(json).map_err(|error| Error::StoredTokenUnreadable {
                reason: format!(
                    "invalid JSON at line {} column {}",
                    error.line(),
                    error.column()
                ),
            })?;
        Ok(Self {
            access_token: stored.access_token,
            token_type: stored.token_type,
            expires_at: stored.expires_at,
            refresh_token: stored.refresh_token,
            scopes: stored.scopes,
            scope_as_sent: stored.scope_as_sent,
            extra_fields: stored.extra_fields,
            needs_consent: stored.needs_consent,
        })
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Token")
            .field("access_token", &"<redacted>")
            .field("token_type", &self.token_type)
            .field("expires_at", &self.expires_at)
            .field(
                "refresh_token",
                &self.refresh_token.as_ref().map(|_| "<redacted>"),
            )
            .field("scopes", &self.scopes)
            .field("scope_as_sent", &self.scope_as_sent)
            .field("needs_consent", &self.needs_consent)
            .field(
                "extra_fields",
                &self.extra_fields.keys().collect::<Vec<_>>(),
            )
            .finish()
    }
}

/// The typed fields of a token response, as [`crate::response`] read them.
pub(crate) struct TokenParts {
    pub access_token: String,
    pub token_type: String,
    /// Seconds.
    pub expires_in: Option<u64>,
    pub refresh_token: Option<String>,
    /// As sent.
    pub scope: Option<String>,
}

/// Whole seconds since the Unix epoch; a time before it counts as the epoch.
pub(crate) fn unix_seconds(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map(|since| since.as_secs())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspector::RawResponse;
    use crate::response::{read_answer, Grant, TokenRequestKind};
    use oauth2::http::HeaderMap;
    use serde_json::json;

    const NOW: u64 = 1_800_000_000;

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    /// The token `body` gives when it is the token endpoint's answer to a request for `requested`.
    fn token_from(body: Value, requested: &[&str]) -> Token {
        let response = RawResponse {
            status: 200,
            headers: HeaderMap::new(),
            body: body.to_string().into_bytes(),
        };
        let request = TokenRequestKind {
            grant: Grant::AuthorizationCode,
            client_authentication: None,
        };
        let requested: Vec<String> = requested.iter().map(|scope| scope.to_string()).collect();
        Token::from_answer(
            read_answer(&response, request).unwrap(),
            &requested,
            at(NOW),
        )
    }

    fn sample_token() -> Token {
        token_from(
            json!({
                "access_token": "access-1",
                "token_type": "Bearer",
                "expires_in": 3600,
                "refresh_token": "refresh-1",
                "scope": "read write",
                "id_token": "header.payload.signature",
            }),
            &["read"],
        )
    }

    #[test]
    fn expiry_is_absolute_from_the_time_passed_in() {
        assert_eq!(sample_token().expires_at(), Some(NOW + 3600));
    }

    #[test]
    fn extra_fields_are_the_non_standard_response_fields() {
        let token = sample_token();
        let keys: Vec<_> = token.extra_fields().keys().collect();
        assert_eq!(keys, ["id_token"]);
    }

    #[test]
    fn a_token_needs_refresh_within_the_margin_and_is_expired_after_its_expiry() {
        let token = sample_token();
        let margin = Duration::from_secs(60);
        assert!(!token.needs_refresh(at(NOW + 3539), margin));
        assert!(token.needs_refresh(at(NOW + 3540), margin));
        assert!(!token.is_expired(at(NOW + 3599)));
        assert!(token.is_expired(at(NOW + 3600)));
    }

    #[test]
    fn a_token_without_expiry_never_needs_refresh() {
        let mut token = sample_token();
        token.expires_at = None;
        assert!(!token.needs_refresh(at(u64::MAX / 2), DEFAULT_REFRESH_MARGIN));
    }

    #[test]
    fn status_has_no_token_values() {
        let status = sample_token().status(at(NOW + 3580), DEFAULT_REFRESH_MARGIN);
        assert_eq!(
            serde_json::to_value(&status).unwrap(),
            json!({
                "expiresAt": NOW + 3600,
                "scopes": ["read", "write"],
                "hasRefreshToken": true,
                "expired": false,
                "needsRefresh": true,
                "needsConsent": false,
            })
        );
    }

    #[test]
    fn the_block_sees_the_provider_token_object_with_remaining_lifetime() {
        let value = sample_token().to_block_value(at(NOW + 600));
        assert_eq!(
            value,
            json!({
                "access_token": "access-1",
                "token_type": "Bearer",
                "expires_in": 3000,
                "expires_at": NOW + 3600,
                "refresh_token": "refresh-1",
                "scope": "read write",
                "id_token": "header.payload.signature",
            })
        );
    }

    #[test]
    fn keyring_json_round_trips() {
        let token = sample_token();
        let restored = Token::from_keyring_json(&token.to_keyring_json()).unwrap();
        assert_eq!(restored, token);
    }

    #[test]
    fn a_token_marked_needing_consent_keeps_the_mark_in_the_keyring_and_loses_its_refresh_token() {
        let marked = sample_token().marked_needing_consent();
        assert!(marked.needs_consent());
        assert_eq!(marked.refresh_token(), None);
        let json = marked.to_keyring_json();
        assert!(!json.contains("refresh-1"), "{json}");
        let restored = Token::from_keyring_json(&json).unwrap();
        assert!(restored.needs_consent());
        let status = restored.status(at(NOW), DEFAULT_REFRESH_MARGIN);
        assert!(status.needs_consent);
        assert!(!status.has_refresh_token);
        // A token stored before the mark existed reads as not needing consent.
        let unmarked = Token::from_keyring_json(&sample_token().to_keyring_json()).unwrap();
        assert!(!unmarked.needs_consent());
        assert!(!sample_token().to_keyring_json().contains("needsConsent"));
    }

    #[test]
    fn an_unreadable_stored_token_is_reported_without_its_content() {
        let error = Token::from_keyring_json(r#"{"accessToken": 12345678}"#).unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with("The stored token is not readable"),
            "{message}"
        );
        assert!(!message.contains("12345678"), "{message}");
    }

    #[test]
    fn debug_output_hides_every_token_value() {
        let printed = format!("{:?}", sample_token());
        for secret in ["access-1", "refresh-1", "header.payload.signature"] {
            assert!(!printed.contains(secret), "{printed}");
        }
    }

    #[test]
    fn a_refresh_response_without_refresh_token_or_scope_keeps_the_previous_ones() {
        let previous = token_from(
            json!({"access_token": "access-1", "token_type": "Bearer", "refresh_token": "refresh-1", "scope": "repo,user"}),
            &["repo", "user"],
        );
        let refreshed = token_from(
            json!({"access_token": "access-2", "token_type": "Bearer"}),
            previous
                .scopes()
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice(),
        )
        .inheriting_from(&previous);
        assert_eq!(refreshed.access_token(), "access-2");
        assert_eq!(refreshed.refresh_token(), Some("refresh-1"));
        assert_eq!(refreshed.scopes(), ["repo", "user"]);
        assert_eq!(refreshed.to_block_value(at(NOW))["scope"], "repo,user");
    }

    #[test]
    fn comma_separated_scopes_are_separate_scopes_and_the_block_sees_them_as_sent() {
        let token = token_from(
            json!({"access_token": "a", "token_type": "bearer", "scope": "repo,user"}),
            &["repo"],
        );
        assert_eq!(token.scopes(), ["repo", "user"]);
        assert_eq!(token.scope_as_sent(), Some("repo,user"));
        assert_eq!(token.to_block_value(at(NOW))["scope"], "repo,user");
        let restored = Token::from_keyring_json(&token.to_keyring_json()).unwrap();
        assert_eq!(restored, token);
    }

    #[test]
    fn without_a_scope_in_the_response_the_requested_scopes_were_granted() {
        let token = token_from(
            json!({"access_token": "a", "token_type": "Bearer"}),
            &["read", "write"],
        );
        assert_eq!(token.scopes(), ["read", "write"]);
        assert_eq!(token.scope_as_sent(), None);
        assert_eq!(token.to_block_value(at(NOW))["scope"], "read write");
    }
}
