//! Whole flows through real workers: `stepResults` under camelCased names, state shared along the flow,
//! the trigger's response, and the stop at the first failure.

mod common;

use blocksmith_engine::BlockKind;
use blocksmith_engine::FailureKind;
use blocksmith_runner::{
    default_context, fresh_state, run_flow, FlowBlock, FlowRun, RunIdentity, RunLimits,
};
use serde_json::json;

fn block(name: &str, fixture: &str) -> FlowBlock {
    FlowBlock {
        name: name.to_owned(),
        block_id: String::new(),
        file_name: fixture.to_owned(),
        source: common::fixture(fixture),
        limits: RunLimits::default(),
    }
}

fn order_flow(steps: Vec<FlowBlock>) -> FlowRun {
    FlowRun {
        trigger: block("Order Webhook", "order_webhook.js"),
        steps,
        payload: json!({ "body": { "data": { "id": "A-17" } } }),
        config_vars: json!({}),
        context: json!({ "executionId": "flow-test" }),
        state: fresh_state(),
        debug_mode: false,
    }
}

#[test]
fn steps_see_earlier_results_by_camel_cased_name_and_share_execution_state() {
    let supervisor = common::supervisor();
    let flow = order_flow(vec![
        block("Get Data from API", "get_data_from_api.js"),
        block("Summarize Order", "summarize_order.js"),
    ]);
    let report = run_flow(&supervisor, supervisor.next_run_id(), flow).unwrap();
    let outcome = &report.outcome;
    assert!(outcome.ok, "{:?}", outcome.steps);
    let names: Vec<&str> = outcome
        .steps
        .iter()
        .map(|step| step.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Order Webhook", "Get Data from API", "Summarize Order"]
    );
    assert_eq!(outcome.steps[0].result, json!({ "orderId": "A-17" }));
    assert_eq!(outcome.steps[1].logs[0].message, "fetching order A-17");
    assert_eq!(
        outcome.steps[2].result,
        json!({
            "summary": "3 items in order A-17",
            "seen": ["trigger", "get data", "summarize"],
            "stepId": "summarizeOrder",
            "keys": ["orderWebhook", "getDataFromApi"]
        })
    );
    assert_eq!(
        outcome.response,
        json!({ "statusCode": 202, "contentType": "text/plain", "body": "accepted" })
    );
    assert_eq!(report.state.instance_state, json!({ "calls": 1 }));
    assert_eq!(report.failure, None);

    let line = serde_json::to_value(outcome).unwrap();
    let step_keys: Vec<&String> = line["steps"][0].as_object().unwrap().keys().collect();
    assert_eq!(
        step_keys,
        ["name", "ok", "result", "logs", "error", "durationMs"]
    );
}

#[test]
fn in_debug_mode_each_step_records_with_its_own_execution_frame() {
    let supervisor = common::supervisor();
    let context = default_context(&RunIdentity {
        execution_id: "flow-debug".into(),
        started_at: std::time::UNIX_EPOCH,
        integration_name: "Orders".into(),
        flow_name: "Sync Orders".into(),
        step_name: "On Order".into(),
        kind: BlockKind::Trigger,
        webhook_base_url: "http://127.0.0.1:8787".into(),
        flow_schemas: json!({}),
    });
    let flow = FlowRun {
        trigger: block("On Order", "debug_frame.js"),
        steps: vec![block("Record Order", "debug_frame.js")],
        payload: json!({}),
        config_vars: json!({}),
        context,
        state: fresh_state(),
        debug_mode: true,
    };
    let report = run_flow(&supervisor, supervisor.next_run_id(), flow).unwrap();
    assert!(report.outcome.ok, "{:?}", report.outcome.steps);
    let [trigger, step] = &report.outcome.steps[..] else {
        panic!("two steps ran: {:?}", report.outcome.steps);
    };
    assert_eq!(trigger.result["frame"]["stepName"], "On Order");
    assert_eq!(
        trigger.result["frame"]["componentActionKey"],
        "runCodeTrigger"
    );
    assert_eq!(step.result["frame"]["stepName"], "Record Order");
    assert_eq!(step.result["frame"]["componentActionKey"], "runCode");
    assert_eq!(step.result["stepId"], "recordOrder");
    for outcome in [trigger, step] {
        assert_eq!(outcome.result["frame"]["executionId"], "flow-debug");
        let results = outcome.debug_results.as_ref().expect("debug results");
        assert!(results["timeElapsed"]["marks"]["begin"].is_number());
        // The worker's real memory, in MB, under the run's limit.
        let row = &results["memoryUsage"][0];
        let rss = row["rss"].as_f64().unwrap();
        assert!(
            rss > 1.0 && rss < results["allowedMemory"].as_f64().unwrap(),
            "{row}"
        );
        assert!(row["detail"]["heapUsed"].as_f64().unwrap() > 0.0, "{row}");
    }
}

#[test]
fn the_first_failure_ends_the_flow() {
    let supervisor = common::supervisor();
    let flow = order_flow(vec![
        block("Get Data from API", "get_data_from_api.js"),
        block("Call the API", "failing_step.js"),
        block("Summarize Order", "summarize_order.js"),
    ]);
    let report = run_flow(&supervisor, supervisor.next_run_id(), flow).unwrap();
    assert!(!report.outcome.ok);
    assert_eq!(
        report.outcome.steps.len(),
        3,
        "the step after the failure did not run"
    );
    let failed = &report.outcome.steps[2];
    assert!(!failed.ok);
    let error = failed.error.as_ref().unwrap();
    assert_eq!(
        (error.name.as_str(), error.message.as_str()),
        ("TypeError", "the API said no")
    );
    assert_eq!(report.failure, Some(FailureKind::Block));
}
