//! The providers people actually connect to, played by the real test provider (oidc-provider,
//! `tests/oauth-server/server.mjs`) switched to behave as they do: `expires_in` as a string (Azure AD
//! v1, B2C), comma-separated scopes (GitHub, Slack, Strava), form-encoded token answers, a client
//! that may authenticate only in the request body, extra parameters a provider needs, JWT access and
//! ID tokens for the inspector, and discovery from the issuer.

mod common;

use std::time::Duration;

use blocksmith_oauth::{
    discover_provider, field, AuthorizationNonces, ClientAuthentication, Error, OAuthClient,
    OAuthConfig, Revocation, Token, TokenExchange, MASK,
};
use common::{now, Decision, Person, TestClient, TestProvider, NOW_SECONDS, REDIRECT_URI};
use serde_json::{json, Value};

const SCOPES: &str = "api:read api:write";

/// The authorization code flow with a person who signs in and allows access.
fn connect(client: &OAuthClient) -> Token {
    let pending = client
        .begin_authorization(REDIRECT_URI, AuthorizationNonces::random())
        .unwrap();
    let redirect = Person::new().authorize(pending.authorize_url(), REDIRECT_URI, Decision::Allow);
    client
        .complete_authorization(&pending, &redirect, now())
        .unwrap()
}

/// A client built the way the session builds one: from the connection's fields by their keys, so the
/// settings are read as a saved connection (or `connections add --set key=value`) gives them.
fn client_from_fields(
    provider: &TestProvider,
    test_client: TestClient,
    settings: &[(&str, &str)],
) -> OAuthClient {
    let base = provider.config(test_client, SCOPES);
    let config = OAuthConfig::from_fields(|key| {
        if let Some((_, value)) = settings.iter().find(|(name, _)| *name == key) {
            return Some((*value).to_owned());
        }
        match key {
            field::AUTHORIZE_URL => base.authorize_url.clone(),
            field::TOKEN_URL => Some(base.token_url.clone()),
            field::SCOPES => Some(base.scopes.clone()),
            field::CLIENT_ID => Some(base.client_id.clone()),
            field::CLIENT_SECRET => base.client_secret.clone(),
            field::REVOCATION_URL => base.revocation_url.clone(),
            _ => None,
        }
    })
    .unwrap();
    OAuthClient::new(config).unwrap()
}

fn last_exchange(client: &OAuthClient) -> TokenExchange {
    client.last_exchange().expect("a request was sent")
}

#[test]
fn expires_in_sent_as_a_string_gives_a_token_that_expires() {
    let provider = TestProvider::start_with_quirks(&["expires-in-string"]);
    let client = OAuthClient::new(provider.config(TestClient::Confidential, SCOPES)).unwrap();

    let token = connect(&client);

    let body: Value = serde_json::from_str(&last_exchange(&client).response.unwrap().body).unwrap();
    assert_eq!(body["expires_in"], "60", "the provider sent a string");
    assert_eq!(token.expires_at(), Some(NOW_SECONDS + 60));
    assert!(provider.is_active(token.access_token()));
    let refreshed = client.refresh(&token, now()).unwrap();
    assert_eq!(refreshed.expires_at(), Some(NOW_SECONDS + 60));
    assert_eq!(refreshed.to_block_value(now())["expires_in"], 60);
}

#[test]
fn comma_separated_scopes_are_separate_scopes_and_the_block_sees_them_as_sent() {
    let provider = TestProvider::start_with_quirks(&["comma-scopes"]);
    let client = OAuthClient::new(provider.config(TestClient::Confidential, SCOPES)).unwrap();

    let token = client.fetch_client_credentials(now()).unwrap();

    assert_eq!(token.scopes(), ["api:read", "api:write"]);
    assert_eq!(token.scope_as_sent(), Some("api:read,api:write"));
    assert_eq!(token.to_block_value(now())["scope"], "api:read,api:write");
    let issued = last_exchange(&client).issued.unwrap();
    assert_eq!(issued.requested_scopes, ["api:read", "api:write"]);
    assert_eq!(
        issued.granted_scopes.as_deref(),
        Some(&["api:read".to_owned(), "api:write".to_owned()][..])
    );
    assert_eq!(issued.scope_as_sent.as_deref(), Some("api:read,api:write"));
}

