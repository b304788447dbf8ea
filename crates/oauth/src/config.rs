//! What a connection tells the OAuth client: the seed's inputs (Authorize URL, Token URL, Scopes,
//! Client ID, Client Secret, Headers) plus Blocksmith's own settings: the optional revocation URL,
//! expected issuer, client authentication method and extra request parameters.

use std::fmt;

use oauth2::http::{HeaderName, HeaderValue};
use serde_json::Value;

use crate::error::{Error, Result, SettingError};
use crate::extra_parameters::{ExtraParameters, ParameterTarget};

/// The field keys of the seed's OAuth connection inputs, as the workspace stores them.
pub mod field {
    pub const AUTHORIZE_URL: &str = "authorizeUrl";
    pub const TOKEN_URL: &str = "tokenUrl";
    pub const SCOPES: &str = "scopes";
    pub const CLIENT_ID: &str = "clientId";
    pub const CLIENT_SECRET: &str = "clientSecret";
    pub const HEADERS: &str = "headers";
    pub const REVOCATION_URL: &str = "revocationUrl";
    pub const ISSUER: &str = "issuer";
    /// `basic` (the default) or `body`: see [`super::ClientAuthentication`].
    pub const CLIENT_AUTHENTICATION: &str = "clientAuthentication";
    /// A JSON object of parameters added to the authorization request.
    pub const AUTHORIZE_PARAMS: &str = "authorizeParams";
    /// A JSON object of parameters added to every token request.
    pub const TOKEN_PARAMS: &str = "tokenParams";
}

/// Headers that the token request is built from. A user header may not replace them: the
/// `Authorization` header carries the client authentication, and the others frame the form body
/// and ask for the JSON answer the response is parsed as. Such a header is refused when the
/// Headers input is read, rather than silently dropped.
const RESERVED_HEADERS: [&str; 7] = [
    "authorization",
    "content-type",
    "content-length",
    "transfer-encoding",
    "host",
    "connection",
    "accept",
];

/// How a confidential client proves itself at the token and revocation endpoints (a public client,
/// one without a secret, sends only its `client_id` in the form either way). RFC 6749 section 2.3.1
/// makes Basic the one every provider must accept, yet some refuse it and take only the body form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum ClientAuthentication {
    /// `client_secret_basic`: an `Authorization: Basic` header, the standard default. Setting `basic`.
    #[default]
    #[serde(rename = "basic")]
    BasicAuth,
    /// `client_secret_post`: `client_id` and `client_secret` in the form body. Setting `body`.
    #[serde(rename = "body")]
    RequestBody,
}

impl ClientAuthentication {
    /// Reads the `clientAuthentication` setting: `basic` or `body`, or the RFC 8414 names
    /// `client_secret_basic` and `client_secret_post` (as a provider's metadata lists them).
    pub fn from_setting(value: &str) -> std::result::Result<Self, SettingError> {
        match value.trim().to_ascii_lowercase().as_str() {
            "basic" | "client_secret_basic" => Ok(Self::BasicAuth),
            "body" | "client_secret_post" => Ok(Self::RequestBody),
            _ => Err(SettingError::ClientAuthentication {
                value: value.trim().to_owned(),
            }),
        }
    }

    /// The setting's value for this method, as a person types it.
    pub fn setting_value(self) -> &'static str {
        match self {
            Self::BasicAuth => "basic",
            Self::RequestBody => "body",
        }
    }

    /// The method not this one: what to suggest when the provider refuses this one.
    pub fn other(self) -> Self {
        match self {
            Self::BasicAuth => Self::RequestBody,
            Self::RequestBody => Self::BasicAuth,
        }
    }
}

/// One OAuth connection's settings. `client_secret` and the header values are secrets: `Debug`
/// prints neither.
#[derive(Clone, Default)]
pub struct OAuthConfig {
    /// Needed for the authorization code flow only.
    pub authorize_url: Option<String>,
    pub token_url: String,
    /// Space separated, as the seed's Scopes input.
    pub scopes: String,
    pub client_id: String,
    /// `None` (or empty) for a public client, which then sends no secret at all.
    pub client_secret: Option<String>,
    pub headers: ExtraHeaders,
    /// RFC 7009 endpoint used by [`crate::OAuthClient::revoke`]; without it, revoking is skipped.
    pub revocation_url: Option<String>,
    /// When set, an `iss` parameter on the redirect must equal it (RFC 9207).
    pub issuer: Option<String>,
    pub client_authentication: ClientAuthentication,
    /// Added to the authorization request (`audience`, `prompt`, `access_type`, `login_hint`, …).
    pub authorize_params: ExtraParameters,
    /// Added to every token request: the code exchange, refresh and client credentials.
    pub token_params: ExtraParameters,
}

