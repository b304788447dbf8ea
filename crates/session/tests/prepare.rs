//! Turning workspace blocks and flows into run requests, and keeping what runs leave behind.

use std::time::{Duration, UNIX_EPOCH};

use blocksmith_engine::{BlockKind, JsonRunReport, RunOutcome, RunReport};
use blocksmith_session::{
    prepare_block_run, prepare_flow_run, record_block_run, Redactor, RunClock,
};
use blocksmith_workspace::history::RunHistory;
use blocksmith_workspace::Workspace;
use serde_json::json;

fn clock() -> RunClock {
    RunClock {
        now: UNIX_EPOCH + Duration::from_secs(1_700_000_000),
        execution_id: "exec-1".into(),
    }
}

#[test]
fn a_block_run_carries_the_workspace_context_state_and_limits() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open_or_create(dir.path()).unwrap();
    let flow = ws.manifest().flows[0].clone();
    let step = flow.steps[0].clone();
    ws.set_block_timeout(&step, Some(1_500)).unwrap();
    ws.save_sample(&step, &json!({ "codeBlockTrigger": { "results": 1 } }))
        .unwrap();

    let run = prepare_block_run(&ws, &step, None, None, json!({ "A": "1" }), &clock()).unwrap();
    assert_eq!(run.flow, flow.name);
    assert_eq!(run.request.kind, BlockKind::Action);
    assert_eq!(run.request.source, ws.read_block_source(&step).unwrap());
    assert_eq!(
        run.request.input,
        json!({ "codeBlockTrigger": { "results": 1 } })
    );
    assert_eq!(run.request.config_vars, json!({ "A": "1" }));
    assert_eq!(run.request.context["executionId"], "exec-1");
    assert_eq!(run.request.context["stepId"], "codeBlock");
    assert_eq!(run.limits.time_limit, Duration::from_millis(1_500));
    assert_eq!(run.started_at_ms, 1_700_000_000_000);
}

#[test]
fn a_trigger_payload_is_completed_with_the_platform_fields() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open_or_create(dir.path()).unwrap();
    let trigger = ws.manifest().flows[0].trigger.clone();
    let given = json!({ "body": { "data": { "x": 1 }, "contentType": "application/json" } });
    let run = prepare_block_run(
        &ws,
        &trigger,
        Some("module.exports = p => p;".into()),
        Some(given),
        json!({}),
        &clock(),
    )
    .unwrap();
    assert_eq!(run.request.source, "module.exports = p => p;");
    assert_eq!(run.request.input["body"]["data"], json!({ "x": 1 }));
    assert_eq!(run.request.input["executionId"], "exec-1");
    assert!(run.request.input["webhookUrls"].is_object());
}

#[test]
fn recording_a_run_persists_instance_state_and_redacted_history() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open_or_create(dir.path()).unwrap();
    let step = ws.manifest().flows[0].steps[0].clone();
    let run = prepare_block_run(&ws, &step, None, None, json!({}), &clock()).unwrap();
    let mut state = run.request.state.clone();
    state.instance_state = json!({ "seen": 2 });
    let report = RunReport {
        outcome: RunOutcome {
            ok: true,
            returned: json!({ "data": "hunter2" }),
            result: json!("hunter2"),
            response: json!(null),
            logs: vec![],
            error: None,
            duration_ms: 1.0,
            debug_results: None,
        },
        state,
        failure: None,
    };
    let history = RunHistory::open(ws.root()).unwrap();
    record_block_run(
        &ws,
        &history,
        &run,
        &JsonRunReport::from(&report),
        &Redactor::new(["hunter2"]).unwrap(),
    )
    .unwrap();

    let again = prepare_block_run(&ws, &step, None, None, json!({}), &clock()).unwrap();
    assert_eq!(again.request.state.instance_state, json!({ "seen": 2 }));
    let entries = history.list(&step).unwrap();
    assert_eq!(entries.len(), 1);
    let entry = history.get(entries[0].id).unwrap().unwrap();
    assert!(
        !entry.outcome.to_string().contains("hunter2"),
        "{}",
        entry.outcome
    );
}

#[test]
fn a_flow_run_has_the_trigger_then_the_steps_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open_or_create(dir.path()).unwrap();
    let flow = ws.manifest().flows[0].name.clone();
    ws.add_step(&flow, "Second").unwrap();
    let run = prepare_flow_run(&ws, &flow, None, json!({}), &clock()).unwrap();
    assert_eq!(run.trigger.name, "Code Block Trigger");
    let names: Vec<_> = run.steps.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Code Block", "Second"]);
    assert!(run.payload["headers"].is_object());
    assert_eq!(run.context["flow"]["name"], flow);
}
