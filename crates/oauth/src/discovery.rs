//! The provider's metadata: RFC 8414's `/.well-known/oauth-authorization-server`, then OpenID
//! Connect Discovery's `/.well-known/openid-configuration`, read for an issuer URL. It serves twice:
//!
//! - [`discover_provider`] fills in a connection from an "Issuer URL": the authorize, token and
//!   revocation endpoints and the client authentication the provider takes.
//! - Before each authorization of a connection that names its issuer, whether the provider always puts
//!   `iss` on its authorization responses (RFC 9207,
//!   `authorization_response_iss_parameter_supported`): when it does, a response without `iss` did not
//!   come from it (an authorization server mix-up) and is refused.
//!
//! The document is untrusted input: its `issuer` must be the one asked for (or it describes another
//! provider), it is read up to a size limit over the token client (no redirects followed), and every
//! endpoint it gives must be an absolute URL without credentials or fragment, https when the issuer is
//! (plain http only for an issuer on this machine's loopback address), before Blocksmith uses it.

use std::io::Read;

use oauth2::http::header::ACCEPT;
use serde::Serialize;
use serde_json::{Map, Value};
use url::Url;

use crate::config::ClientAuthentication;
use crate::endpoint::{parse_endpoint, PlainHttp};
use crate::error::{provider_text, Error, Result};
use crate::transport::{describe_failure, token_http_client};

/// A metadata document larger than this is not one.
const MAX_METADATA_BYTES: u64 = 1024 * 1024;

/// An endpoint URL longer than this is not one.
const MAX_ENDPOINT_CHARS: usize = 2048;

/// What discovery found for an issuer: the settings a connection needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DiscoveredProvider {
    /// The issuer, exactly as asked for and as the metadata names it: the connection's `issuer` setting.
    pub issuer: String,
    /// Where the metadata was read.
    pub metadata_url: String,
    /// `authorization_endpoint`; `None` for a provider without the authorization code flow.
    pub authorize_url: Option<String>,
    /// `token_endpoint`.
    pub token_url: String,
    /// `revocation_endpoint` (RFC 7009), when the provider has one.
    pub revocation_url: Option<String>,
    /// The client authentication to use: Basic when the provider takes it (or its metadata does not
    /// say, RFC 8414's default), the request body when it takes only that, `None` when it takes
    /// neither (e.g. only `private_key_jwt`).
    pub client_authentication: Option<ClientAuthentication>,
    /// The provider puts `iss` on every authorization response (RFC 9207).
    pub iss_parameter_supported: bool,
    /// `scopes_supported`, when the metadata lists them.
    pub scopes_supported: Vec<String>,
}

/// Runs discovery for `issuer` (https, or plain http on this machine's loopback address): reads its
/// metadata and returns the endpoints and settings it gives, each checked as described in the module.
/// Blocking: one or two GET requests, each with the token client's time limits.
pub fn discover_provider(issuer: &str) -> Result<DiscoveredProvider> {
    let issuer = issuer.trim();
    let issuer_url = parse_endpoint("Issuer", issuer, PlainHttp::LoopbackOnly)?;
    let http = token_http_client()?;
    read_provider_metadata(&http, issuer, &issuer_url)?.provider(&issuer_url)
}

/// A metadata document whose `issuer` is the one asked for.
pub(crate) struct ProviderMetadata {
    url: Url,
    fields: Map<String, Value>,
}

/// The metadata URLs of `issuer`, in the order they are tried: RFC 8414 puts the well-known part before the
/// issuer's path, OpenID Connect Discovery after it.
pub(crate) fn metadata_urls(issuer: &Url) -> Vec<Url> {
    let path = issuer.path().trim_end_matches('/');
    let mut urls = Vec::with_capacity(2);
    for well_known in [
        format!("/.well-known/oauth-authorization-server{path}"),
        format!("{path}/.well-known/openid-configuration"),
    ] {
        let mut url = issuer.clone();
        url.set_path(&well_known);
        url.set_query(None);
        url.set_fragment(None);
        urls.push(url);
    }
    urls
}

