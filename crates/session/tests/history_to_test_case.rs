//! "Save as test" on a run of the history (`Session::record_test_case_from_run`): the history keeps the run's
//! input but not what it fetched, so the block runs once more, live, against a real local server, and that run
//! becomes the case; it then replays with the server gone. A missing run or a blank name is refused with its
//! own code.
//!
//! This test binary is its own block worker (started with `__worker`), so it has its own `main` rather than
//! libtest's: `cargo test -p blocksmith-session --test history_to_test_case [NAME]`.

mod own_main;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use blocksmith_session::block_tests::CaseStatus;
use blocksmith_session::{
    BlockRunRequest, ErrorCode, QuietHost, Session, TestRunMode, TestSelection, Workers,
};
use serde_json::json;

const WORKER_ARG: &str = "__worker";

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some(WORKER_ARG) {
        return blocksmith_session::types::worker_main();
    }
    let tests: &[(&str, fn())] = &[
        (
            "a_history_run_becomes_a_case_recorded_live_that_replays_offline",
            a_history_run_becomes_a_case_recorded_live_that_replays_offline,
        ),
        (
            "a_missing_run_or_a_blank_name_is_refused",
            a_missing_run_or_a_blank_name_is_refused,
        ),
    ];
    own_main::run_tests("history_to_test_case", tests)
}

/// Sums the totals of the orders the local server lists.
const SUMS_ORDERS: &str = r#"module.exports = async ({ logger }, stepResults) => {
  const orders = await (await fetch(`${stepResults.base}/orders`)).json();
  logger.info(`fetched ${orders.length} orders`);
  return { data: { total: orders.reduce((sum, order) => sum + order.total, 0) } };
};
"#;

/// A server on 127.0.0.1 answering each request with two orders, counting them: it serves `limit` requests, then
/// stops listening, so any request after those is refused.
fn orders_server(limit: usize) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let answered = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&answered);
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten().take(limit) {
            let mut request = [0_u8; 4096];
            let _ = stream.read(&mut request);
            let body = r#"[{"total":3},{"total":4}]"#;
            let response = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            stream.write_all(response.as_bytes()).unwrap();
            counter.fetch_add(1, Ordering::SeqCst);
        }
    });
    (format!("http://{address}"), answered)
}

fn session_in_new_workspace() -> (tempfile::TempDir, Session, String) {
    let dir = tempfile::tempdir().unwrap();
    let session = Session::new(
        QuietHost,
        Workers {
            program: std::env::current_exe().unwrap(),
            arg: WORKER_ARG.into(),
            warm: 0,
        },
    );
    session.open(dir.path(), true).unwrap();
    let action = session.workspace_view().unwrap().flows[0].steps[0].clone();
    session.save_block(&action, SUMS_ORDERS).unwrap();
    (dir, session, action)
}

fn a_history_run_becomes_a_case_recorded_live_that_replays_offline() {
    // Two requests: the run of the history, then Save as test's own live run. Then the server is gone.
    let (base, answered) = orders_server(2);
    let (dir, session, action) = session_in_new_workspace();
    let ran = session
        .run_block(BlockRunRequest {
            run_id: "run-1".into(),
            block_id: action.clone(),
            source: None,
            input: Some(json!({ "base": base })),
            debug_mode: false,
        })
        .unwrap();
    assert!(ran.outcome.ok, "{:?}", ran.outcome);
    let run_id = session.history(&action).unwrap()[0].id;

    let saved = session
        .record_test_case_from_run(run_id, "Two orders")
        .unwrap();
    assert_eq!(saved.status, CaseStatus::Updated);
    assert_eq!(saved.case_id, "two-orders");
    assert_eq!(
        answered.load(Ordering::SeqCst),
        2,
        "the block ran once more, live"
    );
    let file = dir
        .path()
        .join("tests")
        .join(&action)
        .join("two-orders.json");
    let case: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(case["inputs"]["input"], json!({ "base": base }));
    assert_eq!(case["expected"]["result"], json!({ "total": 7 }));
    assert_eq!(case["cassette"]["exchanges"].as_array().unwrap().len(), 1);

    let selection = TestSelection {
        block_id: Some(action),
        ..TestSelection::default()
    };
    let replayed = session
        .run_test_cases(&selection, TestRunMode::Replay)
        .unwrap();
    assert_eq!(replayed.cases.len(), 1);
    assert_eq!(
        replayed.cases[0].status,
        CaseStatus::Passed,
        "{:?}",
        replayed.cases[0]
    );
    assert_eq!(
        answered.load(Ordering::SeqCst),
        2,
        "the replay sent nothing"
    );
}

fn a_missing_run_or_a_blank_name_is_refused() {
    let (base, _) = orders_server(1);
    let (_dir, session, action) = session_in_new_workspace();
    let missing = session
        .record_test_case_from_run(999_999, "Nothing")
        .unwrap_err();
    assert_eq!(missing.code(), ErrorCode::UnknownRun);
    session
        .run_block(BlockRunRequest {
            run_id: "run-1".into(),
            block_id: action.clone(),
            source: None,
            input: Some(json!({ "base": base })),
            debug_mode: false,
        })
        .unwrap();
    let run_id = session.history(&action).unwrap()[0].id;
    let blank = session.record_test_case_from_run(run_id, "  ").unwrap_err();
    assert_eq!(blank.code(), ErrorCode::TestCaseInvalid);
    assert!(blank.to_string().contains("needs a name"), "{blank}");
}
