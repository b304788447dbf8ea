//! The connection settings for providers that deviate from the standard, from the command line:
//! `connections add … --set clientAuthentication=body --set tokenParams=…`, and a provider answering
//! with comma-separated scopes, `expires_in` as a string and a form-encoded body, through the real
//! binary, the real OS keyring (run under `scripts/with-keyring.sh`) and the real test provider.

mod common;
#[path = "oauth/provider.rs"]
mod provider;

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{json, Value};

use common::{blocksmith, text};
use provider::TestProvider;

const LONG_TTL_S: u64 = 3600;

/// The test provider's client that takes its secret only in the request body (`client_secret_post`).
const BODY_CLIENT_ID: &str = "blocksmith-confidential-post";
const BODY_CLIENT_SECRET: &str = "confidential-post-secret";

fn path(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// `connections add` of a client credentials connection `name` with `--set` for each of `settings`.
fn add_client_credentials(ws: &Path, name: &str, settings: &[String], client_secret: &str) {
    let mut args = vec![
        "connections",
        "add",
        "--workspace",
        path(ws),
        "--name",
        name,
        "--kind",
        "clientcredentials",
    ];
    for setting in settings {
        args.extend(["--set", setting]);
    }
    let added = blocksmith(&args, &format!("clientSecret={client_secret}\n"));
    assert!(added.status.success(), "{}", text(&added.stderr));
}

fn fetch_token(ws: &Path, name: &str) -> Output {
    blocksmith(
        &[
            "connections",
            "token",
            "--workspace",
            path(ws),
            "--name",
            name,
        ],
        "",
    )
}

fn status_line(output: &Output) -> Value {
    serde_json::from_str(text(&output.stdout).lines().next().expect("a status line"))
        .expect("the status line is JSON")
}

fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    (dir, ws)
}

#[test]
fn client_authentication_body_and_token_parameters_are_set_from_the_command_line() {
    let provider = TestProvider::start(LONG_TTL_S);
    let (_dir, ws) = workspace();
    let common_settings = vec![
        format!("tokenUrl={}", provider.token_url()),
        format!("clientId={BODY_CLIENT_ID}"),
        "scopes=api:read".to_owned(),
        r#"tokenParams={"audience": "https://api.acme.com"}"#.to_owned(),
    ];
    let mut body_settings = common_settings.clone();
    body_settings.push("clientAuthentication=body".to_owned());
    add_client_credentials(&ws, "Body", &body_settings, BODY_CLIENT_SECRET);
    add_client_credentials(&ws, "Basic", &common_settings, BODY_CLIENT_SECRET);

    let fetched = fetch_token(&ws, "Body");

    assert!(fetched.status.success(), "{}", text(&fetched.stderr));
    assert_eq!(status_line(&fetched)["scopes"], json!(["api:read"]));
    let received = provider.last_token_request();
    assert_eq!(received["params"]["client_id"], BODY_CLIENT_ID);
    assert_eq!(received["params"]["client_secret"], BODY_CLIENT_SECRET);
    assert_eq!(received["params"]["audience"], "https://api.acme.com");
    assert!(received["headers"].get("authorization").is_none());

    // The same client with the default (Basic) is refused, and the message names the way out.
    let refused = fetch_token(&ws, "Basic");
    assert_eq!(refused.status.code(), Some(1));
    let stderr = text(&refused.stderr);
    assert!(
        stderr.contains("invalid_client") && stderr.contains("set Client authentication to body"),
        "{stderr}"
    );
    assert!(!stderr.contains(BODY_CLIENT_SECRET), "{stderr}");
}

