//! The supervisor: runs each block in a worker process, keeps warm workers ready so a run starts at once,
//! enforces the time limit, passes the memory limit, and stops runs on request. A worker that dies, hits a
//! limit or is stopped is killed and replaced; the host never shares its fate.
//!
//! `run` blocks its thread until the run ends; `stop` can be called from any other thread, and a listener
//! registered with `listen_to_logs` hears each log line while the run goes on. The handle is cheap to clone
//! and `Send + Sync`, so an async app calls `run` from a blocking task.
//!
//! A run's `context.invokeFlow` reaches its waiting loop as a host call: the run's `FlowInvocations` runs the
//! flow on a thread of its own (in other workers of this pool, under a run id of its own) while the loop keeps
//! watching the invoking run's time limit and Stop; when the invoking run ends, however it ends, the flows it
//! invoked that are still running are stopped (`InvokedRuns`).

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use blocksmith_cassette::{HttpLog, HttpPlan};
use blocksmith_engine::debugger::{DebugCommand, DebugEvent, DebugEvents, DebugLaunch};
use blocksmith_engine::{
    json_text, BlockKind, FlowInvocation, FrozenInputs, InvocationResult, InvokeFlowFailure,
    JsonBlockState, JsonRunReport, JsonRunRequest, LiveLogs, RunReport, RunRequest,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::context::fresh_state;
use crate::ended_run::RunEnd;
use crate::error::{Error, Result};
use crate::forked_worker::ForkedWorker;
use crate::protocol::{HostAnswer, HostCall, ReplyOutcome, WorkerReply, WorkerRequest};
use crate::worker_process::{WorkerCommand, WorkerEvent, WorkerProcess};

pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(30);
pub const DEFAULT_MEMORY_LIMIT_MB: u64 = 512;
/// The largest reply (result, logs and state) a run may return.
pub const DEFAULT_MAX_REPLY_BYTES: u64 = 64 * 1024 * 1024;
/// What a new pooled worker runs once before it counts as warm.
const WARM_UP_BLOCK: &str = "module.exports = async () => ({ data: null });";
const WARM_UP_TIME_LIMIT: Duration = Duration::from_secs(10);
/// A worker is retired after this many runs, so slow leaks or heap fragmentation cannot accumulate.
const RUNS_PER_WORKER: u32 = 200;

/// The limits of one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunLimits {
    pub time_limit: Duration,
    /// The worker's address-space limit; `None` for none.
    pub memory_limit_bytes: Option<u64>,
}

impl RunLimits {
    pub fn new(time_limit_ms: u64, memory_limit_mb: u64) -> Self {
        RunLimits {
            time_limit: Duration::from_millis(time_limit_ms),
            memory_limit_bytes: Some(memory_limit_mb.saturating_mul(1024 * 1024)),
        }
    }
}

