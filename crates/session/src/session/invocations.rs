//! `context.invokeFlow` as the session serves it: the named flow of the same workspace runs as the local
//! webhook listener would run it for a POST of the block's `data` (the body) and `config.headers`, in other
//! workers of the same pool, and the invoking block receives the listener's answer.
//!
//! - The invoked flow gets `configVars` resolved afresh by the session for its own run, never the invoking
//!   run's object, and the answer is redacted with the invoked run's secrets before it goes back: the
//!   invoking worker never receives a secret value only the invoked flow holds.
//! - An unknown flow, a cycle (A invokes B invokes A) or a chain of more than [`MAX_INVOKED_DEPTH`] invoked
//!   flows is refused with a sentence naming the flows, and the block's promise rejects with a `code`.
//! - The invoked flow runs under the invoking run's clock: when the invoking block's time limit passes (or it
//!   is stopped), the supervisor stops the invoked flow too.
//! - A test case's conditions carry over: the invoked flow's `fetch` replays from (or records into) the same
//!   cassette, and its time and randomness are the case's.
//! - Each invoked run is kept in memory ([`InvokedRun`]) until the run that started it is recorded, then
//!   recorded in the history as its child: a block's run, or in a flow run the step that invoked it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use blocksmith_cassette::{HttpLog, HttpPlan};
use blocksmith_engine::{
    FlowInvocation, FrozenInputs, InvocationResult, InvokeFlowFailure, InvokedFlowAnswer,
};
use blocksmith_runner::{
    format_timestamp, fresh_state, FlowInvocations, FlowReport, FlowRun, RunConditions, RunId,
};
use blocksmith_workspace::history::{FlowRunOf, NewRun, RunHistory, RunOrigin};
use blocksmith_workspace::Workspace;
use serde_json::{json, Value};

use super::{lock, Session, Shared};
use crate::redaction::{redact_outcome, redacted_json};
use crate::runs::{millis_since_epoch, prepare_flow_run, record_flow_run, RunClock};
use crate::webhook::{answer_for_outcome, answer_headers, request_payload, IncomingRequest};

/// The most flows one chain of `context.invokeFlow` calls may nest.
pub const MAX_INVOKED_DEPTH: usize = 10;

/// Why a flow was not invoked; each reaches the block as a rejected promise with [`InvokeRefusal::code`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvokeRefusal {
    #[error("context.invokeFlow: there is no flow named \"{name}\" in this workspace. Its flows are {}.", quoted_list(.flows))]
    UnknownFlow { name: String, flows: Vec<String> },

    #[error("context.invokeFlow: the flow \"{name}\" is already running in this chain ({}); a flow that invokes itself again would never end.", chain_text(.chain))]
    Cycle { name: String, chain: Vec<String> },

    #[error("context.invokeFlow: invoking \"{name}\" would nest more than {MAX_INVOKED_DEPTH} invoked flows ({}). Let one flow do more of the work instead of invoking the next.", chain_text(.chain))]
    TooDeep { name: String, chain: Vec<String> },

    #[error("context.invokeFlow: the flow \"{name}\" could not be run: {reason}")]
    NotRun { name: String, reason: String },
}

impl InvokeRefusal {
    /// The `code` the block's error carries.
    pub fn code(&self) -> &'static str {
        match self {
            InvokeRefusal::UnknownFlow { .. } => "ERR_BLOCKSMITH_UNKNOWN_FLOW",
            InvokeRefusal::Cycle { .. } => "ERR_BLOCKSMITH_FLOW_CYCLE",
            InvokeRefusal::TooDeep { .. } => "ERR_BLOCKSMITH_FLOW_DEPTH",
            InvokeRefusal::NotRun { .. } => "ERR_BLOCKSMITH_INVOKE_FAILED",
        }
    }
}

impl From<InvokeRefusal> for InvokeFlowFailure {
    fn from(refusal: InvokeRefusal) -> Self {
        InvokeFlowFailure {
            code: refusal.code().to_owned(),
            message: refusal.to_string(),
        }
    }
}

fn quoted_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("\"{name}\"")).collect();
    quoted.join(", ")
}

fn chain_text(chain: &[String]) -> String {
    chain.join(" → ")
}

