//! Reading a connection's endpoint URLs. An endpoint that receives the client secret or a token (the token
//! and revocation endpoints), or tells Blocksmith how to check the provider's answers (the issuer's metadata),
//! must be https: over plain http anyone on the network path reads the secrets or rewrites the answer. Plain
//! http is accepted only on this machine's loopback addresses, where a local provider (and the test provider)
//! speaks it and nothing crosses a network.

use url::{Host, Url};

use crate::error::{Error, Result};

/// Whether an endpoint may use plain http anywhere, or only on a loopback address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlainHttp {
    /// The authorize URL: it is only opened in a browser, and carries no secret.
    Allowed,
    /// Endpoints that receive secrets or whose answers are trusted.
    LoopbackOnly,
}

/// Parses an http(s) endpoint URL named `field` ("Token URL") for the messages.
pub(crate) fn parse_endpoint(
    field: &'static str,
    value: &str,
    plain_http: PlainHttp,
) -> Result<Url> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::MissingField { field });
    }
    let invalid = |reason: String| Error::InvalidUrl {
        field,
        value: value.to_owned(),
        reason,
    };
    let url = Url::parse(value).map_err(|error| invalid(error.to_string()))?;
    match url.scheme() {
        "https" => Ok(url),
        "http" if plain_http == PlainHttp::Allowed || is_loopback(&url) => Ok(url),
        "http" => Err(Error::InsecureEndpoint {
            field,
            url: value.to_owned(),
        }),
        _ => Err(invalid(
            "it must start with https:// (or http:// for a provider on this machine)".into(),
        )),
    }
}

/// Checks a URL that will receive secrets (a Token or Revocation URL) or be trusted (an Issuer) the way the
/// OAuth client will, so a connection form can refuse it before it is saved.
pub fn check_secure_endpoint(field: &'static str, value: &str) -> Result<()> {
    parse_endpoint(field, value, PlainHttp::LoopbackOnly).map(drop)
}

/// Whether a URL's host is this machine: 127.0.0.0/8, `localhost` or `[::1]`.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_is_refused_for_secret_endpoints_off_this_machine() {
        for url in [
            "http://provider.example/token",
            "http://10.0.0.5:8080/token",
            "http://127.0.0.1.nip.io/token",
            "http://localhost.evil.example/token",
        ] {
            let error = parse_endpoint("Token URL", url, PlainHttp::LoopbackOnly).unwrap_err();
            assert!(
                matches!(error, Error::InsecureEndpoint { .. }),
                "{url}: {error}"
            );
            let message = error.to_string();
            assert!(message.contains("Token URL"), "{message}");
            assert!(message.contains("https://"), "{message}");
        }
    }

    #[test]
    fn plain_http_on_a_loopback_address_and_https_anywhere_are_accepted() {
        for url in [
            "http://127.0.0.1:4010/token",
            "http://127.8.9.10/token",
            "http://localhost:8080/token",
            "http://LOCALHOST/token",
            "http://[::1]:9000/token",
            "https://provider.example/token",
        ] {
            assert!(
                parse_endpoint("Token URL", url, PlainHttp::LoopbackOnly).is_ok(),
                "{url}"
            );
        }
    }

    #[test]
    fn the_authorize_url_may_be_plain_http_but_not_another_scheme() {
        assert!(parse_endpoint(
            "Authorize URL",
            "http://provider.example/auth",
            PlainHttp::Allowed
        )
        .is_ok());
        let error = parse_endpoint(
            "Authorize URL",
            "ftp://provider.example",
            PlainHttp::Allowed,
        )
        .unwrap_err();
        assert!(matches!(error, Error::InvalidUrl { .. }), "{error}");
    }
}
