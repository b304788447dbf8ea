//! Preparing runs from the workspace (source, input, context, state, limits) and recording what they left
//! behind (persisted state, run history with secrets redacted). Every run is kept in its block's history with its
//! code, input, outcome and logs: a block's own run, and each step of a flow run (Run flow or a webhook call).

use std::time::{SystemTime, UNIX_EPOCH};

use blocksmith_engine::{BlockKind, JsonRunReport, RunRequest};
use blocksmith_runner::{
    default_trigger_payload, flow_slug, run_context, FlowBlock, FlowReport, FlowRun, RunIdentity,
    RunLimits, DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIME_LIMIT, DEFAULT_WEBHOOK_BASE_URL,
};
use blocksmith_workspace::history::{FlowRunOf, NewRun, RecordedOutcome, RunHistory, RunOrigin};
use blocksmith_workspace::{completed_schemas, Block, Manifest, Workspace};
use serde_json::{json, Value};

use crate::error::{Error, Result};
use crate::persisted_state::PersistedState;
use crate::redaction::Redactor;

/// The run's time and id, passed in so tests can pin them.
#[derive(Debug, Clone)]
pub struct RunClock {
    pub now: SystemTime,
    pub execution_id: String,
}

impl RunClock {
    /// Now, for the run the front end named `run_id` (also its `executionId`).
    pub fn now(run_id: &str) -> Self {
        RunClock {
            now: SystemTime::now(),
            execution_id: run_id.to_string(),
        }
    }
}

/// One block's run, ready for the supervisor.
#[derive(Debug, Clone)]
pub struct BlockRun {
    pub block_id: String,
    pub flow: String,
    pub request: RunRequest,
    pub limits: RunLimits,
    pub started_at_ms: i64,
}

/// Prepares a run of `block_id`: its source (or `source`, the editor's unsaved text), its saved sample input
/// (or `input`), the context values laid over with the workspace's execution settings, and the state its
/// flow persisted. `config_vars` is the `configVars` object, connections included.
pub fn prepare_block_run(
    workspace: &Workspace,
    block_id: &str,
    source: Option<String>,
    input: Option<Value>,
    config_vars: Value,
    clock: &RunClock,
) -> Result<BlockRun> {
    let block = workspace.block(block_id)?.clone();
    let flow = workspace
        .manifest()
        .flow_of_block(block_id)
        .ok_or_else(|| Error::BlockWithoutFlow(block.name.clone()))?
        .name
        .clone();
    let source = match source {
        Some(source) => source,
        None => workspace.read_block_source(block_id)?,
    };
    let kind = engine_kind(&block);
    let context = context_for(workspace, &flow, &block.name, kind, clock);
    let input = match input {
        Some(input) => input,
        None => workspace.read_sample(block_id)?,
    };
    let input = match block.kind {
        blocksmith_workspace::BlockKind::Trigger => complete_payload(input, &context),
        blocksmith_workspace::BlockKind::Action => input,
    };
    let state = PersistedState::load(workspace)?.for_run(&flow);
    Ok(BlockRun {
        block_id: block_id.to_string(),
        request: RunRequest {
            source,
            file_name: stack_name(&block),
            kind,
            config_vars,
            input,
            context,
            state,
            debug_mode: false,
        },
        limits: limits_of(&block),
        flow,
        started_at_ms: millis_since_epoch(clock.now),
    })
}

/// Keeps what a block's run left behind: its flow's persisted state, and a history entry with every secret
/// `redactor` knows redacted from inputs, results, logs and errors. The outcome is kept as the worker's JSON
/// text, never parsed here. Answers with the entry's id.
pub fn record_block_run(
    workspace: &Workspace,
    history: &RunHistory,
    run: &BlockRun,
    report: &JsonRunReport,
    redactor: &Redactor,
) -> Result<i64> {
    save_block_state(workspace, run, report)?;
    Ok(history.record(&block_run_record(run, report)?, redactor)?)
}

/// Keeps the state a block's run left for its flow (`instanceState`, `crossFlowState`), as the next run needs it.
pub fn save_block_state(
    workspace: &Workspace,
    run: &BlockRun,
    report: &JsonRunReport,
) -> Result<()> {
    let state_after = report.state.parse().map_err(|error| {
        Error::Internal(format!(
            "the worker's report holds a state that is not JSON: {error}"
        ))
    })?;
    let mut state = PersistedState::load(workspace)?;
    state.absorb(&run.flow, &state_after);
    state.save(workspace)?;
    Ok(())
}

