//! `blocksmith debug`: a Debug Adapter Protocol adapter on stdin/stdout, so VS Code or any DAP client debugs a
//! block. It translates the protocol's requests into the session's debug run (`Session::debug_file`) and its
//! commands, and the run's notices into the protocol's events. One block, or a workspace's whole flow (each
//! step's lines its own file's, `source.path` naming it), on one thread (id 1).

use std::collections::HashMap;
use std::io::{self, BufReader};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{SystemTime, UNIX_EPOCH};

use blocksmith_session::types::{
    BreakpointSpec, DebugCommand, DebugEvent, DebugLaunch, ExceptionFilters,
};
use blocksmith_session::{
    DebugListener, DebugNotice, FileDebugRequest, FileRunRequest, FlowDebugRequest, FlowRunRequest,
    LimitOverrides, Session,
};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::dap_codec::{read_message, DapOut};
use crate::error::{Error, Result};
use crate::host::{session, session_in, Warm};
use crate::inputs::{read_json_object_text, read_json_text, read_source};
use crate::run::exit_status;

/// The one thread a block runs on, as the protocol names it.
const THREAD_ID: u64 = 1;

/// `launch`'s arguments: the files mean what `blocksmith run`'s options mean.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct LaunchArguments {
    /// The block's file; not needed with `workspace` and `flow`.
    program: Option<PathBuf>,
    #[serde(default)]
    trigger: bool,
    config_vars: Option<PathBuf>,
    step_results: Option<PathBuf>,
    payload: Option<PathBuf>,
    workspace: Option<PathBuf>,
    flow: Option<String>,
    #[serde(default)]
    stop_on_entry: bool,
    /// The run's time limit in milliseconds, counting only the time the block runs (as `run --timeout-ms`).
    timeout_ms: Option<u64>,
}

/// A block or a flow ready to be debugged once the client has sent its breakpoints.
struct Launched {
    session: Session,
    target: Target,
    stop_on_entry: bool,
}

enum Target {
    Block {
        run: FileRunRequest,
        program: PathBuf,
        breakable_lines: Vec<u32>,
    },
    Flow(FlowRunRequest),
}

/// What the reader of the run's notices shares with the request loop.
#[derive(Default)]
struct Shared {
    paused: AtomicBool,
    /// Requests forwarded to the run and not yet answered, by their `seq`: the command's name.
    waiting: Mutex<HashMap<u64, String>>,
    /// The protocol's `source` of the file running now (a flow's current step), for stack frames.
    source: Mutex<Value>,
}

struct Adapter {
    out: DapOut,
    shared: Arc<Shared>,
    launched: Option<Launched>,
    /// The launch's session, which drives the run while the run's thread waits in it.
    session: Option<Session>,
    /// Debugging a flow (breakpoints then belong to step files).
    flow: bool,
    /// By file name (`get-data.js`); a single block's are under its own file's name whatever path the client
    /// named.
    breakpoints: HashMap<String, Vec<BreakpointSpec>>,
    /// The program's file name, for a single block.
    program_name: Option<String>,
    exceptions: ExceptionFilters,
    /// The debug run's id while it goes on (set at `configurationDone`).
    run_id: Option<String>,
    run: Option<JoinHandle<()>>,
}

/// Serves the client until it disconnects or closes stdin.
pub fn debug() -> Result<()> {
    let mut adapter = Adapter {
        out: DapOut::new(io::stdout()),
        shared: Arc::new(Shared::default()),
        launched: None,
        session: None,
        flow: false,
        breakpoints: HashMap::new(),
        program_name: None,
        exceptions: ExceptionFilters::default(),
        run_id: None,
        run: None,
    };
    let mut input = BufReader::new(io::stdin().lock());
    loop {
        let message = read_message(&mut input).map_err(|error| {
            Error::Invocation(format!(
                "The debug client's message could not be read: {error}."
            ))
        })?;
        let Some(message) = message else {
            break;
        };
        if message["type"] != "request" {
            continue;
        }
        if adapter.serve(&message) == Served::Disconnect {
            break;
        }
    }
    adapter.end();
    Ok(())
}

