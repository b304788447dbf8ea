//! `context.invokeFlow` through real workers: the call leaves the invoking worker as a host call, the host's
//! `FlowInvocations` runs a real flow in other workers of the same pool, and the answer comes back into the
//! block's promise. The invoking block's time limit covers the invoked flow, which is stopped with it.

mod common;

use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use blocksmith_engine::{
    BlockKind, FailureKind, FlowInvocation, InvokeFlowFailure, InvokedFlowAnswer,
};
use blocksmith_runner::{
    fresh_state, run_flow, FlowBlock, FlowInvocations, FlowRun, RunConditions, RunLimits,
    Supervisor,
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

/// A one-trigger flow whose trigger is `fixture`, called with `payload`.
fn one_trigger_flow(fixture: &str, payload: serde_json::Value) -> FlowRun {
    FlowRun {
        trigger: block("Trigger", fixture),
        steps: Vec::new(),
        payload,
        config_vars: json!({}),
        context: json!({ "executionId": "invoked" }),
        state: fresh_state(),
        debug_mode: false,
    }
}

/// Invocations that run `order_webhook.js` as the flow "Orders" with the call's body as `body.data`, and
/// answer with the trigger's response; each call is also reported on `calls`.
fn orders_flow(supervisor: &Supervisor, calls: mpsc::Sender<FlowInvocation>) -> FlowInvocations {
    let supervisor = supervisor.clone();
    FlowInvocations(Arc::new(move |invocation: FlowInvocation, run_id| {
        let _ = calls.send(invocation.clone());
        if invocation.flow_name != "Orders" {
            return Err(InvokeFlowFailure {
                code: "ERR_BLOCKSMITH_UNKNOWN_FLOW".into(),
                message: format!("no flow {}", invocation.flow_name),
            });
        }
        let data: serde_json::Value = serde_json::from_str(&invocation.body).unwrap();
        let flow = one_trigger_flow("order_webhook.js", json!({ "body": { "data": data } }));
        let report = run_flow(&supervisor, run_id, flow).expect("the invoked flow runs");
        let response = &report.outcome.response;
        Ok(InvokedFlowAnswer {
            status: response["statusCode"].as_u64().unwrap() as u16,
            status_text: "Accepted".into(),
            headers: vec![(
                "content-type".into(),
                response["contentType"].as_str().unwrap().into(),
            )],
            body: response["body"].as_str().unwrap().into(),
        })
    }))
}

#[test]
fn the_block_receives_the_invoked_flows_answer_as_an_axios_response() {
    let supervisor = common::supervisor();
    let (calls, called) = mpsc::channel();
    let conditions = RunConditions {
        invocations: Some(orders_flow(&supervisor, calls)),
        ..RunConditions::default()
    };
    let (report, _) = supervisor
        .run_under(
            supervisor.next_run_id(),
            common::action("invokes_orders.js"),
            RunLimits::default(),
            conditions,
        )
        .unwrap();
    assert!(report.outcome.ok, "{:?}", report.outcome.error);
    assert_eq!(
        report.outcome.result,
        json!({
            "status": 202,
            "statusText": "Accepted",
            // Not JSON, so Axios keeps it as text.
            "data": "accepted",
            "headers": { "content-type": "text/plain" },
        })
    );
    let call = called.try_recv().expect("the host heard the call");
    assert_eq!(call.flow_name, "Orders");
    assert_eq!(call.body, r#"{"id":"A-17"}"#);
    assert_eq!(
        call.headers,
        [
            ("X-Caller".to_owned(), "test".to_owned()),
            ("Content-Type".to_owned(), "application/json".to_owned())
        ]
    );
}

#[test]
fn a_refused_invocation_rejects_with_its_code_and_a_run_without_invocations_says_why() {
    let supervisor = common::supervisor();
    let refusing = FlowInvocations(Arc::new(|_, _| {
        Err(InvokeFlowFailure {
            code: "ERR_BLOCKSMITH_FLOW_CYCLE".into(),
            message: "Orders → Orders".into(),
        })
    }));
    let run = |conditions| {
        supervisor
            .run_under(
                supervisor.next_run_id(),
                common::action("invoke_error.js"),
                RunLimits::default(),
                conditions,
            )
            .unwrap()
            .0
            .outcome
    };
    let refused = run(RunConditions {
        invocations: Some(refusing),
        ..RunConditions::default()
    });
    assert_eq!(
        refused.result,
        json!({ "name": "InvokeFlowError", "code": "ERR_BLOCKSMITH_FLOW_CYCLE", "message": "Orders → Orders", "status": null })
    );
    let unavailable = run(RunConditions::default());
    assert_eq!(
        unavailable.result["code"],
        "ERR_BLOCKSMITH_INVOKE_UNAVAILABLE"
    );
    let message = unavailable.result["message"].as_str().unwrap();
    assert!(message.contains("no workspace"), "{message}");
}

#[test]
fn a_status_outside_2xx_rejects_as_axios_does() {
    let supervisor = common::supervisor();
    let failing = FlowInvocations(Arc::new(|_, _| {
        Ok(InvokedFlowAnswer {
            status: 500,
            status_text: "Internal Server Error".into(),
            headers: vec![("content-type".into(), "application/json".into())],
            body: r#"{"error":{"step":"Trigger","name":"Error","message":"no orders"},"executionId":"x"}"#
                .into(),
        })
    }));
    let (report, _) = supervisor
        .run_under(
            supervisor.next_run_id(),
            common::action("invoke_error.js"),
            RunLimits::default(),
            RunConditions {
                invocations: Some(failing),
                ..RunConditions::default()
            },
        )
        .unwrap();
    let result = &report.outcome.result;
    assert_eq!(result["name"], "AxiosError");
    assert_eq!(result["code"], "ERR_BAD_RESPONSE");
    assert_eq!(result["status"], 500);
    let message = result["message"].as_str().unwrap();
    assert!(
        message.starts_with("Request failed with status code 500")
            && message.contains(r#"step "Trigger""#)
            && message.contains("Error: no orders"),
        "{message}"
    );
}

#[test]
fn an_invoked_flow_runs_under_the_invoking_blocks_time_limit_and_is_stopped_with_it() {
    let supervisor = common::supervisor();
    let (ended, invoked_end) = mpsc::channel();
    let slow = {
        let supervisor = supervisor.clone();
        FlowInvocations(Arc::new(move |_, run_id| {
            let started = Instant::now();
            let flow = one_trigger_flow("slow.js", json!({}));
            let report = run_flow(&supervisor, run_id, flow).expect("the invoked flow runs");
            let error = report.outcome.steps[0]
                .error
                .clone()
                .map(|error| error.name);
            let _ = ended.send((error, started.elapsed()));
            Err(InvokeFlowFailure::unavailable("stopped"))
        }))
    };
    let limits = RunLimits {
        time_limit: Duration::from_millis(1_500),
        ..RunLimits::default()
    };
    let started = Instant::now();
    let (report, _) = supervisor
        .run_under(
            supervisor.next_run_id(),
            common::request(
                "invokes_then_waits.js",
                BlockKind::Action,
                json!({}),
                json!({}),
            ),
            limits,
            RunConditions {
                invocations: Some(slow),
                ..RunConditions::default()
            },
        )
        .unwrap();
    assert_eq!(report.failure, Some(FailureKind::Limit));
    assert_eq!(report.outcome.error.as_ref().unwrap().name, "TimeoutError");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    // The invoked flow (a 60 s timer) was stopped when its invoker's limit passed, not left running.
    let (error, took) = invoked_end
        .recv_timeout(Duration::from_secs(10))
        .expect("the invoked flow ended");
    assert_eq!(error.as_deref(), Some("StoppedError"));
    assert!(took < Duration::from_secs(10), "{took:?}");
}
