//! Storage tests against the real OS keyrings: gnome-keyring's Secret Service and the kernel's
//! session keyring. Run them inside a keyring session: `scripts/with-keyring.sh cargo test -p
//! blocksmith-secrets`. Without one, each test fails with the probe's explanation.
//!
//! Every test uses its own service name, so tests running in parallel never see each other's
//! entries.

use std::process::Command;

use blocksmith_secrets::{Backend, Error, SecretId, SecretStore, Sensitive};

const BACKENDS: [Backend; 2] = [Backend::SecretService, Backend::KernelKeyutils];
const WORKSPACE: &str = "3f6c2a9e-workspace";

/// A probed store in a namespace of its own; panics with the probe's message when the keyring is
/// unusable, which is the message a user would see.
fn store_for(backend: Backend, test: &str) -> SecretStore {
    let service = format!("blocksmith-test-{}-{test}", std::process::id());
    let store = SecretStore::connect(&service, backend)
        .unwrap_or_else(|error| panic!("{backend} keyring unusable: {error}"));
    store
        .probe()
        .unwrap_or_else(|error| panic!("{backend} keyring unusable: {error}"));
    store
}

fn secret(value: &str) -> Sensitive<String> {
    Sensitive::new(value.to_owned())
}

fn read(store: &SecretStore, id: &SecretId<'_>) -> Option<String> {
    store
        .get(id)
        .expect("reading the keyring")
        .map(|value| value.expose().clone())
}

#[test]
fn probe_succeeds_in_a_keyring_session() {
    for backend in BACKENDS {
        let store = store_for(backend, "probe");
        assert_eq!(store.backend(), backend);
        // A second probe must find the first one's entry gone and start clean.
        store.probe().expect("a second probe");
    }
}

#[test]
fn set_get_overwrite_and_delete_an_input() {
    for backend in BACKENDS {
        let store = store_for(backend, "crud");
        let id = SecretId::input(WORKSPACE, "Stripe", "apiKey");

        assert_eq!(read(&store, &id), None, "{backend}: nothing stored yet");
        assert!(!store.has(&id).unwrap());

        store.set(&id, &secret("sk_test_first")).unwrap();
        assert_eq!(read(&store, &id).as_deref(), Some("sk_test_first"));
        assert!(store.has(&id).unwrap());

        store.set(&id, &secret("sk_test_second")).unwrap();
        assert_eq!(read(&store, &id).as_deref(), Some("sk_test_second"));

        store.delete(&id).unwrap();
        assert_eq!(read(&store, &id), None, "{backend}: deleted");
        assert!(!store.has(&id).unwrap());
    }
}

#[test]
fn deleting_a_secret_that_is_not_stored_is_fine() {
    for backend in BACKENDS {
        let store = store_for(backend, "delete-missing");
        let id = SecretId::input(WORKSPACE, "Never Saved", "password");
        store.delete(&id).unwrap();
        store.delete(&id).unwrap();
    }
}

#[test]
fn unicode_and_multi_line_values_round_trip_exactly() {
    let pem = include_str!("fixtures/multi-line-secret.txt");
    let unicode = "pässwörd — 秘密 🔑\ttab\r\nCRLF\u{0}nul";
    for backend in BACKENDS {
        let store = store_for(backend, "unicode");
        let key = SecretId::input(WORKSPACE, "Ünïcode Çonnection", "privateKey");
        store.set(&key, &secret(pem)).unwrap();
        assert_eq!(read(&store, &key).as_deref(), Some(pem), "{backend}");

        let password = SecretId::input(WORKSPACE, "Ünïcode Çonnection", "password");
        store.set(&password, &secret(unicode)).unwrap();
        assert_eq!(
            read(&store, &password).as_deref(),
            Some(unicode),
            "{backend}"
        );
    }
}

#[test]
fn tokens_are_stored_as_json_and_anything_else_is_refused() {
    let token = r#"{"access_token":"at-Ω-1","token_type":"Bearer","expires_in":3600,"refresh_token":"rt-1"}"#;
    for backend in BACKENDS {
        let store = store_for(backend, "token");
        let id = SecretId::token(WORKSPACE, "Drive");
        store.set(&id, &secret(token)).unwrap();
        assert_eq!(read(&store, &id).as_deref(), Some(token), "{backend}");

        let error = store.set(&id, &secret("not json")).unwrap_err();
        assert!(matches!(error, Error::TokenNotJson { .. }), "{error}");
        assert_eq!(
            read(&store, &id).as_deref(),
            Some(token),
            "{backend}: a refused token leaves the stored one alone"
        );
    }
}

