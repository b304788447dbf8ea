//! `blocksmith connections authorize` / `token` and `blocksmith run --workspace` against a real OAuth 2.0
//! provider (oidc-provider, `tests/oauth-server/`), through the real binary and the real OS keyring (run
//! under `scripts/with-keyring.sh`). The test plays the person who signs in and consents.

mod common;
#[path = "oauth/person.rs"]
mod person;
#[path = "oauth/provider.rs"]
mod provider;

use std::io::{BufRead, BufReader, Read};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use blocksmith_oauth::Token;
use blocksmith_secrets::{SecretId, SecretStore, SERVICE};
use serde_json::{json, Value};

use common::{blocksmith, text};
use person::Person;
use provider::{TestProvider, CLIENT_ID, CLIENT_SECRET};

/// Long enough that no token used here nears expiry, unless a test asks for a short one.
const LONG_TTL_S: u64 = 3600;

fn path(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn now_s() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// A loopback redirect URI on a port nothing listens on now (the CLI listens there later); the
/// provider accepts `http://127.0.0.1/callback` on any port.
fn loopback_redirect_uri() -> String {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    format!("http://127.0.0.1:{port}/callback")
}

/// `connections add` of `name`, its kind given by `how` (`["--kind", …]` or `["--preset", …, "--param", …]`),
/// with `--set` for each of `settings` and `client_secret` on standard input.
fn connections_add(
    ws: &Path,
    name: &str,
    how: &[&str],
    settings: &[String],
    client_secret: &str,
) -> Output {
    let mut args = vec![
        "connections",
        "add",
        "--workspace",
        path(ws),
        "--name",
        name,
    ];
    args.extend(how);
    for setting in settings {
        args.extend(["--set", setting]);
    }
    blocksmith(&args, &format!("clientSecret={client_secret}\n"))
}

fn add_connection(ws: &Path, name: &str, kind: &str, settings: &[String], client_secret: &str) {
    let added = connections_add(ws, name, &["--kind", kind], settings, client_secret);
    assert!(added.status.success(), "{}", text(&added.stderr));
}

/// The "Provider" connection: authorization code against `authorize_url`/`token_url`.
fn add_provider(ws: &Path, authorize_url: &str, token_url: &str, secret: &str, redirect: &str) {
    let settings = [
        format!("authorizeUrl={authorize_url}"),
        format!("tokenUrl={token_url}"),
        format!("clientId={CLIENT_ID}"),
        "scopes=openid offline_access api:read".to_owned(),
        format!("redirectUri={redirect}"),
    ];
    add_connection(ws, "Provider", "authorizationcode", &settings, secret);
}

/// `blocksmith connections token` for `name`: fetches (client credentials), or refreshes with `refresh`.
fn connections_token(ws: &Path, name: &str, refresh: bool) -> Output {
    let mut args = vec![
        "connections",
        "token",
        "--workspace",
        path(ws),
        "--name",
        name,
    ];
    if refresh {
        args.push("--refresh");
    }
    blocksmith(&args, "")
}

/// A fresh test provider and a workspace whose authorization code connection "Provider" uses it with
/// `client_secret`, redirecting to a free loopback port: the start of every authorization code test.
fn provider_workspace(
    ttl_s: u64,
    client_secret: &str,
) -> (TestProvider, tempfile::TempDir, PathBuf, String) {
    let provider = TestProvider::start(ttl_s);
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let redirect_uri = loopback_redirect_uri();
    add_provider(
        &ws,
        &provider.authorize_url(),
        &provider.token_url(),
        client_secret,
        &redirect_uri,
    );
    (provider, dir, ws, redirect_uri)
}

/// A running `connections authorize`: the authorization URL it printed first, and the process.
struct Authorizing {
    url: String,
    child: std::process::Child,
    stdout: BufReader<std::process::ChildStdout>,
}

impl Authorizing {
    fn start(ws: &Path, timeout_s: u64) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_blocksmith"))
            .args(["connections", "authorize", "--workspace", path(ws)])
            .args(["--name", "Provider", "--no-browser"])
            .args(["--timeout-s", &timeout_s.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut url = String::new();
        stdout.read_line(&mut url).unwrap();
        Self {
            url: url.trim_end().to_owned(),
            child,
            stdout,
        }
    }

    /// Waits for the process; its stdout holds what it printed after the URL.
    fn finish(mut self) -> Output {
        let mut rest = Vec::new();
        self.stdout.read_to_end(&mut rest).unwrap();
        let mut output = self.child.wait_with_output().unwrap();
        output.stdout = rest;
        output
    }
}

/// `connections authorize`, with the person signing in and consenting in between.
fn authorize_as_person(ws: &Path, redirect_uri: &str) -> (String, Output) {
    let authorizing = Authorizing::start(ws, 60);
    let mut person = Person::new();
    let back_to_the_cli = person.consent(&authorizing.url, redirect_uri);
    assert_eq!(
        person.open(&back_to_the_cli),
        200,
        "the CLI answers the browser"
    );
    let url = authorizing.url.clone();
    (url, authorizing.finish())
}

/// The one status line `authorize` and `token` print, checked for its exact shape.
fn status_line(output: &Output) -> Value {
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one status line, got: {stdout}");
    let status: Value = serde_json::from_str(lines[0]).expect("the status line is JSON");
    let mut keys: Vec<&str> = status
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["expiresAt", "hasRefreshToken", "ok", "scopes"]);
    assert_eq!(status["ok"], true);
    status
}

fn stored_token(ws: &Path, name: &str) -> Option<Token> {
    let workspace = blocksmith_workspace::Workspace::open(ws).unwrap();
    let store = SecretStore::open(SERVICE).unwrap();
    store
        .get(&SecretId::token(
            &workspace.local_identity().secrets_id,
            name,
        ))
        .unwrap()
        .map(|json| Token::from_keyring_json(json.expose()).unwrap())
}

fn assert_no_token_value(output: &Output, token: &Token) {
    let printed = format!("{}{}", text(&output.stdout), text(&output.stderr));
    assert!(!printed.contains(token.access_token()), "{printed}");
    if let Some(refresh_token) = token.refresh_token() {
        assert!(!printed.contains(refresh_token), "{printed}");
    }
}

fn has_token(ws: &Path, name: &str) -> bool {
    let listed = blocksmith(
        &["connections", "list", "--workspace", path(ws), "--json"],
        "",
    );
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    let listed: Value = serde_json::from_str(&text(&listed.stdout)).unwrap();
    let connection = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|connection| connection["name"] == name)
        .unwrap_or_else(|| panic!("{name} is listed"));
    connection["hasToken"].as_bool().unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/oauth")
        .join(name)
}

