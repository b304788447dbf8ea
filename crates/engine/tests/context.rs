//! The `context` the engine builds from the one definition of its members (`blocksmith_context`): every member
//! the engine makes is there whatever the request carries, the request's members come in the definition's order,
//! `components` says why it is empty, and `debug` records only in debug mode.

mod common;

use std::sync::Arc;

use blocksmith_context::{Provider, CONTEXT_MEMBERS};
use blocksmith_engine::{run_block, BlockKind, EngineOptions, MemoryProbe, MemorySample};
use common::request;
use serde_json::{json, Value};

const MB: u64 = 1024 * 1024;

fn result_of(name: &str, debug_mode: bool, options: &EngineOptions) -> (Value, Option<Value>) {
    let mut run = request(name, BlockKind::Action, json!({}));
    run.debug_mode = debug_mode;
    let report = run_block(&run, options);
    assert!(report.outcome.ok, "{:?}", report.outcome.error);
    (report.outcome.result, report.outcome.debug_results)
}

#[test]
fn the_context_has_the_defined_members_in_order_then_the_request_s_extras() {
    let mut run = request("context-keys.js", BlockKind::Action, json!({}));
    // Out of order, with one member the definition does not have (execution settings may add some).
    run.context = json!({ "extra": 1, "executionId": "exec-1", "stepId": "step-1" });
    let report = run_block(&run, &EngineOptions::default());
    let expected: Vec<&str> = CONTEXT_MEMBERS
        .iter()
        .filter(|member| {
            member.provider != Provider::RunValue
                || ["executionId", "stepId"].contains(&member.name)
        })
        .map(|member| member.name)
        .chain(["extra"])
        .collect();
    assert_eq!(report.outcome.result, json!(expected));
}

#[test]
fn components_is_empty_and_reaching_into_it_says_why() {
    let (result, _) = result_of("context-components.js", false, &EngineOptions::default());
    assert_eq!(
        result["error"],
        "TypeError: context.components has no component \"slack\": a code step has no component registry. \
         Call the service's API with fetch, or use the component's action as a step of its own in the flow."
    );
    assert_eq!(result["keys"], json!([]));
    assert_eq!(result["json"], "{}");
    assert_eq!(result["has"], false);
    assert_eq!(result["awaitedKeys"], json!([]));
    assert_eq!(result["text"], "[object Object]");
}

#[test]
fn without_debug_mode_the_helpers_record_nothing() {
    let (result, debug_results) = result_of("context-debug.js", false, &EngineOptions::default());
    assert_eq!(result["enabled"], false);
    assert_eq!(result["memoryError"], Value::Null);
    assert_eq!(
        result["results"],
        json!({ "timeElapsed": { "marks": {}, "measurements": {} }, "memoryUsage": [], "allowedMemory": null })
    );
    assert_eq!(debug_results, None, "no debugResults outside debug mode");
}

#[test]
fn in_debug_mode_marks_measure_on_the_run_clock_and_memory_is_reported_in_mb() {
    let options = EngineOptions {
        memory_limit_mb: Some(64),
        memory_probe: Some(MemoryProbe(Arc::new(|| MemorySample {
            rss: 48 * MB,
            heap_total: 24 * MB,
            heap_used: 12 * MB,
        }))),
        ..EngineOptions::default()
    };
    let (result, debug_results) = result_of("context-debug.js", true, &options);
    assert_eq!(result["enabled"], true);
    let results = &result["results"];
    assert_eq!(
        debug_results.as_ref(),
        Some(results),
        "the outcome carries the results"
    );
    let start = results["timeElapsed"]["marks"]["start"].as_f64().unwrap();
    let end = results["timeElapsed"]["marks"]["end"].as_f64().unwrap();
    assert!(start >= 0.0 && end >= start, "{start} → {end}");
    let measured = &results["timeElapsed"]["measurements"]["loop"];
    assert_eq!(measured["marks"], json!({ "start": "start", "end": "end" }));
    // serde_json reads floats to within an ulp, not always to the same double.
    let duration = measured["duration"].as_f64().unwrap();
    assert!(
        (duration - (end - start)).abs() < 1e-9,
        "{duration} vs {end} - {start}"
    );
    // As on the platform, a measurement between marks that were never set is NaN, which JSON writes as null.
    assert_eq!(
        results["timeElapsed"]["measurements"]["unknown"]["duration"],
        Value::Null
    );
    assert_eq!(results["allowedMemory"], 64);
    assert_eq!(
        results["memoryUsage"],
        json!([
            {
                "mark": "after loop",
                "rss": 48,
                "detail": { "rss": 48, "heapTotal": 24, "heapUsed": 12, "external": 0, "arrayBuffers": 0 }
            },
            { "mark": "plain", "rss": 48 }
        ])
    );
}

#[test]
fn memory_usage_outside_a_worker_says_where_it_works() {
    let (result, _) = result_of("context-debug.js", true, &EngineOptions::default());
    assert_eq!(
        result["memoryError"],
        "memory is measured only in a worker process: run the block with `blocksmith run` or in the app"
    );
}

#[test]
fn the_function_members_have_the_shape_and_errors_of_their_javascript() {
    let (result, _) = result_of("context-code-shapes.js", true, &EngineOptions::default());
    let arrow =
        |name: &str, length: u32| json!({ "name": name, "length": length, "hasPrototype": false });
    assert_eq!(result["mark"], arrow("mark", 2));
    assert_eq!(result["measure"], arrow("measure", 3));
    assert_eq!(result["memoryUsage"], arrow("memoryUsage", 3));
    assert_eq!(result["invokeFlow"], arrow("invokeFlow", 4));
    assert!(
        result["newMark"]
            .as_str()
            .unwrap()
            .starts_with("TypeError: "),
        "{}",
        result["newMark"]
    );
    assert_eq!(
        result["markOnNothing"],
        "TypeError: Cannot read properties of undefined (reading 'debug')"
    );
    assert_eq!(
        result["markOnNull"],
        "TypeError: Cannot set properties of null (setting 'x')"
    );
    assert_eq!(
        result["measureOnNothing"],
        "TypeError: Cannot read properties of undefined (reading 'end')"
    );
    assert_eq!(result["markOnOther"], json!(["elsewhere"]));
    assert_eq!(result["invokeFlowIsPromise"], true);
    assert_eq!(
        result["rejected"],
        "TypeError: context.invokeFlow needs the name of a flow of this workspace as its first argument."
    );
}
