//! Token endpoints that go wrong in the ways real ones do: each gives a clear error naming what
//! happened, with no secret in it, and the client returns no token (so nothing can be stored).

mod common;

use std::time::Duration;

use blocksmith_oauth::{Error, OAuthClient, OAuthConfig, Token};
use common::{fixture, now, unused_port, CannedProvider, NOW_SECONDS};

const CLIENT_SECRET: &str = "hostile-test-secret";

fn client_for(token_url: &str) -> OAuthClient {
    OAuthClient::new(OAuthConfig {
        token_url: token_url.to_owned(),
        scopes: "read".into(),
        client_id: "blocksmith".into(),
        client_secret: Some(CLIENT_SECRET.into()),
        ..OAuthConfig::default()
    })
    .unwrap()
}

fn stored_token() -> Token {
    Token::from_keyring_json(&fixture("stored-token.json")).unwrap()
}

fn assert_no_secret(error: &Error) {
    let message = error.to_string();
    for secret in [CLIENT_SECRET, "stored-refresh-token", "canned-access-token"] {
        assert!(!message.contains(secret), "{secret} in: {message}");
    }
}

#[test]
fn an_html_error_page_is_named_as_an_html_page() {
    let provider = CannedProvider::answering(502, "text/html", &fixture("html-error-page.html"));
    let client = client_for(&provider.url);

    let error = client.fetch_client_credentials(now()).unwrap_err();

    assert_eq!(
        error.to_string(),
        "The token endpoint answered HTTP 502 with an HTML page instead of a JSON token \
         response; check the Token URL."
    );
    let response = client.last_exchange().unwrap().response.unwrap();
    assert_eq!(response.status, 502);
    assert!(response.body.contains("Bad Gateway"), "{}", response.body);
}

#[test]
fn an_error_carried_by_a_200_response_is_an_error() {
    let provider =
        CannedProvider::answering(200, "application/json", &fixture("error-in-200.json"));

    let error = client_for(&provider.url)
        .fetch_client_credentials(now())
        .unwrap_err();

    assert!(
        matches!(
            error,
            Error::TokenRequestRefused { status: 200, ref error, .. } if error == "invalid_request"
        ),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("The grant_type parameter is not supported here"),
        "{error}"
    );
}

#[test]
fn a_token_response_without_token_type_is_refused() {
    let provider =
        CannedProvider::answering(200, "application/json", &fixture("missing-token-type.json"));

    let error = client_for(&provider.url)
        .fetch_client_credentials(now())
        .unwrap_err();

    assert!(
        matches!(
            error,
            Error::MissingTokenField {
                field: "token_type"
            }
        ),
        "{error}"
    );
    assert_no_secret(&error);
}

#[test]
fn an_unreachable_token_url_is_named() {
    let token_url = format!("http://127.0.0.1:{}/token", unused_port());

    let error = client_for(&token_url)
        .fetch_client_credentials(now())
        .unwrap_err();

    assert!(matches!(error, Error::Unreachable { .. }), "{error}");
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("Could not reach the token endpoint {token_url}:")),
        "{message}"
    );
    assert!(message.contains("refused"), "{message}");
    assert_no_secret(&error);
}

#[test]
fn a_redirecting_token_endpoint_is_not_followed() {
    let elsewhere = CannedProvider::answering(200, "application/json", "{}");
    let provider = CannedProvider::answering_with_headers(302, &[("Location", &elsewhere.url)], "");

    let error = client_for(&provider.url)
        .fetch_client_credentials(now())
        .unwrap_err();

    assert!(
        matches!(error, Error::NotJson { status: 302, ref body } if body == "an empty body"),
        "{error}"
    );
    assert!(
        elsewhere.requests().is_empty(),
        "the client credentials went elsewhere"
    );
}

#[test]
fn a_refresh_without_a_new_refresh_token_keeps_the_old_one() {
    let provider = CannedProvider::answering(
        200,
        "application/json",
        &fixture("refresh-without-refresh-token.json"),
    );
    let previous = stored_token();

    let refreshed = client_for(&provider.url).refresh(&previous, now()).unwrap();

    assert_eq!(refreshed.access_token(), "refreshed-access-token");
    assert_eq!(refreshed.token_type(), "bearer");
    assert_eq!(refreshed.refresh_token(), Some("stored-refresh-token"));
    assert_eq!(refreshed.scopes(), ["read", "write"]);
    assert_eq!(refreshed.expires_at(), Some(NOW_SECONDS + 1800));
    assert_eq!(
        refreshed.to_block_value(now())["instance_url"],
        "https://tenant.example"
    );
    let request = &provider.requests()[0];
    assert!(request.contains("grant_type=refresh_token"), "{request}");
    assert!(
        request.contains("refresh_token=stored-refresh-token"),
        "{request}"
    );
}

#[test]
fn a_refresh_rejected_with_invalid_grant_in_a_200_still_needs_consent() {
    let provider = CannedProvider::answering(
        200,
        "application/json",
        r#"{"error": "invalid_grant", "error_description": "refresh token expired"}"#,
    );

    let error = client_for(&provider.url)
        .refresh(&stored_token(), now())
        .unwrap_err();

    assert!(matches!(error, Error::NeedsConsent), "{error}");
    assert_no_secret(&error);
}

#[test]
fn a_token_without_refresh_token_cannot_be_refreshed() {
    let provider = CannedProvider::answering(500, "text/plain", "unused");
    let client_credentials_token = Token::from_keyring_json(
        r#"{"accessToken": "a", "tokenType": "Bearer", "expiresAt": 1800000000}"#,
    )
    .unwrap();

    let error = client_for(&provider.url)
        .refresh(&client_credentials_token, now() + Duration::from_secs(60))
        .unwrap_err();

    assert!(matches!(error, Error::NoRefreshToken), "{error}");
    assert!(provider.requests().is_empty());
}

/// Providers label JSON token responses `text/plain` or `text/html` now and then; the body is read for
/// what it is, as a form-encoded answer is, rather than refused for its label.
#[test]
fn a_json_token_response_labelled_as_another_content_type_is_read_as_json() {
    let provider = CannedProvider::answering(
        200,
        "text/plain",
        r#"{"access_token": "canned-access-token", "token_type": "Bearer", "expires_in": "120"}"#,
    );
    let client = client_for(&provider.url);

    let token = client.fetch_client_credentials(now()).unwrap();

    assert_eq!(token.access_token(), "canned-access-token");
    assert_eq!(token.expires_at(), Some(NOW_SECONDS + 120));
    let response = client.last_exchange().unwrap().response.unwrap();
    assert!(response
        .headers
        .iter()
        .any(|header| header.name == "content-type" && header.value == "text/plain"));
}
