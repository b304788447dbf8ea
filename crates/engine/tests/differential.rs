//! The differential suite (`tests/differential/` at the repository root) driven through `run_block`
//! directly: each block runs on the engine and on Node's reference harness, and the outcomes must agree
//! on the same fields `differential.test.mjs` compares through the CLI, minus the allow-listed ones.
//! Needs `node` on the PATH (the project needs it for the UI anyway).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use blocksmith_engine::{run_block, BlockKind, BlockState, EngineOptions, RunRequest};
use serde_json::{json, Value};

const COMPARED: [&str; 8] = [
    "ok",
    "returned",
    "result",
    "response",
    "logs",
    "error.name",
    "error.message",
    "error.line",
];

fn suite_dir() -> PathBuf {
    // Canonical, so a crate reached through a symbolic link still finds the repository's folder.
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"))
        .canonicalize()
        .unwrap();
    manifest.join("../../tests/differential")
}

/// The fetch blocks' server (`server.mjs`), stopped when dropped.
struct TestServer {
    child: Child,
    url: String,
}

impl TestServer {
    fn start() -> Self {
        let mut child = Command::new("node")
            .arg(suite_dir().join("server.mjs"))
            .stdout(Stdio::piped())
            .spawn()
            .expect("node must be on the PATH to run the differential suite");
        let mut url = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut url)
            .unwrap();
        Self {
            child,
            url: url.trim().to_owned(),
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn field<'a>(outcome: &'a Value, path: &str) -> &'a Value {
    path.split('.')
        .fold(outcome, |value, key| value.get(key).unwrap_or(&Value::Null))
}

fn compare_block(
    block: &Path,
    server: &TestServer,
    allowed: &[Value],
    scratch: &Path,
) -> Vec<String> {
    let name = block.file_name().unwrap().to_string_lossy().into_owned();
    let sidecar = block.with_extension("json");
    let spec: Value = match std::fs::read_to_string(&sidecar) {
        Ok(text) => serde_json::from_str(&text.replace("${SERVER}", &server.url)).unwrap(),
        Err(_) => json!({}),
    };
    let trigger = spec["trigger"].as_bool().unwrap_or(false);
    let mut node_args = vec![
        suite_dir().join("reference.mjs").display().to_string(),
        block.display().to_string(),
    ];
    if trigger {
        node_args.push("--trigger".into());
    }
    for (key, flag) in [
        ("configVars", "--config-vars"),
        ("stepResults", "--step-results"),
        ("payload", "--payload"),
    ] {
        if !spec[key].is_null() {
            let file = scratch.join(format!("{name}.{key}.json"));
            std::fs::write(&file, spec[key].to_string()).unwrap();
            node_args.extend([flag.to_owned(), file.display().to_string()]);
        }
    }
    let node = Command::new("node")
        .args(&node_args)
        .output()
        .expect("node runs");
    let expected: Value = serde_json::from_slice(&node.stdout).unwrap_or_else(|_| {
        panic!(
            "{name}: the Node harness printed no JSON: {}",
            String::from_utf8_lossy(&node.stderr)
        )
    });

    let request = RunRequest {
        source: std::fs::read_to_string(block).unwrap(),
        file_name: name.clone(),
        kind: if trigger {
            BlockKind::Trigger
        } else {
            BlockKind::Action
        },
        config_vars: if spec["configVars"].is_null() {
            json!({})
        } else {
            spec["configVars"].clone()
        },
        input: spec[if trigger { "payload" } else { "stepResults" }].clone(),
        context: json!({ "stepId": "step", "executionId": "execution" }),
        state: BlockState::default(),
        debug_mode: false,
    };
    let request = RunRequest {
        input: if request.input.is_null() {
            json!({})
        } else {
            request.input
        },
        ..request
    };
    let report = std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(move || run_block(&request, &EngineOptions::default()))
        .unwrap()
        .join()
        .unwrap();
    let ours = serde_json::to_value(&report.outcome).unwrap();

    COMPARED
        .iter()
        .filter(|path| {
            !allowed
                .iter()
                .any(|entry| entry["block"] == name.as_str() && entry["field"] == **path)
        })
        .filter(|path| field(&ours, path) != field(&expected, path))
        .map(|path| {
            format!(
                "{name}: {path}\n  boa:  {}\n  node: {}",
                field(&ours, path),
                field(&expected, path)
            )
        })
        .collect()
}

#[test]
fn every_block_behaves_as_on_node() {
    let allowlist: Value =
        serde_json::from_str(&std::fs::read_to_string(suite_dir().join("allowlist.json")).unwrap())
            .unwrap();
    let allowed = allowlist["allowed"].as_array().unwrap().clone();
    let mut blocks: Vec<PathBuf> = std::fs::read_dir(suite_dir().join("blocks"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "js"))
        .collect();
    blocks.sort();
    assert!(
        blocks.len() >= 40,
        "the suite needs at least 40 blocks, it has {}",
        blocks.len()
    );
    let only = std::env::var("DIFFERENTIAL_BLOCK").ok();
    let server = TestServer::start();
    let scratch = tempfile::tempdir().unwrap();
    let differences: Vec<String> = blocks
        .iter()
        .filter(|block| only.as_deref().is_none_or(|name| block.ends_with(name)))
        .flat_map(|block| compare_block(block, &server, &allowed, scratch.path()))
        .collect();
    assert!(
        differences.is_empty(),
        "{} differences from Node:\n{}",
        differences.len(),
        differences.join("\n")
    );
}