#[test]
fn form_encoded_token_answers_connect_refresh_and_fetch() {
    let provider = TestProvider::start_with_quirks(&["form-encoded-tokens"]);
    let client = OAuthClient::new(provider.config(TestClient::Confidential, SCOPES)).unwrap();

    let token = connect(&client);

    let response = last_exchange(&client).response.unwrap();
    let content_type = response
        .headers
        .iter()
        .find(|header| header.name == "content-type")
        .map(|header| header.value.clone());
    assert!(
        content_type
            .as_deref()
            .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded")),
        "{content_type:?}"
    );
    assert!(
        response.body.contains(&format!(
            "access_token={}",
            url::form_urlencoded::byte_serialize(MASK.as_bytes()).collect::<String>()
        )),
        "{}",
        response.body
    );
    assert!(!response.body.contains(token.access_token()));
    assert!(provider.is_active(token.access_token()));
    assert_eq!(token.token_type(), "Bearer");
    assert_eq!(token.expires_at(), Some(NOW_SECONDS + 60));
    assert_eq!(token.scopes(), ["api:read", "api:write"]);
    assert!(token.refresh_token().is_some());
    // The id_token and other fields of a form answer reach the block as texts.
    let refreshed = client.refresh(&token, now()).unwrap();
    assert!(provider.is_active(refreshed.access_token()));
    let fetched = client.fetch_client_credentials(now()).unwrap();
    assert!(provider.is_active(fetched.access_token()));
}

#[test]
fn a_body_only_client_connects_refreshes_fetches_and_revokes_with_client_authentication_body() {
    let provider = TestProvider::start();
    let client = client_from_fields(
        &provider,
        TestClient::ConfidentialPost,
        &[(field::CLIENT_AUTHENTICATION, "body")],
    );
    assert_eq!(
        client.config().client_authentication,
        ClientAuthentication::RequestBody
    );

    let token = connect(&client);
    let refreshed = client.refresh(&token, now()).unwrap();
    let fetched = client.fetch_client_credentials(now()).unwrap();

    for token in [&token, &refreshed, &fetched] {
        assert!(provider.is_active(token.access_token()));
    }
    let form = provider.last_token_params();
    assert_eq!(form["client_id"], "blocksmith-confidential-post");
    assert_eq!(form["client_secret"], "confidential-post-secret");
    assert!(!provider.last_token_headers().contains_key("authorization"));
    assert_eq!(client.revoke(&refreshed).unwrap(), Revocation::Revoked);
    assert!(matches!(
        client.refresh(&refreshed, now()),
        Err(Error::NeedsConsent)
    ));
}

#[test]
fn invalid_client_after_one_method_says_to_try_the_other() {
    let provider = TestProvider::start();
    // The body-only client, sending its secret as Basic (the default).
    let basic = client_from_fields(&provider, TestClient::ConfidentialPost, &[]);
    let error = basic.fetch_client_credentials(now()).unwrap_err();
    assert!(
        matches!(
            error,
            Error::InvalidClient {
                tried: Some(ClientAuthentication::BasicAuth),
                ..
            }
        ),
        "{error}"
    );
    let message = error.to_string();
    assert!(
        message.contains("or set Client authentication to body"),
        "{message}"
    );
    assert!(!message.contains("confidential-post-secret"), "{message}");

    // The Basic-only client, sending its secret in the body.
    let body = client_from_fields(
        &provider,
        TestClient::Confidential,
        &[(field::CLIENT_AUTHENTICATION, "body")],
    );
    let error = body.fetch_client_credentials(now()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("or set Client authentication to basic"),
        "{error}"
    );
    // The refresh and the code exchange name the other method too.
    let token = connect(&client_from_fields(
        &provider,
        TestClient::Confidential,
        &[],
    ));
    let error = body.refresh(&token, now()).unwrap_err();
    assert!(
        matches!(
            error,
            Error::InvalidClient {
                tried: Some(ClientAuthentication::RequestBody),
                ..
            }
        ),
        "{error}"
    );
}

