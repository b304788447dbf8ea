//! Runs fixture blocks (`tests/fixtures/*.js`) through the engine.
// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

use std::path::PathBuf;

use blocksmith_engine::{run_block, BlockKind, BlockState, EngineOptions, RunReport, RunRequest};
use serde_json::{json, Value};

pub fn fixture_source(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

pub fn request(name: &str, kind: BlockKind, input: Value) -> RunRequest {
    RunRequest {
        source: fixture_source(name),
        file_name: name.to_owned(),
        kind,
        config_vars: json!({}),
        input,
        context: json!({ "stepId": "step-1", "executionId": "exec-1" }),
        state: BlockState::default(),
        debug_mode: false,
    }
}

/// Runs `source`, an action block written inline in a test, with no input.
pub fn run_inline_action(file_name: &str, source: &str) -> RunReport {
    let request = RunRequest {
        source: source.to_owned(),
        file_name: file_name.to_owned(),
        kind: BlockKind::Action,
        config_vars: json!({}),
        input: json!({}),
        context: json!({}),
        state: BlockState::default(),
        debug_mode: false,
    };
    run_block(&request, &EngineOptions::default())
}

/// What `expression` evaluates to as an inline action's `data` (as JSON); panics, naming the expression,
/// when the run fails.
pub fn evaluate_data(file_name: &str, expression: &str) -> Value {
    let source = format!("module.exports = () => ({{ data: {expression} }});\n");
    let report = run_inline_action(file_name, &source);
    assert!(
        report.outcome.ok,
        "`{expression}` failed: {:?}",
        report.outcome.error
    );
    report.outcome.result
}

pub fn run_action(name: &str) -> RunReport {
    run_block(
        &request(name, BlockKind::Action, json!({})),
        &EngineOptions::default(),
    )
}

pub fn messages(report: &RunReport) -> Vec<String> {
    report
        .outcome
        .logs
        .iter()
        .map(|line| line.message.clone())
        .collect()
}
