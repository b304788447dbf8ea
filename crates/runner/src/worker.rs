//! The worker process: reads requests from stdin, runs each block on the engine in a fresh thread, and
//! writes one reply line per request to stdout. It limits its own address space per run, so a runaway
//! allocation aborts this process (which the supervisor reports as the memory limit), never the host.
//! Before it reads a request it turns core dumps off and makes itself non-dumpable (`hardening`), and says so
//! on stderr; a worker that cannot do that exits instead of running blocks.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufWriter, Write};
use std::os::fd::FromRawFd;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use blocksmith_cassette::{HttpLog, HttpTape};
use blocksmith_engine::debugger::{Attention, DebugCommand, DebugEvents, DebugLaunch, Debugger};
use blocksmith_engine::{
    debug_block_json_on, null_text, run_block_json_on, BlockError, EngineOptions, FailureKind,
    FlowInvoker, FrozenInputs, InvocationResult, InvokeFlowFailure, JsonBlockState, JsonRunReport,
    JsonRunRequest, LiveLogs, Prepared,
};

use crate::ended_run::RunEnd;
use crate::hardening::{encode_status, harden_this_process};
use crate::memory_probe::worker_memory_probe;
use crate::protocol::{
    decode_host_answer, encode_debug_event, encode_host_call, encode_live_log, HostCall,
    ReplyOutcome, WorkerReply, WorkerRequest,
};

/// The engine thread's stack. Boa recurses natively in its parser, `JSON.stringify` and callbacks such as
/// `Array.prototype.map`, so a roomy stack lets ordinary deep code run; what still overflows it is
/// reported as a stack overflow. It counts against the memory limit, so it never takes more than a quarter.
const ENGINE_STACK_BYTES: u64 = 64 * 1024 * 1024;

/// The request reader's stack: it reads lines and hands them on.
const READER_STACK_BYTES: u64 = 256 * 1024;

/// How long past its time limit a run may go before the worker ends itself (its host should have).
const ORPHAN_GRACE: Duration = Duration::from_secs(5);
const EXIT_ORPHANED: i32 = 70;

/// Runs the worker loop until stdin closes. Both the CLI (`blocksmith __worker`) and the app call this
/// when started as a worker.
pub fn worker_main() -> ExitCode {
    ExitCode::from(serve_requests())
}