#[test]
fn rename_moves_every_secret_and_clears_the_old_name() {
    let inputs = ["clientSecret", "headers"];
    for backend in BACKENDS {
        let store = store_for(backend, "rename");
        let old_secret = SecretId::input(WORKSPACE, "CRM", "clientSecret");
        let old_token = SecretId::token(WORKSPACE, "CRM");
        store.set(&old_secret, &secret("cs-123")).unwrap();
        store
            .set(&old_token, &secret(r#"{"access_token":"at"}"#))
            .unwrap();
        // "headers" was never stored; a stale entry under the new name must not survive the move.
        let stale = SecretId::input(WORKSPACE, "CRM (prod)", "headers");
        store.set(&stale, &secret(r#"{"X-Stale":"1"}"#)).unwrap();

        store
            .rename_connection(WORKSPACE, "CRM", "CRM (prod)", &inputs)
            .unwrap();

        let new_secret = old_secret.with_connection("CRM (prod)");
        let new_token = old_token.with_connection("CRM (prod)");
        assert_eq!(
            read(&store, &new_secret).as_deref(),
            Some("cs-123"),
            "{backend}"
        );
        assert_eq!(
            read(&store, &new_token).as_deref(),
            Some(r#"{"access_token":"at"}"#)
        );
        assert_eq!(read(&store, &stale), None, "{backend}: absent stays absent");
        assert_eq!(
            read(&store, &old_secret),
            None,
            "{backend}: old name cleared"
        );
        assert_eq!(
            read(&store, &old_token),
            None,
            "{backend}: old token cleared"
        );
    }
}

#[test]
fn renaming_to_the_same_name_keeps_everything() {
    for backend in BACKENDS {
        let store = store_for(backend, "rename-same");
        let id = SecretId::input(WORKSPACE, "Mail", "password");
        store.set(&id, &secret("pw")).unwrap();
        store
            .rename_connection(WORKSPACE, "Mail", "Mail", &["password"])
            .unwrap();
        assert_eq!(read(&store, &id).as_deref(), Some("pw"), "{backend}");
    }
}

#[test]
fn delete_connection_removes_its_secrets_and_token_only() {
    for backend in BACKENDS {
        let store = store_for(backend, "delete-connection");
        let api_key = SecretId::input(WORKSPACE, "Shop", "apiKey");
        let api_secret = SecretId::input(WORKSPACE, "Shop", "apiSecret");
        let token = SecretId::token(WORKSPACE, "Shop");
        let neighbour = SecretId::input(WORKSPACE, "Shop 2", "apiKey");
        let other_workspace = SecretId::input("other-workspace", "Shop", "apiKey");
        for id in [&api_key, &api_secret, &neighbour, &other_workspace] {
            store.set(id, &secret("value")).unwrap();
        }
        store.set(&token, &secret("{}")).unwrap();

        store
            .delete_connection(WORKSPACE, "Shop", &["apiKey", "apiSecret"])
            .unwrap();

        for gone in [&api_key, &api_secret, &token] {
            assert_eq!(read(&store, gone), None, "{backend}: {gone:?}");
        }
        assert_eq!(read(&store, &neighbour).as_deref(), Some("value"));
        assert_eq!(read(&store, &other_workspace).as_deref(), Some("value"));
    }
}

#[test]
fn separate_services_never_see_each_other() {
    for backend in BACKENDS {
        let first = store_for(backend, "isolated-a");
        let second = store_for(backend, "isolated-b");
        let id = SecretId::input(WORKSPACE, "Shared Name", "apiKey");
        first.set(&id, &secret("first")).unwrap();
        assert_eq!(read(&second, &id), None, "{backend}");
        second.set(&id, &secret("second")).unwrap();
        assert_eq!(read(&first, &id).as_deref(), Some("first"), "{backend}");
    }
}

/// The entry is a real Secret Service item, visible to other clients under Blocksmith's service
/// and account name: what a user would find with Seahorse or `secret-tool`.
#[test]
fn secret_service_entries_are_visible_to_secret_tool() {
    let store = store_for(Backend::SecretService, "secret-tool");
    let id = SecretId::input(WORKSPACE, "Basic Auth", "password");
    store.set(&id, &secret("visible-to-secret-tool")).unwrap();

    let output = Command::new("secret-tool")
        .args(["lookup", "service", store.service()])
        .args(["username", &id.account().unwrap()])
        .output()
        .expect("secret-tool is installed by scripts/system-deps.sh");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "visible-to-secret-tool"
    );
}