#[test]
fn extra_parameters_arrive_on_the_authorization_and_every_token_request() {
    let provider = TestProvider::start();
    let client = client_from_fields(
        &provider,
        TestClient::Confidential,
        &[
            (
                field::AUTHORIZE_PARAMS,
                r#"{"login_hint": "alice@acme.com", "prompt": "consent", "access_type": "offline"}"#,
            ),
            (
                field::TOKEN_PARAMS,
                r#"{"audience": "https://api.acme.com", "tenant": 42}"#,
            ),
        ],
    );

    let token = connect(&client);

    let authorization = provider.last_authorization_params();
    assert_eq!(authorization["login_hint"], "alice@acme.com");
    assert_eq!(authorization["prompt"], "consent");
    assert_eq!(authorization["access_type"], "offline");
    assert_eq!(authorization["client_id"], "blocksmith-confidential");
    let expected_token_params = [("audience", "https://api.acme.com"), ("tenant", "42")];
    let assert_token_params = |grant: &str| {
        let form = provider.last_token_params();
        assert_eq!(form["grant_type"], grant);
        for (name, value) in expected_token_params {
            assert_eq!(form[name], value, "{grant}: {name}");
        }
    };
    assert_token_params("authorization_code");
    // The inspector shows them with the rest of the form.
    let recorded = last_exchange(&client).request.form;
    assert!(recorded
        .iter()
        .any(|field| field.name == "audience" && field.value == "https://api.acme.com"));
    client.refresh(&token, now()).unwrap();
    assert_token_params("refresh_token");
    client.fetch_client_credentials(now()).unwrap();
    assert_token_params("client_credentials");
}

#[test]
fn the_inspector_decodes_jwt_access_and_id_tokens_without_their_signatures() {
    let provider = TestProvider::start_with_quirks(&["jwt-access-tokens"]);
    let client = OAuthClient::new(provider.config(
        TestClient::Confidential,
        "openid api:read api:write offline_access",
    ))
    .unwrap();

    let token = connect(&client);

    let exchange = last_exchange(&client);
    let issued = exchange.issued.clone().expect("the answer gave a token");
    let access = issued.access_token.expect("the access token is a JWT");
    assert_eq!(access.header["typ"], "at+jwt");
    assert_eq!(access.header["alg"], "RS256");
    assert_eq!(access.claims["iss"], provider.issuer.as_str());
    assert_eq!(access.claims["aud"], "urn:blocksmith:test-api");
    assert_eq!(access.claims["client_id"], "blocksmith-confidential");
    assert_eq!(access.claims["sub"], "alice");
    let id = issued
        .id_token
        .expect("an OpenID Connect answer has an ID token");
    assert_eq!(id.claims["sub"], "alice");
    assert_eq!(id.claims["aud"], "blocksmith-confidential");
    assert_eq!(id.claims["iss"], provider.issuer.as_str());
    assert_eq!(
        issued.requested_scopes,
        ["openid", "api:read", "api:write", "offline_access"]
    );
    let granted = issued
        .granted_scopes
        .expect("the provider names the scopes");
    assert!(granted.contains(&"api:read".to_owned()), "{granted:?}");
    // The JWT's own expiry agrees with the one the response gave (both count from the provider's clock).
    let exp = access.claims["exp"].as_u64().unwrap();
    let iat = access.claims["iat"].as_u64().unwrap();
    assert_eq!(exp - iat, 60);
    assert_eq!(issued.expires_at, Some(NOW_SECONDS + 60));

    // No token, and no signature that would make one from the decoded parts, is in the record.
    let printed = serde_json::to_string(&exchange).unwrap();
    let id_token = token.extra_fields()["id_token"].as_str().unwrap();
    for secret in [token.access_token(), id_token] {
        let signature = secret.rsplit('.').next().unwrap();
        assert!(!printed.contains(signature), "a signature in {printed}");
    }
    assert_eq!(token.decoded_access_token().unwrap().claims, access.claims);
}

#[test]
fn an_opaque_access_token_is_not_decoded() {
    let provider = TestProvider::start();
    let client = OAuthClient::new(provider.config(TestClient::Confidential, SCOPES)).unwrap();
    client.fetch_client_credentials(now()).unwrap();
    let issued = last_exchange(&client).issued.unwrap();
    assert_eq!(issued.access_token, None);
    assert_eq!(issued.id_token, None);
}

