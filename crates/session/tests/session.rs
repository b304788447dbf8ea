//! `Session`, the one API the app and the CLI call, end to end with real worker processes and the real OS
//! keyring (run inside `scripts/with-keyring.sh`): runs are recorded, Stop ends a run, the listener runs calls
//! through the session and tells its host, exports say when they held a secret, and a provider that never
//! answers does not hold the workspace.
//!
//! This test binary is its own block worker (started with `__worker`), so it has its own `main` rather than
//! libtest's: `cargo test -p blocksmith-session --test session [NAME]`.

mod own_main;

use std::collections::BTreeMap;
use std::io::Read;
use std::net::TcpListener;
use std::process::ExitCode;
use std::sync::mpsc::{channel, Sender};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use blocksmith_secrets::Sensitive;
use blocksmith_session::types::{ExportFormat, ExportRequest};
use blocksmith_session::types::{LogLevel, RunOrigin};
use blocksmith_session::webhook::ServedCall;
use blocksmith_session::{
    BlockRunRequest, ConnectionDraft, ErrorCode, FlowRunRequest, LiveLogLine, QuietHost, Session,
    SessionHost, WebhookRequest, Workers, REDACTION_MARKER,
};
use serde_json::json;

const WORKER_ARG: &str = "__worker";
const FLOW: &str = "Flow 1";

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some(WORKER_ARG) {
        return blocksmith_session::types::worker_main();
    }
    let tests: &[(&str, fn())] = &[
        (
            "nothing_is_there_until_a_workspace_is_open",
            nothing_is_there_until_a_workspace_is_open,
        ),
        (
            "block_and_flow_runs_are_recorded",
            block_and_flow_runs_are_recorded,
        ),
        (
            "an_error_names_the_step_where_node_names_the_file",
            an_error_names_the_step_where_node_names_the_file,
        ),
        ("stop_ends_a_run_in_progress", stop_ends_a_run_in_progress),
        (
            "the_host_hears_each_log_line_while_the_run_goes_on_and_stop_keeps_them",
            the_host_hears_each_log_line_while_the_run_goes_on_and_stop_keeps_them,
        ),
        (
            "a_flow_run_streams_every_steps_lines_under_its_own_id",
            a_flow_run_streams_every_steps_lines_under_its_own_id,
        ),
        (
            "the_listener_runs_calls_through_the_session_and_tells_the_host",
            the_listener_runs_calls_through_the_session_and_tells_the_host,
        ),
        (
            "an_export_says_when_it_held_a_secret",
            an_export_says_when_it_held_a_secret,
        ),
        (
            "a_provider_that_never_answers_does_not_hold_the_workspace",
            a_provider_that_never_answers_does_not_hold_the_workspace,
        ),
        (
            "connect_without_a_consent_window_says_so",
            connect_without_a_consent_window_says_so,
        ),
    ];
    own_main::run_tests("session", tests)
}

fn workers() -> Workers {
    Workers {
        program: std::env::current_exe().unwrap(),
        arg: WORKER_ARG.into(),
        warm: 0,
    }
}

/// A session in a new workspace (the seed templates).
fn session_in_new_workspace(host: impl SessionHost) -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    let session = Session::new(host, workers());
    session.open(dir.path(), true).unwrap();
    (dir, session)
}

fn block_id(session: &Session, name_part: &str) -> String {
    session
        .workspace_view()
        .unwrap()
        .blocks
        .iter()
        .find(|view| view.block.name.contains(name_part))
        .unwrap_or_else(|| panic!("a block named like {name_part}"))
        .block
        .id
        .clone()
}

fn trigger_id(session: &Session) -> String {
    session.workspace_view().unwrap().flows[0].trigger.clone()
}

/// The flow's first action step (the seed's "Code Block").
fn first_step_id(session: &Session) -> String {
    session.workspace_view().unwrap().flows[0].steps[0].clone()
}

