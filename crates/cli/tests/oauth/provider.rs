//! The real OAuth provider for the CLI's OAuth tests: oidc-provider under node, from
//! `tests/oauth-server/server.mjs`, started on a free port and stopped when dropped.

// Each test crate uses its own part of this module.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// The confidential client registered in `server.mjs` (`client_secret_basic`).
pub const CLIENT_ID: &str = "blocksmith-confidential";
pub const CLIENT_SECRET: &str = "confidential-secret";

pub struct TestProvider {
    child: Child,
    pub issuer: String,
}

impl TestProvider {
    /// Starts a fresh provider whose access tokens live `access_token_ttl_s` seconds, and waits
    /// for its `READY <issuer>` line.
    pub fn start(access_token_ttl_s: u64) -> Self {
        Self::start_with_quirks(access_token_ttl_s, &[])
    }

    /// A provider that deviates from RFC 6749 in the ways `quirks` name (`tests/oauth-server/README.md`).
    pub fn start_with_quirks(access_token_ttl_s: u64, quirks: &[&str]) -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut child = Command::new("node")
            .arg(root.join("tests/oauth-server/server.mjs"))
            .args(["--port", "0"])
            .args(["--access-token-ttl", &access_token_ttl_s.to_string()])
            .args(["--quirks", &quirks.join(",")])
            .current_dir(&root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("node must be on the PATH to run the test OAuth provider");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout is piped"))
            .read_line(&mut line)
            .expect("reading the test provider's first line");
        match line.trim().strip_prefix("READY ") {
            Some(issuer) => Self {
                issuer: issuer.to_owned(),
                child,
            },
            None => {
                let _ = child.kill();
                let mut said = String::new();
                let _ = child.stderr.take().map(|mut e| e.read_to_string(&mut said));
                let _ = child.wait();
                panic!(
                    "the test OAuth provider did not start (is oidc-provider installed at the \
                     repository root?). It said: {line}{said}"
                );
            }
        }
    }

    pub fn authorize_url(&self) -> String {
        format!("{}/auth", self.issuer)
    }

    pub fn token_url(&self) -> String {
        format!("{}/token", self.issuer)
    }

    /// What the token endpoint received last: `{"headers": {…}, "params": {…}}`.
    pub fn last_token_request(&self) -> serde_json::Value {
        reqwest::blocking::get(format!("{}/__test/last-token-request", self.issuer))
            .and_then(reqwest::blocking::Response::json)
            .expect("the test provider answers /__test/last-token-request")
    }
}

impl Drop for TestProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