#[test]
fn discovery_finds_the_endpoints_and_they_connect() {
    let provider = TestProvider::start();

    let discovered = discover_provider(&provider.issuer).unwrap();

    assert_eq!(discovered.issuer, provider.issuer);
    // oidc-provider publishes no RFC 8414 document: the OpenID Connect one answers.
    assert_eq!(
        discovered.metadata_url,
        format!("{}/.well-known/openid-configuration", provider.issuer)
    );
    assert_eq!(
        discovered.authorize_url,
        Some(format!("{}/auth", provider.issuer))
    );
    assert_eq!(discovered.token_url, format!("{}/token", provider.issuer));
    assert_eq!(
        discovered.revocation_url,
        Some(format!("{}/token/revocation", provider.issuer))
    );
    assert_eq!(
        discovered.client_authentication,
        Some(ClientAuthentication::BasicAuth)
    );
    assert!(discovered.iss_parameter_supported);
    assert!(discovered.scopes_supported.contains(&"openid".to_owned()));

    let client = OAuthClient::new(OAuthConfig {
        authorize_url: discovered.authorize_url.clone(),
        token_url: discovered.token_url.clone(),
        revocation_url: discovered.revocation_url.clone(),
        issuer: Some(discovered.issuer.clone()),
        client_authentication: discovered.client_authentication.unwrap(),
        ..provider.config(TestClient::Confidential, SCOPES)
    })
    .unwrap();
    let token = connect(&client);
    assert!(provider.is_active(token.access_token()));
    assert_eq!(client.revoke(&token).unwrap(), Revocation::Revoked);
}

#[test]
fn discovery_for_another_issuer_or_a_missing_one_says_so() {
    let provider = TestProvider::start();

    // The document names the issuer without the trailing slash asked for.
    let error = discover_provider(&format!("{}/", provider.issuer)).unwrap_err();
    assert!(
        matches!(error, Error::MetadataIssuerMismatch { ref received, .. } if *received == provider.issuer),
        "{error}"
    );
    // No metadata under a path.
    let error = discover_provider(&format!("{}/tenant-1", provider.issuer)).unwrap_err();
    assert!(matches!(error, Error::NoProviderMetadata { .. }), "{error}");
    assert!(error.to_string().contains("answered HTTP 404"), "{error}");
    // Plain http off this machine is refused before anything is sent.
    let error = discover_provider("http://login.acme.example").unwrap_err();
    assert!(
        matches!(
            error,
            Error::InsecureEndpoint {
                field: "Issuer",
                ..
            }
        ),
        "{error}"
    );
    // Nothing listens: the message names the metadata URL.
    let port = common::unused_port();
    let error = discover_provider(&format!("http://127.0.0.1:{port}")).unwrap_err();
    assert!(
        matches!(
            error,
            Error::Unreachable {
                endpoint: "provider metadata",
                ..
            }
        ),
        "{error}"
    );
}

#[test]
fn every_quirk_at_once_still_connects() {
    let provider = TestProvider::start_with_quirks(&[
        "expires-in-string",
        "comma-scopes",
        "form-encoded-tokens",
        "jwt-access-tokens",
    ]);
    let client = client_from_fields(
        &provider,
        TestClient::ConfidentialPost,
        &[(field::CLIENT_AUTHENTICATION, "body")],
    );

    let token = connect(&client);

    // A JWT access token is not kept by the provider, so introspection cannot vouch for it; its claims
    // say whom the provider issued it to.
    let access = last_exchange(&client).issued.unwrap().access_token.unwrap();
    assert_eq!(access.claims["client_id"], "blocksmith-confidential-post");
    assert_eq!(access.claims["iss"], provider.issuer.as_str());
    assert_eq!(token.expires_at(), Some(NOW_SECONDS + 60));
    assert_eq!(token.scopes(), ["api:read", "api:write"]);
    assert_eq!(token.to_block_value(now())["scope"], "api:read,api:write");
    let later = now() + Duration::from_secs(120);
    let refreshed = client.refresh(&token, later).unwrap();
    assert_eq!(refreshed.expires_at(), Some(NOW_SECONDS + 120 + 60));
    assert_eq!(json!(refreshed.scopes()), json!(["api:read", "api:write"]));
}