impl Default for RunLimits {
    fn default() -> Self {
        RunLimits::new(
            DEFAULT_TIME_LIMIT.as_millis() as u64,
            DEFAULT_MEMORY_LIMIT_MB,
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupervisorOptions {
    /// Idle workers kept ready. The app keeps one; a one-shot CLI run keeps none.
    pub warm_workers: usize,
    pub max_reply_bytes: u64,
}

impl Default for SupervisorOptions {
    fn default() -> Self {
        SupervisorOptions {
            warm_workers: 1,
            max_reply_bytes: DEFAULT_MAX_REPLY_BYTES,
        }
    }
}

/// What a run may rely on beyond its request: how its `fetch` goes (recorded or replayed), its time and
/// randomness (both pinned by a test case), and who runs the flows its `context.invokeFlow` names.
#[derive(Debug, Clone, Default)]
pub struct RunConditions {
    pub http: Option<HttpPlan>,
    pub frozen: Option<FrozenInputs>,
    /// `None`: each `context.invokeFlow` call rejects, saying the run has no workspace to take flows from.
    pub invocations: Option<FlowInvocations>,
    /// The caller has no use for the report's `returned` (see [`WorkerRequest::leave_out_returned`]): it comes
    /// back `null`, and a large result crosses from the worker once.
    pub leave_out_returned: bool,
}

/// Runs one flow a run's `context.invokeFlow` names, to its end, under the given run id (the supervisor stops
/// that id when the invoking run ends first). Called on a thread of its own; it may take as long as the flow.
#[derive(Clone)]
pub struct FlowInvocations(
    pub Arc<dyn Fn(FlowInvocation, RunId) -> InvocationResult + Send + Sync>,
);

impl fmt::Debug for FlowInvocations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FlowInvocations(..)")
    }
}

/// Names a run so it can be stopped. Unique among the runs in progress (`Supervisor::next_run_id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RunId(pub u64);

#[derive(Clone)]
pub struct Supervisor {
    shared: Arc<Shared>,
}

struct Shared {
    command: WorkerCommand,
    options: SupervisorOptions,
    idle: Mutex<Vec<WorkerProcess>>,
    active: Mutex<HashMap<RunId, Sender<WorkerEvent>>>,
    /// Who hears the log lines of the runs under each id, as they arrive (`listen_to_logs`).
    log_listeners: Mutex<HashMap<RunId, LiveLogs>>,
    refilling: AtomicBool,
    next_run_id: AtomicU64,
    /// Invoked flows whose invoking run ended: each of their steps is stopped as it starts (`cancel`).
    cancelled: Mutex<HashSet<RunId>>,
}

impl Supervisor {
    /// A supervisor that starts workers with `command`. Warm workers are started in the background.
    pub fn new(command: WorkerCommand, options: SupervisorOptions) -> Self {
        let supervisor = Supervisor {
            shared: Arc::new(Shared {
                command,
                options,
                idle: Mutex::new(Vec::new()),
                active: Mutex::new(HashMap::new()),
                log_listeners: Mutex::new(HashMap::new()),
                refilling: AtomicBool::new(false),
                next_run_id: AtomicU64::new(1),
                cancelled: Mutex::new(HashSet::new()),
            }),
        };
        supervisor.refill_in_background();
        supervisor
    }

    /// Starts the warm workers now and waits until they are ready (for benchmarks and tests).
    pub fn warm_up(&self) -> Result<()> {
        while self.idle_workers() < self.shared.options.warm_workers {
            let worker = self.shared.spawn_warm_worker()?;
            self.shared.lock_idle().push(worker);
        }
        Ok(())
    }

    /// Takes `forked` (a worker the one-shot command forked as it started) as an idle worker, so the next run
    /// goes to it whether or not the pool keeps warm workers. No warm-up run: its engine warms up as it
    /// waits for its first request. Fails only when its output cannot be read (threads cannot start).
    pub fn adopt_forked_worker(&self, forked: ForkedWorker) -> Result<()> {
        let worker = WorkerProcess::adopt(forked, self.shared.options.max_reply_bytes)?;
        self.shared.lock_idle().push(worker);
        Ok(())
    }

    pub fn idle_workers(&self) -> usize {
        self.shared.lock_idle().len()
    }

    pub fn next_run_id(&self) -> RunId {
        RunId(self.shared.next_run_id.fetch_add(1, Ordering::Relaxed))
    }

    /// Has `listener` hear each log line of the runs under `run_id` as their worker passes it on (so a front
    /// end can show it at once), until the returned guard is dropped. A flow's steps all run under one id, so
    /// the listener hears every step. The run's report still holds every line, whether or not it was heard.
    pub fn listen_to_logs(&self, run_id: RunId, listener: LiveLogs) -> LogListening {
        self.shared
            .log_listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(run_id, listener);
        LogListening {
            shared: Arc::clone(&self.shared),
            run_id,
        }
    }

    /// Runs one block in a worker and waits for its report. A block that fails, hits a limit or is stopped
    /// still gives a report (`ok: false`); an `Err` means no worker could carry out the run.
    pub fn run(&self, run_id: RunId, request: RunRequest, limits: RunLimits) -> Result<RunReport> {
        let report = self.run_json(run_id, JsonRunRequest::from(&request), limits)?;
        report.parse().map_err(|error| {
            Error::WorkerProtocol(format!("its report holds text that is not JSON: {error}"))
        })
    }

