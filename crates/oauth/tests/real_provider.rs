//! The OAuth flows against a real OAuth 2.0 / OpenID provider (oidc-provider, started per test
//! from `tests/oauth-server/server.mjs`), with a person clicking through its login and consent.

mod common;

use std::thread;
use std::time::Duration;

use blocksmith_oauth::{
    AuthorizationNonces, Error, ExtraHeaders, LoopbackListener, OAuthClient, PendingAuthorization,
    Revocation, Token, DEFAULT_REFRESH_MARGIN, MASK,
};
use common::{now, Decision, Person, TestClient, TestProvider, NOW_SECONDS, REDIRECT_URI};

const SCOPES: &str = "api:read api:write";

fn begin(client: &OAuthClient) -> PendingAuthorization {
    client
        .begin_authorization(REDIRECT_URI, AuthorizationNonces::random())
        .unwrap()
}

/// The authorization code flow up to the redirect, as a person allowing access.
fn consented_redirect(pending: &PendingAuthorization) -> String {
    Person::new().authorize(pending.authorize_url(), REDIRECT_URI, Decision::Allow)
}

fn connect(provider: &TestProvider, test_client: TestClient) -> (OAuthClient, Token) {
    let client = OAuthClient::new(provider.config(test_client, SCOPES)).unwrap();
    let pending = begin(&client);
    let redirect = consented_redirect(&pending);
    let token = client
        .complete_authorization(&pending, &redirect, now())
        .unwrap();
    (client, token)
}

fn form_field(client: &OAuthClient, name: &str) -> Option<String> {
    client
        .last_exchange()
        .expect("a token request was sent")
        .request
        .form
        .into_iter()
        .find(|field| field.name == name)
        .map(|field| field.value)
}

#[test]
fn a_confidential_client_connects_with_code_pkce_and_state() {
    let provider = TestProvider::start();
    let (client, token) = connect(&provider, TestClient::Confidential);

    assert!(provider.is_active(token.access_token()));
    assert_eq!(token.token_type(), "Bearer");
    assert_eq!(token.expires_at(), Some(NOW_SECONDS + 60));
    assert!(token.refresh_token().is_some());
    assert_eq!(token.scopes(), ["api:read", "api:write"]);

    let exchange = client.last_exchange().unwrap();
    assert_eq!(exchange.request.method, "POST");
    assert_eq!(exchange.request.url, format!("{}/token", provider.issuer));
    let authorization = exchange
        .request
        .headers
        .iter()
        .find(|header| header.name == "authorization")
        .map(|header| header.value.as_str());
    assert_eq!(authorization, Some("Basic <masked>"));
    assert_eq!(
        form_field(&client, "grant_type").as_deref(),
        Some("authorization_code")
    );
    assert_eq!(form_field(&client, "code").as_deref(), Some(MASK));
    assert_eq!(form_field(&client, "code_verifier").as_deref(), Some(MASK));
    let response = exchange.response.unwrap();
    assert_eq!(response.status, 200);
    assert!(
        !response.body.contains(token.access_token()),
        "{}",
        response.body
    );
    assert!(!response.body.contains(token.refresh_token().unwrap()));
}

#[test]
fn a_public_client_connects_without_sending_any_secret() {
    let provider = TestProvider::start();
    let (client, token) = connect(&provider, TestClient::Public);

    assert!(provider.is_active(token.access_token()));
    assert_eq!(
        form_field(&client, "client_id").as_deref(),
        Some("blocksmith-public")
    );
    assert_eq!(form_field(&client, "client_secret"), None);
    assert!(!provider.last_token_headers().contains_key("authorization"));
}

#[test]
fn a_client_authenticating_in_the_request_body_connects() {
    let provider = TestProvider::start();
    let (client, token) = connect(&provider, TestClient::ConfidentialPost);

    assert!(provider.is_active(token.access_token()));
    assert_eq!(form_field(&client, "client_secret").as_deref(), Some(MASK));
    assert!(!provider.last_token_headers().contains_key("authorization"));
}

#[test]
fn an_expired_token_is_refreshed_and_keeps_its_refresh_ability() {
    let provider = TestProvider::start_with_access_token_ttl(600);
    let (client, token) = connect(&provider, TestClient::Confidential);
    let later = now() + Duration::from_secs(2 * 3600);
    assert!(token.needs_refresh(later, DEFAULT_REFRESH_MARGIN));

    let refreshed = client.refresh(&token, later).unwrap();

    assert_ne!(refreshed.access_token(), token.access_token());
    assert!(provider.is_active(refreshed.access_token()));
    assert_eq!(refreshed.expires_at(), Some(NOW_SECONDS + 2 * 3600 + 600));
    assert!(!refreshed.needs_refresh(later, DEFAULT_REFRESH_MARGIN));
    assert!(refreshed.refresh_token().is_some());
    assert_eq!(refreshed.scopes(), token.scopes());
    assert_eq!(
        form_field(&client, "grant_type").as_deref(),
        Some("refresh_token")
    );
    assert_eq!(form_field(&client, "refresh_token").as_deref(), Some(MASK));
}