/// The history entry of a block's run, not redacted yet ([`RunHistory::record`] redacts it): its inputs and
/// its outcome as the worker's JSON text.
pub fn block_run_record(run: &BlockRun, report: &JsonRunReport) -> Result<NewRun> {
    let outcome = &report.outcome;
    let text = serde_json::value::to_raw_value(outcome).map_err(|error| {
        Error::Internal(format!("a run's outcome did not print as JSON: {error}"))
    })?;
    Ok(NewRun {
        block_id: run.block_id.clone(),
        started_at_ms: run.started_at_ms,
        inputs: json!({
            "kind": run.request.kind,
            "input": run.request.input,
            "source": run.request.source,
        }),
        outcome: RecordedOutcome::Text {
            text,
            ok: outcome.ok,
            duration_ms: outcome.duration_ms,
            error: outcome
                .error
                .as_ref()
                .map(|error| format!("{}: {}", error.name, error.message)),
        },
        origin: RunOrigin::Block,
        flow_run: None,
        parent_run_id: None,
    })
}

/// What the history needs of a flow run besides its report: what started it, when, and each block's id and
/// code in run order (the trigger first). Taken before the run, which consumes the prepared [`FlowRun`].
#[derive(Debug, Clone)]
pub struct FlowRunRecord {
    pub flow: String,
    pub origin: RunOrigin,
    pub execution_id: String,
    pub started_at_ms: i64,
    /// `(block id, source)` of the trigger, then of each step.
    pub blocks: Vec<(String, String)>,
}

impl FlowRunRecord {
    /// The record of `flow_name`'s run `prepared`, started at `clock`.
    pub fn of(
        workspace: &Workspace,
        flow_name: &str,
        prepared: &FlowRun,
        origin: RunOrigin,
        clock: &RunClock,
    ) -> Result<FlowRunRecord> {
        let flow = workspace
            .manifest()
            .flow(flow_name)
            .ok_or_else(|| blocksmith_workspace::Error::UnknownFlow(flow_name.to_string()))?;
        let ids = std::iter::once(&flow.trigger).chain(flow.steps.iter());
        let sources = std::iter::once(&prepared.trigger).chain(prepared.steps.iter());
        Ok(FlowRunRecord {
            flow: flow_name.to_string(),
            origin,
            execution_id: clock.execution_id.clone(),
            started_at_ms: millis_since_epoch(clock.now),
            blocks: ids
                .zip(sources)
                .map(|(id, block)| (id.clone(), block.source.clone()))
                .collect(),
        })
    }
}

/// Keeps each step that ran in its block's history: its code, what it was given, its outcome and logs (the
/// trigger's with the flow's `response`), every secret `redactor` knows redacted. A step starts, for the
/// history's order, when the steps before it ended. Answers the recorded steps' ids, in run order.
pub fn record_flow_history(
    history: &RunHistory,
    record: &FlowRunRecord,
    report: &FlowReport,
    redactor: &Redactor,
) -> Result<Vec<i64>> {
    let mut step_ids = Vec::with_capacity(report.outcome.steps.len());
    let mut started_at_ms = record.started_at_ms;
    let steps = report.outcome.steps.iter().zip(&report.inputs);
    for (index, ((step, input), (block_id, source))) in steps.zip(&record.blocks).enumerate() {
        let kind = if index == 0 {
            BlockKind::Trigger
        } else {
            BlockKind::Action
        };
        let mut outcome =
            serde_json::to_value(step).map_err(|error| Error::Internal(error.to_string()))?;
        if let Value::Object(fields) = &mut outcome {
            let response = if index == 0 {
                report.outcome.response.clone()
            } else {
                Value::Null
            };
            fields.insert("response".into(), response);
        }
        let id = history.record(
            &NewRun {
                block_id: block_id.clone(),
                started_at_ms,
                inputs: json!({ "kind": kind, "input": input, "source": source }),
                outcome: outcome.into(),
                origin: record.origin,
                flow_run: Some(FlowRunOf {
                    flow: record.flow.clone(),
                    execution_id: record.execution_id.clone(),
                }),
                parent_run_id: None,
            },
            redactor,
        )?;
        step_ids.push(id);
        started_at_ms += step.duration_ms.round() as i64;
    }
    Ok(step_ids)
}