/// A flow run a block started with `context.invokeFlow`, waiting to be recorded under the run that started it.
#[derive(Debug, Clone)]
pub(crate) struct InvokedRun {
    /// Recorded under the invoked flow's trigger, the block its webhook reaches.
    pub block_id: String,
    pub started_at_ms: i64,
    /// `{ kind: "flow", flow, payload, invokedBy: { flow, executionId } }`, secrets redacted.
    pub inputs: Value,
    /// The flow's outcome line with `durationMs`, secrets redacted.
    pub outcome: Value,
    /// The invoked flow, and the execution id its run had.
    pub flow_run: FlowRunOf,
    /// The flows this one invoked in turn.
    pub children: Vec<InvokedRun>,
}

/// The invoked runs of one run, in the order they ended; shared with the invocations' threads.
pub(crate) type InvokedRuns = Arc<Mutex<Vec<InvokedRun>>>;

/// Who invokes: where the invoking run sits in its chain of flows, and the conditions its invoked flows
/// inherit.
#[derive(Debug, Clone)]
pub(crate) struct Invoker {
    pub root: PathBuf,
    /// The flows of the chain so far: the outermost run's own flow (when it runs one) and each invoked flow.
    pub chain: Vec<String>,
    /// How many of `chain` were invoked (the outermost run's own flow is not).
    pub depth: usize,
    pub execution_id: String,
    pub started_at: SystemTime,
    /// A test case's HTTP plan and frozen inputs, which the invoked flows share.
    pub http: Option<HttpPlan>,
    pub frozen: Option<FrozenInputs>,
    /// A test case's invoked flows start from empty state and keep none, as the case's own block does, so
    /// what earlier runs kept cannot change the case's outcome.
    pub isolated_state: bool,
    /// Where the invoked runs are kept until the invoking run is recorded.
    pub invoked: InvokedRuns,
    /// Where the invoked flows' `fetch` logs go, for a test case that records or replays them.
    pub http_logs: Arc<Mutex<HttpLog>>,
}

impl Invoker {
    /// The invoker of a run of `flow` (or of a block file outside any flow, when `None`) in `root`.
    pub fn outermost(
        root: &Path,
        flow: Option<&str>,
        execution_id: &str,
        started_at: SystemTime,
    ) -> Self {
        Invoker {
            root: root.to_path_buf(),
            chain: flow.into_iter().map(str::to_owned).collect(),
            depth: 0,
            execution_id: execution_id.to_owned(),
            started_at,
            http: None,
            frozen: None,
            isolated_state: false,
            invoked: InvokedRuns::default(),
            http_logs: Arc::default(),
        }
    }

    /// The invoked runs this invoker's run started (and they in turn), taken out for recording.
    pub fn take_invoked(&self) -> Vec<InvokedRun> {
        std::mem::take(&mut *lock(&self.invoked))
    }

    /// The invoked flows' `fetch` logs, taken out to be joined to the invoking run's own.
    pub fn take_http_logs(&self) -> HttpLog {
        std::mem::take(&mut *lock(&self.http_logs))
    }

    /// Refuses `name` when the chain cannot take it; answers the chain that runs it otherwise.
    fn chain_with(&self, name: &str, flows: Vec<String>) -> Result<Vec<String>, InvokeRefusal> {
        if !flows.iter().any(|flow| flow == name) {
            return Err(InvokeRefusal::UnknownFlow {
                name: name.to_owned(),
                flows,
            });
        }
        let mut chain = self.chain.clone();
        chain.push(name.to_owned());
        if self.chain.iter().any(|flow| flow == name) {
            return Err(InvokeRefusal::Cycle {
                name: name.to_owned(),
                chain,
            });
        }
        if self.depth + 1 > MAX_INVOKED_DEPTH {
            return Err(InvokeRefusal::TooDeep {
                name: name.to_owned(),
                chain,
            });
        }
        Ok(chain)
    }
}

impl Session {
    /// The conditions of a run whose `context.invokeFlow` calls `invoker` serves.
    pub(super) fn conditions_for(&self, invoker: &Invoker) -> RunConditions {
        RunConditions {
            http: invoker.http.clone(),
            frozen: invoker.frozen,
            invocations: Some(invocations(Arc::downgrade(&self.shared), invoker.clone())),
            leave_out_returned: false,
        }
    }