#[test]
fn a_refresh_token_the_provider_revoked_needs_consent() {
    let provider = TestProvider::start();
    let (client, token) = connect(&provider, TestClient::Confidential);

    assert_eq!(client.revoke(&token).unwrap(), Revocation::Revoked);
    assert_eq!(form_field(&client, "token").as_deref(), Some(MASK));
    assert_eq!(
        form_field(&client, "token_type_hint").as_deref(),
        Some("refresh_token")
    );

    let error = client.refresh(&token, now()).unwrap_err();
    assert!(matches!(error, Error::NeedsConsent), "{error}");
    assert_eq!(
        error.to_string(),
        "The provider rejected the refresh token; connect again to give consent."
    );
    assert!(matches!(error, blocksmith_oauth::Error::NeedsConsent));
}

#[test]
fn client_credentials_fetch_a_token_for_the_scopes() {
    let provider = TestProvider::start();
    let client = OAuthClient::new(provider.config(TestClient::Confidential, "api:read")).unwrap();

    let token = client.fetch_client_credentials(now()).unwrap();

    assert!(provider.is_active(token.access_token()));
    assert_eq!(token.scopes(), ["api:read"]);
    assert_eq!(token.refresh_token(), None);
    assert_eq!(token.expires_at(), Some(NOW_SECONDS + 60));
    assert_eq!(
        form_field(&client, "grant_type").as_deref(),
        Some("client_credentials")
    );
    assert_eq!(form_field(&client, "scope").as_deref(), Some("api:read"));
}

#[test]
fn extra_headers_arrive_at_the_token_endpoint_and_are_masked_in_the_inspector() {
    let provider = TestProvider::start();
    let mut config = provider.config(TestClient::Confidential, "api:read");
    config.headers =
        ExtraHeaders::parse("X-Blocksmith-Tenant: acme\nX-Api-Key: header-secret").unwrap();
    let client = OAuthClient::new(config).unwrap();

    client.fetch_client_credentials(now()).unwrap();

    let received = provider.last_token_headers();
    assert_eq!(received["x-blocksmith-tenant"], "acme");
    assert_eq!(received["x-api-key"], "header-secret");
    let exchange = client.last_exchange().unwrap();
    let recorded = serde_json::to_string(&exchange).unwrap();
    assert!(!recorded.contains("header-secret"), "{recorded}");
    assert!(exchange
        .request
        .headers
        .iter()
        .any(|header| header.name == "x-api-key" && header.value == MASK));
}

#[test]
fn a_person_who_cancels_consent_gets_access_denied_and_no_token_request_is_made() {
    let provider = TestProvider::start();
    let client = OAuthClient::new(provider.config(TestClient::Confidential, SCOPES)).unwrap();
    let pending = begin(&client);
    let redirect = Person::new().authorize(pending.authorize_url(), REDIRECT_URI, Decision::Deny);

    let error = client
        .complete_authorization(&pending, &redirect, now())
        .unwrap_err();

    assert!(
        matches!(error, Error::AuthorizationDenied { ref error, .. } if error == "access_denied"),
        "{error}"
    );
    assert!(error.to_string().contains("access_denied"), "{error}");
    assert!(client.last_exchange().is_none());
}

#[test]
fn a_wrong_client_secret_is_named_without_the_secret() {
    let provider = TestProvider::start();
    let mut config = provider.config(TestClient::Confidential, "api:read");
    config.client_secret = Some("wrong-secret-value".into());
    let client = OAuthClient::new(config).unwrap();

    let error = client.fetch_client_credentials(now()).unwrap_err();

    assert!(matches!(error, Error::InvalidClient { .. }), "{error}");
    let message = error.to_string();
    assert!(message.contains("Client Secret"), "{message}");
    assert!(!message.contains("wrong-secret-value"), "{message}");
    assert_eq!(
        client.last_exchange().unwrap().response.unwrap().status,
        401
    );
}

#[test]
fn a_forged_state_is_refused_before_the_code_is_spent() {
    let provider = TestProvider::start();
    let client = OAuthClient::new(provider.config(TestClient::Confidential, SCOPES)).unwrap();
    let pending = begin(&client);
    let redirect = consented_redirect(&pending);
    let forged = redirect.replace(
        &format!("state={}", pending.state()),
        "state=forged-by-someone-else",
    );
    assert_ne!(forged, redirect);

    let error = client
        .complete_authorization(&pending, &forged, now())
        .unwrap_err();

    assert!(matches!(error, Error::StateMismatch), "{error}");
    assert!(client.last_exchange().is_none());
    // The genuine redirect still works: nothing was sent with the forged one.
    client
        .complete_authorization(&pending, &redirect, now())
        .unwrap();
}

