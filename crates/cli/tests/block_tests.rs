//! `blocksmith test` and `blocksmith run --record/--replay` against a real HTTP server on 127.0.0.1: a case is
//! recorded live, the server is stopped, and the case replays offline; a changed block fails with a diff and
//! exit 1 until `--update` accepts it; a request the cassette does not hold names the closest recorded one;
//! and no file written holds the connection's secret. Needs the OS keyring (`scripts/with-keyring.sh`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use common::{add_api_key_connection, blocksmith, text};
use serde_json::{json, Value};

const API_KEY: &str = "acme-key-4f9c2e71b8";

/// The API the block calls: open orders (only with the key), and a summary store that echoes the key back in
/// a header. Each request it answered is kept, to show the replay sent none.
struct OrdersApi {
    server: Arc<tiny_http::Server>,
    base_url: String,
    answered: Arc<Mutex<Vec<String>>>,
    thread: Option<JoinHandle<()>>,
}

impl OrdersApi {
    fn start() -> Self {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let base_url = format!("http://{}", server.server_addr().to_ip().unwrap());
        let answered = Arc::new(Mutex::new(Vec::new()));
        let thread = {
            let server = Arc::clone(&server);
            let answered = Arc::clone(&answered);
            std::thread::spawn(move || {
                for mut request in server.incoming_requests() {
                    let url = request.url().to_owned();
                    answered.lock().unwrap().push(url.clone());
                    let mut body = String::new();
                    request.as_reader().read_to_string(&mut body).unwrap();
                    let json = |text: String| {
                        tiny_http::Response::from_string(text).with_header(
                            "Content-Type: application/json"
                                .parse::<tiny_http::Header>()
                                .unwrap(),
                        )
                    };
                    let response = if url.starts_with("/orders") && url.contains(API_KEY) {
                        json(r#"[{"id":"o-17"},{"id":"o-18"}]"#.to_owned())
                    } else if url == "/summaries" {
                        let echoed = format!("X-Echo-Key: {API_KEY}")
                            .parse::<tiny_http::Header>()
                            .unwrap();
                        json(format!(r#"{{"stored":{}}}"#, body.len())).with_header(echoed)
                    } else {
                        json(r#"{"error":"unknown"}"#.to_owned()).with_status_code(404)
                    };
                    request.respond(response).unwrap();
                }
            })
        };
        OrdersApi {
            server,
            base_url,
            answered,
            thread: Some(thread),
        }
    }

    /// Stops listening: from here on, a request to it is refused.
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
        "block_tests",
        name,
    ]
    .iter()
    .collect()
}

fn path(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// A new workspace whose action "Code Block" is `block`, with the config variable `App Base URL` and the API
/// key connection `Acme`.
fn workspace(base_url: &str, block: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ws = path(dir.path());
    let added = add_api_key_connection(ws, "Acme", API_KEY);
    assert!(added.status.success(), "{}", text(&added.stderr));
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
    use_block(dir.path(), block);
    dir
}

fn use_block(ws: &Path, block: &str) {
    std::fs::copy(fixture(block), ws.join("blocks").join("code-block.js")).unwrap();
}

fn test_cases(args: &[&str]) -> Output {
    let mut all = vec!["test"];
    all.extend_from_slice(args);
    blocksmith(&all, "")
}

fn stdout(output: &Output) -> String {
    text(&output.stdout)
}

/// Copies the workspace as `git clone` would give it: without `.blocksmith/` (this machine's id and history).
fn copy_without_local_files(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() != ".blocksmith" {
                std::fs::create_dir_all(&target).unwrap();
                copy_without_local_files(&entry.path(), &target);
            }
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir`, as text.
fn files_text(dir: &Path) -> String {
    let mut all = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all.push_str(&files_text(&path));
        } else {
            all.push_str(&String::from_utf8_lossy(&std::fs::read(&path).unwrap()));
        }
    }
    all
}

#[test]
fn a_case_recorded_live_replays_offline_fails_on_change_and_is_updated() {
    let api = OrdersApi::start();
    let dir = workspace(&api.base_url, "orders.js");
    let ws = path(dir.path());

    let added = test_cases(&[
        "add",
        "--workspace",
        ws,
        "--block",
        "Code Block",
        "--name",
        "Open orders",
    ]);
    assert_eq!(added.status.code(), Some(0), "{}", text(&added.stderr));
    assert!(
        stdout(&added).contains("tests/code-block/open-orders.json"),
        "{}",
        stdout(&added)
    );
    let sent_live = api.stop();
    assert_eq!(
        sent_live.len(),
        2,
        "the recording went out live: {sent_live:?}"
    );

    // The case file: readable, the key only as its placeholder, time and randomness recorded.
    let case_file = dir.path().join("tests/code-block/open-orders.json");
    let case: Value = serde_json::from_str(&std::fs::read_to_string(&case_file).unwrap()).unwrap();
    let exchanges = case["cassette"]["exchanges"].as_array().unwrap();
    assert_eq!(exchanges.len(), 2);
    let listed = &exchanges[0]["request"];
    assert_eq!(listed["method"], "GET");
    assert!(
        listed["url"]
            .as_str()
            .unwrap()
            .ends_with("/orders?status=open&page=1&key={{Acme.apiKey}}"),
        "{listed}"
    );
    assert_eq!(
        listed["headers"],
        json!([["authorization", "Bearer {{Acme.apiKey}}"]])
    );
    assert_eq!(
        exchanges[1]["request"]["body"],
        json!({"json": {"count": 2, "ids": ["o-17", "o-18"]}})
    );
    assert_eq!(
        exchanges[0]["response"]["body"],
        json!({"json": [{"id": "o-17"}, {"id": "o-18"}]})
    );
    assert_eq!(case["expected"]["ok"], true);
    assert_eq!(case["expected"]["result"]["count"], 2);
    assert_eq!(case["expected"]["result"]["echoedKey"], "«redacted»");
    assert_eq!(case["expected"]["result"]["now"], case["frozen"]["nowMs"]);
    assert_eq!(
        case["expected"]["logs"],
        json!([{"level": "info", "message": "fetched 2 orders"}])
    );
    assert!(
        !files_text(dir.path()).contains(API_KEY),
        "no file of the workspace holds the key"
    );

    // Offline (the server is gone): the same outcome, time and random values included.
    let replayed = test_cases(&["--workspace", ws]);
    assert_eq!(
        replayed.status.code(),
        Some(0),
        "{}{}",
        stdout(&replayed),
        text(&replayed.stderr)
    );
    let lines = stdout(&replayed);
    assert!(
        lines.starts_with("pass      Code Block › Open orders  ("),
        "{lines}"
    );
    assert!(
        lines.ends_with("1 passed, 0 failed, 0 updated\n"),
        "{lines}"
    );

    // A clone of the folder (as in CI) has no secrets on this machine: the placeholders stand in for them.
    let clone = tempfile::tempdir().unwrap();
    copy_without_local_files(dir.path(), clone.path());
    let in_clone = test_cases(&["--workspace", path(clone.path())]);
    assert_eq!(
        in_clone.status.code(),
        Some(0),
        "{}{}",
        stdout(&in_clone),
        text(&in_clone.stderr)
    );

    // A changed block (its requests reordered, which still match) fails with a diff and exit 1.
    use_block(dir.path(), "orders_changed.js");
    let junit = dir.path().join("results.xml");
    let failed = test_cases(&["--workspace", ws, "--junit", path(&junit)]);
    assert_eq!(failed.status.code(), Some(1), "{}", text(&failed.stderr));
    let lines = stdout(&failed);
    assert!(
        lines.starts_with("FAIL      Code Block › Open orders  ("),
        "{lines}"
    );
    assert!(
        lines.contains("\n  $.result.count: expected 2, got 3\n"),
        "{lines}"
    );
    assert!(
        lines.ends_with("0 passed, 1 failed, 0 updated\n"),
        "{lines}"
    );
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(
        xml.contains(r#"<testsuite name="Code Block" tests="1" failures="1""#),
        "{xml}"
    );
    assert!(xml.contains("$.result.count: expected 2, got 3"), "{xml}");

    // --update accepts the new outcome; the next run passes.
    let updated = test_cases(&["--workspace", ws, "--update"]);
    assert_eq!(updated.status.code(), Some(0), "{}", stdout(&updated));
    assert!(
        stdout(&updated).starts_with("updated   Code Block › Open orders"),
        "{}",
        stdout(&updated)
    );
    let again = test_cases(&[
        "--workspace",
        ws,
        "--block",
        "Code Block",
        "--case",
        "Open orders",
    ]);
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));

    // A request the cassette does not hold fails the case, naming it and the closest recorded one.
    use_block(dir.path(), "other_request.js");
    let unmatched = test_cases(&["--workspace", ws, "--json"]);
    assert_eq!(unmatched.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&unmatched)).unwrap();
    let missing = report["cases"][0]["unmatchedRequests"][0].as_str().unwrap();
    assert!(
        missing.starts_with("No recorded request matches GET http://")
            && missing.contains("/orders?status=open&page=2&key={{Acme.apiKey}}. The closest recorded request is GET ")
            && missing.contains("page=1&key={{Acme.apiKey}}; it differs in the query parameters."),
        "{missing}"
    );
    assert!(!stdout(&unmatched).contains(API_KEY));
    assert!(
        !files_text(dir.path()).contains(API_KEY),
        "no file of the workspace holds the key"
    );
}

#[test]
fn a_bad_invocation_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let ws = path(dir.path());
    let created = blocksmith(&["config-vars", "list", "--workspace", ws], "");
    assert!(created.status.success(), "{}", text(&created.stderr));
    let unknown_case = test_cases(&["--workspace", ws, "--case", "nope"]);
    assert_eq!(unknown_case.status.code(), Some(2));
    assert!(text(&unknown_case.stderr).contains("There is no test case named \"nope\""));
    let live_alone = test_cases(&["--workspace", ws, "--live"]);
    assert_eq!(live_alone.status.code(), Some(2));
}

#[test]
fn run_records_a_cassette_and_replays_it_with_the_server_stopped() {
    let api = OrdersApi::start();
    let dir = workspace(&api.base_url, "orders.js");
    let ws = path(dir.path());
    let block = fixture("orders.js");
    let cassette = dir.path().join("orders.cassette.json");

    let recorded = blocksmith(
        &[
            "run",
            path(&block),
            "--workspace",
            ws,
            "--record",
            path(&cassette),
        ],
        "",
    );
    assert_eq!(
        recorded.status.code(),
        Some(0),
        "{}",
        text(&recorded.stderr)
    );
    api.stop();
    let live: Value = serde_json::from_str(&stdout(&recorded)).unwrap();
    let written = std::fs::read_to_string(&cassette).unwrap();
    assert!(
        written.contains("{{Acme.apiKey}}") && !written.contains(API_KEY),
        "{written}"
    );

    let replayed = blocksmith(
        &[
            "run",
            path(&block),
            "--workspace",
            ws,
            "--replay",
            path(&cassette),
        ],
        "",
    );
    assert_eq!(
        replayed.status.code(),
        Some(0),
        "{}",
        text(&replayed.stderr)
    );
    let offline: Value = serde_json::from_str(&stdout(&replayed)).unwrap();
    // The line keeps its contract: the same keys in the same order.
    let keys = |line: &Value| {
        line.as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&offline), keys(&live));
    for field in ["count", "first", "stored", "echoedKey"] {
        assert_eq!(offline["result"][field], live["result"][field], "{field}");
    }
}
