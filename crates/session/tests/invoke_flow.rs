//! `context.invokeFlow` through `Session`, with real worker processes: the invoked flow is recorded in the
//! history as the child of the block run (or the flow run's step) that invoked it, and the parent lists it; and
//! it runs with the `configVars` the session resolves for it, never the invoking run's own object.
//!
//! This test binary is its own block worker (started with `__worker`), so it has its own `main`.

mod own_main;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use blocksmith_session::{
    BlockRunRequest, FileRunRequest, FlowRunRequest, LimitOverrides, QuietHost, Session, Workers,
};
use serde_json::{json, Value};

const WORKER_ARG: &str = "__worker";

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some(WORKER_ARG) {
        return blocksmith_session::types::worker_main();
    }
    let tests: &[(&str, fn())] = &[
        (
            "a_block_run_records_the_flow_it_invoked_as_its_child",
            a_block_run_records_the_flow_it_invoked_as_its_child,
        ),
        (
            "a_flow_runs_step_is_the_parent_of_the_flow_it_invoked",
            a_flow_runs_step_is_the_parent_of_the_flow_it_invoked,
        ),
        (
            "the_invoked_flow_never_sees_the_invoking_runs_config_vars",
            the_invoked_flow_never_sees_the_invoking_runs_config_vars,
        ),
    ];
    own_main::run_tests("invoke_flow", tests)
}

fn fixture(name: &str) -> PathBuf {
    [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "invoke_flow",
        name,
    ]
    .iter()
    .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// A session in a new workspace with the flows "Caller" and "Echo" (their triggers from the fixtures).
fn session_with_flows() -> (tempfile::TempDir, Session) {
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
    for (flow, fixture_name) in [("Caller", "caller.js"), ("Echo", "echo.js")] {
        session.add_flow(flow).unwrap();
        let trigger = trigger_of(&session, flow);
        session
            .save_block(&trigger, &read(&fixture(fixture_name)))
            .unwrap();
    }
    (dir, session)
}

fn trigger_of(session: &Session, flow: &str) -> String {
    session
        .workspace_view()
        .unwrap()
        .flows
        .iter()
        .find(|view| view.name == flow)
        .unwrap()
        .trigger
        .clone()
}

fn a_block_run_records_the_flow_it_invoked_as_its_child() {
    let (_dir, session) = session_with_flows();
    let caller = trigger_of(&session, "Caller");
    let ran = session
        .run_block(BlockRunRequest {
            run_id: "run-caller".into(),
            block_id: caller.clone(),
            source: None,
            input: Some(json!({})),
            debug_mode: false,
        })
        .unwrap();
    assert!(ran.outcome.ok, "{:?}", ran.outcome.error);
    let result: Value = serde_json::from_str(ran.outcome.result.get()).unwrap();
    assert_eq!(result["body"], json!({ "asked": "echo" }));
    let invoked_by = result["invokedBy"].as_str().unwrap();
    assert!(invoked_by.starts_with("local-unsigned."), "{invoked_by}");

    let parent = &session.history(&caller).unwrap()[0];
    assert_eq!(parent.parent_run_id, None);
    let parent = session.history_entry(parent.id).unwrap();
    assert_eq!(parent.child_run_ids.len(), 1, "{parent:?}");

    let echo = trigger_of(&session, "Echo");
    let child = &session.history(&echo).unwrap()[0];
    assert_eq!(child.parent_run_id, Some(parent.id));
    assert_eq!(parent.child_run_ids, [child.id]);
    let child = session.history_entry(child.id).unwrap();
    assert_eq!(child.inputs["flow"], "Echo");
    assert_eq!(child.inputs["invokedBy"]["executionId"], "run-caller");
    assert_eq!(child.outcome["ok"], true);
    assert!(child.outcome["durationMs"].as_f64().unwrap() > 0.0);
}

fn a_flow_runs_step_is_the_parent_of_the_flow_it_invoked() {
    let (_dir, session) = session_with_flows();
    let ran = session
        .run_flow(FlowRunRequest {
            run_id: "run-flow-caller".into(),
            flow: "Caller".into(),
            payload: None,
            limits: LimitOverrides::default(),
            debug_mode: false,
        })
        .unwrap();
    assert!(ran.outcome.ok, "{:?}", ran.outcome.steps);

    // The flow run's one step (its trigger) found by the run's id, linked to the run it invoked.
    let steps = session.flow_run_history("run-flow-caller").unwrap();
    let caller = trigger_of(&session, "Caller");
    let echo = trigger_of(&session, "Echo");
    assert_eq!(steps.len(), 1, "{steps:?}");
    assert_eq!(steps[0].block_id, caller);
    assert_eq!(steps[0].invoked.len(), 1, "{steps:?}");
    let invoked = &steps[0].invoked[0];
    assert_eq!(invoked.block_id, echo);
    assert_eq!(invoked.flow.as_deref(), Some("Echo"));
    assert!(invoked.ok);

    let child = &session.history(&echo).unwrap()[0];
    assert_eq!(child.id, invoked.id);
    assert_eq!(child.parent_run_id, Some(steps[0].id));
    let invoker = child.invoked_by.as_ref().unwrap();
    assert_eq!(
        (invoker.id, invoker.block_id.as_str()),
        (steps[0].id, caller.as_str())
    );
    assert!(session.flow_run_history("no-such-run").unwrap().is_empty());
}

fn the_invoked_flow_never_sees_the_invoking_runs_config_vars() {
    let (_dir, session) = session_with_flows();
    session
        .set_config_var("App Base URL", "https://api.acme.test")
        .unwrap();
    let ran = session
        .run_file(FileRunRequest {
            run_id: "run-file".into(),
            source: read(&fixture("file_caller.js")),
            file_name: "file_caller.js".into(),
            step_name: "file_caller".into(),
            trigger: false,
            config_vars: Some(blocksmith_session::types::json_text(
                &json!({ "Invoker Only": "given to the file run alone" }),
            )),
            input: None,
            limits: LimitOverrides::default(),
            debug_mode: false,
        })
        .unwrap();
    assert!(ran.outcome.ok, "{:?}", ran.outcome.error);
    let answered: Value = serde_json::from_str(ran.outcome.result.get()).unwrap();
    // The workspace's own, resolved for the invoked run; not the invoking run's object.
    assert_eq!(answered["configVarNames"], json!(["App Base URL"]));
    assert_eq!(answered["body"], json!({ "from": "file" }));
}