    /// `run` under `conditions`, answering also with what its `fetch` recorded or missed.
    pub fn run_under(
        &self,
        run_id: RunId,
        request: RunRequest,
        limits: RunLimits,
        conditions: RunConditions,
    ) -> Result<(RunReport, Option<HttpLog>)> {
        let (report, http) =
            self.run_json_under(run_id, JsonRunRequest::from(&request), limits, conditions)?;
        let report = report.parse().map_err(|error| {
            Error::WorkerProtocol(format!("its report holds text that is not JSON: {error}"))
        })?;
        Ok((report, http))
    }

    /// `run` with the request's and the report's JSON kept as text, for a caller that only passes it on
    /// (the CLI prints it): a large payload or result is then never parsed into a tree on this side.
    pub fn run_json(
        &self,
        run_id: RunId,
        request: JsonRunRequest,
        limits: RunLimits,
    ) -> Result<JsonRunReport> {
        self.run_json_under(run_id, request, limits, RunConditions::default())
            .map(|(report, _)| report)
    }

    /// `run_json` under `conditions`, answering also with what its `fetch` recorded or missed (`None` when
    /// the conditions had no HTTP plan, or the worker died before it replied).
    pub fn run_json_under(
        &self,
        run_id: RunId,
        request: JsonRunRequest,
        limits: RunLimits,
        conditions: RunConditions,
    ) -> Result<(JsonRunReport, Option<HttpLog>)> {
        let started = Instant::now();
        // A limit too large to add to the clock means no deadline at all.
        let deadline = started.checked_add(limits.time_limit);
        let state_before = request.state.clone();
        let mut invoked = InvokedRuns::new(self, conditions.invocations.clone());
        let request = self.worker_request(request, &limits, None, conditions);
        let (mut worker, request_id) = self.start_on_worker(request, self.log_listener(run_id))?;
        let registration = ActiveRun::register(&self.shared, run_id, worker.stopper());
        if self.shared.is_cancelled(run_id) {
            // Its invoking run ended between the flow's steps: this step does not run either.
            let _ = worker.stopper().send(WorkerEvent::Stop);
        }
        let event = loop {
            match worker.next_event(deadline) {
                Some(WorkerEvent::HostCall(call)) => invoked.start(call, worker.stopper()),
                Some(WorkerEvent::HostAnswer(answer)) => {
                    // A worker that cannot take it is dead; its closed stdout ends the run just after.
                    let _ = worker.send_host_answer(&answer);
                }
                // Only a debug run's worker has debugger events, and only a debug run takes commands.
                Some(WorkerEvent::Debug(_) | WorkerEvent::Command(_)) => {}
                event => break event,
            }
        };
        drop(registration);
        drop(invoked);
        self.conclude(
            worker,
            event,
            request_id,
            &limits,
            started,
            state_before,
            true,
        )
    }

