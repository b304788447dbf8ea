//! `context.invokeFlow` through the real `blocksmith` binary: a flow invokes another flow of its workspace and
//! gets the answer the local webhook listener would give; the invoked run lands in the history naming its
//! invoker; a cycle and too deep a chain fail with the chain of flow names; an unknown flow lists the flows; a
//! recorded test case of an invoking flow replays the invoked flow too.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use blocksmith_workspace::history::RunHistory;
use blocksmith_workspace::Workspace;
use serde_json::{json, Value};

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

fn blocksmith(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_blocksmith"))
        .args(args)
        .output()
        .expect("the blocksmith binary runs")
}

fn path(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// The JSON line on stdout.
fn line(output: &Output) -> Value {
    let stdout = common::text(&output.stdout);
    serde_json::from_str(stdout.trim_end()).unwrap_or_else(|error| {
        panic!(
            "stdout is one JSON line ({error}): {stdout:?}; stderr: {}",
            common::text(&output.stderr)
        )
    })
}

/// A workspace holding, besides its first flow, one flow per `(name, trigger fixture)`.
fn workspace_with(flows: &[(&str, &str)]) -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open_or_create(dir.path()).unwrap();
    for (name, trigger) in flows {
        workspace.add_flow(name).unwrap();
        let trigger_id = workspace.manifest().flow(name).unwrap().trigger.clone();
        let source = std::fs::read_to_string(fixture(trigger)).unwrap();
        workspace.save_block_source(&trigger_id, &source).unwrap();
    }
    (dir, workspace)
}

#[test]
fn a_flow_invokes_a_flow_and_gets_what_its_webhook_would_answer() {
    let (dir, workspace) = workspace_with(&[("Orders", "orders.js"), ("Caller", "caller.js")]);
    let output = blocksmith(&["run", "--workspace", path(dir.path()), "--flow", "Caller"]);
    let outcome = line(&output);
    assert_eq!(output.status.code(), Some(0), "{outcome}");
    let answer = &outcome["steps"][0]["result"];
    assert_eq!(answer["status"], 201);
    assert_eq!(answer["statusText"], "Created");
    assert_eq!(
        answer["data"],
        json!({ "received": { "id": 7 }, "source": "caller", "invoked": true })
    );
    let headers = &answer["headers"];
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["x-order"], "7");
    assert_eq!(headers["connection"], "close");
    let body_length = serde_json::to_string(&answer["data"]).unwrap().len();
    assert_eq!(headers["content-length"], body_length.to_string());
    assert!(
        headers["date"].as_str().unwrap().ends_with(" GMT"),
        "{headers}"
    );

    // The invoked run is in the history, under the invoked flow's trigger, naming the run that invoked it.
    let orders_trigger = &workspace.manifest().flow("Orders").unwrap().trigger;
    let history = RunHistory::open(dir.path()).unwrap();
    let runs = history.list(orders_trigger).unwrap();
    assert_eq!(runs.len(), 1, "{runs:?}");
    assert!(runs[0].ok);
    let entry = history.get(runs[0].id).unwrap().unwrap();
    assert_eq!(entry.inputs["kind"], "flow");
    assert_eq!(entry.inputs["flow"], "Orders");
    assert_eq!(entry.inputs["payload"]["body"]["data"], json!({ "id": 7 }));
    assert_eq!(entry.inputs["invokedBy"]["flow"], "Caller");
    assert!(entry.inputs["invokedBy"]["executionId"]
        .as_str()
        .unwrap()
        .starts_with("local-"));
    assert_eq!(entry.outcome["response"]["statusCode"], 201);
}

#[test]
fn a_cycle_fails_with_the_chain_of_flow_names() {
    let (dir, _) = workspace_with(&[("Ping", "ping.js"), ("Pong", "pong.js")]);
    let output = blocksmith(&["run", "--workspace", path(dir.path()), "--flow", "Ping"]);
    assert_eq!(output.status.code(), Some(1));
    let error = &line(&output)["steps"][0]["error"];
    // Pong's refusal (not caught there) fails Pong, whose 500 answer rejects Ping's call as Axios would.
    assert_eq!(error["name"], "AxiosError");
    let message = error["message"].as_str().unwrap();
    assert!(
        message.starts_with("Request failed with status code 500")
            && message.contains("InvokeFlowError")
            && message.contains(
                r#"the flow "Ping" is already running in this chain (Ping → Pong → Ping)"#
            ),
        "{message}"
    );
}

