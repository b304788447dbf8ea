//! Test doubles for the integration tests: the real OAuth provider (oidc-provider under node, from
//! `tests/oauth-server/server.mjs`), a person who clicks through its login and consent pages, and
//! a canned provider that answers every request with one fixed response.

#![allow(dead_code)] // Each test binary uses its own part of this module.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use blocksmith_oauth::{ExtraHeaders, OAuthConfig};
use reqwest::blocking::{Client, Response};
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use url::Url;

/// Any loopback redirect URI works with the test provider's native clients; the person stops at
/// the redirect, so nothing needs to listen there.
pub const REDIRECT_URI: &str = "http://127.0.0.1:8765/callback";

/// A fixed "now" for the token's expiry arithmetic, in seconds since the Unix epoch.
pub const NOW_SECONDS: u64 = 1_800_000_000;

pub fn now() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(NOW_SECONDS)
}

pub fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The clients registered in `tests/oauth-server/server.mjs`.
#[derive(Debug, Clone, Copy)]
pub enum TestClient {
    /// `client_secret_basic`.
    Confidential,
    /// `client_secret_post`.
    ConfidentialPost,
    /// No secret (`token_endpoint_auth_method: none`).
    Public,
}

/// The real provider, stopped when dropped.
pub struct TestProvider {
    child: Child,
    pub issuer: String,
}

impl TestProvider {
    pub fn start() -> Self {
        Self::start_with_access_token_ttl(60)
    }

    pub fn start_with_access_token_ttl(seconds: u64) -> Self {
        Self::start_with(seconds, &[])
    }

    /// A provider that deviates from RFC 6749 in the ways `quirks` name (see
    /// `tests/oauth-server/README.md`: `expires-in-string`, `comma-scopes`, `form-encoded-tokens`,
    /// `jwt-access-tokens`).
    pub fn start_with_quirks(quirks: &[&str]) -> Self {
        Self::start_with(60, quirks)
    }

    fn start_with(access_token_ttl_seconds: u64, quirks: &[&str]) -> Self {
        let root = repository_root();
        let mut child = Command::new("node")
            .arg(root.join("tests/oauth-server/server.mjs"))
            .args(["--port", "0"])
            .args(["--access-token-ttl", &access_token_ttl_seconds.to_string()])
            .args(["--quirks", &quirks.join(",")])
            .current_dir(&root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("node must be on the PATH to run the test OAuth provider");
        let stderr = drain(child.stderr.take().expect("stderr is piped"));
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut line = String::new();
        stdout
            .read_line(&mut line)
            .expect("reading the test provider's first line");
        let Some(issuer) = line.trim().strip_prefix("READY ") else {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "the test OAuth provider did not start (is oidc-provider installed at the \
                 repository root?). It said: {line}{}",
                stderr.lock().unwrap()
            );
        };
        Self {
            issuer: issuer.to_owned(),
            child,
        }
    }

    pub fn config(&self, client: TestClient, scopes: &str) -> OAuthConfig {
        let (client_id, client_secret, authentication) = match client {
            TestClient::Confidential => (
                "blocksmith-confidential",
                Some("confidential-secret"),
                blocksmith_oauth::ClientAuthentication::BasicAuth,
            ),
            TestClient::ConfidentialPost => (
                "blocksmith-confidential-post",
                Some("confidential-post-secret"),
                blocksmith_oauth::ClientAuthentication::RequestBody,
            ),
            TestClient::Public => (
                "blocksmith-public",
                None,
                blocksmith_oauth::ClientAuthentication::BasicAuth,
            ),
        };
        OAuthConfig {
            authorize_url: Some(format!("{}/auth", self.issuer)),
            token_url: format!("{}/token", self.issuer),
            scopes: scopes.to_owned(),
            client_id: client_id.to_owned(),
            client_secret: client_secret.map(str::to_owned),
            headers: ExtraHeaders::default(),
            revocation_url: Some(format!("{}/token/revocation", self.issuer)),
            issuer: Some(self.issuer.clone()),
            client_authentication: authentication,
            ..OAuthConfig::default()
        }
    }

    /// The headers the token endpoint received last (names in lower case).
    pub fn last_token_headers(&self) -> serde_json::Map<String, serde_json::Value> {
        self.test_record("last-token-request", "headers")
    }

    /// The form parameters the token endpoint received last.
    pub fn last_token_params(&self) -> serde_json::Map<String, serde_json::Value> {
        self.test_record("last-token-request", "params")
    }

    /// The query parameters of the last request to the authorization endpoint.
    pub fn last_authorization_params(&self) -> serde_json::Map<String, serde_json::Value> {
        self.test_record("last-authorization-request", "params")
    }

    /// The object `part` of what the provider's test route `/__test/<route>` answers.
    fn test_record(&self, route: &str, part: &str) -> serde_json::Map<String, serde_json::Value> {
        let answer: serde_json::Value = Client::new()
            .get(format!("{}/__test/{route}", self.issuer))
            .send()
            .and_then(Response::json)
            .unwrap_or_else(|error| panic!("the test provider answers /__test/{route}: {error}"));
        answer[part]
            .as_object()
            .cloned()
            .unwrap_or_else(|| panic!("/__test/{route} has no {part} object: {answer}"))
    }

    /// Asks the provider whether it considers an access token active (RFC 7662), which proves
    /// the token is one it issued.
    pub fn is_active(&self, access_token: &str) -> bool {
        let answer: serde_json::Value = Client::new()
            .post(format!("{}/token/introspection", self.issuer))
            .basic_auth("blocksmith-confidential", Some("confidential-secret"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form(&[("token", access_token)]))
            .send()
            .and_then(Response::json)
            .expect("the test provider answers introspection");
        answer["active"] == serde_json::Value::Bool(true)
    }
}

impl Drop for TestProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Keeps reading a child's output so it never blocks on a full pipe; returns what it said.
fn drain(mut output: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&text);
    thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(read @ 1..) = output.read(&mut buffer) {
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buffer[..read]));
        }
    });
    text
}