impl OAuthConfig {
    /// Reads a connection's fields by the keys in [`field`]; a missing or blank field is `None`, and
    /// a missing setting its default (Basic authentication, no extra parameters).
    pub fn from_fields(get: impl Fn(&str) -> Option<String>) -> Result<Self> {
        let present = |key: &str| get(key).filter(|value| !value.trim().is_empty());
        let parameters = |key: &str, target: ParameterTarget| -> Result<ExtraParameters> {
            Ok(present(key)
                .map(|text| ExtraParameters::parse(&text, target))
                .transpose()?
                .unwrap_or_default())
        };
        Ok(Self {
            authorize_url: present(field::AUTHORIZE_URL),
            token_url: present(field::TOKEN_URL).unwrap_or_default(),
            scopes: present(field::SCOPES).unwrap_or_default(),
            client_id: present(field::CLIENT_ID).unwrap_or_default(),
            client_secret: present(field::CLIENT_SECRET),
            headers: ExtraHeaders::parse(&present(field::HEADERS).unwrap_or_default())?,
            revocation_url: present(field::REVOCATION_URL),
            issuer: present(field::ISSUER),
            client_authentication: present(field::CLIENT_AUTHENTICATION)
                .map(|value| ClientAuthentication::from_setting(&value))
                .transpose()?
                .unwrap_or_default(),
            authorize_params: parameters(field::AUTHORIZE_PARAMS, ParameterTarget::Authorization)?,
            token_params: parameters(field::TOKEN_PARAMS, ParameterTarget::Token)?,
        })
    }

    /// The requested scopes, one per entry.
    pub fn scope_list(&self) -> Vec<String> {
        self.scopes.split_whitespace().map(str::to_owned).collect()
    }

    /// The secret, unless it is absent or blank: a public client must send no secret at all.
    pub(crate) fn effective_client_secret(&self) -> Option<&str> {
        self.client_secret
            .as_deref()
            .filter(|secret| !secret.trim().is_empty())
    }
}

impl fmt::Debug for OAuthConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthConfig")
            .field("authorize_url", &self.authorize_url)
            .field("token_url", &self.token_url)
            .field("scopes", &self.scopes)
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.effective_client_secret().map(|_| "<redacted>"),
            )
            .field("headers", &self.headers)
            .field("revocation_url", &self.revocation_url)
            .field("issuer", &self.issuer)
            .field("client_authentication", &self.client_authentication)
            .field("authorize_params", &self.authorize_params)
            .field("token_params", &self.token_params)
            .finish()
    }
}

/// The extra headers sent on every token request (the seed's Headers input), already checked to
/// be valid HTTP and not [reserved](RESERVED_HEADERS).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ExtraHeaders(Vec<(HeaderName, HeaderValue)>);

impl ExtraHeaders {
    /// Reads the Headers input in any of the forms a user may paste:
    /// - a JSON array of `{"key": …, "value": …}` (the platform's key/value list; `name` is
    ///   accepted for `key`),
    /// - a JSON object `{"Name": "value", …}`,
    /// - lines of `Name: value`.
    ///
    /// Blank input means no extra headers.
    pub fn parse(text: &str) -> Result<Self> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Self::default());
        }
        let pairs = if text.starts_with('[') || text.starts_with('{') {
            pairs_from_json(text)?
        } else {
            pairs_from_lines(text)?
        };
        Self::from_pairs(pairs)
    }

    /// Checks name/value pairs given one by one.
    pub fn from_pairs<N, V>(pairs: impl IntoIterator<Item = (N, V)>) -> Result<Self>
    where
        N: AsRef<str>,
        V: AsRef<str>,
    {
        let mut headers = Vec::new();
        for (name, value) in pairs {
            let name = name.as_ref().trim();
            let header_name =
                HeaderName::from_bytes(name.as_bytes()).map_err(|_| Error::InvalidHeaders {
                    reason: format!("\"{name}\" is not a valid header name"),
                })?;
            if RESERVED_HEADERS.contains(&header_name.as_str()) {
                return Err(Error::ReservedHeader {
                    name: name.to_owned(),
                });
            }
            // The value is a secret: the error names only the header.
            let mut header_value = HeaderValue::from_str(value.as_ref().trim()).map_err(|_| {
                Error::InvalidHeaders {
                    reason: format!(
                        "the value of \"{name}\" has characters a header cannot carry (such as a \
                         line break)"
                    ),
                }
            })?;
            header_value.set_sensitive(true);
            headers.push((header_name, header_value));
        }
        Ok(Self(headers))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&HeaderName, &HeaderValue)> {
        self.0.iter().map(|(name, value)| (name, value))
    }

    pub(crate) fn contains(&self, name: &HeaderName) -> bool {
        self.0.iter().any(|(known, _)| known == name)
    }
}

