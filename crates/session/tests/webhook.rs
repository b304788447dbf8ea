//! The webhook listener over real HTTP with real worker processes: a call runs the flow and answers with the
//! trigger's response; the payload holds the request; the run's state is kept; failures answer 500, unknown
//! paths 404.
//!
//! This test binary is its own block worker (started with `__worker`), so it has its own `main` rather
//! than libtest's: `cargo test -p blocksmith-session --test webhook [NAME]`.

use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc::{channel, Sender};
use std::time::Duration;

use blocksmith_runner::{run_flow, FlowOutcome, Supervisor, SupervisorOptions, WorkerCommand};
use blocksmith_session::webhook::{
    prepare_webhook_flow_run, ServedCall, WebhookCall, WebhookHandler, WebhookServer,
};
use blocksmith_session::{config_vars_for_run, record_flow_run, PersistedState};
use blocksmith_workspace::Workspace;
use serde_json::{json, Value};

const FLOW: &str = "Flow 1";

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("__worker") {
        return blocksmith_runner::worker_main();
    }
    let tests: &[(&str, fn())] = &[
        (
            "a_call_answers_with_the_trigger_response",
            a_call_answers_with_the_trigger_response,
        ),
        (
            "the_payload_holds_the_request_and_local_urls",
            the_payload_holds_the_request_and_local_urls,
        ),
        (
            "no_response_answers_with_the_execution_id",
            no_response_answers_with_the_execution_id,
        ),
        (
            "a_failing_trigger_answers_500_naming_it",
            a_failing_trigger_answers_500_naming_it,
        ),
        (
            "unknown_paths_answer_404_with_the_flows",
            unknown_paths_answer_404_with_the_flows,
        ),
        (
            "calls_are_answered_in_turn_and_stop_closes_the_port",
            calls_are_answered_in_turn_and_stop_closes_the_port,
        ),
    ];
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let mut failed = Vec::new();
    for (name, test) in tests {
        if !filter.is_empty() && !filter.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        match std::panic::catch_unwind(test) {
            Ok(()) => println!("test {name} ... ok"),
            Err(_) => {
                println!("test {name} ... FAILED");
                failed.push(*name);
            }
        }
    }
    if failed.is_empty() {
        println!("webhook: all passed");
        ExitCode::SUCCESS
    } else {
        println!("webhook: failed: {failed:?}");
        ExitCode::FAILURE
    }
}

/// Runs calls as the CLI does: configVars from the workspace, the flow in a worker, state recorded; and
/// passes each served call to the test.
struct TestHandler {
    root: std::path::PathBuf,
    supervisor: Supervisor,
    served: Sender<ServedCall>,
}

impl WebhookHandler for TestHandler {
    fn run(&mut self, call: &WebhookCall) -> Result<FlowOutcome, String> {
        let workspace = Workspace::open(&self.root).map_err(|e| e.to_string())?;
        let (config_vars, _secrets) = config_vars_for_run(
            &workspace,
            || panic!("the test workspace has no connections"),
            call.started_at,
        )
        .map_err(|e| e.to_string())?;
        let flow =
            prepare_webhook_flow_run(&workspace, call, config_vars).map_err(|e| e.to_string())?;
        let report = run_flow(&self.supervisor, self.supervisor.next_run_id(), flow)
            .map_err(|e| e.to_string())?;
        record_flow_run(&workspace, &call.flow, &report).map_err(|e| e.to_string())?;
        Ok(report.outcome)
    }