pub fn form(fields: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Deny,
}

/// Someone at a browser: follows redirects one by one, keeps cookies, signs in on the login page
/// and allows (or cancels) on the consent page, and stops at the redirect to the app.
pub struct Person {
    http: Client,
    cookies: Mutex<BTreeMap<String, String>>,
}

impl Person {
    pub fn new() -> Self {
        Self {
            http: Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            cookies: Mutex::new(BTreeMap::new()),
        }
    }

    /// Goes through the provider's pages from the authorize URL and returns the URL the
    /// provider finally redirected to (under `redirect_uri`), with `code` or `error`.
    pub fn authorize(&self, authorize_url: &str, redirect_uri: &str, decision: Decision) -> String {
        let mut current = Url::parse(authorize_url).unwrap();
        for _ in 0..12 {
            if current.as_str().starts_with(redirect_uri) {
                return current.to_string();
            }
            let response = self.send(self.http.get(current.clone()));
            if let Some(next) = redirect_target(&current, &response) {
                current = next;
                continue;
            }
            let status = response.status();
            let page = response.text().unwrap();
            assert!(status.is_success(), "{current} answered {status}: {page}");
            let action = form_action(&page)
                .unwrap_or_else(|| panic!("no form on the page at {current}: {page}"));
            let action = current.join(&action).unwrap();
            let response = if page.contains(r#"name="prompt" value="login""#) {
                self.post(
                    action,
                    &[("prompt", "login"), ("login", "alice"), ("password", "any")],
                )
            } else if page.contains(r#"name="prompt" value="consent""#) {
                match decision {
                    Decision::Allow => self.post(action, &[("prompt", "consent")]),
                    // The page's Cancel link.
                    Decision::Deny => self.send(
                        self.http
                            .get(current.join(&format!("{}/abort", current.path())).unwrap()),
                    ),
                }
            } else {
                panic!("neither a login nor a consent page at {current}: {page}");
            };
            current = redirect_target(&current, &response)
                .unwrap_or_else(|| panic!("the form at {current} did not redirect"));
        }
        panic!("the provider never redirected to {redirect_uri}");
    }

    /// Opens a URL as the browser would (e.g. the final redirect, against a loopback listener).
    pub fn open(&self, url: &str) -> (u16, String) {
        let response = self.send(self.http.get(url));
        (response.status().as_u16(), response.text().unwrap())
    }

    fn post(&self, url: Url, fields: &[(&str, &str)]) -> Response {
        self.send(
            self.http
                .post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(form(fields)),
        )
    }

    fn send(&self, request: reqwest::blocking::RequestBuilder) -> Response {
        let cookie_header = self
            .cookies
            .lock()
            .unwrap()
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("; ");
        let request = if cookie_header.is_empty() {
            request
        } else {
            request.header(COOKIE, cookie_header)
        };
        let response = request.send().expect("the provider answers");
        let mut cookies = self.cookies.lock().unwrap();
        for set_cookie in response.headers().get_all(SET_COOKIE) {
            let pair = set_cookie.to_str().unwrap().split(';').next().unwrap();
            if let Some((name, value)) = pair.split_once('=') {
                cookies.insert(name.trim().to_owned(), value.trim().to_owned());
            }
        }
        response
    }
}

fn redirect_target(current: &Url, response: &Response) -> Option<Url> {
    if !response.status().is_redirection() {
        return None;
    }
    let location = response.headers().get(LOCATION)?.to_str().ok()?;
    current.join(location).ok()
}

fn form_action(page: &str) -> Option<String> {
    let form = &page[page.find("<form")?..];
    let action = &form[form.find("action=\"")? + "action=\"".len()..];
    Some(action[..action.find('"')?].replace("&amp;", "&"))
}

/// A provider that answers every request with one fixed response, for the ways real providers
/// go wrong. It serves until the test process ends.
pub struct CannedProvider {
    pub url: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl CannedProvider {
    pub fn answering(status: u16, content_type: &str, body: &str) -> Self {
        Self::answering_with_headers(status, &[("Content-Type", content_type)], body)
    }

    pub fn answering_with_headers(status: u16, headers: &[(&str, &str)], body: &str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/token", listener.local_addr().unwrap());
        let mut response = format!(
            "HTTP/1.1 {status} Canned\r\nContent-Length: {}\r\nConnection: close\r\n",
            body.len()
        );
        for (name, value) in headers {
            response.push_str(&format!("{name}: {value}\r\n"));
        }
        response.push_str("\r\n");
        response.push_str(body);
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let request = read_http_request(&mut stream);
                seen.lock().unwrap().push(request);
                let _ = stream.write_all(response.as_bytes());
            }
        });
        Self { url, requests }
    }

    /// The requests received so far, head and body as text.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

/// Reads a request's head and its `Content-Length` body, so the answer follows a whole request.
fn read_http_request(stream: &mut std::net::TcpStream) -> String {
    let mut reader = BufReader::new(stream);
    let mut text = String::new();
    let mut content_length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return text;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                content_length = value.trim().parse().unwrap_or(0);
            }
        }
        text.push_str(&line);
        if line == "\r\n" {
            break;
        }
    }
    let mut body = vec![0; content_length];
    if reader.read_exact(&mut body).is_ok() {
        text.push_str(&String::from_utf8_lossy(&body));
    }
    text
}

/// A port that nothing listens on (bound, read and released).
pub fn unused_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