    /// Runs one block under the debugger in a worker of its own and waits for its report; meanwhile
    /// `listener` hears each debugger event, and `send_debug_command` drives the run. The time limit counts
    /// only the time the block runs, not the time it is paused; Stop ends it at once as it ends any run. The
    /// flows the block invokes run as in [`Supervisor::run_json_under`], not under the debugger.
    pub fn debug_json(
        &self,
        run_id: RunId,
        request: JsonRunRequest,
        limits: RunLimits,
        launch: DebugLaunch,
        listener: DebugEvents,
        conditions: RunConditions,
    ) -> Result<JsonRunReport> {
        let started = Instant::now();
        let state_before = request.state.clone();
        let mut invoked = InvokedRuns::new(self, conditions.invocations.clone());
        let mut request = self.worker_request(request, &limits, Some(launch), conditions);
        let log_listener = self.log_listener(run_id);
        // Never a pooled worker: a debug run's worker hands its stdin to the debugger and exits afterwards.
        let mut worker =
            WorkerProcess::spawn(&self.shared.command, self.shared.options.max_reply_bytes)?;
        worker.set_log_listener(log_listener);
        let request_id = worker
            .send(&mut request)
            .map_err(Error::WorkerUnreachable)?;
        let registration = ActiveRun::register(&self.shared, run_id, worker.stopper());
        let mut clock = PausableClock::started(limits.time_limit);
        let event = loop {
            match worker.next_event(clock.deadline()) {
                Some(WorkerEvent::Debug(event)) => {
                    match event {
                        DebugEvent::Stopped { .. } => clock.pause(),
                        DebugEvent::Continued => clock.resume(),
                        _ => {}
                    }
                    (listener.0)(&event);
                }
                Some(WorkerEvent::Command(command)) => {
                    // A worker that cannot take it is dead; its closed stdout ends the run just after.
                    let _ = worker.send_command(&command);
                }
                Some(WorkerEvent::HostCall(call)) => invoked.start(call, worker.stopper()),
                Some(WorkerEvent::HostAnswer(answer)) => {
                    // A worker that cannot take it is dead; its closed stdout ends the run just after.
                    let _ = worker.send_host_answer(&answer);
                }
                Some(WorkerEvent::Reply(line)) => {
                    for event in worker.late_debug_events() {
                        (listener.0)(&event);
                    }
                    break Some(WorkerEvent::Reply(line));
                }
                event => break event,
            }
        };
        drop(registration);
        drop(invoked);
        self.conclude(
            worker,
            event,
            request_id,
            &limits,
            started,
            state_before,
            false,
        )
        .map(|(report, _)| report)
    }

    /// `debug_json` for a request given as values, as `run` is to `run_json`: a flow's steps under the
    /// debugger.
    pub fn debug(
        &self,
        run_id: RunId,
        request: RunRequest,
        limits: RunLimits,
        launch: DebugLaunch,
        listener: DebugEvents,
        conditions: RunConditions,
    ) -> Result<RunReport> {
        let report = self.debug_json(
            run_id,
            JsonRunRequest::from(&request),
            limits,
            launch,
            listener,
            conditions,
        )?;
        report.parse().map_err(|error| {
            Error::WorkerProtocol(format!("its report holds text that is not JSON: {error}"))
        })
    }

    /// What a worker is sent for one run (its `id` is set when it is sent).
    fn worker_request(
        &self,
        run: JsonRunRequest,
        limits: &RunLimits,
        debug: Option<DebugLaunch>,
        conditions: RunConditions,
    ) -> WorkerRequest {
        WorkerRequest {
            id: 0,
            run,
            memory_limit_bytes: limits.memory_limit_bytes,
            max_reply_bytes: self.shared.options.max_reply_bytes,
            time_limit_ms: u64::try_from(limits.time_limit.as_millis()).unwrap_or(u64::MAX),
            debug,
            http: conditions.http,
            frozen: conditions.frozen,
            leave_out_returned: conditions.leave_out_returned,
        }
    }

    /// Who hears the run's log lines as they are logged, if anyone listens (`listen_to_logs`).
    fn log_listener(&self, run_id: RunId) -> Option<LiveLogs> {
        self.shared
            .log_listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&run_id)
            .cloned()
    }

    /// Passes `command` on to the debug run `run_id`; answers whether such a run was in progress.
    pub fn send_debug_command(&self, run_id: RunId, command: DebugCommand) -> bool {
        let active = self
            .shared
            .active
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        match active.get(&run_id) {
            Some(sender) => sender.send(WorkerEvent::Command(command)).is_ok(),
            None => false,
        }
    }