/// The worker loop: its exit status, 0 when stdin closed and 1 when the worker could not go on. A worker
/// forked from the CLI (`forked_worker`) enters here too.
pub(crate) fn serve_requests() -> u8 {
    // First, before any block (or request, which holds the run's secrets) is read.
    let hardening = match harden_this_process() {
        Ok(hardening) => hardening,
        Err(error) => {
            eprintln!(
                "blocksmith worker: could not turn core dumps off and make itself non-dumpable ({error}); \
                 it runs no blocks without that"
            );
            return 1;
        }
    };
    // Measured before the ready engine starts, so that its stack and context count against the block's
    // budget, as a thread started for the run would; the request reader, started after, is counted in.
    let footprint = own_address_space_bytes() + READER_STACK_BYTES;
    // The engine builds its context (most of a small run's time) while the rest of the worker sets up.
    let mut ready_engine = EngineThread::spawn(ENGINE_STACK_BYTES).ok();
    let _ = io::stderr().write_all(encode_status(&hardening).as_bytes());
    let replies = match take_stdout_for_replies() {
        Ok(replies) => replies,
        Err(error) => {
            eprintln!("blocksmith worker: could not set up its reply channel: {error}");
            return 1;
        }
    };
    let host = HostLink {
        replies: Arc::new(Mutex::new(BufWriter::new(replies))),
        pending: PendingCalls::default(),
        next_call_id: Arc::new(AtomicU64::new(1)),
    };
    let mut lines = match read_stdin_in_background(host.pending.clone()) {
        Ok(lines) => Some(lines),
        Err(error) => {
            eprintln!("blocksmith worker: could not start reading its requests: {error}");
            return 1;
        }
    };
    loop {
        let line = match lines.as_ref().map(Receiver::recv) {
            Some(Ok(Ok(line))) => line,
            Some(Err(_)) | None => return 0,
            Some(Ok(Err(error))) => {
                eprintln!("blocksmith worker: could not read a request: {error}");
                return 1;
            }
        };
        let mut debug_run = false;
        let reply = match serde_json::from_str::<WorkerRequest>(&line) {
            Ok(request) => {
                debug_run = request.debug.is_some();
                // A debug run's commands arrive on the lines that follow; the worker serves nothing after it.
                let commands = if debug_run { lines.take() } else { None };
                serve(request, footprint, &host, commands, ready_engine.take())
            }
            Err(error) => Reply {
                id: 0,
                bytes: encode(&WorkerReply {
                    id: 0,
                    outcome: ReplyOutcome::Rejected(format!(
                        "the request is not valid JSON for a run: {error}"
                    )),
                    http: None,
                }),
                engine: None,
            },
        };
        if let Err(error) = host.write_line(&reply.bytes) {
            eprintln!(
                "blocksmith worker: could not send the reply to request {}: {error}",
                reply.id
            );
            return 1;
        }
        // The engine thread frees the run's objects as it ends, which takes a while after a large run:
        // the reply goes out first, and the next request waits for the memory.
        if let Some(engine) = reply.engine {
            let _ = engine.join();
        }
        // The debug run's command reader took the rest of stdin: this worker's work is done.
        if debug_run {
            return 0;
        }
        if ready_engine.is_none() {
            // The last run's memory limit was that block's budget: the next context is built without it
            // (a tight one could leave its stack room but not its heap), and the next run sets its own.
            if let Err(error) = limit_address_space(None) {
                eprintln!("blocksmith worker: could not lift the last run's memory limit: {error}");
            }
            ready_engine = EngineThread::spawn(ENGINE_STACK_BYTES).ok();
        }
    }
}

/// The runs' calls on the host that wait for an answer, by call id.
type PendingCalls = Arc<Mutex<HashMap<u64, mpsc::Sender<InvocationResult>>>>;

/// A stdin line, or why it could not be read.
type StdinLine = io::Result<String>;

/// The worker's two channels to its host, shared by the request loop (replies) and the runs' I/O threads
/// (host calls): each line is written whole under the lock, so the two never interleave.
#[derive(Clone)]
struct HostLink {
    replies: Arc<Mutex<BufWriter<File>>>,
    pending: PendingCalls,
    next_call_id: Arc<AtomicU64>,
}

impl HostLink {
    /// Writes one line (a reply, or a host call already ending in `\n`) and flushes it.
    fn write_line(&self, bytes: &[u8]) -> io::Result<()> {
        let mut replies = self.replies.lock().unwrap_or_else(PoisonError::into_inner);
        replies.write_all(bytes)?;
        if !bytes.ends_with(b"\n") {
            replies.write_all(b"\n")?;
        }
        replies.flush()
    }

    /// `context.invokeFlow` for this worker's runs: the call goes to the host, and the calling I/O thread
    /// waits for its answer (the run's time limit still runs: the host ends the run when it passes).
    fn flow_invoker(&self) -> FlowInvoker {
        let link = self.clone();
        FlowInvoker(Arc::new(move |invocation| {
            let call_id = link.next_call_id.fetch_add(1, Ordering::Relaxed);
            let (answered, answer) = mpsc::channel();
            link.pending
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(call_id, answered);
            let call = HostCall {
                call_id,
                invoke_flow: invocation,
            };
            let unanswered = |why: &str| {
                Err(InvokeFlowFailure::unavailable(&format!(
                    "the worker lost its host ({why})."
                )))
            };
            if let Err(error) = link.write_line(&encode_host_call(&call)) {
                link.forget(call_id);
                return unanswered(&error.to_string());
            }
            answer
                .recv()
                .unwrap_or_else(|_| unanswered("its input closed before the answer came"))
        }))
    }

    fn forget(&self, call_id: u64) {
        self.pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&call_id);
    }
}

