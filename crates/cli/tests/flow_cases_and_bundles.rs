//! `blocksmith test add --flow` and `blocksmith test --flow` against a real HTTP server on 127.0.0.1: a whole flow
//! run is recorded (each step's fetches in a cassette of its own), replays offline with the server stopped, fails
//! with a diff and exit 1 when a step changes, and `--update` accepts it. `blocksmith export --include-tests`
//! carries the cases in a bundle (never in the YAML), and the importing workspace replays them. No connection is
//! used, so these need no keyring.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use common::{blocksmith, text};
use serde_json::{json, Value};

/// The API the flow calls: a customer by id (the trigger), and that customer's orders (the step).
struct CustomersApi {
    server: Arc<tiny_http::Server>,
    base_url: String,
    answered: Arc<Mutex<Vec<String>>>,
    thread: Option<JoinHandle<()>>,
}

impl CustomersApi {
    fn start() -> Self {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let base_url = format!("http://{}", server.server_addr().to_ip().unwrap());
        let answered = Arc::new(Mutex::new(Vec::new()));
        let thread = {
            let server = Arc::clone(&server);
            let answered = Arc::clone(&answered);
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    let url = request.url().to_owned();
                    answered.lock().unwrap().push(url.clone());
                    let (status, body) = match url.as_str() {
                        "/customers/c-9" => (200, r#"{"id":"c-9","name":"Ada"}"#),
                        "/orders?customer=c-9" => (200, r#"[{"total":3},{"total":4}]"#),
                        _ => (404, r#"{"error":"unknown"}"#),
                    };
                    let header = "Content-Type: application/json"
                        .parse::<tiny_http::Header>()
                        .unwrap();
                    let response = tiny_http::Response::from_string(body)
                        .with_header(header)
                        .with_status_code(status);
                    request.respond(response).unwrap();
                }
            })
        };
        CustomersApi {
            server,
            base_url,
            answered,
            thread: Some(thread),
        }
    }

    /// Stops listening and answers the paths it served.
    fn stop(mut self) -> Vec<String> {
        self.server.unblock();
        self.thread.take().unwrap().join().unwrap();
        let answered = self.answered.lock().unwrap().clone();
        answered
    }
}

fn fixture(name: &str) -> PathBuf {
    [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "flow_tests",
        name,
    ]
    .iter()
    .collect()
}