    fn served(&mut self, call: &ServedCall) {
        let _ = self.served.send(call.clone());
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    root: std::path::PathBuf,
    server: WebhookServer,
    served: std::sync::mpsc::Receiver<ServedCall>,
}

/// A new workspace (the seed templates) with its trigger replaced by `trigger` and its step by `step`, served
/// on a free port.
fn serve(trigger: &str, step: Option<&str>) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let workspace = Workspace::open_or_create(&root).unwrap();
    let flow = workspace
        .manifest()
        .flow(FLOW)
        .expect("the seed flow")
        .clone();
    workspace
        .save_block_source(&flow.trigger, &fixture(trigger))
        .unwrap();
    if let Some(step) = step {
        workspace
            .save_block_source(&flow.steps[0], &fixture(step))
            .unwrap();
    }
    let supervisor = Supervisor::new(
        WorkerCommand::new(std::env::current_exe().unwrap(), ["__worker"]),
        SupervisorOptions::default(),
    );
    let (sender, served) = channel();
    let flows: Vec<String> = workspace
        .manifest()
        .flows
        .iter()
        .map(|f| f.name.clone())
        .collect();
    let server = WebhookServer::start(
        0,
        &flows,
        TestHandler {
            root: root.clone(),
            supervisor,
            served: sender,
        },
    )
    .unwrap();
    Fixture {
        _dir: dir,
        root,
        server,
        served,
    }
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/webhook")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

fn flow_url(fixture: &Fixture) -> String {
    fixture.server.flow_urls()[FLOW]
        .as_str()
        .unwrap()
        .to_string()
}

fn next_served(fixture: &Fixture) -> ServedCall {
    fixture
        .served
        .recv_timeout(Duration::from_secs(60))
        .expect("the call was served")
}

fn a_call_answers_with_the_trigger_response() {
    let fixture = serve("csv_trigger.js", Some("counting_step.js"));
    let url = flow_url(&fixture);
    assert_eq!(url, format!("{}/flow-1", fixture.server.base_url()));

    for expected_calls in [1, 2] {
        let response = client()
            .post(&url)
            .header("X-Request-Id", "req-7")
            .json(&json!({ "order": 7 }))
            .send()
            .unwrap();
        assert_eq!(response.status().as_u16(), 201);
        assert_eq!(response.headers()["content-type"], "text/csv");
        assert_eq!(response.headers()["x-request-id"], "req-7");
        assert_eq!(response.text().unwrap(), "name,value\nhello,world");

        let served = next_served(&fixture);
        assert_eq!(
            (served.method.as_str(), served.path.as_str()),
            ("POST", "/flow-1")
        );
        assert_eq!(served.status, 201);
        assert_eq!(served.flow.as_deref(), Some(FLOW));
        let outcome = served.outcome.expect("the flow ran");
        assert!(outcome.ok);
        assert_eq!(outcome.steps.len(), 2);
        assert_eq!(
            outcome.steps[1].result,
            json!({ "calls": expected_calls, "fromTrigger": { "order": 7 } })
        );
        assert_eq!(outcome.steps[0].logs[0].message, "called with ");

        // The step's instanceState outlives the call, as after `blocksmith run --flow`.
        let workspace = Workspace::open(&fixture.root).unwrap();
        let state = PersistedState::load(&workspace).unwrap();
        assert_eq!(
            state.instance_state[FLOW],
            json!({ "calls": expected_calls })
        );
    }
    fixture.server.stop();
}

fn the_payload_holds_the_request_and_local_urls() {
    let fixture = serve("csv_trigger.js", Some("counting_step.js"));
    let url = format!("{}/order/created?id=7&note=a+b", flow_url(&fixture));
    let response = client()
        .put(&url)
        .header("Content-Type", "text/plain")
        .header("X-Request-Id", "r")
        .body("plain words")
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    let served = next_served(&fixture);
    assert_eq!(served.method, "PUT");
    assert_eq!(served.path, "/flow-1/order/created");
    let payload = &served.outcome.unwrap().steps[0].result;
    assert_eq!(payload["pathFragment"], "order/created");
    assert_eq!(
        payload["queryParameters"],
        json!({ "id": "7", "note": "a b" })
    );
    assert_eq!(payload["headers"]["x-request-id"], "r");
    assert_eq!(payload["headers"]["content-type"], "text/plain");
    assert_eq!(
        payload["body"],
        json!({ "data": "plain words", "contentType": "text/plain" })
    );
    assert_eq!(payload["rawBody"]["data"], "plain words");
    let local = flow_url(&fixture);
    assert_eq!(payload["webhookUrls"], json!({ FLOW: local }));
    assert_eq!(payload["invokeUrl"], local);
    assert_eq!(payload["contextWebhookUrls"], json!({ FLOW: local }));
    assert_eq!(payload["contextInvokeUrl"], local);
    assert_eq!(payload["executionId"], served.execution_id.unwrap());
    assert_eq!(payload["flow"]["name"], FLOW);
}

fn no_response_answers_with_the_execution_id() {
    let fixture = serve("silent_trigger.js", None);
    let response = client().get(flow_url(&fixture)).send().unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let body: Value = response.json().unwrap();
    let served = next_served(&fixture);
    assert_eq!(body, json!({ "executionId": served.execution_id.unwrap() }));
    assert!(body["executionId"].as_str().unwrap().starts_with("local-"));
}

fn a_failing_trigger_answers_500_naming_it() {
    let fixture = serve("throwing_trigger.js", None);
    let response = client().post(flow_url(&fixture)).body("{}").send().unwrap();
    assert_eq!(response.status().as_u16(), 500);
    assert_eq!(response.headers()["content-type"], "application/json");
    let body: Value = response.json().unwrap();
    assert_eq!(body["error"]["step"], "Code Block Trigger");
    assert_eq!(body["error"]["message"], "the order is missing");
    assert_eq!(body["error"]["line"], 3);
    let served = next_served(&fixture);
    assert_eq!(served.status, 500);
    assert!(!served.outcome.unwrap().ok);
}

fn unknown_paths_answer_404_with_the_flows() {
    let fixture = serve("silent_trigger.js", None);
    let response = client()
        .get(format!("{}/nothing-here", fixture.server.base_url()))
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 404);
    let body: Value = response.json().unwrap();
    assert_eq!(body["flows"], json!({ FLOW: flow_url(&fixture) }));
    assert!(body["error"].as_str().unwrap().contains("/nothing-here"));
    let served = next_served(&fixture);
    assert_eq!((served.status, served.flow.as_deref()), (404, None));
}