/// Reads stdin line by line on a thread of its own: a host answer goes to the run waiting for it, every other
/// line (a request, a debug run's command) to the returned channel. Stdin closing closes the channel and
/// leaves any waiting host call without an answer.
fn read_stdin_in_background(pending: PendingCalls) -> io::Result<Receiver<StdinLine>> {
    let (lines, received) = mpsc::channel();
    thread::Builder::new()
        .name("worker-stdin".into())
        .stack_size(READER_STACK_BYTES as usize)
        .spawn(move || {
            let stdin = io::stdin();
            let mut line = String::new();
            loop {
                line.clear();
                match stdin.lock().read_line(&mut line) {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(error) => {
                        let _ = lines.send(Err(error));
                        break;
                    }
                }
                if let Some(answer) = decode_host_answer(line.as_bytes()) {
                    let waiting = pending
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .remove(&answer.call_id);
                    if let Some(waiting) = waiting {
                        let _ = waiting.send(answer.invoked);
                    }
                    continue;
                }
                if lines.send(Ok(line.clone())).is_err() {
                    break;
                }
            }
            // Dropping the senders tells each waiting call that no answer will come.
            pending
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clear();
        })?;
    Ok(received)
}

struct Reply {
    id: u64,
    bytes: Vec<u8>,
    /// The run's engine thread, still freeing the run's objects.
    engine: Option<JoinHandle<()>>,
}

/// Passes each log line on to the host as it is logged (see `LIVE_LOG_PREFIX`), so the host still has them
/// should this process be killed before it replies.
fn live_logs_to_stderr() -> LiveLogs {
    LiveLogs(Arc::new(|line| {
        let _ = io::stderr()
            .lock()
            .write_all(encode_live_log(line).as_bytes());
    }))
}

/// Moves the real stdout to a private descriptor for replies and points descriptor 1 at stderr, so
/// nothing the engine or a library prints can corrupt the protocol.
fn take_stdout_for_replies() -> io::Result<File> {
    // SAFETY: plain descriptor calls on descriptors this process owns; the duplicate is owned by the File.
    unsafe {
        let reply_fd = libc::dup(libc::STDOUT_FILENO);
        if reply_fd < 0 {
            return Err(io::Error::last_os_error());
        }
        if libc::dup2(libc::STDERR_FILENO, libc::STDOUT_FILENO) < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(File::from_raw_fd(reply_fd))
    }
}

/// The memory limit is a budget for the block on top of the worker's own idle footprint, which differs a
/// lot between worker binaries (the small CLI versus the app, which maps GTK and WebKit at start).
fn serve(
    request: WorkerRequest,
    footprint: u64,
    host: &HostLink,
    debug_commands: Option<Receiver<StdinLine>>,
    ready_engine: Option<EngineThread>,
) -> Reply {
    let WorkerRequest {
        id,
        run,
        memory_limit_bytes,
        max_reply_bytes,
        time_limit_ms,
        debug,
        http,
        frozen,
        leave_out_returned,
    } = request;
    let state_before = run.state.clone();
    let started = Instant::now();
    let tape = match http.map(HttpTape::new).transpose() {
        Ok(tape) => tape,
        Err(error) => {
            let reason = format!("its HTTP plan could not be prepared: {error}");
            return Reply {
                id,
                bytes: encode(&WorkerReply {
                    id,
                    outcome: ReplyOutcome::Rejected(reason),
                    http: None,
                }),
                engine: None,
            };
        }
    };
    let stack_bytes = engine_stack_bytes(memory_limit_bytes);
    // The ready engine serves a run that allows its stack; any other run gets a thread of its own, and the
    // ready one ends first, its stack unmapped before the limit is set.
    let ready_engine = match ready_engine {
        Some(engine) if engine.stack_bytes == stack_bytes => Some(engine),
        Some(engine) => {
            engine.discard();
            None
        }
        None => None,
    };
    if let Err(error) = limit_address_space(memory_limit_bytes.map(|budget| budget + footprint)) {
        eprintln!("blocksmith worker: could not set the memory limit: {error}");
    }
    // Paused time does not count against a debug run's limit, so only its host can tell when it is over.
    let backstop = match debug {
        Some(_) => None,
        None => Some(Duration::from_millis(time_limit_ms).saturating_add(ORPHAN_GRACE)),
    };
    let debugger = match (debug, debug_commands) {
        (Some(launch), Some(commands)) => Some(debugger_on_lines(launch, commands)),
        _ => None,
    };
    let conditions = RunConditions {
        tape: tape.clone(),
        frozen,
        flow_invoker: host.flow_invoker(),
    };
    let (mut report, engine) = match ready_engine.or_else(|| EngineThread::spawn(stack_bytes).ok())
    {
        Some(engine) => engine.run(run, memory_limit_bytes, backstop, debugger, conditions),
        None => (
            RunEnd::MemoryLimit {
                limit_bytes: memory_limit_bytes.unwrap_or(0),
            }
            .json_report(started.elapsed(), state_before.clone()),
            None,
        ),
    };
    if leave_out_returned {
        report.outcome.returned = null_text();
    }
    let duration = Duration::from_secs_f64(report.outcome.duration_ms.max(0.0) / 1000.0);
    let http_log = tape.map(|tape| tape.log());
    let bytes = match encode_capped(id, report, http_log, max_reply_bytes) {
        Ok(bytes) => bytes,
        Err(too_large) => {
            let report = too_large.json_report(duration, state_before);
            encode(&WorkerReply {
                id,
                outcome: ReplyOutcome::Report(Box::new(report)),
                http: None,
            })
        }
    };
    Reply { id, bytes, engine }
}