    /// The report of a run whose worker said `event` (`None`: the time limit passed), and what its `fetch`
    /// recorded or missed when it replied. A worker that replied goes back to the pool when `reusable`.
    #[allow(clippy::too_many_arguments)]
    fn conclude(
        &self,
        worker: WorkerProcess,
        event: Option<WorkerEvent>,
        request_id: u64,
        limits: &RunLimits,
        started: Instant,
        state_before: JsonBlockState,
        reusable: bool,
    ) -> Result<(JsonRunReport, Option<HttpLog>)> {
        let end = match event {
            Some(WorkerEvent::Reply(line)) => {
                let accepted = self.accept_reply(worker, &line, request_id, reusable);
                if accepted.is_err() || !reusable {
                    // The worker that broke the protocol (or served a debug run) is gone; keep a warm one ready.
                    self.refill_in_background();
                }
                return accepted;
            }
            Some(WorkerEvent::Closed) => worker.into_death(limits.memory_limit_bytes),
            // The worker is killed (SIGKILL) and reaped before the run reports, keeping what it logged.
            None => (
                RunEnd::TimedOut {
                    limit: limits.time_limit,
                },
                worker.end_keeping_logs(),
            ),
            Some(WorkerEvent::Stop) => (RunEnd::Stopped, worker.end_keeping_logs()),
            Some(WorkerEvent::ReplyTooLarge) => (
                RunEnd::ReplyTooLarge {
                    max_bytes: self.shared.options.max_reply_bytes,
                },
                worker.end_keeping_logs(),
            ),
            Some(
                WorkerEvent::Debug(_)
                | WorkerEvent::Command(_)
                | WorkerEvent::HostCall(_)
                | WorkerEvent::HostAnswer(_),
            ) => {
                unreachable!(
                    "the waiting loops pass debugger traffic and host calls on and never conclude with them"
                )
            }
        };
        let (end, logs) = end;
        // The worker is gone (stopped, over a limit, or dead): start a warm one for the next run.
        self.refill_in_background();
        let mut report = end.json_report(started.elapsed(), state_before);
        report.outcome.logs = logs;
        Ok((report, None))
    }

    fn accept_reply(
        &self,
        worker: WorkerProcess,
        line: &[u8],
        request_id: u64,
        reusable: bool,
    ) -> Result<(JsonRunReport, Option<HttpLog>)> {
        let reply: WorkerReply = serde_json::from_slice(line).map_err(|error| {
            Error::WorkerProtocol(format!("its reply is not valid JSON: {error}"))
        })?;
        if reply.id != request_id {
            return Err(Error::WorkerProtocol(format!(
                "it answered request {} while request {request_id} was waiting",
                reply.id
            )));
        }
        match reply.outcome {
            ReplyOutcome::Report(report) => {
                // The run's listener hears every line before the run ends (and the worker moves on).
                worker.await_live_logs(report.outcome.logs.len());
                if reusable {
                    self.give_back(worker);
                } else {
                    worker.retire();
                }
                Ok((*report, reply.http))
            }
            ReplyOutcome::Rejected(reason) => Err(Error::WorkerProtocol(format!(
                "it rejected the request: {reason}"
            ))),
        }
    }

    /// Stops the run `run_id` now and every later run under that id as it starts (an invoked flow whose
    /// invoking run ended: its next step must not start either). For ids that are never reused.
    fn cancel(&self, run_id: RunId) {
        self.shared
            .cancelled
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(run_id);
        self.stop(run_id);
    }

    /// Ends a run at once: its worker is killed and the run reports `StoppedError`. Returns whether a run
    /// with that id was in progress.
    pub fn stop(&self, run_id: RunId) -> bool {
        let active = self
            .shared
            .active
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        match active.get(&run_id) {
            Some(stopper) => stopper.send(WorkerEvent::Stop).is_ok(),
            None => false,
        }
    }

    /// Sends the request to a warm worker, or to a new one if there is none or the warm one turns out dead;
    /// `listener` hears the run's log lines from its first.
    fn start_on_worker(
        &self,
        mut request: WorkerRequest,
        listener: Option<LiveLogs>,
    ) -> Result<(WorkerProcess, u64)> {
        if let Some(mut worker) = self.take_idle() {
            worker.prepare_for_run();
            worker.set_log_listener(listener.clone());
            if let Ok(id) = worker.send(&mut request) {
                return Ok((worker, id));
            }
            // The idle worker died since it was pooled (its pipe is closed): start a fresh one below.
        }
        let mut worker =
            WorkerProcess::spawn(&self.shared.command, self.shared.options.max_reply_bytes)?;
        worker.set_log_listener(listener);
        let id = worker
            .send(&mut request)
            .map_err(Error::WorkerUnreachable)?;
        Ok((worker, id))
    }

