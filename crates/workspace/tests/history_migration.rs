//! A run history written by an older Blocksmith (schema version 1, before flow runs and webhook calls were kept)
//! opens with this version: its runs read as before, as a block's own runs, and new runs of every origin are kept
//! beside them.

use std::fs;

use blocksmith_secrets::Redactor;
use blocksmith_workspace::history::{FlowRunOf, NewRun, RunHistory, RunOrigin, HISTORY_FILE};
use serde_json::json;

const VERSION_1_HISTORY: &str = include_str!("fixtures/history-v1.sql");

fn user_version(path: &std::path::Path) -> i64 {
    rusqlite::Connection::open(path)
        .unwrap()
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap()
}

#[test]
fn a_version_1_history_stays_readable_and_takes_flow_and_webhook_runs() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join(HISTORY_FILE);
    fs::create_dir_all(database.parent().unwrap()).unwrap();
    rusqlite::Connection::open(&database)
        .unwrap()
        .execute_batch(VERSION_1_HISTORY)
        .unwrap();
    assert_eq!(user_version(&database), 1);

    let history = RunHistory::open(dir.path()).unwrap();
    let listed = history.list("code-block-2").unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(
        listed[0].error.as_deref(),
        Some("TypeError: x is not a function")
    );
    assert!(listed
        .iter()
        .all(|run| run.origin == RunOrigin::Block && run.flow_run.is_none()));
    let older = history.get(listed[1].id).unwrap().unwrap();
    assert_eq!(
        older.inputs["source"],
        "module.exports = async () => ({ data: 1 });"
    );
    assert_eq!(older.outcome["logs"][0]["message"], "one");

    let webhook_step = NewRun {
        block_id: "code-block-2".into(),
        started_at_ms: 1_764_770_010_000,
        inputs: json!({ "kind": "action", "input": { "codeBlockTrigger": { "results": 1 } }, "source": "x" }),
        outcome: json!({ "ok": true, "result": 2, "logs": [], "error": null, "durationMs": 1 })
            .into(),
        origin: RunOrigin::Webhook,
        flow_run: Some(FlowRunOf {
            flow: "Flow 1".into(),
            execution_id: "webhook-1".into(),
        }),
        parent_run_id: None,
    };
    let id = history.record(&webhook_step, &Redactor::none()).unwrap();
    drop(history);

    // Opened again (as the next start of the app does), nothing is migrated twice and every run is there.
    let history = RunHistory::open(dir.path()).unwrap();
    assert_eq!(user_version(&database), 3);
    let listed = history.list("code-block-2").unwrap();
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[0].id, id);
    assert_eq!(listed[0].origin, RunOrigin::Webhook);
    assert_eq!(listed[0].flow_run, webhook_step.flow_run);
    let entry = history.get(id).unwrap().unwrap();
    assert_eq!(entry.inputs, webhook_step.inputs);
    assert_eq!(entry.flow_run, webhook_step.flow_run);
}
