//! `blocksmith run` as a script sees it: the real binary, its stdout line, its stderr and exit status.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use blocksmith_workspace::Workspace;
use common::assert_refused;
use serde_json::{json, Value};

/// The seed's templates, as every new workspace holds them.
fn seed_template(name: &str) -> PathBuf {
    [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "workspace",
        "templates",
        name,
    ]
    .iter()
    .collect()
}

fn fixture(name: &str) -> PathBuf {
    [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", name]
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

/// The single JSON line on stdout, after checking there is exactly one and stderr is empty.
fn line(output: &Output) -> Value {
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    assert_eq!(
        stdout.matches('\n').count(),
        1,
        "one line on stdout: {stdout:?}"
    );
    assert!(
        output.stderr.is_empty(),
        "stderr is clean: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(&stdout).expect("stdout is JSON")
}

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn the_action_template_prints_one_line_and_exits_0() {
    let output = blocksmith(&["run", path(&seed_template("code-block.js"))]);
    assert_eq!(output.status.code(), Some(0));
    let outcome = line(&output);
    assert_eq!(
        keys(&outcome),
        [
            "ok",
            "returned",
            "result",
            "response",
            "logs",
            "error",
            "durationMs"
        ]
    );
    assert_eq!(outcome["ok"], true);
    assert_eq!(outcome["returned"], json!({ "data": null }));
    assert_eq!(outcome["error"], Value::Null);
    assert!(outcome["durationMs"].as_f64().unwrap() >= 0.0);
}

#[test]
fn a_trigger_gets_its_payload_exactly_as_given() {
    let payload_file = fixture("payload.json");
    let output = blocksmith(&[
        "run",
        "--trigger",
        "--payload",
        path(&payload_file),
        path(&seed_template("code-block-trigger.js")),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let outcome = line(&output);
    let given: Value =
        serde_json::from_str(&std::fs::read_to_string(&payload_file).unwrap()).unwrap();
    // Same keys in the same order, same values: serialized forms match byte for byte.
    assert_eq!(outcome["result"].to_string(), given.to_string());
    assert_eq!(
        outcome["response"],
        json!({ "statusCode": 200, "contentType": "text/plain", "body": "hello" })
    );
}

#[test]
fn a_trigger_without_payload_gets_an_empty_webhook_request() {
    let output = blocksmith(&[
        "run",
        "--trigger",
        path(&seed_template("code-block-trigger.js")),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let payload = &line(&output)["result"];
    assert_eq!(payload["headers"], json!({}));
    assert_eq!(payload["body"]["data"], Value::Null);
    assert!(payload["executionId"]
        .as_str()
        .unwrap()
        .starts_with("local-"));
}

#[test]
fn config_vars_and_step_results_reach_an_action_unchanged() {
    let output = blocksmith(&[
        "run",
        "--config-vars",
        path(&fixture("config_vars.json")),
        "--step-results",
        path(&fixture("step_results.json")),
        path(&fixture("echo_inputs.js")),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let outcome = line(&output);
    let read = |name| -> Value {
        serde_json::from_str(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap()
    };
    assert_eq!(
        outcome["result"]["configVars"].to_string(),
        read("config_vars.json").to_string()
    );
    assert_eq!(
        outcome["result"]["stepResults"].to_string(),
        read("step_results.json").to_string()
    );
    assert_eq!(outcome["logs"][0]["level"], "info");
}

#[test]
fn a_failing_block_exits_1_with_the_error_in_its_file() {
    let output = blocksmith(&["run", path(&fixture("throws_type_error.js"))]);
    assert_eq!(output.status.code(), Some(1));
    let outcome = line(&output);
    assert_eq!(outcome["ok"], false);
    assert_eq!(outcome["error"]["name"], "TypeError");
    assert_eq!(outcome["error"]["line"], 3);
}

#[test]
fn a_time_limit_exits_3() {
    let output = blocksmith(&[
        "run",
        "--timeout-ms",
        "500",
        path(&fixture("infinite_loop.js")),
    ]);
    assert_eq!(output.status.code(), Some(3));
    let outcome = line(&output);
    assert_eq!(outcome["error"]["name"], "TimeoutError");
    assert_eq!(
        outcome["error"]["message"],
        "The block ran longer than its 500 ms time limit and was stopped."
    );
}

#[test]
fn a_memory_limit_exits_3() {
    let output = blocksmith(&[
        "run",
        "--memory-mb",
        "128",
        path(&fixture("allocates_forever.js")),
    ]);
    assert_eq!(output.status.code(), Some(3));
    let outcome = line(&output);
    assert_eq!(outcome["error"]["name"], "MemoryLimitError");
    assert_eq!(
        outcome["error"]["message"],
        "The block used more than its 128 MB memory limit and was stopped."
    );
}

#[test]
fn a_missing_block_file_is_named_on_stderr() {
    let missing = fixture("no_such_block.js");
    let output = blocksmith(&["run", path(&missing)]);
    assert_refused(&output, &["Cannot read the block file", path(&missing)]);
}

#[test]
fn invalid_json_input_is_named_on_stderr() {
    let bad = fixture("not_json.json");
    let output = blocksmith(&[
        "run",
        "--trigger",
        "--payload",
        path(&bad),
        path(&seed_template("code-block-trigger.js")),
    ]);
    assert_refused(
        &output,
        &["The payload file", path(&bad), "is not valid JSON"],
    );
}

#[test]
fn config_vars_must_be_an_object() {
    let array = fixture("array.json");
    let output = blocksmith(&[
        "run",
        "--config-vars",
        path(&array),
        path(&fixture("greet.js")),
    ]);
    assert_refused(
        &output,
        &[
            "The config variables file",
            "must hold a JSON object",
            "an array",
        ],
    );
}

#[test]
fn a_payload_for_an_action_is_a_bad_invocation() {
    let output = blocksmith(&[
        "run",
        "--payload",
        path(&fixture("payload.json")),
        path(&fixture("greet.js")),
    ]);
    assert_refused(&output, &["--trigger"]);
}

#[test]
fn a_workspace_gives_its_config_vars_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open_or_create(dir.path()).unwrap();
    workspace.set_config_var("Name", "Ada").unwrap();
    let output = blocksmith(&[
        "run",
        "--workspace",
        path(dir.path()),
        path(&fixture("greet.js")),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(line(&output)["result"], "Hello, Ada!");
}

#[test]
fn a_workspace_flow_prints_each_step() {
    let dir = tempfile::tempdir().unwrap();
    Workspace::open_or_create(dir.path()).unwrap();
    let output = blocksmith(&[
        "run",
        "--workspace",
        path(dir.path()),
        "--flow",
        "Flow 1",
        "--payload",
        path(&fixture("payload.json")),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let outcome = line(&output);
    assert_eq!(keys(&outcome), ["ok", "steps", "response"]);
    let names: Vec<&str> = outcome["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|step| step["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Code Block Trigger", "Code Block"]);
    assert_eq!(
        keys(&outcome["steps"][0]),
        ["name", "ok", "result", "logs", "error", "durationMs"]
    );
    assert_eq!(outcome["steps"][0]["result"]["z"], 1);
    assert_eq!(outcome["response"]["body"], "hello");
}

#[test]
fn an_unknown_flow_is_named_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    Workspace::open_or_create(dir.path()).unwrap();
    let output = blocksmith(&[
        "run",
        "--workspace",
        path(dir.path()),
        "--flow",
        "Nightly Sync",
    ]);
    assert_refused(&output, &["Nightly Sync"]);
}

#[test]
fn the_worker_subcommand_is_hidden_from_help() {
    let output = blocksmith(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("run"));
    assert!(!help.contains("__worker"));
}

/// The payload travels to the worker and the result back as JSON text: what is printed is still the one
/// compact line serde_json prints for those values (keys in the block's order, numbers and escapes as
/// before), and a pretty-printed payload (line breaks and all) reaches the block as given.
#[test]
fn the_line_is_compact_json_with_the_payload_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let block = dir.path().join("tricky.js");
    std::fs::write(
        &block,
        r#"module.exports = async (context, payload) => {
  const odd = { a: 1, b: undefined, c() {}, 10: "ten", 2: "two", "-1": "m", "quo\"te\n": "\u0000\u001f\t", uni: "é 日本 😀" };
  return {
    skipped: undefined,
    payload: { payload, odd, nums: [0, -0, 7, 0.1, 1 / 3, -2.5e-7, 2 ** 31, 2 ** 53 + 2, 2 ** 63, 1e21, 5e-324, NaN, -Infinity], date: new Date(0), holes: [, 1], fn: [() => 1] },
    response: { statusCode: 201, body: "made" },
  };
};
"#,
    )
    .unwrap();
    let payload = dir.path().join("payload.json");
    std::fs::write(
        &payload,
        "{\n  \"z\": 1, \"dup\": 1, \"dup\": 2,\n  \"big\": 12345678901, \"huge\": 18446744073709551615, \"neg\": -0, \"exp\": 1E2,\n  \"s\": \"a\\nb\\u00e9\\ud83d\\ude00\", \"arr\": [true, false, null, {\"__proto__\": {\"x\": 1}}]\n}\n",
    )
    .unwrap();
    let output = blocksmith(&[
        "run",
        "--trigger",
        "--payload",
        path(&payload),
        path(&block),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let outcome = line(&output);
    let printed = String::from_utf8(output.stdout.clone()).unwrap();
    assert_eq!(printed.trim_end(), outcome.to_string());
    let result = &outcome["result"];
    assert_eq!(outcome["returned"]["payload"], *result);
    assert_eq!(
        result["payload"].to_string(),
        r#"{"z":1,"dup":2,"big":12345678901,"huge":1.8446744073709552e+19,"neg":0,"exp":100,"s":"a\nbé😀","arr":[true,false,null,{"__proto__":{"x":1}}]}"#
    );
    assert_eq!(
        result["odd"].to_string(),
        r#"{"2":"two","10":"ten","a":1,"-1":"m","quo\"te\n":"\u0000\u001f\t","uni":"é 日本 😀"}"#
    );
    assert_eq!(
        result["nums"].to_string(),
        "[0,0,7,0.1,0.3333333333333333,-2.5e-7,2147483648,9007199254740994,9223372036854776000,1e+21,5e-324,null,null]"
    );
    assert_eq!(result["date"], "1970-01-01T00:00:00.000Z");
    assert_eq!(result["holes"], json!([null, 1]));
    assert_eq!(result["fn"], json!([null]));
    assert_eq!(
        outcome["response"],
        json!({ "statusCode": 201, "body": "made" })
    );
}
