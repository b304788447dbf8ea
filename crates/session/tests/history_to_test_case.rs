//! "Save as test" on a run of the history (`Session::record_test_case_from_run`): the history keeps the run's
//! input but not what it fetched, so the block runs once more, live, against a real local server, and that run
//! becomes the case; it then replays with the server gone. The same for a whole flow run
//! (`Session::record_flow_test_case_from_run`: the flow runs again with the trigger's recorded input, one
//! cassette per step), and for one step of a flow run (a block case with the `stepResults` the flow gave it).
//! A missing run or a blank name is refused with its own code.
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
use blocksmith_session::types::{FlowRunOf, RunOrigin};
use blocksmith_session::{
    BlockRunRequest, ErrorCode, FlowRunRequest, QuietHost, Session, TestRunMode, TestSelection,
    Workers,
};
use serde_json::{json, Value};

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
        (
            "a_flow_run_becomes_a_whole_flow_case_with_its_trigger_input",
            a_flow_run_becomes_a_whole_flow_case_with_its_trigger_input,
        ),
        (
            "a_step_of_a_flow_run_becomes_a_block_case_with_its_step_results",
            a_step_of_a_flow_run_becomes_a_block_case_with_its_step_results,
        ),
        (
            "a_flow_run_not_in_the_history_is_refused",
            a_flow_run_not_in_the_history_is_refused,
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

/// The trigger of the flow tests: fetches the orders from the server its payload names and passes the server on.
const TRIGGER_FETCHES_ORDERS: &str = r#"module.exports = async (context, payload) => {
  const orders = await (await fetch(`${payload.body.base}/orders`)).json();
  return { payload: { base: payload.body.base, first: orders[0].total } };
};
"#;

/// The step of the flow tests: fetches the orders again from the server the trigger passed on, and sums them.
const STEP_SUMS_ORDERS: &str = r#"module.exports = async ({ logger }, stepResults) => {
  const { base, first } = stepResults.codeBlockTrigger.results;
  const orders = await (await fetch(`${base}/orders`)).json();
  logger.info(`fetched ${orders.length} orders`);
  return { data: { first, total: orders.reduce((sum, order) => sum + order.total, 0) } };
};
"#;

/// A workspace whose template flow fetches from `base` in both its blocks, run once from the app's "Run flow"
/// (two requests). Answers the flow's name, the history row of its step's run, and the session.
struct FlowRan {
    dir: tempfile::TempDir,
    session: Session,
    flow: String,
    step: String,
    step_run: blocksmith_session::types::RunSummary,
}

fn flow_run_once(base: &str) -> FlowRan {
    let (dir, session, step) = session_in_new_workspace();
    let view = session.workspace_view().unwrap();
    let flow = view.flows[0].clone();
    session
        .save_block(&flow.trigger, TRIGGER_FETCHES_ORDERS)
        .unwrap();
    session.save_block(&step, STEP_SUMS_ORDERS).unwrap();
    let ran = session
        .run_flow(FlowRunRequest {
            run_id: "flow-run-1".into(),
            flow: flow.name.clone(),
            payload: Some(json!({ "body": { "base": base } })),
            ..FlowRunRequest::default()
        })
        .unwrap();
    assert!(ran.outcome.ok, "{:?}", ran.outcome);
    let step_run = session.history(&step).unwrap().remove(0);
    assert_eq!(step_run.origin, RunOrigin::Flow);
    FlowRan {
        dir,
        session,
        flow: flow.name,
        step,
        step_run,
    }
}

fn read_json(path: &std::path::Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn a_flow_run_becomes_a_whole_flow_case_with_its_trigger_input() {
    // Four requests: the flow run's two, then Save as test's own live run of both blocks. Then the server is gone.
    let (base, answered) = orders_server(4);
    let ran = flow_run_once(&base);
    let flow_run = ran.step_run.flow_run.clone().expect("a step of a flow run");
    assert_eq!(flow_run.execution_id, "flow-run-1");

    let saved = ran
        .session
        .record_flow_test_case_from_run(&flow_run, "Whole run")
        .unwrap();
    assert_eq!(saved.status, CaseStatus::Updated, "{saved:?}");
    assert_eq!(saved.flow.as_deref(), Some(ran.flow.as_str()));
    assert_eq!(
        answered.load(Ordering::SeqCst),
        4,
        "the whole flow ran once more, live"
    );
    let case = read_json(
        &ran.dir
            .path()
            .join("tests")
            .join(&saved.block_id)
            .join("whole-run.json"),
    );
    assert_eq!(
        case["inputs"]["payload"]["body"],
        json!({ "base": base }),
        "the trigger's input of the recorded run"
    );
    let cassettes = case["cassettes"].as_array().unwrap();
    assert_eq!(cassettes.len(), 2, "one cassette per step: {cassettes:?}");
    for step in cassettes {
        assert_eq!(step["cassette"]["exchanges"].as_array().unwrap().len(), 1);
    }
    assert_eq!(
        case["expected"]["steps"][1]["result"],
        json!({ "first": 3, "total": 7 })
    );

    let selection = TestSelection {
        flow: Some(ran.flow.clone()),
        ..TestSelection::default()
    };
    let replayed = ran
        .session
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
        4,
        "the replay sent nothing"
    );
}

fn a_step_of_a_flow_run_becomes_a_block_case_with_its_step_results() {
    // Three requests: the flow run's two, then the step's own live run. Then the server is gone.
    let (base, answered) = orders_server(3);
    let ran = flow_run_once(&base);

    let saved = ran
        .session
        .record_test_case_from_run(ran.step_run.id, "Step of a run")
        .unwrap();
    assert_eq!(saved.status, CaseStatus::Updated, "{saved:?}");
    assert_eq!(saved.flow, None, "a block's case, not the flow's");
    assert_eq!(
        answered.load(Ordering::SeqCst),
        3,
        "only the step ran once more, live"
    );
    let case = read_json(
        &ran.dir
            .path()
            .join("tests")
            .join(&ran.step)
            .join("step-of-a-run.json"),
    );
    assert_eq!(
        case["inputs"]["input"]["codeBlockTrigger"]["results"],
        json!({ "base": base, "first": 3 }),
        "the stepResults the flow gave the step"
    );
    assert_eq!(
        case["expected"]["result"],
        json!({ "first": 3, "total": 7 })
    );

    let selection = TestSelection {
        block_id: Some(ran.step.clone()),
        ..TestSelection::default()
    };
    let replayed = ran
        .session
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
        3,
        "the replay sent nothing"
    );
}

fn a_flow_run_not_in_the_history_is_refused() {
    let (base, answered) = orders_server(2);
    let ran = flow_run_once(&base);
    let never_ran = FlowRunOf {
        flow: ran.flow.clone(),
        execution_id: "no-such-run".into(),
    };
    let missing = ran
        .session
        .record_flow_test_case_from_run(&never_ran, "Nothing")
        .unwrap_err();
    assert_eq!(missing.code(), ErrorCode::UnknownRun);
    assert!(missing.to_string().contains("no-such-run"), "{missing}");
    assert_eq!(answered.load(Ordering::SeqCst), 2, "nothing ran");

    let flow_run = ran.step_run.flow_run.clone().unwrap();
    let blank = ran
        .session
        .record_flow_test_case_from_run(&flow_run, "  ")
        .unwrap_err();
    assert_eq!(blank.code(), ErrorCode::TestCaseInvalid);
}
