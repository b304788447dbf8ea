//! `require` beyond what the differential suite can compare with Node: the modules Blocksmith refuses,
//! which Node would load. (That a block requiring nothing loads nothing is tested in `src/node/mod.rs`.)

mod common;

use common::run_action;
use serde_json::json;

#[test]
fn modules_a_block_has_no_use_for_say_what_to_use_instead() {
    let report = run_action("require-unavailable.js");
    assert!(report.outcome.ok, "{:?}", report.outcome.error);
    let outcome = &report.outcome.result;
    for name in ["fs", "node:http", "child_process", "net", "worker_threads"] {
        assert_eq!(outcome[name]["name"], json!("Error"), "{name}");
        assert_eq!(
            outcome[name]["code"],
            json!("ERR_BLOCKSMITH_MODULE_UNAVAILABLE"),
            "{name}"
        );
        let message = outcome[name]["message"].as_str().unwrap();
        assert!(
            message.starts_with(&format!(
                "The module '{name}' is not available in Blocksmith: "
            )),
            "{message}"
        );
    }
    assert!(outcome["node:http"]["message"]
        .as_str()
        .unwrap()
        .contains("use `fetch`"));
    assert!(outcome["fs"]["message"].as_str().unwrap().contains("files"));
}
