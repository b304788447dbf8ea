//! Runs a whole flow as the platform does: the trigger with a payload, then each step in order with
//! `stepResults` holding the results so far under the steps' camelCased names. The state objects carry
//! from step to step (`executionState` lives for this one flow run); the first failure ends the flow.

use blocksmith_cassette::HttpLog;
use blocksmith_engine::{
    BlockError, BlockKind, BlockState, FailureKind, LogLine, RunReport, RunRequest,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::context::set_step;
use crate::derived_names::camel_case;
use crate::error::Result;
use crate::supervisor::{RunConditions, RunId, RunLimits, Supervisor};

/// One block of a flow, with its display name (the source of its `stepResults` key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowBlock {
    pub name: String,
    /// The workspace block it is (`get-data`, whose file is `get-data.js`): the debugger finds its breakpoints by
    /// it. Empty for a flow put together outside a workspace.
    pub block_id: String,
    /// Shown in stack traces, e.g. `get-data.js`.
    pub file_name: String,
    pub source: String,
    pub limits: RunLimits,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowRun {
    pub trigger: FlowBlock,
    pub steps: Vec<FlowBlock>,
    /// The trigger's `payload`.
    pub payload: Value,
    pub config_vars: Value,
    /// The shared `context` members (`executionId`, `customer`, …); `stepId` is set per step.
    pub context: Value,
    /// The state before the flow; `executionState` should start empty.
    pub state: BlockState,
    /// Runs every step in debug mode (see `RunRequest::debug_mode`).
    pub debug_mode: bool,
}

/// One step's part of the flow's line: field for field what `blocksmith run --flow` prints per step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StepOutcome {
    pub name: String,
    pub ok: bool,
    pub result: Value,
    pub logs: Vec<LogLine>,
    pub error: Option<BlockError>,
    pub duration_ms: f64,
    /// In debug mode, what the step's `context.debug` recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debug_results: Option<Value>,
}

/// The line `blocksmith run --flow` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FlowOutcome {
    pub ok: bool,
    /// The steps that ran, the trigger first; a failed step is the last.
    pub steps: Vec<StepOutcome>,
    /// The trigger's `response`, or `null`.
    pub response: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FlowReport {
    pub outcome: FlowOutcome,
    /// The state after the last step that ran (the caller persists `instanceState` and `crossFlowState`).
    pub state: BlockState,
    /// Why the flow stopped early, if it did.
    pub failure: Option<FailureKind>,
    /// What each step that ran was given, in the order of `outcome.steps`: the trigger's `payload`, then each
    /// action's `stepResults` (kept in the run history with the step's outcome).
    #[serde(default)]
    pub inputs: Vec<Value>,
}

/// Runs the flow's blocks one after another under `run_id` (so `Supervisor::stop(run_id)` stops the
/// step in progress, which ends the flow).
pub fn run_flow(supervisor: &Supervisor, run_id: RunId, flow: FlowRun) -> Result<FlowReport> {
    run_flow_under(supervisor, run_id, flow, &RunConditions::default()).map(|(report, _)| report)
}

/// [`run_flow`] with every step under `conditions` (a test case's HTTP, the flows `context.invokeFlow` may
/// run), answering also with what the steps' `fetch` recorded or missed, step after step.
pub fn run_flow_under(
    supervisor: &Supervisor,
    run_id: RunId,
    flow: FlowRun,
    conditions: &RunConditions,
) -> Result<(FlowReport, HttpLog)> {
    let mut http_log = HttpLog::default();
    // A step's `returned` is neither shown nor passed on: only its result and response are.
    let step_conditions = RunConditions {
        leave_out_returned: true,
        ..conditions.clone()
    };
    let report = run_flow_with(flow, |block, request| {
        let (report, step_log) =
            supervisor.run_under(run_id, request, block.limits, step_conditions.clone())?;
        if let Some(step_log) = step_log {
            http_log
                .recorded
                .exchanges
                .extend(step_log.recorded.exchanges);
            http_log.unmatched.extend(step_log.unmatched);
        }
        Ok(report)
    })?;
    Ok((report, http_log))
}

/// Runs the flow as [`run_flow`] does, with each step's request carried out by `run_block`: a block test
/// runs every step under its own recorded HTTP this way, one cassette per step.
pub fn run_flow_with(
    flow: FlowRun,
    mut run_block: impl FnMut(&FlowBlock, RunRequest) -> Result<RunReport>,
) -> Result<FlowReport> {
    let FlowRun {
        trigger,
        steps,
        payload,
        config_vars,
        context,
        mut state,
        debug_mode,
    } = flow;
    let settings = StepSettings {
        config_vars: &config_vars,
        context: &context,
        debug_mode,
    };
    let mut step_results = Map::new();
    let mut outcomes = Vec::with_capacity(steps.len() + 1);
    let mut inputs = Vec::with_capacity(steps.len() + 1);

    inputs.push(payload.clone());
    let trigger_report = run_step(
        &mut run_block,
        &trigger,
        BlockKind::Trigger,
        payload,
        &settings,
        state,
    )?;
    let response = trigger_report.outcome.response.clone();
    state = trigger_report.state.clone();
    let mut failure = record_step(&trigger, trigger_report, &mut outcomes, &mut step_results);

    for step in &steps {
        if failure.is_some() {
            break;
        }
        let input = Value::Object(step_results.clone());
        inputs.push(input.clone());
        let report = run_step(
            &mut run_block,
            step,
            BlockKind::Action,
            input,
            &settings,
            state.clone(),
        )?;
        state = report.state.clone();
        failure = record_step(step, report, &mut outcomes, &mut step_results);
    }

    Ok(FlowReport {
        outcome: FlowOutcome {
            ok: failure.is_none(),
            steps: outcomes,
            response,
        },
        state,
        failure,
        inputs,
    })
}

/// What every step of one flow run shares.
struct StepSettings<'a> {
    config_vars: &'a Value,
    /// The `context` members; each step sets its own `stepId` and `executionFrame` step.
    context: &'a Value,
    debug_mode: bool,
}

fn run_step(
    run_block: &mut impl FnMut(&FlowBlock, RunRequest) -> Result<RunReport>,
    block: &FlowBlock,
    kind: BlockKind,
    input: Value,
    settings: &StepSettings,
    state: BlockState,
) -> Result<RunReport> {
    let mut context = settings.context.clone();
    set_step(&mut context, &block.name, kind);
    let request = RunRequest {
        source: block.source.clone(),
        file_name: block.file_name.clone(),
        kind,
        config_vars: settings.config_vars.clone(),
        input,
        context,
        state,
        debug_mode: settings.debug_mode,
    };
    run_block(block, request)
}

/// Adds the step's outcome and, when it succeeded, its `{ results }` for the steps after it. Returns the
/// failure that ends the flow, if any.
fn record_step(
    block: &FlowBlock,
    report: RunReport,
    outcomes: &mut Vec<StepOutcome>,
    step_results: &mut Map<String, Value>,
) -> Option<FailureKind> {
    let outcome = report.outcome;
    let failure = match (outcome.ok, report.failure) {
        (true, _) => None,
        (false, kind) => Some(kind.unwrap_or(FailureKind::Block)),
    };
    if failure.is_none() {
        step_results.insert(
            camel_case(&block.name),
            json!({ "results": outcome.result.clone() }),
        );
    }
    outcomes.push(StepOutcome {
        name: block.name.clone(),
        ok: outcome.ok,
        result: outcome.result,
        logs: outcome.logs,
        error: outcome.error,
        duration_ms: outcome.duration_ms,
        debug_results: outcome.debug_results,
    });
    failure
}