impl fmt::Debug for ExtraHeaders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(name, _)| (name.as_str(), "<redacted>")))
            .finish()
    }
}

fn pairs_from_json(text: &str) -> Result<Vec<(String, String)>> {
    let not_json = |_| Error::InvalidHeaders {
        reason: "it starts like JSON but is not valid JSON".into(),
    };
    match serde_json::from_str::<Value>(text).map_err(not_json)? {
        Value::Object(map) => map
            .into_iter()
            .map(|(name, value)| match value {
                Value::String(value) => Ok((name, value)),
                _ => Err(Error::InvalidHeaders {
                    reason: format!("the value of \"{name}\" must be a string"),
                }),
            })
            .collect(),
        Value::Array(items) => items.iter().map(pair_from_json_item).collect(),
        _ => Err(Error::InvalidHeaders {
            reason: "JSON headers must be an object or a list".into(),
        }),
    }
}

fn pair_from_json_item(item: &Value) -> Result<(String, String)> {
    let text_at = |key: &str| item.get(key).and_then(Value::as_str).map(str::to_owned);
    let name = text_at("key").or_else(|| text_at("name"));
    match (name, text_at("value")) {
        (Some(name), Some(value)) => Ok((name, value)),
        _ => Err(Error::InvalidHeaders {
            reason: "each entry of the list must be {\"key\": \"Name\", \"value\": \"…\"}".into(),
        }),
    }
}