    fn take_idle(&self) -> Option<WorkerProcess> {
        let mut idle = self.shared.lock_idle();
        while let Some(mut worker) = idle.pop() {
            if worker.is_alive() {
                return Some(worker);
            }
        }
        None
    }

    /// Pools a worker that finished a run normally (it is warm: its next run starts at once), unless the
    /// pool is full or the worker is worn out, in which case it is killed and, if need be, replaced.
    fn give_back(&self, mut worker: WorkerProcess) {
        worker.set_log_listener(None);
        worker.runs_served += 1;
        if worker.runs_served < RUNS_PER_WORKER {
            let mut idle = self.shared.lock_idle();
            if idle.len() < self.shared.options.warm_workers {
                idle.push(worker);
                return;
            }
        }
        worker.retire();
        self.refill_in_background();
    }

    fn refill_in_background(&self) {
        let shared = &self.shared;
        if shared.lock_idle().len() >= shared.options.warm_workers
            || shared.refilling.swap(true, Ordering::AcqRel)
        {
            return;
        }
        let shared = Arc::clone(shared);
        let spawned = thread::Builder::new()
            .name("worker-pool".into())
            .spawn(move || {
                while shared.lock_idle().len() < shared.options.warm_workers {
                    // A failure here is not lost: the next run starts its own worker and reports the error.
                    let Ok(worker) = shared.spawn_warm_worker() else {
                        break;
                    };
                    shared.lock_idle().push(worker);
                }
                shared.refilling.store(false, Ordering::Release);
            });
        if spawned.is_err() {
            self.shared.refilling.store(false, Ordering::Release);
        }
    }
}

impl Shared {
    /// Starts a worker and has it run a trivial block once, so the engine's one-time set-up is done
    /// before a person's first run lands on it.
    fn spawn_warm_worker(&self) -> Result<WorkerProcess> {
        let mut worker = WorkerProcess::spawn(&self.command, self.options.max_reply_bytes)?;
        let mut request = WorkerRequest {
            id: 0,
            run: JsonRunRequest {
                source: WARM_UP_BLOCK.to_owned(),
                file_name: "warm-up.js".to_owned(),
                kind: BlockKind::Action,
                config_vars: json_text(&json!({})),
                input: json_text(&json!({})),
                context: json_text(&json!({})),
                state: JsonBlockState::from(&fresh_state()),
                debug_mode: false,
            },
            memory_limit_bytes: None,
            max_reply_bytes: self.options.max_reply_bytes,
            time_limit_ms: WARM_UP_TIME_LIMIT.as_millis() as u64,
            debug: None,
            http: None,
            frozen: None,
            leave_out_returned: true,
        };
        let id = worker
            .send(&mut request)
            .map_err(Error::WorkerUnreachable)?;
        match worker.next_event(Instant::now().checked_add(WARM_UP_TIME_LIMIT)) {
            Some(WorkerEvent::Reply(line)) => {
                let reply: WorkerReply = serde_json::from_slice(&line).map_err(|error| {
                    Error::WorkerProtocol(format!("its warm-up reply is not valid JSON: {error}"))
                })?;
                match reply.outcome {
                    ReplyOutcome::Report(_) if reply.id == id => Ok(worker),
                    _ => Err(Error::WorkerProtocol(
                        "it did not run its warm-up block".into(),
                    )),
                }
            }
            _ => Err(Error::WorkerProtocol(
                "it did not answer its warm-up run".into(),
            )),
        }
    }

    fn is_cancelled(&self, run_id: RunId) -> bool {
        self.cancelled
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .contains(&run_id)
    }

    fn lock_idle(&self) -> std::sync::MutexGuard<'_, Vec<WorkerProcess>> {
        self.idle.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The flows one run invoked: each runs on a thread of its own under a fresh run id, and its answer goes back
/// to the invoking run's waiting loop. Dropped when the invoking run ends: the flows still running are
/// stopped, so none outlives the run that asked for it (its time limit, Stop, or its worker's death).
struct InvokedRuns<'a> {
    supervisor: &'a Supervisor,
    invocations: Option<FlowInvocations>,
    /// The invoked flows still running.
    running: Arc<Mutex<HashSet<RunId>>>,
}