/// Runs the block that reports what it sees of the Provider's token; returns its `data`.
fn run_provider_block(ws: &Path) -> (Value, Output) {
    let run = blocksmith(
        &[
            "run",
            path(&fixture("provider_token.js")),
            "--workspace",
            path(ws),
        ],
        "",
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    let outcome: Value = serde_json::from_str(text(&run.stdout).trim()).expect("one JSON line");
    (outcome["returned"]["data"].clone(), run)
}

#[test]
fn authorization_code_through_the_cli_gives_the_block_its_token() {
    let (provider, _dir, ws, redirect_uri) = provider_workspace(LONG_TTL_S, CLIENT_SECRET);

    let before = now_s();
    let (url, authorized) = authorize_as_person(&ws, &redirect_uri);
    assert!(authorized.status.success(), "{}", text(&authorized.stderr));
    assert!(
        url.starts_with(&format!("{}?", provider.authorize_url())),
        "{url}"
    );
    let status = status_line(&authorized);
    assert_eq!(status["hasRefreshToken"], true);
    assert_eq!(status["scopes"], json!(["api:read"]));
    let expires_at = status["expiresAt"].as_u64().expect("expiresAt is a number");
    assert!((before + LONG_TTL_S..=now_s() + LONG_TTL_S).contains(&expires_at));
    let token = stored_token(&ws, "Provider").expect("the token is in the keyring");
    assert_no_token_value(&authorized, &token);
    assert!(has_token(&ws, "Provider"));

    let (seen, run) = run_provider_block(&ws);
    assert_eq!(
        seen,
        json!({
            "tokenType": "Bearer",
            "accessTokenLength": token.access_token().len(),
            "expiresAt": expires_at,
        })
    );
    assert_no_token_value(&run, &token);
}

#[test]
fn token_refresh_replaces_the_stored_access_token() {
    let (_provider, _dir, ws, redirect_uri) = provider_workspace(LONG_TTL_S, CLIENT_SECRET);
    let (_, authorized) = authorize_as_person(&ws, &redirect_uri);
    assert!(authorized.status.success(), "{}", text(&authorized.stderr));
    let first = stored_token(&ws, "Provider").unwrap();

    let refreshed = connections_token(&ws, "Provider", true);
    assert!(refreshed.status.success(), "{}", text(&refreshed.stderr));
    let status = status_line(&refreshed);
    assert_eq!(status["hasRefreshToken"], true);
    assert_eq!(status["scopes"], json!(["api:read"]));
    let second = stored_token(&ws, "Provider").unwrap();
    assert_ne!(second.access_token(), first.access_token());
    assert_eq!(status["expiresAt"], json!(second.expires_at()));
    assert_no_token_value(&refreshed, &first);
    assert_no_token_value(&refreshed, &second);
}

#[test]
fn client_credentials_fetch_a_token_and_a_wrong_secret_stores_none() {
    let provider = TestProvider::start(LONG_TTL_S);
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let settings = [
        format!("tokenUrl={}", provider.token_url()),
        format!("clientId={CLIENT_ID}"),
        "scopes=api:read".to_owned(),
    ];
    add_connection(
        &ws,
        "Service",
        "clientcredentials",
        &settings,
        CLIENT_SECRET,
    );
    add_connection(
        &ws,
        "Impostor",
        "clientcredentials",
        &settings,
        "not-the-secret",
    );
    let token = |name: &str| connections_token(&ws, name, false);

    let fetched = token("Service");
    assert!(fetched.status.success(), "{}", text(&fetched.stderr));
    let status = status_line(&fetched);
    assert_eq!(status["scopes"], json!(["api:read"]));
    assert_eq!(status["hasRefreshToken"], false);
    assert!(status["expiresAt"].as_u64().unwrap() > now_s());
    assert_no_token_value(&fetched, &stored_token(&ws, "Service").unwrap());

    let refused = token("Impostor");
    assert_eq!(refused.status.code(), Some(1));
    assert!(refused.stdout.is_empty());
    let stderr = text(&refused.stderr);
    assert!(
        stderr.contains("rejected the client credentials (invalid_client")
            && stderr.contains("check the Client ID and Client Secret"),
        "{stderr}"
    );
    assert!(!stderr.contains("not-the-secret"), "{stderr}");
    assert!(!has_token(&ws, "Impostor"));
    assert!(has_token(&ws, "Service"));
}

#[test]
fn an_expired_token_is_refreshed_before_run_workspace() {
    let ttl_s = 2;
    let (_provider, _dir, ws, redirect_uri) = provider_workspace(ttl_s, CLIENT_SECRET);
    let (_, authorized) = authorize_as_person(&ws, &redirect_uri);
    assert!(authorized.status.success(), "{}", text(&authorized.stderr));
    let expired_at = status_line(&authorized)["expiresAt"].as_u64().unwrap();
    let expired = stored_token(&ws, "Provider").unwrap();
    while now_s() <= expired_at {
        std::thread::sleep(Duration::from_millis(200));
    }

    let (seen, run) = run_provider_block(&ws);
    let refreshed = stored_token(&ws, "Provider").unwrap();
    assert_ne!(refreshed.access_token(), expired.access_token());
    assert!(refreshed.refresh_token().is_some());
    assert_eq!(seen["tokenType"], "Bearer");
    assert_eq!(seen["accessTokenLength"], refreshed.access_token().len());
    let seen_expiry = seen["expiresAt"].as_u64().unwrap();
    assert!(seen_expiry > expired_at, "{seen_expiry} <= {expired_at}");
    assert_no_token_value(&run, &expired);
    assert_no_token_value(&run, &refreshed);
}

#[test]
fn a_wrong_client_secret_fails_the_authorization_and_stores_nothing() {
    let (_provider, _dir, ws, redirect_uri) = provider_workspace(LONG_TTL_S, "not-the-secret");

    let (_, refused) = authorize_as_person(&ws, &redirect_uri);
    assert_eq!(refused.status.code(), Some(1));
    assert!(refused.stdout.is_empty(), "{}", text(&refused.stdout));
    let stderr = text(&refused.stderr);
    assert!(
        stderr.contains("rejected the client credentials (invalid_client")
            && stderr.contains("check the Client ID and Client Secret"),
        "{stderr}"
    );
    assert!(!stderr.contains("not-the-secret"), "{stderr}");
    assert!(!has_token(&ws, "Provider"));
}

#[test]
fn authorize_gives_up_when_nobody_consents_in_time() {
    // Nobody opens the URL, so no provider is needed: nothing ever redirects back.
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let redirect_uri = loopback_redirect_uri();
    add_provider(
        &ws,
        "http://127.0.0.1:9/auth",
        "http://127.0.0.1:9/token",
        CLIENT_SECRET,
        &redirect_uri,
    );

    let authorizing = Authorizing::start(&ws, 1);
    assert!(authorizing.url.starts_with("http://127.0.0.1:9/auth?"));
    let timed_out = authorizing.finish();
    assert_eq!(timed_out.status.code(), Some(1));
    assert!(timed_out.stdout.is_empty(), "{}", text(&timed_out.stdout));
    let stderr = text(&timed_out.stderr);
    assert!(
        stderr.contains(&format!("No redirect arrived at {redirect_uri} within 1 s")),
        "{stderr}"
    );
    assert!(!has_token(&ws, "Provider"));
}

/// The provider withdraws the grant, as when the person revokes the app's access at the provider.
fn revoke_at_provider(provider: &TestProvider, token: &Token) {
    let client = blocksmith_oauth::OAuthClient::new(blocksmith_oauth::OAuthConfig {
        authorize_url: Some(provider.authorize_url()),
        token_url: provider.token_url(),
        client_id: CLIENT_ID.into(),
        client_secret: Some(CLIENT_SECRET.into()),
        revocation_url: Some(format!("{}/token/revocation", provider.issuer)),
        ..blocksmith_oauth::OAuthConfig::default()
    })
    .unwrap();
    assert_eq!(
        client.revoke(token).unwrap(),
        blocksmith_oauth::Revocation::Revoked
    );
}

fn list_text(ws: &Path) -> String {
    let listed = blocksmith(&["connections", "list", "--workspace", path(ws)], "");
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    text(&listed.stdout)
}

fn listed_json(ws: &Path, name: &str) -> Value {
    let listed = blocksmith(
        &["connections", "list", "--workspace", path(ws), "--json"],
        "",
    );
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    let listed: Value = serde_json::from_str(&text(&listed.stdout)).unwrap();
    listed
        .as_array()
        .unwrap()
        .iter()
        .find(|connection| connection["name"] == name)
        .cloned()
        .unwrap_or_else(|| panic!("{name} is listed"))
}

#[test]
fn a_refused_refresh_marks_the_connection_needing_consent_until_authorized_again() {
    let (provider, _dir, ws, redirect_uri) = provider_workspace(LONG_TTL_S, CLIENT_SECRET);
    let (_, authorized) = authorize_as_person(&ws, &redirect_uri);
    assert!(authorized.status.success(), "{}", text(&authorized.stderr));
    assert!(list_text(&ws).contains("token: stored"));
    revoke_at_provider(&provider, &stored_token(&ws, "Provider").unwrap());

    let refresh = || connections_token(&ws, "Provider", true);
    let refused = refresh();
    assert_eq!(refused.status.code(), Some(1));
    assert!(refused.stdout.is_empty(), "{}", text(&refused.stdout));
    let stderr = text(&refused.stderr);
    assert!(
        stderr.contains("The connection \"Provider\" needs consent")
            && stderr.contains("blocksmith connections authorize"),
        "{stderr}"
    );

    // The mark is kept in the keyring: later commands (new processes) still say so.
    let listed = list_text(&ws);
    assert!(listed.contains("token: needs consent"), "{listed}");
    let json = listed_json(&ws, "Provider");
    assert_eq!(json["hasToken"], true);
    assert_eq!(json["needsConsent"], true);
    let again = refresh();
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("needs consent"));
    let run = blocksmith(
        &[
            "run",
            path(&fixture("provider_token.js")),
            "--workspace",
            path(&ws),
        ],
        "",
    );
    assert!(!run.status.success());
    assert!(
        text(&run.stderr).contains("The connection \"Provider\" needs consent"),
        "{}{}",
        text(&run.stdout),
        text(&run.stderr)
    );

    let (_, reauthorized) = authorize_as_person(&ws, &redirect_uri);
    assert!(
        reauthorized.status.success(),
        "{}",
        text(&reauthorized.stderr)
    );
    assert_eq!(listed_json(&ws, "Provider")["needsConsent"], false);
    assert!(list_text(&ws).contains("token: stored"));
    let (seen, _) = run_provider_block(&ws);
    assert_eq!(seen["tokenType"], "Bearer");
}