/// What a test case pins on a run: its HTTP (recorded or replayed) and its time and randomness.
struct RunConditions {
    tape: Option<Arc<HttpTape>>,
    frozen: Option<FrozenInputs>,
    /// Passes `context.invokeFlow`'s calls on to the host.
    flow_invoker: FlowInvoker,
}

/// The engine thread's stack for a run under `memory_limit_bytes`: a quarter of the limit at most.
fn engine_stack_bytes(memory_limit_bytes: Option<u64>) -> u64 {
    memory_limit_bytes.map_or(ENGINE_STACK_BYTES, |limit| {
        ENGINE_STACK_BYTES.min(limit / 4)
    })
}

/// A thread with a large stack that builds a fresh engine context (Boa's built-ins and the eager preludes,
/// most of a small block's time) as soon as it starts, then runs the one block it is given on it. The worker
/// keeps one ready while it waits for its next request, so the run starts on a context already built.
struct EngineThread {
    jobs: Sender<EngineJob>,
    thread: JoinHandle<()>,
    stack_bytes: u64,
}

/// What an engine thread runs, and where its report goes.
struct EngineJob {
    run: JsonRunRequest,
    memory_limit_bytes: Option<u64>,
    debugger: Option<Debugger>,
    conditions: RunConditions,
    finished: Sender<JsonRunReport>,
}

impl EngineThread {
    /// Fails when the thread cannot start, which under an address-space limit means the limit leaves no
    /// room for its stack.
    fn spawn(stack_bytes: u64) -> io::Result<Self> {
        let (jobs, next_job) = mpsc::channel::<EngineJob>();
        let thread = thread::Builder::new()
            .name("block".into())
            .stack_size(usize::try_from(stack_bytes).unwrap_or(usize::MAX))
            .spawn(move || {
                let prepared = Prepared::new();
                // No job: the worker is ending, or this thread's stack did not suit the run.
                let Ok(job) = next_job.recv() else {
                    return;
                };
                let conditions = job.conditions;
                let options = EngineOptions {
                    live_logs: Some(live_logs_to_stderr()),
                    memory_limit_mb: job.memory_limit_bytes.map(|bytes| bytes / (1024 * 1024)),
                    memory_probe: Some(worker_memory_probe()),
                    http_transport: conditions.tape.as_ref().map(HttpTape::transport),
                    frozen: conditions.frozen,
                    flow_invoker: Some(conditions.flow_invoker),
                    ..EngineOptions::default()
                };
                let report = match job.debugger {
                    Some(debugger) => debug_block_json_on(prepared, &job.run, &options, debugger),
                    None => run_block_json_on(prepared, &job.run, &options),
                };
                let _ = job.finished.send(report);
            })?;
        Ok(EngineThread {
            jobs,
            thread,
            stack_bytes,
        })
    }

