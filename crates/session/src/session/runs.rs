//! The session's runs: a block of the workspace (with the editor's text and input), a whole flow, or a block
//! file outside any workspace (the CLI's `run FILE`). Each run takes a snapshot of the workspace, so the
//! workspace stays free while connections refresh their tokens and the worker runs; what the run left behind
//! (state, history) is recorded afterwards. Every outcome comes back with the run's secrets redacted, and so
//! does each log line the host hears while the run goes on ([`crate::SessionHost::run_logged`]).

use std::sync::Arc;
use std::time::{Instant, SystemTime};

use blocksmith_cassette::{HttpLog, HttpMode, HttpPlan, SecretPlaceholder};
use blocksmith_engine::{
    json_text, BlockError, BlockKind, FailureKind, JsonBlockState, JsonRunOutcome, JsonRunRequest,
    JsonText, LiveLogs, LogLevel, LogLine,
};
use blocksmith_runner::{
    default_trigger_payload, fresh_state, run_context, FlowOutcome, RunConditions, RunIdentity,
    RunLimits, DEFAULT_MEMORY_LIMIT_MB, DEFAULT_WEBHOOK_BASE_URL,
};
use blocksmith_workspace::history::RunOrigin;
use blocksmith_workspace::Workspace;
use serde::Serialize;
use serde_json::{json, Value};

use super::invocations::{record_invoked_by_steps, record_invoked_runs, Invoker};
use super::{lock, Session};
use crate::connections::{config_vars_and_secrets_for_run, config_vars_for_run, redactor_for};
use crate::error::Result;
use crate::redaction::{redact_outcome, Redactor};
use crate::runs::{
    block_run_record, flow_schemas, prepare_block_run, prepare_flow_run, record_flow_history,
    record_flow_run, save_block_state, FlowRunRecord, RunClock,
};

/// A run of one block of the open workspace.
#[derive(Debug, Clone)]
pub struct BlockRunRequest {
    /// Chosen by the front end, so [`Session::stop_run`] can name the run; also the run's `executionId`.
    pub run_id: String,
    pub block_id: String,
    /// The editor's text; the saved file when `None`.
    pub source: Option<String>,
    /// The trigger's `payload` or the action's `stepResults`; the saved sample when `None`.
    pub input: Option<Value>,
    /// Runs in debug mode: `context.debug.enabled` is true and the outcome carries `debugResults`.
    pub debug_mode: bool,
}

/// A run of a whole flow of the open workspace.
#[derive(Debug, Clone, Default)]
pub struct FlowRunRequest {
    /// As in [`BlockRunRequest::run_id`].
    pub run_id: String,
    pub flow: String,
    /// The trigger's `payload`; its saved sample when `None`.
    pub payload: Option<Value>,
    pub limits: LimitOverrides,
    /// As in [`BlockRunRequest::debug_mode`], for every step.
    pub debug_mode: bool,
}

/// Limits that replace each block's own for one run.
#[derive(Debug, Clone, Copy, Default)]
pub struct LimitOverrides {
    pub time_limit_ms: Option<u64>,
    pub memory_mb: Option<u64>,
}

impl LimitOverrides {
    pub(super) fn apply(&self, limits: RunLimits) -> RunLimits {
        let given = RunLimits::new(
            self.time_limit_ms
                .unwrap_or(limits.time_limit.as_millis() as u64),
            self.memory_mb.unwrap_or(DEFAULT_MEMORY_LIMIT_MB),
        );
        RunLimits {
            time_limit: given.time_limit,
            memory_limit_bytes: match self.memory_mb {
                Some(_) => given.memory_limit_bytes,
                None => limits.memory_limit_bytes,
            },
        }
    }
}

/// A block file run on its own, as `blocksmith run FILE` does: with the open workspace's config variables,
/// connections and execution settings when one is open, else with none. Its JSON stays text all the way to the
/// worker, which builds the block's values from it.
#[derive(Debug, Clone)]
pub struct FileRunRequest {
    pub run_id: String,
    pub source: String,
    /// Shown in stack traces, e.g. `get-data.js`.
    pub file_name: String,
    /// The step's name in `context.stepName`.
    pub step_name: String,
    /// Called as a trigger `(context, payload)`, else as an action `(context, stepResults)`.
    pub trigger: bool,
    /// The `configVars` object; the open workspace's (or `{}`) when `None`.
    pub config_vars: Option<JsonText>,
    /// The payload or `stepResults`; an empty webhook request or `{}` when `None`.
    pub input: Option<JsonText>,
    pub limits: LimitOverrides,
    /// As in [`BlockRunRequest::debug_mode`].
    pub debug_mode: bool,
}