/// Reads the metadata of `issuer` (as the person typed it, which the document's `issuer` must equal): the
/// first of [`metadata_urls`] that answers 200.
pub(crate) fn read_provider_metadata(
    http: &reqwest::blocking::Client,
    issuer: &str,
    issuer_url: &Url,
) -> Result<ProviderMetadata> {
    let urls = metadata_urls(issuer_url);
    let mut answers = Vec::new();
    for url in &urls {
        let response = http
            .get(url.as_str())
            .header(ACCEPT, "application/json")
            .send()
            .map_err(|error| Error::Unreachable {
                endpoint: "provider metadata",
                url: url.to_string(),
                reason: describe_failure(&error),
            })?;
        let status = response.status().as_u16();
        if status != 200 {
            answers.push(format!("{url} answered HTTP {status}"));
            continue;
        }
        let mut body = Vec::new();
        response
            .take(MAX_METADATA_BYTES)
            .read_to_end(&mut body)
            .map_err(|error| Error::UnreadableMetadata {
                url: url.to_string(),
                reason: format!("the body could not be read ({error})"),
            })?;
        return ProviderMetadata::read(url, issuer, &body);
    }
    Err(Error::NoProviderMetadata {
        issuer: issuer.to_owned(),
        answers: answers.join(", "),
    })
}

impl ProviderMetadata {
    fn read(url: &Url, issuer: &str, body: &[u8]) -> Result<Self> {
        let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(body) else {
            return Err(unreadable(url, "it is not a JSON object"));
        };
        match fields.get("issuer").and_then(Value::as_str) {
            Some(named) if named == issuer => Ok(Self {
                url: url.clone(),
                fields,
            }),
            Some(named) => Err(Error::MetadataIssuerMismatch {
                url: url.to_string(),
                expected: issuer.to_owned(),
                received: provider_text(named),
            }),
            None => Err(unreadable(url, "it has no \"issuer\"")),
        }
    }

    /// Whether the provider says it puts `iss` on every authorization response; absent means no.
    pub(crate) fn iss_parameter_supported(&self) -> Result<bool> {
        match self
            .fields
            .get("authorization_response_iss_parameter_supported")
        {
            None => Ok(false),
            Some(Value::Bool(supported)) => Ok(*supported),
            Some(_) => Err(unreadable(
                &self.url,
                "its \"authorization_response_iss_parameter_supported\" is not true or false",
            )),
        }
    }

    /// The endpoints and settings for a connection to the issuer at `issuer_url`.
    fn provider(&self, issuer_url: &Url) -> Result<DiscoveredProvider> {
        let token_url = self
            .endpoint("token_endpoint", "token endpoint", issuer_url)?
            .ok_or_else(|| unreadable(&self.url, "it has no \"token_endpoint\""))?;
        Ok(DiscoveredProvider {
            issuer: self.text("issuer")?.unwrap_or_default(),
            metadata_url: self.url.to_string(),
            authorize_url: self.endpoint(
                "authorization_endpoint",
                "authorization endpoint",
                issuer_url,
            )?,
            token_url,
            revocation_url: self.endpoint(
                "revocation_endpoint",
                "revocation endpoint",
                issuer_url,
            )?,
            client_authentication: self.client_authentication()?,
            iss_parameter_supported: self.iss_parameter_supported()?,
            scopes_supported: self.texts("scopes_supported")?.unwrap_or_default(),
        })
    }