#[test]
fn remember_login_is_a_true_or_false_setting() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let settings = |remember: &str| {
        [
            "authorizeUrl=http://127.0.0.1:9/auth".to_owned(),
            "tokenUrl=http://127.0.0.1:9/token".to_owned(),
            format!("clientId={CLIENT_ID}"),
            format!("rememberLogin={remember}"),
        ]
    };
    add_connection(
        &ws,
        "Remembering",
        "authorizationcode",
        &settings("true"),
        CLIENT_SECRET,
    );
    assert_eq!(
        listed_json(&ws, "Remembering")["inputs"]["rememberLogin"],
        "true"
    );
    add_connection(
        &ws,
        "Forgetting",
        "authorizationcode",
        &settings("false"),
        CLIENT_SECRET,
    );
    assert_eq!(
        listed_json(&ws, "Forgetting")["inputs"].get("rememberLogin"),
        None,
        "off is the default and is not written down"
    );

    let refused = connections_add(
        &ws,
        "Unsure",
        &["--kind", "authorizationcode"],
        &settings("yes"),
        CLIENT_SECRET,
    );
    assert!(!refused.status.success());
    let stderr = text(&refused.stderr);
    assert!(
        stderr.contains("rememberLogin") && stderr.contains("true or false"),
        "{stderr}"
    );
    let listed = list_text(&ws);
    assert!(!listed.contains("Unsure"), "{listed}");
}