/// A line a run logged, as the host hears it while the run goes on (the run's outcome holds every line too).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LiveLogLine {
    /// The front end's id of the run that logged it (a flow's steps share their flow run's id).
    pub run_id: String,
    /// When it arrived, in milliseconds since the run (for a flow, the flow run) started.
    pub at_ms: f64,
    pub level: LogLevel,
    /// The message, with the run's secrets redacted.
    pub message: String,
}

/// The names a file run gets when no workspace gives one.
const LOCAL_INTEGRATION_NAME: &str = "Local Integration";
const LOCAL_FLOW_NAME: &str = "Local Flow";

/// A finished run: its outcome (secrets redacted) and why it failed, if it did.
#[derive(Debug, Clone)]
pub struct Ran<O> {
    pub outcome: O,
    pub failure: Option<FailureKind>,
}

/// A workspace block's run as the editor shows it: the run's outcome without `returned` (what the function
/// resolved to: for an action `{ data: result }`, for a trigger `{ payload: result, response }`, so it holds the
/// result a second time and nothing shows it), with its JSON as the text the worker wrote. A large result is
/// thus never parsed into a tree on its way from the worker to the window, nor carried twice; the window parses
/// it once.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BlockOutcome {
    pub ok: bool,
    /// An action's `returned.data`, a trigger's `returned.payload`, or what the block returned when it is not an
    /// object with that field.
    #[cfg_attr(feature = "specta", specta(type = Value))]
    pub result: JsonText,
    /// A trigger's `returned.response`, else `null`.
    #[cfg_attr(feature = "specta", specta(type = Value))]
    pub response: JsonText,
    pub logs: Vec<LogLine>,
    pub error: Option<BlockError>,
    pub duration_ms: f64,
    /// In debug mode, `context.debug.results` as the run left it; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<Value>))]
    pub debug_results: Option<JsonText>,
}

impl From<JsonRunOutcome> for BlockOutcome {
    fn from(outcome: JsonRunOutcome) -> Self {
        BlockOutcome {
            ok: outcome.ok,
            result: outcome.result,
            response: outcome.response,
            logs: outcome.logs,
            error: outcome.error,
            duration_ms: outcome.duration_ms,
            debug_results: outcome.debug_results,
        }
    }
}

/// A block file's run, ready for a worker (see [`Session::prepare_file_run`]).
pub(super) struct PreparedFileRun {
    pub run: JsonRunRequest,
    pub limits: RunLimits,
    pub redactor: Redactor,
    /// The connections' secrets, by what a cassette writes in their place.
    pub secrets: Vec<SecretPlaceholder>,
}

impl Session {
    /// Runs one block of the workspace in a worker, keeps the state it leaves, and answers with its outcome; its
    /// history entry is written just after the answer, and any use of the history waits for it. Expired OAuth
    /// tokens are refreshed first. The result stays the worker's JSON text all the way (see [`BlockOutcome`]).
    pub fn run_block(&self, request: BlockRunRequest) -> Result<Ran<BlockOutcome>> {
        let workspace = self.snapshot()?;
        let clock = RunClock::now(&request.run_id);
        let (config_vars, redactor) = self.config_vars_for_run(&workspace, clock.now)?;
        let mut run = prepare_block_run(
            &workspace,
            &request.block_id,
            request.source,
            request.input,
            config_vars,
            &clock,
        )?;
        run.request.debug_mode = request.debug_mode;
        let invoker = Invoker::outermost(
            workspace.root(),
            Some(&run.flow),
            &clock.execution_id,
            clock.now,
        );
        let conditions = RunConditions {
            leave_out_returned: true,
            ..self.conditions_for(&invoker)
        };
        let supervisor = &self.shared.supervisor;
        let (report, _) = self.tracked(&request.run_id, &redactor, |run_id| {
            supervisor.run_json_under(
                run_id,
                JsonRunRequest::from(&run.request),
                run.limits,
                conditions,
            )
        })?;
        // The state is saved before answering, as the next run reads it; the history entry is written just
        // after (storing a large result takes a while; see `recorder`).
        save_block_state(&workspace, &run, &report)?;
        let record = block_run_record(&run, &report)?;
        let invoked = invoker.take_invoked();
        let history_redactor = redactor.clone();
        self.record_later(&workspace, move |history| {
            let id = history.record(&record, &history_redactor)?;
            record_invoked_runs(history, Some(id), invoked)
        });
        Ok(Ran {
            outcome: BlockOutcome::from(redact_outcome(report.outcome, &redactor)),
            failure: report.failure,
        })
    }