fn nothing_is_there_until_a_workspace_is_open() {
    let session = Session::new(QuietHost, workers());
    assert!(!session.is_open());
    let err = session.workspace_view().unwrap_err();
    assert_eq!(err.code(), ErrorCode::NoWorkspace);
    assert!(err.to_string().contains("Open a workspace folder first"));
    let missing = tempfile::tempdir().unwrap().path().join("absent");
    assert!(session.open(&missing, false).is_err());
    assert!(!session.is_open());
}

fn block_and_flow_runs_are_recorded() {
    let (dir, session) = session_in_new_workspace(QuietHost);
    let trigger = trigger_id(&session);
    let ran = session
        .run_block(BlockRunRequest {
            run_id: "run-1".into(),
            block_id: trigger.clone(),
            source: None,
            input: Some(json!({ "body": { "data": { "hello": "there" } } })),
            debug_mode: false,
        })
        .unwrap();
    assert!(ran.outcome.ok, "{:?}", ran.outcome);
    assert!(ran.failure.is_none());
    let history = session.history(&trigger).unwrap();
    assert_eq!(history.len(), 1);
    let entry = session.history_entry(history[0].id).unwrap();
    assert_eq!(entry.inputs["input"]["body"]["data"]["hello"], "there");
    assert_eq!(
        session.history_entry(999_999).unwrap_err().code(),
        ErrorCode::UnknownRun
    );

    let flow = session
        .run_flow(FlowRunRequest {
            run_id: "run-2".into(),
            flow: FLOW.into(),
            ..FlowRunRequest::default()
        })
        .unwrap();
    assert!(flow.outcome.ok, "{:?}", flow.outcome);
    assert_eq!(flow.outcome.steps.len(), 2);

    // Each step of the flow run is kept in its block's history, with its code, its input and its outcome.
    let history = session.history(&trigger).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].origin, RunOrigin::Flow);
    assert_eq!(history[1].origin, RunOrigin::Block);
    let flow_run = history[0]
        .flow_run
        .clone()
        .expect("a flow step names its flow");
    assert_eq!(
        (flow_run.flow.as_str(), flow_run.execution_id.as_str()),
        (FLOW, "run-2")
    );
    let step = first_step_id(&session);
    let step_runs = session.history(&step).unwrap();
    assert_eq!(step_runs.len(), 1);
    assert_eq!(step_runs[0].flow_run, Some(flow_run));
    let entry = session.history_entry(step_runs[0].id).unwrap();
    let source =
        std::fs::read_to_string(dir.path().join("blocks").join(format!("{step}.js"))).unwrap();
    assert_eq!(entry.inputs["source"], source.as_str());
    assert_eq!(entry.inputs["kind"], "action");
    assert_eq!(
        entry.inputs["input"],
        json!({ "codeBlockTrigger": { "results": flow.outcome.steps[0].result } }),
        "the step's stepResults"
    );
    assert_eq!(entry.outcome["result"], flow.outcome.steps[1].result);
    assert_eq!(entry.outcome["logs"], json!(flow.outcome.steps[1].logs));
}

fn an_error_names_the_step_where_node_names_the_file() {
    let (_dir, session) = session_in_new_workspace(QuietHost);
    let step = first_step_id(&session);
    let ran = session
        .run_block(BlockRunRequest {
            run_id: "run-error".into(),
            block_id: step,
            source: Some(
                "module.exports = async (context, stepResults) => {\n  \
                 return { data: stepResults.missing.id };\n};\n"
                    .into(),
            ),
            input: Some(json!({})),
            debug_mode: false,
        })
        .unwrap();
    let error = ran.outcome.error.expect("the run failed");
    assert_eq!(
        format!("{}: {}", error.name, error.message),
        "TypeError: Cannot read properties of undefined (reading 'id')"
    );
    assert_eq!(error.line, Some(2));
    let stack = error.stack.unwrap();
    assert!(stack.contains("Code Block:2:"), "{stack}");
    assert!(
        !stack.contains("<main>") && !stack.contains(".js:"),
        "{stack}"
    );
}