/// The test provider's client that takes its secret only in the request body, as Google's preset sends it.
const BODY_CLIENT_ID: &str = "blocksmith-confidential-post";
const BODY_CLIENT_SECRET: &str = "confidential-post-secret";

#[test]
fn a_presets_parameters_and_client_authentication_reach_the_provider() {
    // Google's preset, its endpoints pointed at the test provider (there is no internet here): what the preset
    // adds besides the URLs must reach the wire: access_type=offline and prompt=consent on the authorization
    // request, and the client's secret in the body of the token request.
    let provider = TestProvider::start(LONG_TTL_S);
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let redirect_uri = loopback_redirect_uri();
    let settings = [
        format!("authorizeUrl={}", provider.authorize_url()),
        format!("tokenUrl={}", provider.token_url()),
        "issuer=".to_owned(),
        "revocationUrl=".to_owned(),
        "scopes=openid offline_access api:read".to_owned(),
        format!("clientId={BODY_CLIENT_ID}"),
        format!("redirectUri={redirect_uri}"),
    ];
    let added = connections_add(
        &ws,
        "Provider",
        &["--preset", "google"],
        &settings,
        BODY_CLIENT_SECRET,
    );
    assert!(added.status.success(), "{}", text(&added.stderr));
    let inputs = &listed_json(&ws, "Provider")["inputs"];
    assert_eq!(inputs["clientAuthentication"], "body");
    assert_eq!(inputs["systemBrowser"], "true");

    let (_, authorized) = authorize_as_person(&ws, &redirect_uri);
    assert!(authorized.status.success(), "{}", text(&authorized.stderr));
    let authorization: Value = reqwest::blocking::get(format!(
        "{}/__test/last-authorization-request",
        provider.issuer
    ))
    .and_then(reqwest::blocking::Response::json)
    .unwrap();
    assert_eq!(authorization["params"]["access_type"], "offline");
    assert_eq!(authorization["params"]["prompt"], "consent");
    let token_request = provider.last_token_request();
    assert_eq!(token_request["params"]["client_secret"], BODY_CLIENT_SECRET);
    assert_eq!(token_request["headers"].get("authorization"), None);
}