    /// Runs `flow` as [`blocksmith_runner::run_flow_under`] does, for a flow run `invoker` stands for (Run
    /// flow, a webhook call), taking after each step the flows that step invoked: the history records them under
    /// the step's own run ([`record_invoked_by_steps`]). Such a run has no test case's HTTP plan, so there is
    /// no `fetch` log to keep.
    pub(super) fn run_flow_by_step(
        &self,
        run_id: RunId,
        flow: FlowRun,
        invoker: &Invoker,
    ) -> blocksmith_runner::Result<(FlowReport, Vec<Vec<InvokedRun>>)> {
        let conditions = self.conditions_for(invoker);
        let supervisor = &self.shared.supervisor;
        let mut invoked_by_step = Vec::new();
        let report = blocksmith_runner::run_flow_with(flow, |block, request| {
            let ran = supervisor.run_under(run_id, request, block.limits, conditions.clone());
            invoked_by_step.push(invoker.take_invoked());
            Ok(ran?.0)
        })?;
        Ok((report, invoked_by_step))
    }

    /// Runs the flow `invocation` names for `invoker`, under `run_id`, and answers as the listener would.
    fn invoke(
        &self,
        invoker: &Invoker,
        invocation: FlowInvocation,
        run_id: RunId,
    ) -> InvocationResult {
        let name = invocation.flow_name.clone();
        let invocation_source = invocation.source.clone();
        let not_run = |reason: String| InvokeRefusal::NotRun {
            name: name.clone(),
            reason,
        };
        let workspace =
            Workspace::open(&invoker.root).map_err(|error| not_run(error.to_string()))?;
        let flows = workspace
            .manifest()
            .flows
            .iter()
            .map(|flow| flow.name.clone())
            .collect();
        let chain = invoker.chain_with(&name, flows)?;
        let started = Instant::now();
        let now = SystemTime::now();
        let (config_vars, redactor) = self
            .config_vars_for_run(&workspace, now)
            .map_err(|error| not_run(error.to_string()))?;
        let request = IncomingRequest {
            method: "POST".to_owned(),
            url: "/".to_owned(),
            headers: invocation.headers,
            body: invocation.body.into_bytes(),
        };
        let execution_id = format!("{}-invoked-{}", invoker.execution_id, run_id.0);
        let clock = RunClock {
            now,
            execution_id: execution_id.clone(),
        };
        let payload = request_payload(&request, "");
        let mut flow = prepare_flow_run(
            &workspace,
            &name,
            Some(payload.clone()),
            config_vars,
            &clock,
        )
        .map_err(|error| not_run(redact_outcome(error.to_string(), &redactor)))?;
        mark_invoked_by(&mut flow.context, invoker);
        if invoker.isolated_state {
            flow.state = fresh_state();
        }

        let child = Invoker {
            chain,
            depth: invoker.depth + 1,
            execution_id: execution_id.clone(),
            started_at: now,
            invoked: InvokedRuns::default(),
            http_logs: Arc::default(),
            ..invoker.clone()
        };
        let supervisor = &self.shared.supervisor;
        let (report, http_log) = blocksmith_runner::run_flow_under(
            supervisor,
            run_id,
            flow,
            &self.conditions_for(&child),
        )
        .map_err(|error| not_run(redact_outcome(error.to_string(), &redactor)))?;
        if !invoker.isolated_state {
            // `instanceState` (this flow's) and `crossFlowState` outlive the run, as after a webhook call.
            record_flow_run(&workspace, &name, &report)
                .map_err(|error| not_run(error.to_string()))?;
        }
        join_http_log(&invoker.http_logs, http_log);
        join_http_log(&invoker.http_logs, child.take_http_logs());

        let outcome = redact_outcome(report.outcome, &redactor);
        let answer = answer_for_outcome(&outcome, &execution_id);
        let mut recorded_outcome = redacted_json(&outcome, &redactor);
        if let Value::Object(members) = &mut recorded_outcome {
            members.insert(
                "durationMs".into(),
                json!(started.elapsed().as_secs_f64() * 1000.0),
            );
            // The history lists a run's error: a flow's is its failed step's.
            let failed_step_error = outcome
                .steps
                .iter()
                .find(|step| !step.ok)
                .and_then(|step| step.error.as_ref());
            members.insert("error".into(), json!(failed_step_error));
        }
        let trigger = workspace
            .manifest()
            .flow(&name)
            .map(|flow| flow.trigger.clone())
            .unwrap_or_default();
        lock(&invoker.invoked).push(InvokedRun {
            block_id: trigger,
            started_at_ms: millis_since_epoch(now),
            inputs: redacted_json(
                &json!({
                    "kind": "flow",
                    "flow": name,
                    "payload": payload,
                    "source": invocation_source,
                    "invokedBy": {
                        "flow": invoker.chain.last(),
                        "executionId": invoker.execution_id,
                    },
                }),
                &redactor,
            ),
            outcome: recorded_outcome,
            flow_run: FlowRunOf {
                flow: name.clone(),
                execution_id: execution_id.clone(),
            },
            children: child.take_invoked(),
        });
        Ok(InvokedFlowAnswer {
            status: answer.status,
            status_text: http::StatusCode::from_u16(answer.status)
                .ok()
                .and_then(|status| status.canonical_reason())
                .unwrap_or("")
                .to_owned(),
            headers: answer_headers(&answer, answered_at(invoker.frozen))
                .into_iter()
                .map(|(name, value)| (name.to_ascii_lowercase(), value))
                .collect(),
            body: String::from_utf8_lossy(&answer.body).into_owned(),
        })
    }
}