fn stop_ends_a_run_in_progress() {
    let (_dir, session) = session_in_new_workspace(QuietHost);
    let step = block_id(&session, "Code Block");
    let running = {
        let session = session.clone();
        std::thread::spawn(move || {
            session.run_block(BlockRunRequest {
                run_id: "looping".into(),
                block_id: step,
                source: Some(
                    "module.exports = async (context) => { context.logger.info('before'); while (true) {} };"
                        .into(),
                ),
                input: Some(json!({})),
                debug_mode: false,
            })
        })
    };
    let asked = Instant::now();
    while !session.stop_run("looping") {
        assert!(
            asked.elapsed() < Duration::from_secs(20),
            "the run never started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let stopped_at = Instant::now();
    let ran = running.join().unwrap().unwrap();
    assert!(stopped_at.elapsed() < Duration::from_secs(5));
    assert!(!ran.outcome.ok);
    assert!(!session.stop_run("looping"), "the run is over");
}

/// Passes each log line the session reports while a run goes on to the test.
struct LogsTo(Mutex<Sender<LiveLogLine>>);

impl SessionHost for LogsTo {
    fn run_logged(&self, line: &LiveLogLine) {
        let _ = self.0.lock().unwrap().send(line.clone());
    }
}

/// A block logs (a secret among its lines) and then loops: the host hears the lines while it loops, with the
/// secret redacted, and the outcome of Stop still holds them.
fn the_host_hears_each_log_line_while_the_run_goes_on_and_stop_keeps_them() {
    let (sender, heard) = channel();
    let (_dir, session) = session_in_new_workspace(LogsTo(Mutex::new(sender)));
    let secret = "sk-live-0c41d7e9a2b65f38";
    session
        .save_connection(
            None,
            draft("Acme", "apikey", &[], &[("apiKey", secret)]),
            false,
        )
        .unwrap();
    let step = block_id(&session, "Code Block");
    let running = {
        let session = session.clone();
        std::thread::spawn(move || {
            session.run_block(BlockRunRequest {
                run_id: "streaming".into(),
                block_id: step,
                source: Some(
                    "module.exports = async ({ logger, configVars }) => {\n\
                       logger.info('fetching page', 1);\n\
                       logger.warn('key', configVars.Acme.fields.apiKey);\n\
                       while (true) {}\n\
                     };"
                    .into(),
                ),
                input: Some(json!({})),
                debug_mode: false,
            })
        })
    };
    let first = heard.recv_timeout(Duration::from_secs(20)).unwrap();
    let second = heard.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(!running.is_finished(), "the block is still looping");
    assert_eq!(first.run_id, "streaming");
    assert_eq!(first.message, "fetching page 1");
    assert_eq!(second.message, format!("key {REDACTION_MARKER}"));
    assert!(
        0.0 <= first.at_ms && first.at_ms <= second.at_ms,
        "times from the run's start: {} then {}",
        first.at_ms,
        second.at_ms
    );

    assert!(session.stop_run("streaming"));
    let ran = running.join().unwrap().unwrap();
    assert_eq!(ran.outcome.error.as_ref().unwrap().name, "StoppedError");
    let kept: Vec<(LogLevel, String)> = ran
        .outcome
        .logs
        .iter()
        .map(|line| (line.level, line.message.clone()))
        .collect();
    assert_eq!(
        kept,
        [
            (LogLevel::Info, "fetching page 1".to_owned()),
            (LogLevel::Warn, format!("key {REDACTION_MARKER}")),
        ]
    );
    assert_eq!(
        (first.level, second.level),
        (LogLevel::Info, LogLevel::Warn)
    );
    let history = session.history(&block_id(&session, "Code Block")).unwrap();
    let entry = session.history_entry(history[0].id).unwrap();
    assert_eq!(
        entry.outcome["logs"][0]["message"], "fetching page 1",
        "the stopped run's history keeps its lines"
    );
}

/// Each step of a flow logs one line; the host hears all of them, in order, under the flow run's id.
fn a_flow_run_streams_every_steps_lines_under_its_own_id() {
    let (sender, heard) = channel();
    let (_dir, session) = session_in_new_workspace(LogsTo(Mutex::new(sender)));
    let trigger = trigger_id(&session);
    let step = session.workspace_view().unwrap().flows[0].steps[0].clone();
    session
        .save_block(
            &trigger,
            "module.exports = async ({ logger }, payload) => { logger.info('trigger ran'); return { payload }; };\n",
        )
        .unwrap();
    session
        .save_block(
            &step,
            "module.exports = async ({ logger }) => { logger.info('step ran'); return { data: 1 }; };\n",
        )
        .unwrap();
    let flow = session
        .run_flow(FlowRunRequest {
            run_id: "flow-streaming".into(),
            flow: FLOW.into(),
            ..FlowRunRequest::default()
        })
        .unwrap();
    assert!(flow.outcome.ok, "{:?}", flow.outcome);
    let lines: Vec<LiveLogLine> = heard.try_iter().collect();
    let messages: Vec<(&str, &str)> = lines
        .iter()
        .map(|line| (line.run_id.as_str(), line.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [
            ("flow-streaming", "trigger ran"),
            ("flow-streaming", "step ran")
        ],
        "every line was heard before the run answered"
    );
}

/// Passes each call the listener answered to the test.
struct CallsTo(Mutex<Sender<ServedCall>>);

impl SessionHost for CallsTo {
    fn webhook_call_served(&self, call: &ServedCall) {
        let _ = self.0.lock().unwrap().send(call.clone());
    }
}

fn the_listener_runs_calls_through_the_session_and_tells_the_host() {
    let (sender, served) = channel();
    let (_dir, session) = session_in_new_workspace(CallsTo(Mutex::new(sender)));
    let unknown = session.start_webhooks(&WebhookRequest {
        flows: vec!["No Such Flow".into()],
        port: 0,
        any_port_if_taken: false,
    });
    assert_eq!(unknown.unwrap_err().code(), ErrorCode::UnknownFlow);
    assert!(!session.webhook_status().running);

    let listening = session
        .start_webhooks(&WebhookRequest {
            flows: Vec::new(),
            port: 0,
            any_port_if_taken: false,
        })
        .unwrap();
    let url = listening.flow_urls[FLOW].as_str().unwrap().to_string();
    let status = session.webhook_status();
    assert!(status.running);
    assert_eq!(status.flow.as_deref(), Some(FLOW));
    assert_eq!(status.url.as_deref(), Some(url.as_str()));

    let response = reqwest::blocking::Client::new()
        .post(&url)
        .json(&json!({ "order": 7 }))
        .timeout(Duration::from_secs(60))
        .send()
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    let call = served.recv_timeout(Duration::from_secs(60)).unwrap();
    assert_eq!(call.flow.as_deref(), Some(FLOW));
    let outcome = call.outcome.expect("the flow ran");
    assert!(outcome.ok, "{outcome:?}");
    assert_eq!(outcome.steps[0].result["body"]["data"]["order"], 7);
    // The call is kept in the trigger's history as a webhook call's, with the payload it brought.
    let history = session.history(&trigger_id(&session)).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].origin, RunOrigin::Webhook);
    let entry = session.history_entry(history[0].id).unwrap();
    assert_eq!(entry.inputs["input"]["body"]["data"]["order"], 7);
    assert_eq!(entry.flow_run.map(|of| of.execution_id), call.execution_id);

    session.stop_webhooks();
    assert!(!session.webhook_status().running);
    assert!(reqwest::blocking::get(&url).is_err(), "the port is closed");
}

fn draft(
    name: &str,
    kind: &str,
    values: &[(&str, &str)],
    secrets: &[(&str, &str)],
) -> ConnectionDraft {
    let pairs = |list: &[(&str, &str)]| -> BTreeMap<String, String> {
        list.iter()
            .map(|(key, value)| (key.to_string(), value.to_string()))
            .collect()
    };
    ConnectionDraft {
        name: name.into(),
        kind: kind.into(),
        values: pairs(values),
        secrets: pairs(secrets)
            .into_iter()
            .map(|(key, value)| (key, Sensitive::new(value)))
            .collect(),
    }
}

fn an_export_says_when_it_held_a_secret() {
    let (_dir, session) = session_in_new_workspace(QuietHost);
    let secret = "sk-live-7f3a9c2e51b84d06";
    session
        .save_connection(
            None,
            draft("Acme", "apikey", &[], &[("apiKey", secret)]),
            false,
        )
        .unwrap();
    let step = block_id(&session, "Code Block");
    let step_name = session
        .workspace_view()
        .unwrap()
        .blocks
        .iter()
        .find(|view| view.block.id == step)
        .unwrap()
        .block
        .name
        .clone();
    let request = ExportRequest {
        format: ExportFormat::JavaScript,
        flow: None,
        block: Some(step_name),
        include_tests: false,
    };
    let clean = session.export(&request).unwrap();
    assert!(!clean.secrets_redacted);

    session
        .save_block(
            &step,
            &format!("module.exports = async () => ({{ data: \"{secret}\" }});\n"),
        )
        .unwrap();
    let pasted = session.export(&request).unwrap();
    assert!(pasted.secrets_redacted);
    assert!(!pasted.exported.contents.contains(secret));
    assert!(pasted
        .exported
        .contents
        .contains(blocksmith_session::REDACTION_MARKER));
}

/// The token request goes to a port that takes the connection and never answers; meanwhile the workspace
/// answers and takes edits at once.
fn a_provider_that_never_answers_does_not_hold_the_workspace() {
    let (_dir, session) = session_in_new_workspace(QuietHost);
    let provider = TcpListener::bind("127.0.0.1:0").unwrap();
    let token_url = format!("http://{}/token", provider.local_addr().unwrap());
    session
        .save_connection(
            None,
            draft(
                "Slow",
                "clientcredentials",
                &[("tokenUrl", &token_url), ("clientId", "blocksmith")],
                &[("clientSecret", "a-client-secret-of-some-length")],
            ),
            false,
        )
        .unwrap();
    let (accepted, connection) = channel();
    std::thread::spawn(move || {
        let (mut stream, _) = provider.accept().unwrap();
        let mut first = [0u8; 1];
        let _ = stream.read(&mut first);
        accepted.send(()).unwrap();
        // Held open and never answered, until the test ends.
        std::thread::sleep(Duration::from_secs(120));
        drop(stream);
    });
    let fetching = {
        let session = session.clone();
        std::thread::spawn(move || session.fetch_token("Slow"))
    };
    connection
        .recv_timeout(Duration::from_secs(30))
        .expect("the token request reached the provider");

    let started = Instant::now();
    session.set_config_var("Region", "eu").unwrap();
    let trigger = trigger_id(&session);
    let source = session.read_block(&trigger).unwrap();
    session.save_block(&trigger, &source).unwrap();
    let view = session.workspace_view().unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "edits waited {:?} on the provider",
        started.elapsed()
    );
    assert!(view.config_vars.iter().any(|var| var.name == "Region"));
    assert!(!fetching.is_finished(), "the provider has not answered yet");
}

fn connect_without_a_consent_window_says_so() {
    let (_dir, session) = session_in_new_workspace(QuietHost);
    session
        .save_connection(
            None,
            draft(
                "Acme",
                "authorizationcode",
                &[
                    ("authorizeUrl", "https://id.acme.example/authorize"),
                    ("tokenUrl", "https://id.acme.example/token"),
                    ("clientId", "blocksmith"),
                ],
                &[("clientSecret", "a-client-secret-of-some-length")],
            ),
            false,
        )
        .unwrap();
    let err = session.connect("Acme").unwrap_err();
    assert_eq!(err.code(), ErrorCode::ConsentWindow);
    assert!(err.to_string().contains("system browser"), "{err}");
    assert!(session.token_status("Acme").unwrap().is_none());
    let err = session.connect("Nobody").unwrap_err();
    assert_eq!(err.code(), ErrorCode::UnknownConnection);
}