fn pairs_from_lines(text: &str) -> Result<Vec<(String, String)>> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .enumerate()
        .map(|(index, line)| match line.split_once(':') {
            Some((name, value)) => Ok((name.to_owned(), value.to_owned())),
            None => Err(Error::InvalidHeaders {
                reason: format!("header {} is not written as \"Name: value\"", index + 1),
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_and_values(headers: &ExtraHeaders) -> Vec<(String, String)> {
        headers
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
            .collect()
    }

    #[test]
    fn headers_are_read_from_lines_a_json_object_and_a_key_value_list() {
        let expected = vec![
            ("x-tenant".to_owned(), "acme".to_owned()),
            ("x-api-version".to_owned(), "2024-01".to_owned()),
        ];
        for text in [
            "X-Tenant: acme\n\nX-Api-Version: 2024-01\n",
            r#"{"X-Tenant": "acme", "X-Api-Version": "2024-01"}"#,
            r#"[{"key": "X-Tenant", "value": "acme"}, {"name": "X-Api-Version", "value": "2024-01"}]"#,
        ] {
            let headers = ExtraHeaders::parse(text).unwrap();
            assert_eq!(names_and_values(&headers), expected, "{text}");
        }
    }

    #[test]
    fn blank_headers_input_means_no_headers() {
        assert!(ExtraHeaders::parse("  \n").unwrap().is_empty());
    }

    #[test]
    fn a_header_may_not_replace_the_client_authentication_or_body_framing() {
        for name in ["Authorization", "content-type", "Accept"] {
            let error = ExtraHeaders::from_pairs([(name, "x")]).unwrap_err();
            assert!(
                matches!(error, Error::ReservedHeader { name: ref reported } if reported == name),
                "{error}"
            );
        }
    }

    #[test]
    fn an_invalid_header_value_is_reported_without_the_value() {
        let error = ExtraHeaders::from_pairs([("X-Key", "secret\nvalue")]).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("X-Key"), "{message}");
        assert!(!message.contains("secret"), "{message}");
    }

    #[test]
    fn a_line_without_a_colon_is_named_by_its_position() {
        let error = ExtraHeaders::parse("X-One: 1\nbroken").unwrap_err();
        assert!(error.to_string().contains("header 2"), "{error}");
    }

    #[test]
    fn debug_output_hides_the_client_secret_and_header_values() {
        let config = OAuthConfig {
            token_url: "https://provider.example/token".into(),
            client_id: "app".into(),
            client_secret: Some("s3cr3t-value".into()),
            headers: ExtraHeaders::from_pairs([("X-Key", "header-secret")]).unwrap(),
            ..OAuthConfig::default()
        };
        let printed = format!("{config:?}");
        assert!(!printed.contains("s3cr3t-value"), "{printed}");
        assert!(!printed.contains("header-secret"), "{printed}");
        assert!(printed.contains("x-key"), "{printed}");
    }

    #[test]
    fn fields_are_read_by_the_seed_keys_and_a_blank_secret_means_a_public_client() {
        let config = OAuthConfig::from_fields(|key| {
            match key {
                field::TOKEN_URL => Some("https://provider.example/token"),
                field::CLIENT_ID => Some("app"),
                field::CLIENT_SECRET => Some("  "),
                field::SCOPES => Some("read  write"),
                field::HEADERS => Some("X-Tenant: acme"),
                _ => None,
            }
            .map(str::to_owned)
        })
        .unwrap();
        assert_eq!(config.token_url, "https://provider.example/token");
        assert_eq!(config.client_secret, None);
        assert_eq!(config.scope_list(), ["read", "write"]);
        assert!(!config.headers.is_empty());
        assert_eq!(config.authorize_url, None);
        assert_eq!(
            config.client_authentication,
            ClientAuthentication::BasicAuth
        );
        assert!(config.authorize_params.is_empty());
        assert!(config.token_params.is_empty());
    }

    fn config_with(key: &'static str, value: &'static str) -> Result<OAuthConfig> {
        OAuthConfig::from_fields(|asked| (asked == key).then(|| value.to_owned()))
    }

    #[test]
    fn client_authentication_is_read_from_its_setting_in_either_spelling() {
        for (value, expected) in [
            ("basic", ClientAuthentication::BasicAuth),
            (" Body ", ClientAuthentication::RequestBody),
            ("client_secret_post", ClientAuthentication::RequestBody),
            ("client_secret_basic", ClientAuthentication::BasicAuth),
        ] {
            let config = config_with(field::CLIENT_AUTHENTICATION, value).unwrap();
            assert_eq!(config.client_authentication, expected, "{value}");
        }
        let error = config_with(field::CLIENT_AUTHENTICATION, "private_key_jwt").unwrap_err();
        assert!(
            matches!(
                error,
                Error::TokenRequestNotSent {
                    invalid_setting: Some(SettingError::ClientAuthentication { ref value }),
                    ..
                } if value == "private_key_jwt"
            ),
            "{error}"
        );
        assert_eq!(
            error.to_string(),
            "The request to the provider could not be made: the Client authentication setting \
             \"private_key_jwt\" is not one Blocksmith knows: use basic (an Authorization: Basic header, \
             client_secret_basic) or body (the client ID and secret in the request form, \
             client_secret_post)."
        );
    }

    #[test]
    fn extra_parameters_are_read_from_their_settings() {
        let config = OAuthConfig::from_fields(|key| {
            match key {
                field::AUTHORIZE_PARAMS => {
                    Some(r#"{"access_type": "offline", "prompt": "consent"}"#)
                }
                field::TOKEN_PARAMS => Some(r#"{"audience": "https://api.acme.com"}"#),
                _ => None,
            }
            .map(str::to_owned)
        })
        .unwrap();
        let pairs = |parameters: &ExtraParameters| {
            parameters
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            pairs(&config.authorize_params),
            ["access_type=offline", "prompt=consent"]
        );
        assert_eq!(
            pairs(&config.token_params),
            ["audience=https://api.acme.com"]
        );
        let error = config_with(field::TOKEN_PARAMS, r#"{"grant_type": "password"}"#).unwrap_err();
        assert!(
            matches!(
                error,
                Error::TokenRequestNotSent {
                    invalid_setting: Some(SettingError::ReservedParameter { ref name, .. }),
                    ..
                } if name == "grant_type"
            ),
            "{error}"
        );
    }
}