#[test]
fn a_chain_deeper_than_ten_invoked_flows_is_refused_with_the_chain() {
    let names: Vec<String> = (0..=11).map(|n| format!("Chain {n}")).collect();
    let flows: Vec<(&str, &str)> = names
        .iter()
        .map(|name| (name.as_str(), "chain.js"))
        .collect();
    let (dir, _) = workspace_with(&flows);
    let output = blocksmith(&["run", "--workspace", path(dir.path()), "--flow", "Chain 0"]);
    let outcome = line(&output);
    assert_eq!(output.status.code(), Some(0), "{outcome}");
    // "Chain 10", the tenth invoked flow, could not invoke an eleventh; the refusal came back up the chain.
    let answer = &outcome["steps"][0]["result"];
    assert_eq!(answer["code"], "ERR_BLOCKSMITH_FLOW_DEPTH");
    let chain = names.join(" → ");
    let message = answer["message"].as_str().unwrap();
    assert!(
        message.contains(r#"invoking "Chain 11" would nest more than 10 invoked flows"#)
            && message.contains(&chain),
        "{message}"
    );
}

#[test]
fn an_unknown_flow_is_refused_naming_the_workspaces_flows() {
    let (dir, _) = workspace_with(&[("Orders", "orders.js")]);
    let output = blocksmith(&[
        "run",
        "--workspace",
        path(dir.path()),
        path(&fixture("unknown.js")),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let error = &line(&output)["error"];
    assert_eq!(error["name"], "InvokeFlowError");
    assert_eq!(
        error["message"],
        r#"context.invokeFlow: there is no flow named "Nightly Sync" in this workspace. Its flows are "Flow 1", "Orders"."#
    );
}

#[test]
fn a_block_file_without_a_workspace_is_told_invoke_flow_needs_one() {
    let output = blocksmith(&["run", path(&fixture("unknown.js"))]);
    assert_eq!(output.status.code(), Some(1));
    let error = &line(&output)["error"];
    assert_eq!(error["name"], "InvokeFlowError");
    let message = error["message"].as_str().unwrap();
    assert!(
        message.contains("no workspace") && message.contains("--workspace"),
        "{message}"
    );
}

#[test]
fn a_flow_case_that_invokes_a_flow_replays_it_and_fails_when_the_invoked_flow_changes() {
    let (dir, workspace) = workspace_with(&[("Orders", "orders.js"), ("Caller", "caller.js")]);
    let ws = path(dir.path());
    let added = blocksmith(&[
        "test",
        "add",
        "--workspace",
        ws,
        "--flow",
        "Caller",
        "--name",
        "Order 7",
    ]);
    assert_eq!(
        added.status.code(),
        Some(0),
        "{}",
        common::text(&added.stderr)
    );

    // A second later, the invoked flow's answer still carries the recorded `Date`: the case's clock is frozen.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let replayed = blocksmith(&["test", "--workspace", ws, "--flow", "Caller", "--json"]);
    let report = line(&replayed);
    assert_eq!(replayed.status.code(), Some(0), "{report}");
    assert_eq!(report["cases"][0]["status"], "passed", "{report}");

    // The invoked flow answers differently now: the case that recorded its answer fails.
    let orders_trigger = workspace.manifest().flow("Orders").unwrap().trigger.clone();
    let changed = std::fs::read_to_string(fixture("orders.js"))
        .unwrap()
        .replace("statusCode: 201", "statusCode: 200");
    workspace
        .save_block_source(&orders_trigger, &changed)
        .unwrap();
    let failed = blocksmith(&["test", "--workspace", ws, "--flow", "Caller"]);
    let lines = common::text(&failed.stdout);
    assert_eq!(failed.status.code(), Some(1), "{lines}");
    assert!(lines.contains("status: expected 201, got 200"), "{lines}");
}
