//! The run contract end to end: the CommonJS shim, context, async settling, JSON conversion, errors
//! with positions in the user's file, logs, state, and the event loop's waiting.

mod common;

use blocksmith_engine::{run_block, BlockKind, EngineOptions, FailureKind, LogLevel};
use common::{messages, request, run_action};
use serde_json::json;

#[test]
fn the_action_template_returns_null_data() {
    // The seed's template itself, as every new workspace holds it (a path relative to tests/fixtures).
    let report = run_action("../../../workspace/templates/code-block.js");
    assert!(report.outcome.ok, "{:?}", report.outcome.error);
    assert_eq!(report.outcome.returned, json!({ "data": null }));
    assert_eq!(report.outcome.result, json!(null));
    assert_eq!(report.outcome.response, json!(null));
    assert_eq!(report.failure, None);
}

#[test]
fn microtasks_run_before_timers_in_node_order() {
    let report = run_action("async-order.js");
    assert_eq!(
        report.outcome.result,
        json!(["sync", "promise", "microtask", "timeout 0", "timeout 5"])
    );
    assert_eq!(
        messages(&report),
        vec![r#"order ["sync","promise","microtask","timeout 0","timeout 5"]"#]
    );
}

/// Node's frames for the same block: `at <file>:3:53` (the anonymous callback, its location alone), `at
/// Array.map (<anonymous>)` (a built-in), `at module.exports (<file>:3:22)`. Boa names neither the built-in's receiver
/// nor the exported arrow function, so those two read `at map (<anonymous>)` and `at <file>:3:25`; no frame
/// reads Boa's `<main>` or `(native)`.
#[test]
fn stack_frames_read_as_nodes_for_anonymous_functions_and_built_ins() {
    let report = run_action("error-in-a-callback.js");
    let error = report.outcome.error.unwrap();
    assert_eq!(
        error.message,
        "Cannot read properties of undefined (reading 'id')"
    );
    let stack = error.stack.unwrap();
    let frames: Vec<&str> = stack.lines().skip(1).map(str::trim).collect();
    assert_eq!(frames.len(), 3, "{stack}");
    assert!(
        frames[0].starts_with("at ") && frames[0].ends_with(":3:53"),
        "{stack}"
    );
    assert!(
        !frames[0].contains('('),
        "an anonymous function is its location alone: {stack}"
    );
    assert_eq!(frames[1], "at map (<anonymous>)");
    assert!(
        !stack.contains("<main>") && !stack.contains("native"),
        "{stack}"
    );
}

#[test]
fn a_thrown_error_reports_name_message_and_the_users_line() {
    let report = run_action("thrown-error.js");
    assert!(!report.outcome.ok);
    assert_eq!(report.failure, Some(FailureKind::Block));
    let error = report.outcome.error.unwrap();
    assert_eq!(error.name, "TypeError");
    assert_eq!(error.line, Some(4));
    assert!(error.stack.unwrap().starts_with("TypeError: "));
}

#[test]
fn a_syntax_error_has_a_line_and_column() {
    let error = run_action("syntax-error.js").outcome.error.unwrap();
    assert_eq!(error.name, "SyntaxError");
    assert_eq!(error.line, Some(3));
    assert!(error.column.is_some());
    assert!(!error.message.contains(" at line "), "{}", error.message);
}

#[test]
fn a_promise_that_can_never_settle_is_an_error_not_a_hang() {
    let error = run_action("never-settles.js").outcome.error.unwrap();
    assert_eq!(error.name, "Error");
    assert!(error
        .message
        .starts_with("The block's promise never settled"));
}

/// CPU time this thread has used, from `/proc/thread-self/stat` (utime + stime, in clock ticks of 10 ms).
fn thread_cpu_ticks() -> u64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[test]
fn waiting_on_a_timer_uses_no_cpu() {
    let before = thread_cpu_ticks();
    let report = run_action("sleep.js");
    let used_ms = (thread_cpu_ticks() - before) * 10;
    assert_eq!(report.outcome.result, json!(true));
    assert!(report.outcome.duration_ms >= 590.0);
    assert!(used_ms < 300, "a 600 ms wait used {used_ms} ms of CPU");
}

#[test]
fn unbounded_recursion_is_a_range_error() {
    // Boa's frames are larger than Node's; give the engine room, as the runner's worker thread does.
    let report = std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(|| run_action("deep-recursion.js"))
        .unwrap()
        .join()
        .unwrap();
    let error = report.outcome.error.unwrap();
    assert_eq!(error.name, "RangeError");
    assert_eq!(error.message, "Maximum call stack size exceeded");
}

#[test]
fn state_objects_come_back_changed() {
    let mut run = request("state.js", BlockKind::Action, json!({}));
    run.state.instance_state = json!({ "count": 41 });
    let report = run_block(&run, &EngineOptions::default());
    assert_eq!(report.outcome.result, json!(42));
    assert_eq!(report.state.instance_state, json!({ "count": 42 }));
    assert_eq!(report.state.execution_state, json!({ "seen": true }));
}

#[test]
fn logs_are_limited_in_count_and_length() {
    let options = EngineOptions {
        max_log_lines: 10,
        ..EngineOptions::default()
    };
    let report = run_block(
        &request("many-logs.js", BlockKind::Action, json!({})),
        &options,
    );
    let logs = &report.outcome.logs;
    assert_eq!(logs.len(), 11);
    assert_eq!(logs[0].level, LogLevel::Debug);
    assert_eq!(logs[0].message, "line 0");
    assert!(logs[10]
        .message
        .starts_with("16 more log lines were dropped"));

    let report = run_action("many-logs.js");
    let last = report.outcome.logs.last().unwrap();
    assert_eq!(last.level, LogLevel::Info);
    assert_eq!(last.message.chars().count(), 4096);
}

#[test]
fn results_convert_exactly_as_json_stringify_does() {
    let report = run_action("json-conversion.js");
    assert_eq!(
        report.outcome.result,
        json!({
            "date": "2024-01-02T03:04:05.006Z",
            "nan": null,
            "infinite": null,
            "list": [null, null, null],
            "custom": "custom!",
            "nested": { "deep": { "deeper": [1, "two", null] } },
        })
    );
}

#[test]
fn cycles_and_bigints_fail_with_nodes_type_errors() {
    let cycle = run_action("cycle.js").outcome.error.unwrap();
    assert_eq!(cycle.name, "TypeError");
    assert!(cycle
        .message
        .starts_with("Converting circular structure to JSON"));
    let bigint = run_action("bigint.js").outcome.error.unwrap();
    assert_eq!(bigint.name, "TypeError");
    assert_eq!(bigint.message, "Do not know how to serialize a BigInt");
}

#[test]
fn a_trigger_returns_its_payload_and_response() {
    let payload = json!({ "body": { "data": "hi" }, "headers": { "a": "b" } });
    let report = run_block(
        &request("trigger-response.js", BlockKind::Trigger, payload.clone()),
        &EngineOptions::default(),
    );
    assert_eq!(report.outcome.result, payload);
    assert_eq!(
        report.outcome.response,
        json!({ "statusCode": 200, "contentType": "text/plain", "body": "hello" })
    );
}

#[test]
fn context_carries_members_config_vars_and_logger() {
    let mut run = request(
        "context-members.js",
        BlockKind::Action,
        json!({ "prev": { "results": [1] } }),
    );
    run.config_vars = json!({
        "App Base URL": "https://example.com",
        "conn": { "key": "authorizationcode", "fields": {}, "token": { "access_token": "t0k" } },
    });
    let report = run_block(&run, &EngineOptions::default());
    assert_eq!(
        report.outcome.result,
        json!({
            "stepId": "step-1",
            "executionId": "exec-1",
            "token": "t0k",
            "baseUrl": "https://example.com",
            "input": { "prev": { "results": [1] } },
            "loggerMethods": ["debug", "error", "info", "log", "metric", "trace", "warn"],
        })
    );
}

#[test]
fn a_thrown_non_error_is_reported_as_an_error_named_error() {
    let error = run_action("rejects-with-string.js").outcome.error.unwrap();
    assert_eq!(
        (error.name.as_str(), error.message.as_str()),
        ("Error", "plain string")
    );
    assert_eq!(error.line, None);
}

#[test]
fn an_error_thrown_in_a_timer_fails_the_run() {
    let error = run_action("timer-throws.js").outcome.error.unwrap();
    assert_eq!(
        (error.name.as_str(), error.message.as_str()),
        ("RangeError", "from a timer")
    );
    assert_eq!(error.line, Some(4));
}

#[test]
fn intervals_repeat_until_cleared() {
    assert_eq!(run_action("interval.js").outcome.result, json!(3));
}

#[test]
fn exporting_something_other_than_a_function_is_a_type_error() {
    let error = run_action("not-a-function.js").outcome.error.unwrap();
    assert_eq!(error.name, "TypeError");
    assert!(error.message.contains("module.exports must be a function"));
}

/// Runs `deep-output.js` leaving a value `depth` levels deep `into` the returned value, a state or a log line.
fn deep_output(depth: usize, into: &str, exotic: bool) -> blocksmith_engine::RunReport {
    let input = json!({ "depth": depth, "into": into, "exotic": exotic });
    let mut run = request("deep-output.js", BlockKind::Action, input);
    run.state.instance_state = json!({ "before": "this run" });
    run_block(&run, &EngineOptions::default())
}

#[test]
fn a_returned_value_at_the_nesting_limit_is_kept_and_one_level_deeper_is_refused() {
    use blocksmith_engine::{json_depth, MAX_JSON_DEPTH};
    for exotic in [false, true] {
        let kept = deep_output(MAX_JSON_DEPTH, "returned", exotic);
        assert!(kept.outcome.ok, "{:?}", kept.outcome.error);
        assert_eq!(json_depth(&kept.outcome.result), MAX_JSON_DEPTH - 1);

        let refused = deep_output(MAX_JSON_DEPTH + 1, "returned", exotic);
        assert!(!refused.outcome.ok);
        assert_eq!(refused.failure, Some(FailureKind::Limit));
        assert_eq!(refused.outcome.result, json!(null));
        let error = refused.outcome.error.unwrap();
        assert_eq!(error.name, "NestingLimitError");
        assert!(
            error.message.starts_with(
                "The value the block returned is nested more than 100 levels deep (under \"data\")"
            ),
            "{}",
            error.message
        );
    }
}

#[test]
fn a_returned_value_thousands_of_levels_deep_is_refused_without_overflowing_the_stack() {
    // The test thread's stack is small: walking 10,000 levels natively would overflow it.
    for exotic in [false, true] {
        let refused = deep_output(10_000, "returned", exotic);
        assert_eq!(refused.failure, Some(FailureKind::Limit));
        assert_eq!(refused.outcome.error.unwrap().name, "NestingLimitError");
    }
}

#[test]
fn a_state_nested_too_deeply_is_refused_and_the_state_from_before_is_kept() {
    let kept = deep_output(100, "instanceState", false);
    assert!(kept.outcome.ok, "{:?}", kept.outcome.error);
    assert_eq!(
        blocksmith_engine::json_depth(&kept.state.instance_state),
        100
    );

    for depth in [101, 10_000] {
        let refused = deep_output(depth, "instanceState", false);
        assert!(!refused.outcome.ok);
        assert_eq!(refused.failure, Some(FailureKind::Limit));
        assert_eq!(
            refused.state.instance_state,
            json!({ "before": "this run" })
        );
        let error = refused.outcome.error.unwrap();
        assert_eq!(error.name, "NestingLimitError");
        assert!(
            error
                .message
                .starts_with("instanceState is nested more than 100 levels deep (under \"kept\")"),
            "{}",
            error.message
        );
        assert!(error
            .message
            .contains("The instanceState from before this run is kept"));
    }
}

#[test]
fn a_logged_value_nested_too_deeply_is_named_in_its_place() {
    let logged = deep_output(100, "log", false);
    assert!(messages(&logged)[0].starts_with("deep: {\"level\":{\"level\":"));
    for depth in [101, 10_000] {
        let refused = deep_output(depth, "log", false);
        assert!(refused.outcome.ok, "{:?}", refused.outcome.error);
        assert_eq!(
            messages(&refused),
            ["deep: [not logged: a value nested more than 100 levels deep (under \"level\"); Blocksmith logs \
              at most 100 levels of objects and arrays] end"]
        );
    }
}

#[test]
fn logs_are_capped_in_size_as_well_as_in_lines() {
    let mut run = request("many-logs.js", BlockKind::Action, json!({}));
    run.source = "module.exports = async ({ logger }) => { for (let i = 0; i < 100; i++) \
                  logger.info('x'.repeat(1000)); return { data: 1 }; };"
        .into();
    let options = EngineOptions {
        max_log_bytes: 10_500,
        ..EngineOptions::default()
    };
    let logs = run_block(&run, &options).outcome.logs;
    assert_eq!(logs.len(), 11);
    assert_eq!(
        logs[10].message,
        "90 more log lines were dropped: a run keeps at most 10000 lines and 10500 bytes of logs."
    );
}
