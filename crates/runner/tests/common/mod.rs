//! Shared by the runner's integration tests: real worker processes (the crate's `blocksmith-worker`
//! binary) and the block fixtures under `tests/fixtures/`.

#![allow(dead_code)] // Each test binary uses its own part of these helpers.

use std::path::PathBuf;

use blocksmith_engine::{BlockKind, RunRequest};
use blocksmith_runner::{fresh_state, Supervisor, SupervisorOptions, WorkerCommand};
use serde_json::{json, Value};

pub fn worker_command() -> WorkerCommand {
    WorkerCommand::new(
        env!("CARGO_BIN_EXE_blocksmith-worker"),
        Vec::<String>::new(),
    )
}

/// A supervisor with its warm worker already running.
pub fn supervisor() -> Supervisor {
    let supervisor = Supervisor::new(worker_command(), SupervisorOptions::default());
    supervisor.warm_up().expect("the worker binary starts");
    supervisor
}

pub fn fixture(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", name]
        .iter()
        .collect();
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("fixture {}: {error}", path.display()))
}

/// The seed's action template, as every new workspace holds it.
pub fn action_template() -> RunRequest {
    let source = include_str!("../../../workspace/templates/code-block.js");
    request_from(
        "code-block.js",
        source.to_owned(),
        BlockKind::Action,
        json!({}),
        json!({}),
    )
}

pub fn action(fixture_name: &str) -> RunRequest {
    request(fixture_name, BlockKind::Action, json!({}), json!({}))
}

pub fn request(
    fixture_name: &str,
    kind: BlockKind,
    input: Value,
    config_vars: Value,
) -> RunRequest {
    request_from(
        fixture_name,
        fixture(fixture_name),
        kind,
        input,
        config_vars,
    )
}

fn request_from(
    file_name: &str,
    source: String,
    kind: BlockKind,
    input: Value,
    config_vars: Value,
) -> RunRequest {
    RunRequest {
        source,
        file_name: file_name.to_owned(),
        kind,
        config_vars,
        input,
        context: json!({ "executionId": "test-execution" }),
        state: fresh_state(),
        debug_mode: false,
    }
}