    /// Runs the whole flow: the trigger with the payload, then each step in order with `stepResults` built
    /// from the results so far; stops at the first failure. The state it leaves is kept.
    pub fn run_flow(&self, request: FlowRunRequest) -> Result<Ran<FlowOutcome>> {
        let workspace = self.snapshot()?;
        let clock = RunClock::now(&request.run_id);
        let (config_vars, redactor) = self.config_vars_for_run(&workspace, clock.now)?;
        let mut flow = prepare_flow_run(
            &workspace,
            &request.flow,
            request.payload,
            config_vars,
            &clock,
        )?;
        for block in std::iter::once(&mut flow.trigger).chain(flow.steps.iter_mut()) {
            block.limits = request.limits.apply(block.limits);
        }
        flow.debug_mode = request.debug_mode;
        let record = FlowRunRecord::of(&workspace, &request.flow, &flow, RunOrigin::Flow, &clock)?;
        let invoker = Invoker::outermost(
            workspace.root(),
            Some(&request.flow),
            &clock.execution_id,
            clock.now,
        );
        let (report, invoked_by_step) = self.tracked(&request.run_id, &redactor, |run_id| {
            self.run_flow_by_step(run_id, flow, &invoker)
        })?;
        // `instanceState` (this flow's) and `crossFlowState` outlive the run, as on the platform.
        record_flow_run(&workspace, &request.flow, &report)?;
        self.with_history(&workspace, |history| {
            let step_ids = record_flow_history(history, &record, &report, &redactor)?;
            record_invoked_by_steps(history, &step_ids, invoked_by_step)
        })?;
        Ok(Ran {
            outcome: redact_outcome(report.outcome, &redactor),
            failure: report.failure,
        })
    }

    /// Runs a block file on its own (see [`FileRunRequest`]); nothing is recorded.
    pub fn run_file(&self, request: FileRunRequest) -> Result<Ran<JsonRunOutcome>> {
        Ok(self.run_file_with_http(request, None)?.0)
    }

    /// [`Session::run_file`] with its `fetch` recorded into a cassette ([`HttpMode::Record`]) or answered from
    /// one ([`HttpMode::Replay`]); also answers with what was recorded or found missing (`None` when the
    /// worker ended before it could say, e.g. at the time limit). The open workspace's secrets become
    /// placeholders in what is recorded.
    pub fn run_file_with_http(
        &self,
        request: FileRunRequest,
        http: Option<HttpMode>,
    ) -> Result<(Ran<JsonRunOutcome>, Option<HttpLog>)> {
        let run_id = request.run_id.clone();
        let prepared = self.prepare_file_run(request)?;
        let http = http.map(|mode| HttpPlan {
            secrets: prepared.secrets,
            mode,
        });
        // A block file runs outside any flow; with a workspace open, it may invoke the workspace's flows.
        let workspace = self.snapshot_if_open();
        let invoker = workspace.as_ref().map(|workspace| Invoker {
            http: http.clone(),
            ..Invoker::outermost(workspace.root(), None, &run_id, SystemTime::now())
        });
        let conditions = match &invoker {
            Some(invoker) => self.conditions_for(invoker),
            None => RunConditions {
                http,
                ..RunConditions::default()
            },
        };
        let supervisor = &self.shared.supervisor;
        let redactor = prepared.redactor;
        let (report, mut http_log) = self.tracked(&run_id, &redactor, |run_id| {
            supervisor.run_json_under(run_id, prepared.run, prepared.limits, conditions)
        })?;
        if let (Some(workspace), Some(invoker)) = (&workspace, &invoker) {
            self.record_invoked_without_parent(workspace, invoker)?;
            if let Some(log) = &mut http_log {
                let invoked = invoker.take_http_logs();
                log.recorded.exchanges.extend(invoked.recorded.exchanges);
                log.unmatched.extend(invoked.unmatched);
            }
        }
        let ran = Ran {
            outcome: redact_outcome(report.outcome, &redactor),
            failure: report.failure,
        };
        Ok((ran, http_log))
    }

    /// The worker's request, the limits, the redactor and the secrets (for a cassette's placeholders) of a
    /// block file's run.
    pub(super) fn prepare_file_run(&self, request: FileRunRequest) -> Result<PreparedFileRun> {
        let workspace = self.snapshot_if_open();
        let started_at = SystemTime::now();
        let (config_vars, secrets) = match (request.config_vars, &workspace) {
            (Some(config_vars), _) => (config_vars, Vec::new()),
            (None, Some(workspace)) => {
                let (config_vars, secrets) =
                    config_vars_and_secrets_for_run(workspace, || self.keyring(), started_at)?;
                (json_text(&config_vars), secrets)
            }
            (None, None) => (json_text(&json!({})), Vec::new()),
        };
        let redactor = redactor_for(&secrets)?;
        let manifest = workspace.as_ref().map(Workspace::manifest);
        let identity = RunIdentity {
            execution_id: request.run_id.clone(),
            started_at,
            integration_name: manifest.map_or(LOCAL_INTEGRATION_NAME.to_owned(), |manifest| {
                manifest.name.clone()
            }),
            flow_name: LOCAL_FLOW_NAME.to_owned(),
            step_name: request.step_name,
            kind: kind_of(request.trigger),
            webhook_base_url: DEFAULT_WEBHOOK_BASE_URL.to_owned(),
            flow_schemas: manifest.map_or_else(|| json!({}), flow_schemas),
        };
        let no_overrides = json!({});
        let overrides = manifest.map_or(&no_overrides, |manifest| &manifest.execution);
        let context = run_context(&identity, overrides);
        let (kind, input) = match (request.trigger, request.input) {
            (_, Some(input)) => (kind_of(request.trigger), input),
            (true, None) => (
                BlockKind::Trigger,
                json_text(&default_trigger_payload(&context)),
            ),
            (false, None) => (BlockKind::Action, json_text(&json!({}))),
        };
        let run = JsonRunRequest {
            source: request.source,
            file_name: request.file_name,
            kind,
            config_vars,
            input,
            context: json_text(&context),
            state: JsonBlockState::from(&fresh_state()),
            debug_mode: request.debug_mode,
        };
        let limits = request.limits.apply(RunLimits::default());
        Ok(PreparedFileRun {
            run,
            limits,
            redactor,
            secrets,
        })
    }