/// `context.invokeFlow` for runs of `invoker`: each call runs on the supervisor's thread for it.
fn invocations(session: Weak<Shared>, invoker: Invoker) -> FlowInvocations {
    FlowInvocations(Arc::new(move |invocation, run_id| {
        let Some(shared) = session.upgrade() else {
            return Err(InvokeFlowFailure::unavailable(
                "Blocksmith is closing; the flow was not run.",
            ));
        };
        Session { shared }.invoke(&invoker, invocation, run_id)
    }))
}

/// The invoked flow's `executionFrame` names the run that invoked it. The platform signs a JWT here; this
/// local marker is unsigned and says so.
fn mark_invoked_by(context: &mut Value, invoker: &Invoker) {
    if let Some(frame) = context
        .get_mut("executionFrame")
        .and_then(Value::as_object_mut)
    {
        frame.insert(
            "invokedByExecutionJWT".into(),
            json!(format!("local-unsigned.{}", invoker.execution_id)),
        );
        frame.insert(
            "invokedByExecutionStartedAt".into(),
            json!(format_timestamp(invoker.started_at)),
        );
    }
}

fn join_http_log(into: &Mutex<HttpLog>, log: HttpLog) {
    let mut joined = lock(into);
    joined.recorded.exchanges.extend(log.recorded.exchanges);
    joined.unmatched.extend(log.unmatched);
}

/// Records what each step of a flow run invoked (`invoked_by_step`, in run order) as children of that step's
/// recorded run (`step_ids`, in the same order).
pub(crate) fn record_invoked_by_steps(
    history: &RunHistory,
    step_ids: &[i64],
    invoked_by_step: Vec<Vec<InvokedRun>>,
) -> crate::Result<()> {
    for (index, runs) in invoked_by_step.into_iter().enumerate() {
        record_invoked_runs(history, step_ids.get(index).copied(), runs)?;
    }
    Ok(())
}

/// Records `runs` (and the runs they invoked) as children of `parent`: the recorded run that invoked them, or
/// none when the invoking run is not kept in the history (a flow run, a block file's run).
pub(crate) fn record_invoked_runs(
    history: &RunHistory,
    parent: Option<i64>,
    runs: Vec<InvokedRun>,
) -> crate::Result<()> {
    for run in runs {
        let id = history.record(
            &NewRun {
                block_id: run.block_id,
                started_at_ms: run.started_at_ms,
                inputs: run.inputs,
                outcome: run.outcome.into(),
                origin: RunOrigin::Flow,
                flow_run: Some(run.flow_run),
                parent_run_id: parent,
            },
            // Redacted by the invoked run's own redactor already.
            &blocksmith_secrets::Redactor::none(),
        )?;
        record_invoked_runs(history, Some(id), run.children)?;
    }
    Ok(())
}

/// When an invoked flow's answer is dated (its `Date` header): now, or in a test case's replay the case's frozen
/// clock, so a replayed answer is the recorded one whatever second it runs in.
fn answered_at(frozen: Option<FrozenInputs>) -> SystemTime {
    frozen
        .and_then(|frozen| u64::try_from(frozen.now_ms).ok())
        .map_or_else(SystemTime::now, |millis| {
            UNIX_EPOCH + Duration::from_millis(millis)
        })
}