fn path(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// A new workspace whose template flow "Flow 1" runs the fixtures' trigger and step against `base_url`.
fn workspace(base_url: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ws = path(dir.path());
    let set = blocksmith(
        &[
            "config-vars",
            "set",
            "--workspace",
            ws,
            "App Base URL",
            base_url,
        ],
        "",
    );
    assert!(set.status.success(), "{}", text(&set.stderr));
    use_blocks(dir.path(), "step.js");
    dir
}

fn use_blocks(ws: &Path, step: &str) {
    let blocks = ws.join("blocks");
    std::fs::copy(fixture("trigger.js"), blocks.join("code-block-trigger.js")).unwrap();
    std::fs::copy(fixture(step), blocks.join("code-block.js")).unwrap();
}

fn test_cases(args: &[&str]) -> Output {
    let mut all = vec!["test"];
    all.extend_from_slice(args);
    blocksmith(&all, "")
}

fn stdout(output: &Output) -> String {
    text(&output.stdout)
}

/// Records the case "Ada's orders" of "Flow 1" live, and stops the server.
fn record_flow_case(ws: &str, api: CustomersApi) {
    let payload = fixture("payload.json");
    let added = test_cases(&[
        "add",
        "--workspace",
        ws,
        "--flow",
        "Flow 1",
        "--name",
        "Ada's orders",
        "--payload",
        path(&payload),
    ]);
    assert_eq!(added.status.code(), Some(0), "{}", text(&added.stderr));
    assert!(
        stdout(&added).contains("tests/_flows/flow-1/ada-s-orders.json"),
        "{}",
        stdout(&added)
    );
    assert_eq!(
        api.stop(),
        ["/customers/c-9", "/orders?customer=c-9"],
        "the recording went out live, once per step"
    );
}

#[test]
fn a_flow_run_recorded_live_replays_offline_fails_on_change_and_is_updated() {
    let api = CustomersApi::start();
    let dir = workspace(&api.base_url);
    let ws = path(dir.path());
    record_flow_case(ws, api);

    // The case file: one cassette per step, each step's outcome, the caller's response.
    let case_file = dir.path().join("tests/_flows/flow-1/ada-s-orders.json");
    let case: Value = serde_json::from_str(&std::fs::read_to_string(case_file).unwrap()).unwrap();
    let cassettes = case["cassettes"].as_array().unwrap();
    assert_eq!(cassettes.len(), 2);
    assert_eq!(cassettes[0]["step"], "Code Block Trigger");
    assert_eq!(cassettes[1]["step"], "Code Block");
    assert_eq!(
        cassettes[1]["cassette"]["exchanges"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let expected = &case["expected"];
    assert_eq!(expected["ok"], true);
    assert_eq!(
        expected["steps"][1]["result"],
        json!({"customer": "Ada", "total": 7})
    );
    assert_eq!(
        expected["steps"][1]["logs"],
        json!([{"level": "info", "message": "2 orders for Ada"}])
    );
    assert_eq!(expected["response"]["statusCode"], 202);
    assert_eq!(expected["response"]["body"], json!({"accepted": "c-9"}));

    // Offline (the server is gone).
    let replayed = test_cases(&["--workspace", ws, "--flow", "Flow 1"]);
    assert_eq!(
        replayed.status.code(),
        Some(0),
        "{}{}",
        stdout(&replayed),
        text(&replayed.stderr)
    );
    let lines = stdout(&replayed);
    assert!(
        lines.starts_with("pass      Flow 1 › Ada's orders  ("),
        "{lines}"
    );
    assert!(
        lines.ends_with("1 passed, 0 failed, 0 updated\n"),
        "{lines}"
    );

    // A changed step fails with the step's difference, and exit 1.
    use_blocks(dir.path(), "step_changed.js");
    let failed = test_cases(&["--workspace", ws, "--flow", "Flow 1"]);
    assert_eq!(failed.status.code(), Some(1), "{}", text(&failed.stderr));
    let lines = stdout(&failed);
    assert!(
        lines.contains("\n  $.steps[1].result.total: expected 7, got 7.700000000000001\n"),
        "{lines}"
    );

    // --update accepts it; the next replay passes.
    let updated = test_cases(&["--workspace", ws, "--flow", "Flow 1", "--update"]);
    assert_eq!(updated.status.code(), Some(0), "{}", stdout(&updated));
    assert!(
        stdout(&updated).starts_with("updated   Flow 1 › Ada's orders"),
        "{}",
        stdout(&updated)
    );
    let again = test_cases(&["--workspace", ws, "--json"]);
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
    let report: Value = serde_json::from_str(&stdout(&again)).unwrap();
    assert_eq!(report["cases"][0]["flow"], "Flow 1");
    assert_eq!(report["cases"][0]["blockId"], "_flows/flow-1");
    assert_eq!(report["cases"][0]["status"], "passed");
}

#[test]
fn step_results_are_refused_for_a_flow_case() {
    let dir = tempfile::tempdir().unwrap();
    let ws = path(dir.path());
    let refused = test_cases(&[
        "add",
        "--workspace",
        ws,
        "--flow",
        "Flow 1",
        "--name",
        "x",
        "--step-results",
        path(&fixture("payload.json")),
    ]);
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused.stderr));
}

#[test]
fn a_bundle_exported_with_its_tests_replays_them_in_the_importing_workspace() {
    let api = CustomersApi::start();
    let dir = workspace(&api.base_url);
    let ws = path(dir.path());
    record_flow_case(ws, api);

    let bundle = dir.path().join("shop.blocksmith.json");
    let exported = blocksmith(
        &[
            "export",
            "--workspace",
            ws,
            "--format",
            "bundle",
            "--include-tests",
            "-o",
            path(&bundle),
        ],
        "",
    );
    assert_eq!(
        exported.status.code(),
        Some(0),
        "{}",
        text(&exported.stderr)
    );
    let contents = std::fs::read_to_string(&bundle).unwrap();
    assert!(contents.contains("\"Ada's orders\""), "{contents}");

    // Without the option, and in the platform's YAML, there are no tests.
    let plain = blocksmith(&["export", "--workspace", ws, "--format", "bundle"], "");
    assert!(!stdout(&plain).contains("Ada's orders"));
    let yaml = blocksmith(&["export", "--workspace", ws, "--format", "yaml"], "");
    assert!(!stdout(&yaml).contains("Ada's orders"));
    let refused = blocksmith(
        &[
            "export",
            "--workspace",
            ws,
            "--format",
            "yaml",
            "--include-tests",
        ],
        "",
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("Test cases travel only in a bundle"),
        "{}",
        text(&refused.stderr)
    );

    // A colleague's new folder: the import brings the case, which replays offline there.
    let colleague = tempfile::tempdir().unwrap();
    let theirs = colleague.path().join("shop");
    let imported = blocksmith(&["import", "--workspace", path(&theirs), path(&bundle)], "");
    assert_eq!(
        imported.status.code(),
        Some(0),
        "{}",
        text(&imported.stderr)
    );
    assert!(theirs
        .join("tests/_flows/flow-1/ada-s-orders.json")
        .is_file());
    let replayed = test_cases(&["--workspace", path(&theirs)]);
    assert_eq!(
        replayed.status.code(),
        Some(0),
        "{}{}",
        stdout(&replayed),
        text(&replayed.stderr)
    );
    assert!(stdout(&replayed).starts_with("pass      Flow 1 › Ada's orders"));
}