fn calls_are_answered_in_turn_and_stop_closes_the_port() {
    let fixture = serve("csv_trigger.js", Some("counting_step.js"));
    let url = flow_url(&fixture);
    // Four callers at once: each gets its answer, and the step counted every run (no lost state update).
    let callers: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || {
                client()
                    .post(&url)
                    .json(&json!({ "n": 1 }))
                    .send()
                    .unwrap()
                    .status()
                    .as_u16()
            })
        })
        .collect();
    for caller in callers {
        assert_eq!(caller.join().unwrap(), 201);
    }
    let workspace = Workspace::open(&fixture.root).unwrap();
    assert_eq!(
        PersistedState::load(&workspace).unwrap().instance_state[FLOW],
        json!({ "calls": 4 })
    );

    // A client that keeps connections alive gets `Connection: close`, so once the listener stops, its next
    // request fails at once instead of waiting on a connection nobody answers.
    let kept_alive = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    let answered = kept_alive.post(&url).json(&json!({})).send().unwrap();
    assert_eq!(answered.headers()["connection"], "close");
    assert!(answered.headers().contains_key("date"));
    drop(answered.text());

    let address = fixture.server.address();
    fixture.server.stop();
    let after = kept_alive.post(&url).json(&json!({})).send();
    assert!(
        after.as_ref().is_err_and(|error| !error.is_timeout()),
        "a call after stop fails at once: {after:?}"
    );
    assert!(
        std::net::TcpStream::connect_timeout(&address, Duration::from_millis(500)).is_err(),
        "the port is closed after stop"
    );
}