    /// Ends the thread without a run, once it has finished building its context.
    fn discard(self) {
        drop(self.jobs);
        let _ = self.thread.join();
    }

    /// Runs the block, and returns its report with the thread, which may still be freeing the run's objects.
    fn run(
        self,
        run: JsonRunRequest,
        memory_limit_bytes: Option<u64>,
        backstop: Option<Duration>,
        debugger: Option<Debugger>,
        conditions: RunConditions,
    ) -> (JsonRunReport, Option<JoinHandle<()>>) {
        let state_before = run.state.clone();
        let started = Instant::now();
        let (finished, report) = mpsc::channel();
        // A send fails only when the thread has ended, which the receive below reports as a crash.
        let _ = self.jobs.send(EngineJob {
            run,
            memory_limit_bytes,
            debugger,
            conditions,
            finished,
        });
        let received = match backstop {
            Some(backstop) => report.recv_timeout(backstop),
            None => report.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match received {
            Ok(report) => (report, Some(self.thread)),
            Err(RecvTimeoutError::Disconnected) => {
                let panic = self.thread.join().err();
                let reason = panic
                    .as_ref()
                    .and_then(|panic| {
                        panic
                            .downcast_ref::<&str>()
                            .map(|text| (*text).to_owned())
                            .or_else(|| panic.downcast_ref::<String>().cloned())
                    })
                    .unwrap_or_else(|| "no message".to_owned());
                (
                    engine_panic_report(&reason, started.elapsed(), state_before),
                    None,
                )
            }
            Err(RecvTimeoutError::Timeout) => {
                // The host kills a worker at the time limit; still running now means the host is gone.
                eprintln!(
                    "blocksmith worker: the run outlived its time limit and no host stopped it; exiting"
                );
                std::process::exit(EXIT_ORPHANED);
            }
        }
    }
}

fn engine_panic_report(reason: &str, elapsed: Duration, state: JsonBlockState) -> JsonRunReport {
    let mut report = RunEnd::Crashed { how: String::new() }.json_report(elapsed, state);
    report.outcome.error = Some(BlockError {
        name: "InternalError".to_owned(),
        message: format!(
            "The JavaScript engine failed while running the block ({reason}). This is a bug in Blocksmith's \
             engine, not in the block."
        ),
        line: None,
        column: None,
        stack: None,
    });
    report.failure = Some(FailureKind::Block);
    report
}

/// The debugger of a debug run, driven from the rest of stdin's lines: a thread takes one `DebugCommand` per
/// line and passes it on (getting the engine thread's attention at once, since it is busy running the
/// block), and events go to stderr. When stdin closes the host is gone, and so is this worker.
fn debugger_on_lines(launch: DebugLaunch, lines: Receiver<StdinLine>) -> Debugger {
    let (commands, received) = mpsc::channel();
    let attention = Arc::new(Attention::default());
    let reader_attention = Arc::clone(&attention);
    let reader = thread::Builder::new()
        .name("debug-commands".into())
        .spawn(move || loop {
            let Ok(Ok(line)) = lines.recv() else {
                std::process::exit(EXIT_ORPHANED);
            };
            match serde_json::from_str::<DebugCommand>(&line) {
                Ok(command) => {
                    let pause = command == DebugCommand::Pause;
                    if commands.send(command).is_err() {
                        return;
                    }
                    reader_attention.command_sent(pause);
                }
                Err(error) => eprintln!(
                    "blocksmith worker: a debugger command that is not valid JSON was ignored: {error}"
                ),
            }
        });
    if let Err(error) = reader {
        eprintln!("blocksmith worker: could not start the debugger's command reader: {error}");
    }
    Debugger {
        launch,
        commands: received,
        attention,
        events: DebugEvents(Arc::new(|event| {
            let _ = io::stderr()
                .lock()
                .write_all(encode_debug_event(event).as_bytes());
        })),
    }
}

/// This process's mapped address space now (`/proc/self/statm`'s first field, in pages); 0 when unknown.
fn own_address_space_bytes() -> u64 {
    let pages = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|statm| statm.split_whitespace().next()?.parse::<u64>().ok())
        .unwrap_or(0);
    // SAFETY: sysconf only reads a system constant.
    let page_size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    pages * u64::try_from(page_size).unwrap_or(4096)
}

