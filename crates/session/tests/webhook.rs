//! The webhook listener over real HTTP with real worker processes: a call runs the flow and answers with the
//! trigger's response; the payload holds the request; the run's state is kept; failures answer 500, unknown
//! paths (and the flows' paths without the workspace's token) 404; a stalled caller holds up neither other
//! callers nor `stop`.
//!
//! This test binary is its own block worker (started with `__worker`), so it has its own `main` rather
//! than libtest's: `cargo test -p blocksmith-session --test webhook [NAME]`.

mod own_main;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc::{channel, Sender};
use std::time::{Duration, Instant};

use blocksmith_runner::{run_flow, FlowOutcome, Supervisor, SupervisorOptions, WorkerCommand};
use blocksmith_session::webhook::{
    prepare_webhook_flow_run, ListenerSettings, RequestLimits, ServedCall, WebhookCall,
    WebhookHandler, WebhookServer,
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
            "unknown_paths_answer_404_naming_nothing",
            unknown_paths_answer_404_naming_nothing,
        ),
        (
            "a_flow_without_the_token_is_not_found_and_does_not_run",
            a_flow_without_the_token_is_not_found_and_does_not_run,
        ),
        (
            "stalled_and_trickling_callers_hold_up_neither_others_nor_stop",
            stalled_and_trickling_callers_hold_up_neither_others_nor_stop,
        ),
        (
            "calls_are_answered_in_turn_and_stop_closes_the_port",
            calls_are_answered_in_turn_and_stop_closes_the_port,
        ),
    ];
    own_main::run_tests("webhook", tests)
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
    token: String,
    server: WebhookServer,
    served: std::sync::mpsc::Receiver<ServedCall>,
}

/// A new workspace (the seed templates) with its trigger replaced by `trigger` and its step by `step`, served
/// on a free port.
fn serve(trigger: &str, step: Option<&str>) -> Fixture {
    serve_with_limits(trigger, step, RequestLimits::default())
}

fn serve_with_limits(trigger: &str, step: Option<&str>, limits: RequestLimits) -> Fixture {
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
    let token = workspace.local_identity().webhook_token.clone();
    let settings = ListenerSettings {
        limits,
        ..ListenerSettings::new(0, &token)
    };
    let server = WebhookServer::start(
        settings,
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
        token,
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
    assert_eq!(
        url,
        format!("{}/{}/flow-1", fixture.server.base_url(), fixture.token)
    );
    assert!(fixture.token.len() >= 32, "{}", fixture.token);

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

fn unknown_paths_answer_404_naming_nothing() {
    let fixture = serve("silent_trigger.js", None);
    let response = client()
        .get(format!(
            "{}/{}/nothing-here",
            fixture.server.base_url(),
            fixture.token
        ))
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 404);
    let text = response.text().unwrap();
    for revealing in [
        FLOW,
        "flow-1",
        "http://",
        fixture.token.as_str(),
        "nothing-here",
    ] {
        assert!(
            !text.contains(revealing),
            "the 404 names {revealing}: {text}"
        );
    }
    let body: Value = serde_json::from_str(&text).unwrap();
    assert!(body["error"].is_string(), "{body}");
    let served = next_served(&fixture);
    assert_eq!((served.status, served.flow.as_deref()), (404, None));
    // The log line (the user's own) says which path was asked for, without the token.
    assert_eq!(served.path, "/nothing-here");
    assert!(served.error.unwrap().contains("/nothing-here"));
}

fn a_flow_without_the_token_is_not_found_and_does_not_run() {
    let fixture = serve("csv_trigger.js", Some("counting_step.js"));
    let base = fixture.server.base_url();
    let wrong = "0".repeat(fixture.token.len());
    for url in [
        format!("{base}/flow-1"),
        format!("{base}/{wrong}/flow-1"),
        format!("{base}/flow-1/{}", fixture.token),
    ] {
        let response = client().post(&url).json(&json!({})).send().unwrap();
        assert_eq!(response.status().as_u16(), 404, "{url}");
        let served = next_served(&fixture);
        assert_eq!((served.flow, served.outcome), (None, None), "{url}");
    }
    let workspace = Workspace::open(&fixture.root).unwrap();
    assert!(
        PersistedState::load(&workspace)
            .unwrap()
            .instance_state
            .get(FLOW)
            .is_none(),
        "no call ran the flow"
    );
}

/// A connection that sends `opening` and then nothing.
fn stalled(fixture: &Fixture, opening: &str) -> TcpStream {
    let mut stream = TcpStream::connect(fixture.server.address()).unwrap();
    stream.write_all(opening.as_bytes()).unwrap();
    stream
}

fn stalled_and_trickling_callers_hold_up_neither_others_nor_stop() {
    let limits = RequestLimits {
        idle_timeout: Duration::from_millis(1500),
        request_timeout: Duration::from_secs(3),
        ..RequestLimits::default()
    };
    let fixture = serve_with_limits("csv_trigger.js", Some("counting_step.js"), limits);
    let address = fixture.server.address();
    let path = format!("/{}/flow-1", fixture.token);
    let host = format!("Host: {address}\r\n");
    let silent = stalled(&fixture, "");
    let mut half_body = stalled(
        &fixture,
        &format!("POST {path} HTTP/1.1\r\n{host}Content-Length: 5000\r\n\r\n{{\"a\":"),
    );
    // Sends one byte of its body well within the idle timeout, over and over: only the request's deadline ends it.
    let trickler = std::thread::spawn({
        let opening = format!("POST {path} HTTP/1.1\r\n{host}Content-Length: 5000\r\n\r\n");
        let mut stream = stalled(&fixture, &opening);
        move || {
            let started = Instant::now();
            stream
                .set_read_timeout(Some(Duration::from_millis(200)))
                .unwrap();
            let mut answer = Vec::new();
            let mut buffer = [0u8; 1024];
            while started.elapsed() < Duration::from_secs(8) {
                let _ = stream.write_all(b" ");
                match stream.read(&mut buffer) {
                    Ok(0) => break,
                    Ok(read) => answer.extend_from_slice(&buffer[..read]),
                    Err(error)
                        if matches!(
                            error.kind(),
                            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                        ) => {}
                    Err(_) => break,
                }
            }
            (
                started.elapsed(),
                String::from_utf8_lossy(&answer).into_owned(),
            )
        }
    });
    std::thread::sleep(Duration::from_millis(200));

    let started = Instant::now();
    let response = client()
        .post(flow_url(&fixture))
        .json(&json!({ "n": 1 }))
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "answered while others stall: {:?}",
        started.elapsed()
    );

    // The stalled body is cut off after the idle timeout with 408; the trickler at the request's deadline.
    let mut answer = String::new();
    half_body
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let _ = half_body.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 408 "), "{answer}");
    let (trickled_for, trickle_answer) = trickler.join().unwrap();
    assert!(
        trickle_answer.starts_with("HTTP/1.1 408 "),
        "{trickle_answer}"
    );
    assert!(trickled_for < Duration::from_secs(8), "{trickled_for:?}");

    // Stop returns at once with a caller still connected, and closes the port.
    let another_silent = stalled(&fixture, "POST ");
    let stopping = Instant::now();
    fixture.server.stop();
    assert!(
        stopping.elapsed() < Duration::from_secs(2),
        "stop waited {:?}",
        stopping.elapsed()
    );
    assert!(TcpStream::connect_timeout(&address, Duration::from_millis(500)).is_err());
    drop((silent, another_silent));
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