    /// An endpoint URL of the document, checked: absolute, no credentials or fragment, and https
    /// when the issuer is (a provider reached over https does not send secrets over plain http, not
    /// even to this machine).
    fn endpoint(
        &self,
        key: &str,
        endpoint: &'static str,
        issuer_url: &Url,
    ) -> Result<Option<String>> {
        let Some(value) = self.text(key)? else {
            return Ok(None);
        };
        let unusable = |reason: String| {
            let value = provider_text(&value);
            unreadable(
                &self.url,
                &format!("its {endpoint} \"{value}\" is not one Blocksmith will use: {reason}"),
            )
        };
        if value.chars().count() > MAX_ENDPOINT_CHARS {
            return Err(unusable(format!(
                "it is longer than {MAX_ENDPOINT_CHARS} characters"
            )));
        }
        let url = parse_endpoint("endpoint", &value, PlainHttp::LoopbackOnly)
            .map_err(|error| unusable(error.to_string()))?;
        if issuer_url.scheme() == "https" && url.scheme() != "https" {
            return Err(unusable(
                "the issuer uses https, so its endpoints must too".into(),
            ));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(unusable("it carries a user name or password".into()));
        }
        if url.fragment().is_some() {
            return Err(unusable(
                "it has a fragment (#…), which an OAuth endpoint may not have".into(),
            ));
        }
        Ok(Some(url.to_string()))
    }

    /// From `token_endpoint_auth_methods_supported`; see [`DiscoveredProvider::client_authentication`].
    fn client_authentication(&self) -> Result<Option<ClientAuthentication>> {
        let Some(methods) = self.texts("token_endpoint_auth_methods_supported")? else {
            return Ok(Some(ClientAuthentication::BasicAuth));
        };
        let supports = |method: &str| methods.iter().any(|listed| listed == method);
        Ok(if supports("client_secret_basic") {
            Some(ClientAuthentication::BasicAuth)
        } else if supports("client_secret_post") {
            Some(ClientAuthentication::RequestBody)
        } else {
            None
        })
    }

    fn text(&self, key: &str) -> Result<Option<String>> {
        match self.fields.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(unreadable(
                &self.url,
                &format!("its \"{key}\" is not a text"),
            )),
        }
    }

    fn texts(&self, key: &str) -> Result<Option<Vec<String>>> {
        let not_texts = || unreadable(&self.url, &format!("its \"{key}\" is not a list of texts"));
        match self.fields.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| item.as_str().map(provider_text).ok_or_else(not_texts))
                .collect::<Result<Vec<_>>>()
                .map(Some),
            Some(_) => Err(not_texts()),
        }
    }
}

