//! The provider's metadata, read before an authorization when the connection names its issuer: RFC 8414's
//! `/.well-known/oauth-authorization-server`, then OpenID Connect Discovery's
//! `/.well-known/openid-configuration`. Blocksmith reads one thing from it: whether the provider always puts
//! `iss` on its authorization responses (RFC 9207, `authorization_response_iss_parameter_supported`). When it
//! does, a response without `iss` did not come from it (an authorization server mix-up) and is refused.
//! The metadata's own `issuer` must be the configured one, or the document describes another provider.

use std::io::Read;

use oauth2::http::header::ACCEPT;
use serde_json::Value;
use url::Url;

use crate::error::{provider_text, Error, Result};

/// A metadata document larger than this is not one.
const MAX_METADATA_BYTES: u64 = 1024 * 1024;

/// What Blocksmith uses of the provider's metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ProviderMetadata {
    /// The provider says it puts `iss` on every authorization response (RFC 9207).
    pub iss_parameter_supported: bool,
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

/// Reads the metadata of `issuer` (as the person typed it, which the document's `issuer` must equal).
pub(crate) fn discover(
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
                reason: crate::transport::describe_failure(&error),
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
        return read_metadata(url, issuer, &body);
    }
    Err(Error::NoProviderMetadata {
        issuer: issuer.to_owned(),
        answers: answers.join(", "),
    })
}

fn read_metadata(url: &Url, issuer: &str, body: &[u8]) -> Result<ProviderMetadata> {
    let unreadable = |reason: &str| Error::UnreadableMetadata {
        url: url.to_string(),
        reason: reason.to_owned(),
    };
    let Ok(Value::Object(document)) = serde_json::from_slice::<Value>(body) else {
        return Err(unreadable("it is not a JSON object"));
    };
    match document.get("issuer").and_then(Value::as_str) {
        Some(named) if named == issuer => {}
        Some(named) => {
            return Err(Error::MetadataIssuerMismatch {
                url: url.to_string(),
                expected: issuer.to_owned(),
                received: provider_text(named),
            })
        }
        None => return Err(unreadable("it has no \"issuer\"")),
    }
    let iss_parameter_supported =
        match document.get("authorization_response_iss_parameter_supported") {
            None => false,
            Some(Value::Bool(supported)) => *supported,
            Some(_) => {
                return Err(unreadable(
                    "its \"authorization_response_iss_parameter_supported\" is not true or false",
                ))
            }
        };
    Ok(ProviderMetadata {
        iss_parameter_supported,
    })
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

    #[test]
    fn the_iss_parameter_flag_is_read_and_absent_means_not_supported() {
        let at = url("https://login.acme.com/.well-known/openid-configuration");
        let supported = read_metadata(
            &at,
            "https://login.acme.com",
            br#"{"issuer": "https://login.acme.com", "authorization_response_iss_parameter_supported": true}"#,
        )
        .unwrap();
        assert!(supported.iss_parameter_supported);
        let silent = read_metadata(
            &at,
            "https://login.acme.com",
            br#"{"issuer": "https://login.acme.com"}"#,
        )
        .unwrap();
        assert!(!silent.iss_parameter_supported);
    }

    #[test]
    fn metadata_of_another_issuer_or_not_json_is_refused() {
        let at = url("https://login.acme.com/.well-known/openid-configuration");
        let error = read_metadata(
            &at,
            "https://login.acme.com",
            br#"{"issuer": "https://evil.example", "authorization_response_iss_parameter_supported": false}"#,
        )
        .unwrap_err();
        assert!(
            matches!(error, Error::MetadataIssuerMismatch { ref received, .. } if received == "https://evil.example"),
            "{error}"
        );
        for body in [
            &b"<html>"[..],
            br#"{"authorization_response_iss_parameter_supported": true}"#,
        ] {
            let error = read_metadata(&at, "https://login.acme.com", body).unwrap_err();
            assert!(matches!(error, Error::UnreadableMetadata { .. }), "{error}");
        }
    }
}