#[test]
fn a_block_sees_the_scope_as_a_provider_that_deviates_sent_it() {
    let provider = TestProvider::start_with_quirks(
        LONG_TTL_S,
        &["comma-scopes", "expires-in-string", "form-encoded-tokens"],
    );
    let (_dir, ws) = workspace();
    add_client_credentials(
        &ws,
        "Service",
        &[
            format!("tokenUrl={}", provider.token_url()),
            "clientId=blocksmith-confidential".to_owned(),
            "scopes=api:read api:write".to_owned(),
        ],
        "confidential-secret",
    );

    let fetched = fetch_token(&ws, "Service");

    assert!(fetched.status.success(), "{}", text(&fetched.stderr));
    let status = status_line(&fetched);
    assert_eq!(status["scopes"], json!(["api:read", "api:write"]));
    assert!(status["expiresAt"].as_u64().is_some(), "{status}");
    let block = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/oauth/service_token.js");
    let run = blocksmith(&["run", path(&block), "--workspace", path(&ws)], "");
    assert!(run.status.success(), "{}", text(&run.stderr));
    let outcome: Value = serde_json::from_str(text(&run.stdout).trim()).expect("one JSON line");
    assert_eq!(
        outcome["returned"]["data"],
        json!({"scope": "api:read,api:write", "expiresInType": "number", "tokenType": "Bearer"})
    );
}

#[test]
fn an_unknown_client_authentication_is_refused_when_the_connection_is_added() {
    let provider = TestProvider::start(LONG_TTL_S);
    let (_dir, ws) = workspace();
    let token_url = format!("tokenUrl={}", provider.token_url());
    let refused = blocksmith(
        &[
            "connections",
            "add",
            "--workspace",
            path(&ws),
            "--name",
            "Service",
            "--kind",
            "clientcredentials",
            "--set",
            &token_url,
            "--set",
            "clientId=blocksmith-confidential",
            "--set",
            "clientAuthentication=private_key_jwt",
        ],
        "clientSecret=confidential-secret\n",
    );

    assert_eq!(refused.status.code(), Some(2), "a bad setting is bad input");
    let stderr = text(&refused.stderr);
    assert!(
        stderr.contains(
            "The Client authentication setting \"private_key_jwt\" is not one Blocksmith knows"
        ),
        "{stderr}"
    );
    let listed = blocksmith(
        &["connections", "list", "--workspace", path(&ws), "--json"],
        "",
    );
    assert_eq!(text(&listed.stdout).trim(), "[]", "nothing was saved");
}

#[test]
fn an_issuer_alone_fills_in_the_endpoints_from_the_providers_metadata() {
    let provider = TestProvider::start(LONG_TTL_S);
    let (_dir, ws) = workspace();
    let issuer = format!("issuer={}", provider.issuer);
    let added = blocksmith(
        &[
            "connections",
            "add",
            "--workspace",
            path(&ws),
            "--name",
            "Discovered",
            "--kind",
            "authorizationcode",
            "--set",
            &issuer,
            "--set",
            &format!("clientId={BODY_CLIENT_ID}"),
        ],
        &format!("clientSecret={BODY_CLIENT_SECRET}\n"),
    );
    assert!(added.status.success(), "{}", text(&added.stderr));
    assert!(
        text(&added.stderr).contains("Read the provider's endpoints from"),
        "{}",
        text(&added.stderr)
    );
    let listed = blocksmith(
        &["connections", "list", "--workspace", path(&ws), "--json"],
        "",
    );
    let connections: Value = serde_json::from_slice(&listed.stdout).unwrap();
    let inputs = &connections[0]["inputs"];
    assert_eq!(inputs["tokenUrl"], json!(provider.token_url()));
    assert_eq!(inputs["authorizeUrl"], json!(provider.authorize_url()));
    assert_eq!(inputs["issuer"], json!(provider.issuer));
    // The provider's metadata says this client's method is up to the client: Basic, the default.
    assert!(inputs["clientAuthentication"].is_string());

    let refused = blocksmith(
        &[
            "connections",
            "add",
            "--workspace",
            path(&ws),
            "--name",
            "Nowhere",
            "--kind",
            "authorizationcode",
            "--set",
            "issuer=http://127.0.0.1:9/nothing-here",
            "--set",
            "clientId=x",
        ],
        "clientSecret=a-long-enough-client-secret\n",
    );
    assert!(!refused.status.success());
    let listed = blocksmith(
        &["connections", "list", "--workspace", path(&ws), "--json"],
        "",
    );
    let connections: Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(
        connections.as_array().unwrap().len(),
        1,
        "nothing was saved"
    );
}