/// Sets this process's address-space (soft) limit for the next run; `None` lifts it back to the hard limit.
fn limit_address_space(limit_bytes: Option<u64>) -> io::Result<()> {
    let mut current = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit only read and write the struct passed in.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_AS, &mut current) != 0 {
            return Err(io::Error::last_os_error());
        }
        let wanted = limit_bytes.map_or(current.rlim_max, |bytes| {
            (bytes as libc::rlim_t).min(current.rlim_max)
        });
        let limit = libc::rlimit {
            rlim_cur: wanted,
            rlim_max: current.rlim_max,
        };
        if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Serializes the reply, giving up (without finishing the buffer) as soon as it passes `max_bytes`.
fn encode_capped(
    id: u64,
    report: JsonRunReport,
    http: Option<HttpLog>,
    max_bytes: u64,
) -> Result<Vec<u8>, RunEnd> {
    let mut buffer = CappedBuffer {
        bytes: Vec::new(),
        max_bytes: usize::try_from(max_bytes).unwrap_or(usize::MAX),
    };
    let reply = WorkerReply {
        id,
        outcome: ReplyOutcome::Report(Box::new(report)),
        http,
    };
    match serde_json::to_writer(&mut buffer, &reply) {
        Ok(()) => Ok(buffer.bytes),
        Err(_) => Err(RunEnd::ReplyTooLarge { max_bytes }),
    }
}

fn encode(reply: &WorkerReply) -> Vec<u8> {
    // A report of plain JSON values always serializes.
    serde_json::to_vec(reply).expect("a worker reply serializes to JSON")
}

struct CappedBuffer {
    bytes: Vec<u8>,
    max_bytes: usize,
}

impl Write for CappedBuffer {
    fn write(&mut self, chunk: &[u8]) -> io::Result<usize> {
        if self.bytes.len() + chunk.len() > self.max_bytes {
            return Err(io::Error::other("the reply is larger than the cap"));
        }
        self.bytes.extend_from_slice(chunk);
        Ok(chunk.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use blocksmith_engine::{BlockState, RunOutcome, RunReport};
    use serde_json::{json, Value};

    fn report_returning(result: Value) -> JsonRunReport {
        JsonRunReport::from(&RunReport {
            outcome: RunOutcome {
                ok: true,
                returned: result.clone(),
                result,
                response: Value::Null,
                logs: Vec::new(),
                error: None,
                duration_ms: 1.0,
                debug_results: None,
            },
            state: BlockState::default(),
            failure: None,
        })
    }

    #[test]
    fn a_reply_under_the_cap_is_encoded_whole() {
        let bytes = encode_capped(3, report_returning(json!("small")), None, 10_000).unwrap();
        let reply: WorkerReply = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(reply.id, 3);
        assert!(
            matches!(reply.outcome, ReplyOutcome::Report(report) if report.outcome.result.get() == r#""small""#)
        );
    }

    #[test]
    fn a_reply_over_the_cap_becomes_a_limit() {
        let huge = json!("x".repeat(5_000));
        let end = encode_capped(3, report_returning(huge), None, 1_000).unwrap_err();
        assert_eq!(end.failure_kind(), FailureKind::Limit);
        assert_eq!(end.error().name, "ResultTooLargeError");
    }

    #[test]
    fn an_engine_panic_is_reported_as_an_internal_error() {
        let report = engine_panic_report(
            "index out of bounds",
            Duration::ZERO,
            (&BlockState::default()).into(),
        );
        let error = report.outcome.error.unwrap();
        assert_eq!(error.name, "InternalError");
        assert!(error.message.contains("index out of bounds"));
        assert_eq!(report.failure, Some(FailureKind::Block));
    }
}