/// Prepares a run of the whole flow `flow_name`: the trigger with `payload` (else its saved sample), then
/// each step in order, from their saved files.
pub fn prepare_flow_run(
    workspace: &Workspace,
    flow_name: &str,
    payload: Option<Value>,
    config_vars: Value,
    clock: &RunClock,
) -> Result<FlowRun> {
    let flow = workspace
        .manifest()
        .flow(flow_name)
        .ok_or_else(|| blocksmith_workspace::Error::UnknownFlow(flow_name.to_string()))?
        .clone();
    let flow_block = |id: &str| -> Result<FlowBlock> {
        let block = workspace.block(id)?;
        Ok(FlowBlock {
            name: block.name.clone(),
            block_id: id.to_owned(),
            file_name: stack_name(block),
            source: workspace.read_block_source(id)?,
            limits: limits_of(block),
        })
    };
    let trigger = flow_block(&flow.trigger)?;
    let steps = flow
        .steps
        .iter()
        .map(|id| flow_block(id))
        .collect::<Result<Vec<_>>>()?;
    let context = context_for(
        workspace,
        &flow.name,
        &trigger.name,
        BlockKind::Trigger,
        clock,
    );
    let payload = match payload {
        Some(payload) => payload,
        None => workspace.read_sample(&flow.trigger)?,
    };
    let payload = complete_payload(payload, &context);
    Ok(FlowRun {
        trigger,
        steps,
        payload,
        config_vars,
        context,
        state: PersistedState::load(workspace)?.for_run(&flow.name),
        debug_mode: false,
    })
}

/// Keeps the state a flow run left behind.
pub fn record_flow_run(workspace: &Workspace, flow_name: &str, report: &FlowReport) -> Result<()> {
    let mut state = PersistedState::load(workspace)?;
    state.absorb(flow_name, &report.state);
    state.save(workspace)
}

/// A trigger's payload as the platform would deliver it: the given fields, and the platform's own fields
/// (`webhookUrls`, `executionId`, `customer`, …) from the context wherever the given payload has none.
fn complete_payload(given: Value, context: &Value) -> Value {
    let mut payload = default_trigger_payload(context);
    if let (Value::Object(complete), Value::Object(given)) = (&mut payload, &given) {
        for (key, value) in given {
            complete.insert(key.clone(), value.clone());
        }
        return payload;
    }
    given
}

fn context_for(
    workspace: &Workspace,
    flow: &str,
    step: &str,
    kind: BlockKind,
    clock: &RunClock,
) -> Value {
    let manifest = workspace.manifest();
    let identity = RunIdentity {
        execution_id: clock.execution_id.clone(),
        started_at: clock.now,
        integration_name: manifest.name.clone(),
        flow_name: flow.to_string(),
        step_name: step.to_string(),
        kind,
        webhook_base_url: DEFAULT_WEBHOOK_BASE_URL.to_string(),
        flow_schemas: flow_schemas(manifest),
    };
    run_context(&identity, &manifest.execution)
}

/// `context.flowSchemas`: the schemas of each flow that declares some, by flow name, completed as the
/// platform completes them (the flow's key in their titles is its webhook URL segment).
pub fn flow_schemas(manifest: &Manifest) -> Value {
    Value::Object(
        manifest
            .flows
            .iter()
            .filter(|flow| !flow.schemas.is_empty())
            .map(|flow| {
                let schemas = completed_schemas(&flow.schemas, &flow_slug(&flow.name));
                (flow.name.clone(), schemas)
            })
            .collect(),
    )
}

/// The name a block's code carries in stack frames and errors: the step's display name, as the person knows it
/// (`at module.exports (Get Orders:4:11)`), not the id of its file. A parenthesis would make a frame's location
/// ambiguous (`at f (Get (v2):4:11)`), so it reads as a bracket there.
fn stack_name(block: &Block) -> String {
    block.name.replace('(', "[").replace(')', "]")
}

fn engine_kind(block: &Block) -> BlockKind {
    match block.kind {
        blocksmith_workspace::BlockKind::Action => BlockKind::Action,
        blocksmith_workspace::BlockKind::Trigger => BlockKind::Trigger,
    }
}

fn limits_of(block: &Block) -> RunLimits {
    let time_limit_ms = block
        .timeout_ms
        .map(u64::from)
        .unwrap_or(DEFAULT_TIME_LIMIT.as_millis() as u64);
    RunLimits::new(time_limit_ms, DEFAULT_MEMORY_LIMIT_MB)
}

pub(crate) fn millis_since_epoch(time: SystemTime) -> i64 {
    time.duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