impl<'a> InvokedRuns<'a> {
    fn new(supervisor: &'a Supervisor, invocations: Option<FlowInvocations>) -> Self {
        InvokedRuns {
            supervisor,
            invocations,
            running: Arc::default(),
        }
    }

    /// Runs the call's flow in the background; its answer reaches the waiting loop through `answers`.
    fn start(&mut self, call: HostCall, answers: Sender<WorkerEvent>) {
        let HostCall {
            call_id,
            invoke_flow,
        } = call;
        let Some(invocations) = self.invocations.clone() else {
            let refused = Err(InvokeFlowFailure::unavailable(
                "this run has no workspace to take flows from. Run the block of a workspace (in the app, or \
                 with `blocksmith run --workspace DIR`).",
            ));
            let _ = answers.send(WorkerEvent::HostAnswer(HostAnswer {
                call_id,
                invoked: refused,
            }));
            return;
        };
        let child = self.supervisor.next_run_id();
        lock(&self.running).insert(child);
        let running = Arc::clone(&self.running);
        let shared = Arc::clone(&self.supervisor.shared);
        let refusals = answers.clone();
        let spawned = thread::Builder::new()
            .name("invoked-flow".into())
            .spawn(move || {
                let invoked = (invocations.0)(invoke_flow, child);
                // Under the lock `InvokedRuns::drop` takes, so a cancel either happened before (and is
                // forgotten here) or never happens.
                let mut still_running = lock(&running);
                still_running.remove(&child);
                lock(&shared.cancelled).remove(&child);
                drop(still_running);
                let _ = answers.send(WorkerEvent::HostAnswer(HostAnswer { call_id, invoked }));
            });
        if let Err(error) = spawned {
            lock(&self.running).remove(&child);
            let refused = Err(InvokeFlowFailure::unavailable(&format!(
                "Blocksmith could not start a thread to run the flow ({error})."
            )));
            let _ = refusals.send(WorkerEvent::HostAnswer(HostAnswer {
                call_id,
                invoked: refused,
            }));
        }
    }
}

impl Drop for InvokedRuns<'_> {
    fn drop(&mut self) {
        for &child in lock(&self.running).iter() {
            self.supervisor.cancel(child);
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A debug run's time limit: it runs down only while the block runs, not while it is paused.
struct PausableClock {
    remaining: Duration,
    /// When the block last started running; `None` while it is paused.
    running_since: Option<Instant>,
}

impl PausableClock {
    fn started(limit: Duration) -> Self {
        PausableClock {
            remaining: limit,
            running_since: Some(Instant::now()),
        }
    }

    /// When the limit is reached if the block keeps running; `None` while paused (or for a limit too large
    /// to add to the clock).
    fn deadline(&self) -> Option<Instant> {
        self.running_since?.checked_add(self.remaining)
    }

    fn pause(&mut self) {
        if let Some(since) = self.running_since.take() {
            self.remaining = self.remaining.saturating_sub(since.elapsed());
        }
    }

    fn resume(&mut self) {
        self.running_since.get_or_insert_with(Instant::now);
    }
}

/// A run's entry in the table `stop` consults, removed when the run ends however it ends.
struct ActiveRun<'a> {
    shared: &'a Shared,
    run_id: RunId,
}

impl<'a> ActiveRun<'a> {
    fn register(shared: &'a Shared, run_id: RunId, stopper: Sender<WorkerEvent>) -> Self {
        shared
            .active
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(run_id, stopper);
        ActiveRun { shared, run_id }
    }
}

impl Drop for ActiveRun<'_> {
    fn drop(&mut self) {
        self.shared
            .active
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&self.run_id);
    }
}

/// While it lives, the listener given to `Supervisor::listen_to_logs` hears the log lines of its run id.
#[must_use = "the listener is removed as soon as this guard is dropped"]
pub struct LogListening {
    shared: Arc<Shared>,
    run_id: RunId,
}

impl Drop for LogListening {
    fn drop(&mut self) {
        self.shared
            .log_listeners
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&self.run_id);
    }
}