#[test]
fn a_preset_needs_its_parameters_and_keeps_its_values_inside_the_url() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let add = |extra: &[&str]| {
        let how = [&["--preset", "okta"], extra].concat();
        connections_add(
            &ws,
            "Okta",
            &how,
            &["clientId=0oa1".to_owned()],
            CLIENT_SECRET,
        )
    };
    let missing = add(&[]);
    assert_eq!(
        missing.status.code(),
        Some(2),
        "a missing parameter is bad input"
    );
    assert!(text(&missing.stderr).contains("Okta domain is needed for the Okta preset."));
    let bent = add(&["--param", "domain=evil.example/steal?"]);
    assert_eq!(bent.status.code(), Some(2));
    assert!(
        text(&bent.stderr).contains("is not a domain name"),
        "{}",
        text(&bent.stderr)
    );
    let wrong_kind = add(&[
        "--param",
        "domain=acme.okta.com",
        "--kind",
        "clientcredentials",
    ]);
    assert!(
        text(&wrong_kind.stderr).contains("leave out --kind"),
        "{}",
        text(&wrong_kind.stderr)
    );

    let added = add(&["--param", "domain=acme.okta.com"]);
    assert!(added.status.success(), "{}", text(&added.stderr));
    let inputs = &listed_json(&ws, "Okta")["inputs"];
    assert_eq!(
        inputs["tokenUrl"],
        "https://acme.okta.com/oauth2/default/v1/token"
    );
    assert_eq!(inputs["issuer"], "https://acme.okta.com/oauth2/default");

    let listed = blocksmith(&["connections", "presets", "--json"], "");
    assert!(listed.status.success());
    let presets: Value = serde_json::from_slice(&listed.stdout).unwrap();
    let okta = presets
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["key"] == "okta")
        .unwrap();
    assert_eq!(okta["parameters"][0]["key"], "domain");
}
