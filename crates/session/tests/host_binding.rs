//! An OAuth connection's secrets are bound to the hosts of its endpoints, in the real OS keyring (run inside
//! `scripts/with-keyring.sh`): a manifest edited to move an endpoint to another host stops the client, the run
//! and a save before anything stored is read for a request; confirming drops the token and binds the new hosts;
//! renaming and removing the connection carry the binding along.

mod keyring;

use std::collections::BTreeMap;
use std::time::SystemTime;

use blocksmith_secrets::{SecretId, SecretStore, Sensitive};
use blocksmith_session::host_binding::{accept_host_change, all_host_changes, host_changes};
use blocksmith_session::oauth::client_for;
use blocksmith_session::{
    config_vars_for_run, remove_connection, save_connection,
    save_connection_confirming_host_change, ConnectionDraft, Error, ErrorCode, HostChange,
};
use blocksmith_workspace::{ConnectionDefinition, Workspace};

const TOKEN_JSON: &str =
    r#"{"accessToken": "access-1", "tokenType": "Bearer", "refreshToken": "refresh-1"}"#;

fn values(token_url: &str) -> BTreeMap<String, String> {
    [
        ("authorizeUrl", "https://login.acme.com/authorize"),
        ("tokenUrl", token_url),
        ("clientId", "app"),
        ("scopes", "read"),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_string(), value.to_string()))
    .collect()
}

fn draft(name: &str, token_url: &str, secret: Option<&str>) -> ConnectionDraft {
    ConnectionDraft {
        name: name.into(),
        kind: "authorizationcode".into(),
        values: values(token_url),
        secrets: secret
            .map(|secret| {
                BTreeMap::from([(
                    "clientSecret".to_string(),
                    Sensitive::new(secret.to_string()),
                )])
            })
            .unwrap_or_default(),
    }
}

/// A workspace with connection "Acme" at login.acme.com, its client secret and a token stored.
fn connected(store: &SecretStore) -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open_or_create(dir.path()).unwrap();
    save_connection(
        &mut ws,
        store,
        None,
        draft(
            "Acme",
            "https://login.acme.com/token",
            Some("client-secret-1"),
        ),
    )
    .unwrap();
    store_token(&ws, store, "Acme");
    (dir, ws)
}

fn store_token(ws: &Workspace, store: &SecretStore, name: &str) {
    let id = &ws.local_identity().secrets_id;
    store
        .set(
            &SecretId::token(id, name),
            &Sensitive::new(TOKEN_JSON.to_string()),
        )
        .unwrap();
}

fn has_token(ws: &Workspace, store: &SecretStore, name: &str) -> bool {
    store
        .has(&SecretId::token(&ws.local_identity().secrets_id, name))
        .unwrap()
}

/// The manifest edited by hand (or by whoever shared it): connection "Acme" now has this Token URL.
fn edit_token_url(ws: &mut Workspace, token_url: &str) {
    let mut definition: ConnectionDefinition = ws.manifest().connections[0].clone();
    definition
        .inputs
        .insert("tokenUrl".into(), token_url.into());
    ws.replace_connection("Acme", definition).unwrap();
}

fn moved_to_evil() -> Vec<HostChange> {
    vec![HostChange {
        setting: "Token URL".into(),
        url: "https://evil.example/token".into(),
        bound_host: Some("https://login.acme.com".into()),
        new_host: "https://evil.example".into(),
    }]
}