#[derive(PartialEq, Eq)]
enum Served {
    Going,
    Disconnect,
}

impl Adapter {
    fn serve(&mut self, request: &Value) -> Served {
        let seq = request["seq"].as_u64().unwrap_or(0);
        let command = request["command"].as_str().unwrap_or_default().to_owned();
        let arguments = &request["arguments"];
        let outcome = match command.as_str() {
            "initialize" => {
                self.out.respond(seq, &command, capabilities());
                self.out.event("initialized", json!({}));
                Ok(())
            }
            "launch" => self.launch(seq, arguments),
            "setBreakpoints" => self.set_breakpoints(seq, arguments),
            "setExceptionBreakpoints" => self.set_exception_breakpoints(seq, arguments),
            "configurationDone" => self.start(seq),
            "threads" => {
                self.out.respond(
                    seq,
                    &command,
                    json!({"threads": [{"id": THREAD_ID, "name": "block"}]}),
                );
                Ok(())
            }
            "stackTrace" => self.ask(seq, &command, DebugCommand::StackTrace { request: seq }),
            "scopes" => self.ask(
                seq,
                &command,
                DebugCommand::Scopes {
                    request: seq,
                    frame_id: arguments["frameId"].as_u64().unwrap_or(0),
                },
            ),
            "variables" => self.ask(
                seq,
                &command,
                DebugCommand::Variables {
                    request: seq,
                    variables_reference: arguments["variablesReference"].as_u64().unwrap_or(0),
                    start: arguments["start"].as_u64().map(|start| start as usize),
                    count: arguments["count"].as_u64().map(|count| count as usize),
                },
            ),
            "evaluate" => self.ask(
                seq,
                &command,
                DebugCommand::Evaluate {
                    request: seq,
                    expression: arguments["expression"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                    frame_id: arguments["frameId"].as_u64(),
                },
            ),
            "continue" => self.drive(seq, &command, DebugCommand::Continue),
            "next" => self.drive(seq, &command, DebugCommand::Next),
            "stepIn" => self.drive(seq, &command, DebugCommand::StepIn),
            "stepOut" => self.drive(seq, &command, DebugCommand::StepOut),
            "pause" => self.drive(seq, &command, DebugCommand::Pause),
            "terminate" => {
                self.stop_run();
                self.out.respond(seq, &command, json!({}));
                Ok(())
            }
            "disconnect" => {
                self.stop_run();
                self.out.respond(seq, &command, json!({}));
                return Served::Disconnect;
            }
            other => Err(format!("Blocksmith's debugger does not support `{other}`.")),
        };
        if let Err(message) = outcome {
            self.out.fail(seq, &command, &message);
        }
        Served::Going
    }

    fn launch(&mut self, seq: u64, arguments: &Value) -> std::result::Result<(), String> {
        let arguments: LaunchArguments = serde_json::from_value(arguments.clone())
            .map_err(|error| format!("The launch arguments are not what `blocksmith debug` takes: {error}. Give at least `program`, the block's file."))?;
        let launched = prepare(arguments).map_err(|error| error.to_string())?;
        match &launched.target {
            Target::Block { program, .. } => self.program_name = Some(file_name_of(program)),
            Target::Flow(_) => self.flow = true,
        }
        self.session = Some(launched.session.clone());
        self.launched = Some(launched);
        self.out.respond(seq, "launch", json!({}));
        Ok(())
    }

    fn set_breakpoints(&mut self, seq: u64, arguments: &Value) -> std::result::Result<(), String> {
        let asked: Vec<BreakpointSpec> = arguments["breakpoints"]
            .as_array()
            .map(|breakpoints| {
                breakpoints
                    .iter()
                    .filter_map(|breakpoint| {
                        Some(BreakpointSpec {
                            line: u32::try_from(breakpoint["line"].as_u64()?).ok()?,
                            condition: non_empty(&breakpoint["condition"]),
                            log_message: non_empty(&breakpoint["logMessage"]),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let path = arguments["source"]["path"].as_str().map(PathBuf::from);
        let file_name = match (&self.program_name, &path) {
            (Some(program), _) => program.clone(),
            (None, Some(path)) => file_name_of(path),
            (None, None) => return Err("Name the step's file in `source.path`.".to_owned()),
        };
        let breakable = match (&self.launched, &path) {
            (
                Some(Launched {
                    target:
                        Target::Block {
                            breakable_lines, ..
                        },
                    ..
                }),
                _,
            ) => breakable_lines.clone(),
            (_, Some(path)) => std::fs::read_to_string(path)
                .map(|source| Session::breakable_lines(&source))
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let answered: Vec<Value> = asked
            .iter()
            .map(|breakpoint| {
                match blocksmith_session::resolve_breakpoint_line(&breakable, breakpoint.line) {
                    Some(line) => json!({"verified": true, "line": line}),
                    None => json!({
                        "verified": false,
                        "line": breakpoint.line,
                        "message": "No statement starts on or after this line.",
                    }),
                }
            })
            .collect();
        self.breakpoints.insert(file_name.clone(), asked.clone());
        match (&self.run_id, &self.session) {
            (Some(run_id), Some(session)) if self.flow => {
                session.set_flow_breakpoints(run_id, &file_name, asked);
            }
            _ => {
                self.command_run(DebugCommand::SetBreakpoints { breakpoints: asked });
            }
        }
        self.out
            .respond(seq, "setBreakpoints", json!({"breakpoints": answered}));
        Ok(())
    }

    fn set_exception_breakpoints(
        &mut self,
        seq: u64,
        arguments: &Value,
    ) -> std::result::Result<(), String> {
        let filters: Vec<&str> = arguments["filters"]
            .as_array()
            .map(|filters| filters.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        self.exceptions = ExceptionFilters {
            uncaught: filters.contains(&"uncaught"),
            all: filters.contains(&"all"),
        };
        self.command_run(DebugCommand::SetExceptionFilters {
            filters: self.exceptions,
        });
        self.out.respond(seq, "setExceptionBreakpoints", json!({}));
        Ok(())
    }

    /// `configurationDone`: the breakpoints are in, so the block starts.
    fn start(&mut self, seq: u64) -> std::result::Result<(), String> {
        let Some(launched) = self.launched.take() else {
            return Err(
                "Send `launch` with the block's `program` before `configurationDone`.".to_owned(),
            );
        };
        if self.run.is_some() {
            return Err("The block is already running.".to_owned());
        }
        let listener = notices_to_client(self.out.clone(), Arc::clone(&self.shared));
        let out = self.out.clone();
        let session = launched.session;
        let (run_id, work): (String, Box<dyn FnOnce() + Send>) = match launched.target {
            Target::Block { run, program, .. } => {
                *self
                    .shared
                    .source
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner) = source_of(&program);
                let request = FileDebugRequest {
                    launch: DebugLaunch {
                        breakpoints: self
                            .breakpoints
                            .get(&file_name_of(&program))
                            .cloned()
                            .unwrap_or_default(),
                        exceptions: self.exceptions,
                        stop_on_entry: launched.stop_on_entry,
                    },
                    run,
                };
                let run_id = request.run.run_id.clone();
                (
                    run_id,
                    Box::new(move || {
                        let ran = session.debug_file(request, listener);
                        report_end(&out, ran.map(|ran| (ran.outcome.ok, ran.failure, ran)));
                    }),
                )
            }
            Target::Flow(run) => {
                let request = FlowDebugRequest {
                    run,
                    breakpoints: self.breakpoints.clone(),
                    exceptions: self.exceptions,
                    stop_on_entry: launched.stop_on_entry,
                };
                let run_id = request.run.run_id.clone();
                (
                    run_id,
                    Box::new(move || {
                        let ran = session.debug_flow(request, listener);
                        report_end(&out, ran.map(|ran| (ran.outcome.ok, ran.failure, ran)));
                    }),
                )
            }
        };
        let run = thread::Builder::new()
            .name("debug-run".into())
            .spawn(work)
            .map_err(|error| format!("The debug run could not be started: {error}."))?;
        self.run = Some(run);
        self.run_id = Some(run_id);
        self.out.respond(seq, "configurationDone", json!({}));
        Ok(())
    }

    /// Forwards a question about the paused frame; the run's answer becomes the response.
    fn ask(
        &mut self,
        seq: u64,
        command: &str,
        question: DebugCommand,
    ) -> std::result::Result<(), String> {
        if !self.shared.paused.load(Ordering::Acquire) {
            return Err("The block is running; pause it first.".to_owned());
        }
        self.shared
            .waiting
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(seq, command.to_owned());
        if !self.command_run(question) {
            self.shared
                .waiting
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .remove(&seq);
            return Err("The block is not running.".to_owned());
        }
        Ok(())
    }

    /// Forwards a command that moves the run along, and answers at once.
    fn drive(
        &mut self,
        seq: u64,
        command: &str,
        order: DebugCommand,
    ) -> std::result::Result<(), String> {
        if !self.command_run(order) {
            return Err("The block is not running.".to_owned());
        }
        let body = match command {
            "continue" => json!({"allThreadsContinued": true}),
            _ => json!({}),
        };
        self.out.respond(seq, command, body);
        Ok(())
    }

    /// Sends `command` to the run in progress; false when there is none.
    fn command_run(&self, command: DebugCommand) -> bool {
        match (&self.run_id, &self.session) {
            (Some(run_id), Some(session)) => session.send_debug_command(run_id, command),
            _ => false,
        }
    }

    fn stop_run(&self) {
        if let (Some(run_id), Some(session)) = (&self.run_id, &self.session) {
            session.stop_run(run_id);
        }
    }

    /// Waits for the run (stopped already if the client disconnected) so its last events go out.
    fn end(self) {
        self.stop_run();
        if let Some(run) = self.run {
            let _ = run.join();
        }
    }
}

/// Reads the launch's files as `blocksmith run` reads its options, and opens its session.
fn prepare(arguments: LaunchArguments) -> Result<Launched> {
    let session = match &arguments.workspace {
        Some(dir) => session_in(dir, false, Warm::None)?,
        None => session(Warm::None)?,
    };
    let config_vars = match &arguments.config_vars {
        Some(path) => Some(read_json_object_text("config variables file", path)?),
        None => None,
    };
    let input = match (
        arguments.trigger,
        &arguments.payload,
        &arguments.step_results,
    ) {
        (true, Some(path), _) => Some(read_json_text("payload file", path)?),
        (false, _, Some(path)) => Some(read_json_object_text("step results file", path)?),
        _ => None,
    };
    let limits = LimitOverrides {
        time_limit_ms: arguments.timeout_ms,
        memory_mb: None,
    };
    if let Some(flow) = arguments.flow {
        if arguments.workspace.is_none() {
            return Err(Error::Invocation(
                "Give `workspace`, the folder that holds the flow, with `flow`.".to_owned(),
            ));
        }
        let payload = match &arguments.payload {
            Some(path) => Some(crate::inputs::read_json("payload file", path)?),
            None => None,
        };
        return Ok(Launched {
            session,
            target: Target::Flow(FlowRunRequest {
                run_id: debug_execution_id(),
                flow,
                payload,
                limits,
                debug_mode: false,
            }),
            stop_on_entry: arguments.stop_on_entry,
        });
    }
    let Some(program) = arguments.program else {
        return Err(Error::Invocation(
            "Give `program`, the block's file (or `workspace` and `flow` to debug a flow)."
                .to_owned(),
        ));
    };
    let source = read_source(&program)?;
    let breakable_lines = Session::breakable_lines(&source);
    let program = &program;
    let run = FileRunRequest {
        run_id: debug_execution_id(),
        source,
        file_name: program
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| "block.js".to_owned()),
        step_name: program
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default(),
        trigger: arguments.trigger,
        config_vars,
        input,
        limits,
        debug_mode: false,
    };
    Ok(Launched {
        session,
        target: Target::Block {
            run,
            program: std::fs::canonicalize(program).unwrap_or_else(|_| program.clone()),
            breakable_lines,
        },
        stop_on_entry: arguments.stop_on_entry,
    })
}

fn debug_execution_id() -> String {
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis();
    format!("debug-{millis}-{}", std::process::id())
}

fn file_name_of(path: &std::path::Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The protocol's `source` for a file.
fn source_of(path: &std::path::Path) -> Value {
    json!({"name": file_name_of(path), "path": path.to_string_lossy()})
}

/// Turns the run's notices into the protocol's events and the answers into responses.
fn notices_to_client(out: DapOut, shared: Arc<Shared>) -> DebugListener {
    DebugListener(Arc::new(move |notice: &DebugNotice| {
        let source = shared
            .source
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        match notice {
        DebugNotice::StepStarted { path, .. } => {
            *shared.source.lock().unwrap_or_else(PoisonError::into_inner) = source_of(path);
        }
        DebugNotice::Logged(line) => out.event(
            "output",
            json!({"category": "console", "output": format!("{}\n", line.message)}),
        ),
        DebugNotice::Debugger(event) => match event {
            DebugEvent::Stopped {
                reason,
                text,
                ..
            } => {
                shared.paused.store(true, Ordering::Release);
                let mut body = json!({
                    "reason": reason,
                    "threadId": THREAD_ID,
                    "allThreadsStopped": true,
                });
                if let Some(text) = text {
                    body["text"] = json!(text);
                    body["description"] = json!(text);
                }
                out.event("stopped", body);
            }
            DebugEvent::Continued => {
                shared.paused.store(false, Ordering::Release);
                out.event(
                    "continued",
                    json!({"threadId": THREAD_ID, "allThreadsContinued": true}),
                );
            }
            DebugEvent::LogPoint { line, message } => out.event(
                "output",
                json!({"category": "console", "output": format!("{message}\n"), "line": line, "source": source}),
            ),
            DebugEvent::Answer { request, body } => {
                let Some(command) = take_waiting(&shared, *request) else {
                    return;
                };
                let mut body = serde_json::to_value(body).unwrap_or_default();
                if let Some(frames) = body.get_mut("stackFrames").and_then(Value::as_array_mut) {
                    for frame in frames {
                        frame["source"] = source.clone();
                    }
                }
                out.respond(*request, &command, body);
            }
            DebugEvent::Refused { request, message } => {
                if let Some(command) = take_waiting(&shared, *request) {
                    out.fail(*request, &command, message);
                }
            }
        },
    }
    }))
}

fn take_waiting(shared: &Shared, request: u64) -> Option<String> {
    shared
        .waiting
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .remove(&request)
}

/// The run's end: the line `blocksmith run` would print (as `stdout` output), then `terminated` and `exited`
/// with `blocksmith run`'s exit status.
fn report_end<O: serde::Serialize>(
    out: &DapOut,
    ran: blocksmith_session::Result<(
        bool,
        Option<blocksmith_session::types::FailureKind>,
        blocksmith_session::Ran<O>,
    )>,
) {
    let exit_code = match ran {
        Ok((ok, failure, ran)) => {
            let line = serde_json::to_string(&ran.outcome).unwrap_or_default();
            out.event(
                "output",
                json!({"category": "stdout", "output": format!("{line}\n")}),
            );
            exit_status(ok, failure)
        }
        Err(error) => {
            out.event(
                "output",
                json!({"category": "stderr", "output": format!("blocksmith debug: {error}\n")}),
            );
            crate::exit::BAD_INVOCATION
        }
    };
    out.event("terminated", json!({}));
    out.event("exited", json!({"exitCode": exit_code}));
}

fn non_empty(value: &Value) -> Option<String> {
    value
        .as_str()
        .filter(|text| !text.trim().is_empty())
        .map(str::to_owned)
}

/// What this adapter can do, for `initialize`'s response.
fn capabilities() -> Value {
    json!({
        "supportsConfigurationDoneRequest": true,
        "supportsConditionalBreakpoints": true,
        "supportsLogPoints": true,
        "supportsEvaluateForHovers": true,
        "supportsTerminateRequest": true,
        "exceptionBreakpointFilters": [
            {"filter": "uncaught", "label": "Uncaught exceptions", "default": false},
            {"filter": "all", "label": "All exceptions", "default": false},
        ],
    })
}