#[test]
fn a_replayed_code_is_rejected() {
    let provider = TestProvider::start();
    let client = OAuthClient::new(provider.config(TestClient::Confidential, SCOPES)).unwrap();
    let pending = begin(&client);
    let redirect = consented_redirect(&pending);
    client
        .complete_authorization(&pending, &redirect, now())
        .unwrap();

    let error = client
        .complete_authorization(&pending, &redirect, now())
        .unwrap_err();

    assert!(matches!(error, Error::CodeRejected { .. }), "{error}");
    assert!(error.to_string().contains("already used"), "{error}");
}

/// The redirect with its `iss` parameter replaced (`Some`) or removed (`None`), as a mix-up attacker's
/// authorization server would send it.
fn with_iss(redirect: &str, iss: Option<&str>) -> String {
    let mut url = url::Url::parse(redirect).unwrap();
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(name, _)| name != "iss")
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    {
        let mut query = url.query_pairs_mut();
        query.clear();
        for (name, value) in &kept {
            query.append_pair(name, value);
        }
        if let Some(iss) = iss {
            query.append_pair("iss", iss);
        }
    }
    url.into()
}

#[test]
fn a_redirect_from_another_issuer_is_refused() {
    let provider = TestProvider::start();
    let mut config = provider.config(TestClient::Confidential, SCOPES);
    config.issuer = Some(provider.issuer.clone());
    let client = OAuthClient::new(config).unwrap();
    let pending = begin(&client);
    let redirect = with_iss(
        &consented_redirect(&pending),
        Some("https://another-issuer.example"),
    );

    let error = client
        .complete_authorization(&pending, &redirect, now())
        .unwrap_err();

    assert!(
        matches!(error, Error::IssuerMismatch { ref received, .. } if received == "https://another-issuer.example"),
        "{error}"
    );
}

#[test]
fn a_redirect_without_iss_is_refused_because_the_provider_metadata_promises_it() {
    let provider = TestProvider::start();
    let mut config = provider.config(TestClient::Confidential, SCOPES);
    config.issuer = Some(provider.issuer.clone());
    let client = OAuthClient::new(config).unwrap();
    let pending = begin(&client);
    let consented = consented_redirect(&pending);
    assert!(consented.contains("iss="), "{consented}");

    let error = client
        .complete_authorization(&pending, &with_iss(&consented, None), now())
        .unwrap_err();

    assert!(matches!(error, Error::IssuerMissing { .. }), "{error}");
    assert!(error.to_string().contains(&provider.issuer), "{error}");
    // The same code with the provider's own `iss` still works: nothing was sent for the refused one.
    let token = client
        .complete_authorization(&pending, &consented, now())
        .unwrap();
    assert!(provider.is_active(token.access_token()));
}

#[test]
fn an_issuer_setting_that_is_not_the_provider_metadata_issuer_stops_the_authorization() {
    let provider = TestProvider::start();
    let mut config = provider.config(TestClient::Confidential, SCOPES);
    config.issuer = Some(format!("{}/", provider.issuer));
    let client = OAuthClient::new(config).unwrap();

    let error = client
        .begin_authorization(REDIRECT_URI, AuthorizationNonces::random())
        .unwrap_err();

    assert!(
        matches!(error, Error::MetadataIssuerMismatch { ref received, .. } if *received == provider.issuer),
        "{error}"
    );
}

#[test]
fn the_system_browser_flow_ends_at_the_loopback_listener() {
    let provider = TestProvider::start();
    let client = OAuthClient::new(provider.config(TestClient::Public, SCOPES)).unwrap();
    let listener = LoopbackListener::bind(0).unwrap();
    let pending = client
        .begin_authorization(listener.redirect_uri(), AuthorizationNonces::random())
        .unwrap();

    let authorize_url = pending.authorize_url().to_owned();
    let redirect_uri = listener.redirect_uri().to_owned();
    let browser = thread::spawn(move || {
        let person = Person::new();
        let redirect = person.authorize(&authorize_url, &redirect_uri, Decision::Allow);
        person.open(&redirect)
    });
    let redirect = listener
        .wait_for_redirect(pending.state(), Duration::from_secs(30))
        .unwrap();
    let (status, page) = browser.join().unwrap();

    assert_eq!(status, 200);
    assert!(page.contains("You can close this window"), "{page}");
    let token = client
        .complete_authorization(&pending, &redirect, now())
        .unwrap();
    assert!(provider.is_active(token.access_token()));
}
