//! The block's `process`: the members that would act on the host refuse with a coded error instead (Node
//! would act on them, so the differential suite cannot compare these), and the run goes on.

mod common;

use common::run_action;
use serde_json::json;

#[test]
fn members_that_would_reach_the_host_throw_a_coded_error() {
    let report = run_action("process-host-members.js");
    assert!(report.outcome.ok, "{:?}", report.outcome.error);
    let result = &report.outcome.result;
    for member in ["exit", "abort", "kill", "chdir", "binding", "dlopen"] {
        let outcome = &result["outcomes"][member];
        assert_eq!(
            outcome["name"],
            json!("Error"),
            "process.{member}: {outcome}"
        );
        assert_eq!(
            outcome["code"],
            json!("ERR_FEATURE_UNAVAILABLE_ON_PLATFORM"),
            "process.{member}"
        );
        let message = outcome["message"].as_str().unwrap_or_default();
        assert!(
            message.starts_with(&format!(
                "process.{member}() is not available in a code block: "
            )),
            "process.{member}: {message}"
        );
    }
    assert_eq!(result["env"], json!({}));
    assert_eq!(result["argv"], json!([]));
    assert_eq!(result["cwd"], json!("/"));
}
