//! Connections against the real OS keyring (run inside `scripts/with-keyring.sh`): secrets go only to the
//! keyring, blocks get them in `configVars`, and bad input saves nothing anywhere.

mod keyring;

use std::collections::BTreeMap;
use std::fs;

use blocksmith_secrets::{SecretId, Sensitive};
use blocksmith_session::{
    config_vars, list_connections, private_key_kind, remove_connection, reveal_secret,
    save_connection, ConnectionDraft, ErrorCode,
};
use blocksmith_workspace::{Workspace, MANIFEST_FILE};

fn draft(
    name: &str,
    kind: &str,
    values: &[(&str, &str)],
    secrets: &[(&str, &str)],
) -> ConnectionDraft {
    ConnectionDraft {
        name: name.into(),
        kind: kind.into(),
        values: values
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        secrets: secrets
            .iter()
            .map(|(k, v)| (k.to_string(), Sensitive::new(v.to_string())))
            .collect::<BTreeMap<_, _>>(),
    }
}

fn key_fixture(name: &str) -> String {
    fs::read_to_string(format!(
        "{}/tests/fixtures/keys/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn every_kind_keeps_its_secrets_in_the_keyring_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open_or_create(dir.path()).unwrap();
    let store = keyring::test_store("kinds");
    let pem = key_fixture("pkcs8.pem");
    let drafts = [
        draft("Key", "apikey", &[], &[("apiKey", "secret-apikey-1")]),
        draft(
            "Pair",
            "apikeysecret",
            &[],
            &[
                ("apiKey", "secret-pair-key"),
                ("apiSecret", "secret-pair-secret"),
            ],
        ),
        draft(
            "Basic",
            "basic",
            &[("username", "ann")],
            &[("password", "secret-basic-pw")],
        ),
        draft(
            "Auth",
            "authorizationcode",
            &[
                ("authorizeUrl", "https://id.example/auth"),
                ("tokenUrl", "https://id.example/token"),
                ("scopes", "openid email"),
                ("clientId", "app"),
            ],
            &[
                ("clientSecret", "secret-auth-client"),
                ("headers", r#"{"X-Tenant":"secret-auth-header"}"#),
            ],
        ),
        draft(
            "Machine",
            "clientcredentials",
            &[
                ("tokenUrl", "https://id.example/token"),
                ("clientId", "svc"),
            ],
            &[("clientSecret", "secret-cc-client")],
        ),
        draft(
            "Deploy",
            "privatekey",
            &[("username", "deploy")],
            &[("privateKey", &pem)],
        ),
    ];
    for draft in drafts {
        save_connection(&mut ws, &store, None, draft).unwrap();
    }

    let manifest = fs::read_to_string(dir.path().join(MANIFEST_FILE)).unwrap();
    assert!(!manifest.contains("secret-"), "{manifest}");
    assert!(!manifest.contains("PRIVATE KEY"));

    let listed = list_connections(&ws, &store).unwrap();
    assert_eq!(listed.len(), 6);
    assert!(listed
        .iter()
        .all(|c| c.secrets.values().all(|stored| *stored) || c.kind == "clientcredentials"));

    let (vars, secrets) = config_vars(&ws, Some(&store), std::time::SystemTime::now()).unwrap();
    assert_eq!(vars["Basic"]["key"], "basic");
    assert_eq!(vars["Basic"]["fields"]["username"], "ann");
    assert_eq!(vars["Basic"]["fields"]["password"], "secret-basic-pw");
    assert_eq!(
        vars["Auth"]["fields"]["headers"]["X-Tenant"],
        "secret-auth-header"
    );
    assert_eq!(vars["Pair"]["fields"]["apiSecret"], "secret-pair-secret");
    assert!(vars["Key"]["token"].is_null());
    // The run's redactor knows every secret value it was given, the header values each on their own.
    for secret in ["secret-apikey-1", pem.as_str(), "secret-auth-header"] {
        assert_eq!(secrets.redact_str(secret), "«redacted»", "{secret}");
    }

    let revealed = reveal_secret(&ws, &store, "Key", "apiKey")
        .unwrap()
        .unwrap();
    assert_eq!(revealed.expose(), "secret-apikey-1");
    for name in ["Key", "Pair", "Basic", "Auth", "Machine", "Deploy"] {
        remove_connection(&mut ws, &store, name).unwrap();
    }
}

#[test]
fn renaming_keeps_secrets_and_removing_deletes_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open_or_create(dir.path()).unwrap();
    let store = keyring::test_store("rename");
    save_connection(
        &mut ws,
        &store,
        None,
        draft("Old", "apikey", &[], &[("apiKey", "k-123")]),
    )
    .unwrap();
    // Editing without a new secret keeps the stored one, under the new name.
    save_connection(
        &mut ws,
        &store,
        Some("Old"),
        draft("New", "apikey", &[], &[]),
    )
    .unwrap();
    let id = ws.local_identity().secrets_id.clone();
    assert!(store
        .get(&SecretId::input(&id, "Old", "apiKey"))
        .unwrap()
        .is_none());
    assert_eq!(
        store
            .get(&SecretId::input(&id, "New", "apiKey"))
            .unwrap()
            .unwrap()
            .expose(),
        "k-123"
    );
    assert_eq!(ws.manifest().connections[0].name, "New");

    remove_connection(&mut ws, &store, "New").unwrap();
    assert!(ws.manifest().connections.is_empty());
    assert!(store
        .get(&SecretId::input(&id, "New", "apiKey"))
        .unwrap()
        .is_none());
}

#[test]
fn bad_input_is_refused_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open_or_create(dir.path()).unwrap();
    let store = keyring::test_store("bad");
    save_connection(
        &mut ws,
        &store,
        None,
        draft("Taken", "apikey", &[], &[("apiKey", "k")]),
    )
    .unwrap();
    let before = fs::read(dir.path().join(MANIFEST_FILE)).unwrap();
    let cc = |values: &[(&str, &str)], secrets: &[(&str, &str)]| {
        draft("Machine", "clientcredentials", values, secrets)
    };

    let cases = [
        (
            cc(
                &[("tokenUrl", "ftp://id.example/token"), ("clientId", "a")],
                &[],
            ),
            ErrorCode::InvalidInput,
            "Token URL",
        ),
        (
            cc(
                &[
                    ("tokenUrl", "https://id.example/token"),
                    ("clientId", "a"),
                    ("scopes", "a,b"),
                ],
                &[],
            ),
            ErrorCode::InvalidInput,
            "Scopes",
        ),
        (
            cc(
                &[("tokenUrl", "https://id.example/token"), ("clientId", "a")],
                &[("headers", r#"{"Bad Name":"x"}"#)],
            ),
            ErrorCode::InvalidInput,
            "Bad Name",
        ),
        (
            cc(&[("tokenUrl", "https://id.example/token")], &[]),
            ErrorCode::InvalidInput,
            "Client ID is required",
        ),
        (
            cc(
                &[
                    ("tokenUrl", "https://id.example/token"),
                    ("clientId", "a"),
                    ("clientSecret", "plain"),
                ],
                &[],
            ),
            ErrorCode::SecretOutsideKeyring,
            "Client Secret",
        ),
        (
            draft(
                "Deploy",
                "privatekey",
                &[("username", "d")],
                &[("privateKey", &key_fixture("truncated.pem"))],
            ),
            ErrorCode::InvalidInput,
            "Private Key",
        ),
        (
            draft("Taken", "apikey", &[], &[("apiKey", "other")]),
            ErrorCode::DuplicateName,
            "Taken",
        ),
        (
            draft("X", "carrier-pigeon", &[], &[]),
            ErrorCode::UnknownConnectionKind,
            "carrier-pigeon",
        ),
    ];
    for (draft, code, mentions) in cases {
        let name = draft.name.clone();
        let err = save_connection(&mut ws, &store, None, draft).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        assert!(err.to_string().contains(mentions), "{err}");
        if name != "Taken" {
            assert!(store
                .get(&SecretId::input(
                    &ws.local_identity().secrets_id,
                    &name,
                    "headers"
                ))
                .unwrap()
                .is_none());
        }
    }
    assert_eq!(fs::read(dir.path().join(MANIFEST_FILE)).unwrap(), before);
    remove_connection(&mut ws, &store, "Taken").unwrap();
}

#[test]
fn private_keys_are_recognised_by_kind() {
    assert_eq!(
        private_key_kind(&key_fixture("pkcs1.pem")),
        Ok("PKCS#1 RSA")
    );
    assert_eq!(private_key_kind(&key_fixture("pkcs8.pem")), Ok("PKCS#8"));
    assert_eq!(private_key_kind(&key_fixture("openssh.pem")), Ok("OpenSSH"));
    assert!(private_key_kind(&key_fixture("truncated.pem"))
        .unwrap_err()
        .contains("damaged"));
    assert!(private_key_kind("not a key").is_err());
}