#[test]
fn a_moved_token_url_stops_the_client_and_the_run_until_it_is_confirmed() {
    let store = keyring::test_store("host-moved");
    let (_dir, mut ws) = connected(&store);
    assert!(client_for(&ws, &store, "Acme").is_ok());

    // Another path on the same host is no move.
    edit_token_url(&mut ws, "https://login.acme.com/v2/token");
    assert!(host_changes(&ws, &store, "Acme").unwrap().is_empty());

    edit_token_url(&mut ws, "https://evil.example/token");
    let error = client_for(&ws, &store, "Acme").err().expect("refused");
    assert!(
        matches!(error, Error::HostChanged { ref connection, ref changes } if connection == "Acme" && *changes == moved_to_evil()),
        "{error}"
    );
    assert_eq!(error.code(), ErrorCode::HostChanged);
    let run = config_vars_for_run(&ws, || Ok(store.clone()), SystemTime::now())
        .map(drop)
        .expect_err("the run is refused");
    assert_eq!(run.code(), ErrorCode::HostChanged);
    assert_eq!(
        all_host_changes(&ws, &store).unwrap()[0].changes,
        moved_to_evil()
    );
    assert!(has_token(&ws, &store, "Acme"), "a refusal keeps the token");

    assert_eq!(
        accept_host_change(&ws, &store, "Acme").unwrap(),
        moved_to_evil()
    );
    assert!(!has_token(&ws, &store, "Acme"), "consent is needed again");
    assert!(client_for(&ws, &store, "Acme").is_ok());
    assert!(all_host_changes(&ws, &store).unwrap().is_empty());
}

#[test]
fn a_save_that_moves_a_host_while_secrets_are_stored_needs_confirming() {
    let store = keyring::test_store("host-save");
    let (_dir, mut ws) = connected(&store);
    let moved = draft("Acme", "https://evil.example/token", None);

    let error = save_connection(&mut ws, &store, Some("Acme"), moved.clone()).unwrap_err();
    assert!(matches!(error, Error::HostChanged { .. }), "{error}");
    assert_eq!(
        ws.manifest().connections[0].inputs["tokenUrl"],
        "https://login.acme.com/token",
        "nothing was saved"
    );
    assert!(has_token(&ws, &store, "Acme"));

    save_connection_confirming_host_change(&mut ws, &store, Some("Acme"), moved).unwrap();
    assert_eq!(
        ws.manifest().connections[0].inputs["tokenUrl"],
        "https://evil.example/token"
    );
    assert!(!has_token(&ws, &store, "Acme"));
    assert!(
        client_for(&ws, &store, "Acme").is_ok(),
        "the new host is bound"
    );
    // A save that keeps the hosts needs no confirmation.
    save_connection(
        &mut ws,
        &store,
        Some("Acme"),
        draft("Acme", "https://evil.example/other", None),
    )
    .unwrap();
}

#[test]
fn a_connection_with_nothing_stored_has_nothing_to_protect() {
    let store = keyring::test_store("host-empty");
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open_or_create(dir.path()).unwrap();
    save_connection(
        &mut ws,
        &store,
        None,
        draft("Public", "https://login.acme.com/token", None),
    )
    .unwrap();
    let mut definition = ws.manifest().connections[0].clone();
    definition
        .inputs
        .insert("tokenUrl".into(), "https://elsewhere.example/token".into());
    ws.replace_connection("Public", definition).unwrap();
    assert!(host_changes(&ws, &store, "Public").unwrap().is_empty());
    assert!(client_for(&ws, &store, "Public").is_ok());
}

#[test]
fn renaming_carries_the_binding_and_removing_deletes_it() {
    let store = keyring::test_store("host-rename");
    let (_dir, mut ws) = connected(&store);
    save_connection(
        &mut ws,
        &store,
        Some("Acme"),
        draft("Acme Renamed", "https://login.acme.com/token", None),
    )
    .unwrap();
    let id = ws.local_identity().secrets_id.clone();
    assert!(!store.has(&SecretId::bound_hosts(&id, "Acme")).unwrap());
    assert!(store
        .has(&SecretId::bound_hosts(&id, "Acme Renamed"))
        .unwrap());
    assert!(host_changes(&ws, &store, "Acme Renamed")
        .unwrap()
        .is_empty());

    remove_connection(&mut ws, &store, "Acme Renamed").unwrap();
    assert!(!store
        .has(&SecretId::bound_hosts(&id, "Acme Renamed"))
        .unwrap());
}