    /// Records the flows `invoker`'s run invoked, for a run the history does not keep itself (a block file's
    /// run): each names its invoker in `inputs.invokedBy`.
    pub(super) fn record_invoked_without_parent(
        &self,
        workspace: &Workspace,
        invoker: &Invoker,
    ) -> Result<()> {
        let invoked = invoker.take_invoked();
        if invoked.is_empty() {
            return Ok(());
        }
        self.with_history(workspace, |history| {
            record_invoked_runs(history, None, invoked)
        })
    }

    /// Stops the run `run_id` at once; answers whether it was still running.
    pub fn stop_run(&self, run_id: &str) -> bool {
        let id = lock(&self.shared.runs).get(run_id).copied();
        id.is_some_and(|id| self.shared.supervisor.stop(id))
    }

    /// The workspace's `configVars` (connections with their secrets, expired tokens refreshed first) and the
    /// redactor for those secrets.
    pub(super) fn config_vars_for_run(
        &self,
        workspace: &Workspace,
        now: SystemTime,
    ) -> Result<(Value, Redactor)> {
        config_vars_for_run(workspace, || self.keyring(), now)
    }

    /// Runs `work` under a fresh supervisor run id that [`Session::stop_run`] finds by `run_id` meanwhile; the
    /// host hears each line the run logs as it arrives, with `redactor`'s secrets redacted.
    pub(super) fn tracked<T>(
        &self,
        run_id: &str,
        redactor: &Redactor,
        work: impl FnOnce(blocksmith_runner::RunId) -> blocksmith_runner::Result<T>,
    ) -> Result<T> {
        let host = Arc::downgrade(&self.shared);
        let tell_host = move |line: &LiveLogLine| {
            if let Some(session) = host.upgrade() {
                session.host.run_logged(line);
            }
        };
        self.tracked_telling(run_id, redactor, tell_host, work)
    }

    /// [`Session::tracked`], with each logged line (redacted and timed) told to `listener` instead of the host.
    pub(super) fn tracked_telling<T>(
        &self,
        run_id: &str,
        redactor: &Redactor,
        listener: impl Fn(&LiveLogLine) + Send + Sync + 'static,
        work: impl FnOnce(blocksmith_runner::RunId) -> blocksmith_runner::Result<T>,
    ) -> Result<T> {
        let supervisor = &self.shared.supervisor;
        let id = supervisor.next_run_id();
        let _listening = supervisor.listen_to_logs(
            id,
            live_logs_to(listener, run_id.to_owned(), redactor.clone()),
        );
        lock(&self.shared.runs).insert(run_id.to_string(), id);
        let outcome = work(id);
        lock(&self.shared.runs).remove(run_id);
        Ok(outcome?)
    }

    /// The supervisor's id of the run the front end calls `run_id`, while it is in progress.
    pub(super) fn supervisor_run_id(&self, run_id: &str) -> Option<blocksmith_runner::RunId> {
        lock(&self.shared.runs).get(run_id).copied()
    }
}

/// Tells `listener` of each line run `run_id` logs, redacted and timed from now.
fn live_logs_to(
    listener: impl Fn(&LiveLogLine) + Send + Sync + 'static,
    run_id: String,
    redactor: Redactor,
) -> LiveLogs {
    let started = Instant::now();
    LiveLogs(Arc::new(move |line: &LogLine| {
        let line = redact_outcome(line.clone(), &redactor);
        listener(&LiveLogLine {
            run_id: run_id.clone(),
            at_ms: started.elapsed().as_secs_f64() * 1000.0,
            level: line.level,
            message: line.message,
        });
    }))
}

fn kind_of(trigger: bool) -> BlockKind {
    if trigger {
        BlockKind::Trigger
    } else {
        BlockKind::Action
    }
}