fn unreadable(url: &Url, reason: &str) -> Error {
    Error::UnreadableMetadata {
        url: url.to_string(),
        reason: reason.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn metadata_urls_follow_rfc_8414_then_openid_connect_discovery() {
        let plain = metadata_urls(&url("https://login.acme.com"));
        assert_eq!(
            plain.iter().map(Url::as_str).collect::<Vec<_>>(),
            [
                "https://login.acme.com/.well-known/oauth-authorization-server",
                "https://login.acme.com/.well-known/openid-configuration",
            ]
        );
        let with_path = metadata_urls(&url("https://login.acme.com/tenant/1/"));
        assert_eq!(
            with_path.iter().map(Url::as_str).collect::<Vec<_>>(),
            [
                "https://login.acme.com/.well-known/oauth-authorization-server/tenant/1",
                "https://login.acme.com/tenant/1/.well-known/openid-configuration",
            ]
        );
    }

    const ISSUER: &str = "https://login.acme.com";

    fn metadata(body: &str) -> Result<ProviderMetadata> {
        ProviderMetadata::read(
            &url("https://login.acme.com/.well-known/openid-configuration"),
            ISSUER,
            body.as_bytes(),
        )
    }

    fn provider(body: &str) -> Result<DiscoveredProvider> {
        metadata(body)?.provider(&url(ISSUER))
    }

    #[test]
    fn the_iss_parameter_flag_is_read_and_absent_means_not_supported() {
        let supported = metadata(
            r#"{"issuer": "https://login.acme.com", "authorization_response_iss_parameter_supported": true}"#,
        )
        .unwrap();
        assert!(supported.iss_parameter_supported().unwrap());
        let silent = metadata(r#"{"issuer": "https://login.acme.com"}"#).unwrap();
        assert!(!silent.iss_parameter_supported().unwrap());
    }

    #[test]
    fn metadata_of_another_issuer_or_not_json_is_refused() {
        let error = metadata(
            r#"{"issuer": "https://evil.example", "authorization_response_iss_parameter_supported": false}"#,
        )
        .err()
        .unwrap();
        assert!(
            matches!(error, Error::MetadataIssuerMismatch { ref received, .. } if received == "https://evil.example"),
            "{error}"
        );
        for body in [
            "<html>",
            r#"{"authorization_response_iss_parameter_supported": true}"#,
        ] {
            let error = metadata(body).err().unwrap();
            assert!(matches!(error, Error::UnreadableMetadata { .. }), "{error}");
        }
    }

    #[test]
    fn the_endpoints_and_client_authentication_are_read() {
        let found = provider(
            r#"{"issuer": "https://login.acme.com",
                "authorization_endpoint": "https://login.acme.com/oauth2/authorize",
                "token_endpoint": "https://tokens.acme.com/oauth2/token",
                "revocation_endpoint": "https://login.acme.com/oauth2/revoke",
                "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt"],
                "scopes_supported": ["openid", "email"]}"#,
        )
        .unwrap();
        assert_eq!(
            found,
            DiscoveredProvider {
                issuer: ISSUER.into(),
                metadata_url: "https://login.acme.com/.well-known/openid-configuration".into(),
                authorize_url: Some("https://login.acme.com/oauth2/authorize".into()),
                token_url: "https://tokens.acme.com/oauth2/token".into(),
                revocation_url: Some("https://login.acme.com/oauth2/revoke".into()),
                client_authentication: Some(ClientAuthentication::RequestBody),
                iss_parameter_supported: false,
                scopes_supported: vec!["openid".into(), "email".into()],
            }
        );
        let minimal = provider(
            r#"{"issuer": "https://login.acme.com", "token_endpoint": "https://login.acme.com/token"}"#,
        )
        .unwrap();
        assert_eq!(minimal.authorize_url, None);
        assert_eq!(minimal.revocation_url, None);
        // RFC 8414: without the list, client_secret_basic is the default.
        assert_eq!(
            minimal.client_authentication,
            Some(ClientAuthentication::BasicAuth)
        );
        let neither = provider(
            r#"{"issuer": "https://login.acme.com", "token_endpoint": "https://login.acme.com/token",
                "token_endpoint_auth_methods_supported": ["private_key_jwt"]}"#,
        )
        .unwrap();
        assert_eq!(neither.client_authentication, None);
    }

    #[test]
    fn endpoints_that_would_leak_secrets_or_are_not_urls_are_refused() {
        for (endpoint, reason) in [
            ("http://login.acme.com/token", "https"),
            ("http://127.0.0.1:9000/token", "the issuer uses https"),
            (
                "https://user:pass@login.acme.com/token",
                "user name or password",
            ),
            ("https://login.acme.com/token#frag", "fragment"),
            ("javascript:alert(1)", "https://"),
            ("/token", "not a valid"),
        ] {
            let body = format!(
                r#"{{"issuer": "https://login.acme.com", "token_endpoint": "{endpoint}"}}"#
            );
            let error = provider(&body).unwrap_err();
            assert!(
                matches!(error, Error::UnreadableMetadata { ref reason, .. } if reason.starts_with("its token endpoint")),
                "{endpoint}: {error}"
            );
            assert!(error.to_string().contains(reason), "{endpoint}: {error}");
        }
        let long = format!("https://login.acme.com/{}", "a".repeat(MAX_ENDPOINT_CHARS));
        let error = provider(&format!(
            r#"{{"issuer": "https://login.acme.com", "token_endpoint": "{long}"}}"#
        ))
        .unwrap_err();
        assert!(error.to_string().contains("longer than"), "{error}");
        for body in [
            r#"{"issuer": "https://login.acme.com"}"#,
            r#"{"issuer": "https://login.acme.com", "token_endpoint": 42}"#,
            r#"{"issuer": "https://login.acme.com", "token_endpoint": "https://login.acme.com/t", "scopes_supported": "openid"}"#,
        ] {
            let error = provider(body).unwrap_err();
            assert!(
                matches!(error, Error::UnreadableMetadata { .. }),
                "{body}: {error}"
            );
        }
    }
}
