//! `blocksmith serve` as a script sees it: the real binary on a free port, called over HTTP; its first stdout
//! line says where it listens, each call prints the flow's outcome line. The test with a connection uses the
//! real OS keyring (run under `scripts/with-keyring.sh`).

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use blocksmith_session::PersistedState;
use blocksmith_workspace::Workspace;
use common::{add_api_key_connection, assert_refused, blocksmith, text};
use serde_json::{json, Value};

const FLOW: &str = "Flow 1";

fn fixture(name: &str) -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "serve",
        name,
    ]
    .iter()
    .collect();
    std::fs::read_to_string(&path).unwrap()
}

/// A new workspace whose trigger and step are the given fixtures.
fn workspace(dir: &Path, trigger: &str, step: &str) {
    let ws = Workspace::open_or_create(dir).unwrap();
    let flow = ws.manifest().flow(FLOW).unwrap().clone();
    ws.save_block_source(&flow.trigger, &fixture(trigger))
        .unwrap();
    ws.save_block_source(&flow.steps[0], &fixture(step))
        .unwrap();
}

/// `blocksmith serve` running, with its stdout lines arriving on a channel; ended with SIGINT (Ctrl+C) on drop.
struct Serving {
    child: Child,
    lines: Receiver<String>,
}

impl Serving {
    fn start(args: &[&str]) -> Serving {
        let mut child = Command::new(env!("CARGO_BIN_EXE_blocksmith"))
            .arg("serve")
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        Serving { child, lines }
    }

    fn next_line(&self) -> Value {
        let line = self
            .lines
            .recv_timeout(Duration::from_secs(60))
            .expect("blocksmith serve printed a line");
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

#[test]
fn a_call_gets_the_trigger_response_and_prints_the_outcome_line() {
    let dir = tempfile::tempdir().unwrap();
    workspace(dir.path(), "csv_trigger.js", "counting_step.js");
    let serving = Serving::start(&["--workspace", dir.path().to_str().unwrap(), "--port", "0"]);

    let listening = serving.next_line();
    let base = listening["listening"].as_str().unwrap().to_string();
    assert!(base.starts_with("http://127.0.0.1:"), "{listening}");
    assert_ne!(base, "http://127.0.0.1:0");
    // The flow's URL carries the workspace's token, kept on this machine and out of the manifest.
    let token = Workspace::open(dir.path())
        .unwrap()
        .local_identity()
        .webhook_token
        .clone();
    let url = format!("{base}/{token}/flow-1");
    assert_eq!(listening["flows"], json!({ FLOW: url }));
    let manifest = std::fs::read_to_string(dir.path().join("blocksmith.json")).unwrap();
    assert!(
        !manifest.contains(&token),
        "the token is not in the manifest"
    );

    let response = client()
        .post(format!("{url}/orders?x=1"))
        .header("X-Request-Id", "req-42")
        .json(&json!({ "id": 42 }))
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    assert_eq!(response.headers()["content-type"], "text/csv");
    assert_eq!(response.headers()["x-request-id"], "req-42");
    assert_eq!(response.text().unwrap(), "name,value\nhello,world");

    let line = serving.next_line();
    assert_eq!(line["method"], "POST");
    assert_eq!(line["path"], "/flow-1/orders");
    assert_eq!(line["status"], 201);
    assert_eq!(line["ok"], true);
    assert_eq!(line["response"]["statusCode"], 201);
    assert_eq!(line["steps"][0]["name"], "Code Block Trigger");
    assert_eq!(
        line["steps"][0]["result"],
        json!({ "order": { "id": 42 }, "fragment": "orders" })
    );
    assert_eq!(
        line["steps"][1]["result"],
        json!({ "calls": 1, "order": { "id": 42 } })
    );

    // The flow's state is kept, as after `blocksmith run --flow`.
    let ws = Workspace::open(dir.path()).unwrap();
    assert_eq!(
        PersistedState::load(&ws).unwrap().instance_state[FLOW],
        json!({ "calls": 1 })
    );

    // An unknown path, or the flow's path without the token, answers 404 naming nothing, and prints a line
    // too.
    for missing in [format!("{base}/other"), format!("{base}/flow-1")] {
        let response = client().get(&missing).send().unwrap();
        assert_eq!(response.status().as_u16(), 404);
        let body = response.text().unwrap();
        assert!(
            !body.contains(&token) && !body.contains("flow-1") && !body.contains(FLOW),
            "{body}"
        );
        let line = serving.next_line();
        assert_eq!(
            (line["status"].clone(), line["ok"].clone()),
            (json!(404), json!(false))
        );
    }
    assert_eq!(
        PersistedState::load(&ws).unwrap().instance_state[FLOW],
        json!({ "calls": 1 }),
        "the 404s ran nothing"
    );
}

#[test]
fn a_throwing_trigger_answers_500_naming_the_step() {
    let dir = tempfile::tempdir().unwrap();
    workspace(dir.path(), "throwing_trigger.js", "counting_step.js");
    let serving = Serving::start(&[
        "--workspace",
        dir.path().to_str().unwrap(),
        "--flow",
        FLOW,
        "--port",
        "0",
    ]);
    let url = serving.next_line()["flows"][FLOW]
        .as_str()
        .unwrap()
        .to_string();

    let response = client().post(&url).body("{}").send().unwrap();
    assert_eq!(response.status().as_u16(), 500);
    assert_eq!(response.headers()["content-type"], "application/json");
    let body: Value = response.json().unwrap();
    assert_eq!(body["error"]["step"], "Code Block Trigger");
    assert_eq!(body["error"]["name"], "TypeError");
    assert_eq!(body["error"]["message"], "no order in the request");

    let line = serving.next_line();
    assert_eq!(line["status"], 500);
    assert_eq!(line["ok"], false);
    assert_eq!(line["steps"].as_array().unwrap().len(), 1);
    assert_eq!(line["steps"][0]["error"]["name"], "TypeError");
}

#[test]
fn an_unknown_flow_or_a_taken_port_is_a_bad_invocation() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().to_str().unwrap();
    let unknown = blocksmith(
        &["serve", "--workspace", ws, "--flow", "Nope", "--port", "0"],
        "",
    );
    assert_refused(&unknown, &["Nope"]);

    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let busy = blocksmith(&["serve", "--workspace", ws, "--port", &port], "");
    assert_refused(&busy, &[&port]);
}

#[test]
fn secrets_a_block_logs_are_redacted_from_the_line() {
    let dir = tempfile::tempdir().unwrap();
    workspace(dir.path(), "csv_trigger.js", "counting_step.js");
    let ws = dir.path().to_str().unwrap();
    let added = add_api_key_connection(ws, "Vendor", "sk-serve-secret-123");
    assert!(added.status.success(), "{}", text(&added.stderr));
    let serving = Serving::start(&["--workspace", ws, "--port", "0"]);
    let url = serving.next_line()["flows"][FLOW]
        .as_str()
        .unwrap()
        .to_string();
    let response = client().post(&url).json(&json!({})).send().unwrap();
    assert_eq!(response.status().as_u16(), 201);
    let line = serving.next_line();
    let printed = line.to_string();
    assert!(!printed.contains("sk-serve-secret-123"), "{printed}");
    let logged = line["steps"][0]["logs"][0]["message"].as_str().unwrap();
    assert!(logged.starts_with("key "), "{logged}");
}
