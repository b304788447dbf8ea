//! "Needs consent" is kept with the token: when the provider refuses a refresh token (`invalid_grant`), the
//! stored token is marked, the mark survives a restart (a new workspace handle and keyring connection), runs
//! and Refresh now say the connection needs consent, and a new consent clears it. Against the real provider
//! (oidc-provider, `tests/oauth-server/`) and the real OS keyring (run under `scripts/with-keyring.sh`).

#[path = "../../oauth/tests/common/mod.rs"]
mod common;
mod keyring;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, SystemTime};

use blocksmith_oauth::{OAuthClient, Revocation, Token};
use blocksmith_secrets::{SecretId, SecretStore, Sensitive};
use blocksmith_session::oauth::{
    begin_authorization, client_for, complete_authorization, refresh_now, token_status,
};
use blocksmith_session::{
    config_vars_for_run, list_connections, save_connection, ConnectionDraft, Error, ErrorCode,
};
use blocksmith_workspace::Workspace;
use common::{Decision, Person, TestClient, TestProvider, REDIRECT_URI};

const CONNECTION: &str = "Provider";
const SCOPES: &str = "api:read";

/// A workspace with the authorization code connection to the provider's confidential client.
fn workspace_with_connection(
    dir: &Path,
    store: &SecretStore,
    provider: &TestProvider,
) -> Workspace {
    let mut ws = Workspace::open_or_create(dir).unwrap();
    let values: BTreeMap<String, String> = [
        ("authorizeUrl", format!("{}/auth", provider.issuer)),
        ("tokenUrl", format!("{}/token", provider.issuer)),
        ("clientId", "blocksmith-confidential".to_owned()),
        ("scopes", SCOPES.to_owned()),
        ("redirectUri", REDIRECT_URI.to_owned()),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_owned(), value))
    .collect();
    let secrets = BTreeMap::from([(
        "clientSecret".to_owned(),
        Sensitive::new("confidential-secret".to_owned()),
    )]);
    save_connection(
        &mut ws,
        store,
        None,
        ConnectionDraft {
            name: CONNECTION.into(),
            kind: "authorizationcode".into(),
            values,
            secrets,
        },
    )
    .unwrap();
    ws
}

/// Connect: the person signs in and consents; the token is stored.
fn connect(ws: &Workspace, store: &SecretStore) {
    let client = client_for(ws, store, CONNECTION).unwrap();
    let pending = begin_authorization(&client, REDIRECT_URI).unwrap();
    let redirect = Person::new().authorize(pending.authorize_url(), REDIRECT_URI, Decision::Allow);
    let status = complete_authorization(
        ws,
        store,
        CONNECTION,
        &client,
        &pending,
        &redirect,
        SystemTime::now(),
    )
    .unwrap();
    assert!(!status.needs_consent);
    assert!(status.has_refresh_token);
}

fn stored(ws: &Workspace, store: &SecretStore) -> Token {
    let json = store
        .get(&SecretId::token(
            &ws.local_identity().secrets_id,
            CONNECTION,
        ))
        .unwrap()
        .expect("a token is stored");
    Token::from_keyring_json(json.expose()).unwrap()
}

/// The provider forgets the grant, as when the person revokes the app's access at the provider.
fn revoke_at_provider(provider: &TestProvider, token: &Token) {
    let client = OAuthClient::new(provider.config(TestClient::Confidential, SCOPES)).unwrap();
    assert_eq!(client.revoke(token).unwrap(), Revocation::Revoked);
}

fn listed_needs_consent(ws: &Workspace, store: &SecretStore) -> (bool, bool) {
    let listed = list_connections(ws, store).unwrap();
    let view = listed.iter().find(|c| c.name == CONNECTION).unwrap();
    (view.has_token, view.needs_consent)
}

#[test]
fn a_refused_refresh_before_a_run_marks_the_connection_until_it_is_connected_again() {
    let provider = TestProvider::start_with_access_token_ttl(3600);
    let dir = tempfile::tempdir().unwrap();
    let store = keyring::test_store("consent-run");
    let ws = workspace_with_connection(dir.path(), &store, &provider);
    connect(&ws, &store);
    let connected = stored(&ws, &store);
    revoke_at_provider(&provider, &connected);

    // Two hours on, the token is due for a refresh before the run; the provider refuses it.
    let later = SystemTime::now() + Duration::from_secs(2 * 3600);
    let error = config_vars_for_run(&ws, || Ok(store.clone()), later).unwrap_err();
    assert!(
        matches!(&error, Error::NeedsConsent(name) if name == CONNECTION),
        "{error}"
    );
    assert_eq!(error.code(), ErrorCode::NeedsConsent);
    assert!(error.to_string().contains("needs consent"), "{error}");

    // After a restart: a new workspace handle and keyring connection read the mark back.
    drop(ws);
    let ws = Workspace::open(dir.path()).unwrap();
    let marked = stored(&ws, &store);
    assert!(marked.needs_consent());
    assert_eq!(
        marked.refresh_token(),
        None,
        "the dead refresh token is dropped"
    );
    let status = token_status(&ws, &store, CONNECTION, SystemTime::now())
        .unwrap()
        .unwrap();
    assert!(status.needs_consent);
    assert!(!status.has_refresh_token);
    assert_eq!(listed_needs_consent(&ws, &store), (true, true));

    // Every later run says so at once, without asking the provider, even before the token expires.
    let error = config_vars_for_run(&ws, || Ok(store.clone()), SystemTime::now()).unwrap_err();
    assert!(
        matches!(&error, Error::NeedsConsent(name) if name == CONNECTION),
        "{error}"
    );

    // A new consent clears the mark; the run gets the new token.
    connect(&ws, &store);
    assert!(!stored(&ws, &store).needs_consent());
    assert_eq!(listed_needs_consent(&ws, &store), (true, false));
    let (vars, _) = config_vars_for_run(&ws, || Ok(store.clone()), SystemTime::now()).unwrap();
    assert_eq!(
        vars[CONNECTION]["token"]["access_token"],
        stored(&ws, &store).access_token()
    );
}

#[test]
fn a_refused_refresh_now_marks_the_token_and_keeps_it_marked() {
    let provider = TestProvider::start_with_access_token_ttl(3600);
    let dir = tempfile::tempdir().unwrap();
    let store = keyring::test_store("consent-refresh");
    let ws = workspace_with_connection(dir.path(), &store, &provider);
    connect(&ws, &store);
    revoke_at_provider(&provider, &stored(&ws, &store));

    let client = client_for(&ws, &store, CONNECTION).unwrap();
    let error = refresh_now(&ws, &store, &client, CONNECTION, SystemTime::now()).unwrap_err();
    assert!(
        matches!(&error, Error::NeedsConsent(name) if name == CONNECTION),
        "{error}"
    );
    assert!(client.last_exchange().is_some(), "the provider was asked");

    // Asked again, the marked token is not sent to the provider: the answer is the same.
    let fresh_client = client_for(&ws, &store, CONNECTION).unwrap();
    let error = refresh_now(&ws, &store, &fresh_client, CONNECTION, SystemTime::now()).unwrap_err();
    assert!(matches!(&error, Error::NeedsConsent(_)), "{error}");
    assert!(
        fresh_client.last_exchange().is_none(),
        "no token request was made"
    );
    assert_eq!(listed_needs_consent(&ws, &store), (true, true));

    connect(&ws, &store);
    let status = refresh_now(&ws, &store, &client, CONNECTION, SystemTime::now()).unwrap();
    assert!(!status.needs_consent);
    assert!(status.has_refresh_token);
}
