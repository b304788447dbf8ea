//! `blocksmith run`: one block (`FILE`) or one workspace flow (`--flow`), always in a worker process,
//! printed as one JSON line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use blocksmith_engine::{BlockKind, FailureKind, RunRequest};
use blocksmith_runner::{
    apply_overrides, default_context, default_trigger_payload, fresh_state, run_flow, FlowBlock,
    FlowRun, RunIdentity, RunLimits, Supervisor, SupervisorOptions, WorkerCommand,
    DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIME_LIMIT, DEFAULT_WEBHOOK_BASE_URL,
};
use blocksmith_workspace::Workspace;
use clap::{value_parser, ArgGroup, Args};
use serde::Serialize;
use serde_json::{json, Value};

use crate::error::{Error, Result};
use crate::exit;
use crate::inputs::{read_json, read_json_object, read_source};

/// The names a run gets when neither a workspace nor its settings give one.
const LOCAL_INTEGRATION_NAME: &str = "Local Integration";
const LOCAL_FLOW_NAME: &str = "Local Flow";

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("called_as_trigger").args(["trigger", "flow"])))]
pub struct RunArgs {
    /// The block's JavaScript file (`module.exports = async (context, …) => { … }`).
    #[arg(
        value_name = "FILE",
        required_unless_present = "flow",
        conflicts_with = "flow"
    )]
    pub file: Option<PathBuf>,

    /// Call the block as a trigger `(context, payload)`; without it, as an action `(context, stepResults)`.
    #[arg(long)]
    pub trigger: bool,

    /// A JSON object of config variables by name; connections as `{ key, fields, token }`.
    #[arg(long, value_name = "FILE", conflicts_with = "workspace")]
    pub config_vars: Option<PathBuf>,

    /// The action's `stepResults`, a JSON object [default: {}].
    #[arg(long, value_name = "FILE", conflicts_with = "called_as_trigger")]
    pub step_results: Option<PathBuf>,

    /// The trigger's `payload` as JSON [default: an empty webhook request; with --flow, the trigger's saved sample].
    #[arg(long, value_name = "FILE", requires = "called_as_trigger")]
    pub payload: Option<PathBuf>,

    /// The time limit of the run (of each block, with --flow) in milliseconds [default: 30000, or the block's own].
    #[arg(long, value_name = "N", value_parser = value_parser!(u64).range(1..))]
    pub timeout_ms: Option<u64>,

    /// The memory limit of the run's worker process in megabytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MEMORY_LIMIT_MB, value_parser = value_parser!(u64).range(1..))]
    pub memory_mb: u64,

    /// Take config variables and execution settings from this workspace folder (and, with --flow, the blocks).
    #[arg(long, value_name = "DIR")]
    pub workspace: Option<PathBuf>,

    /// Run this flow of the --workspace: its trigger with --payload, then each step in order.
    #[arg(long, value_name = "NAME", requires = "workspace")]
    pub flow: Option<String>,
}

/// Runs what the arguments say, prints the JSON line, and returns the exit status.
pub fn run(args: &RunArgs) -> Result<u8> {
    let started_at = SystemTime::now();
    let execution_id = local_execution_id(started_at, std::process::id());
    let workspace = args.workspace.as_deref().map(open_workspace).transpose()?;
    match (&args.flow, &args.file, workspace) {
        (Some(flow), _, Some(workspace)) => {
            run_workspace_flow(args, &workspace, flow, execution_id, started_at)
        }
        (None, Some(file), workspace) => {
            run_file(args, file, workspace.as_ref(), execution_id, started_at)
        }
        // clap requires FILE unless --flow, and --workspace with --flow.
        _ => Err(Error::Invocation(
            "Give a block FILE to run, or --workspace DIR with --flow NAME.".into(),
        )),
    }
}

fn run_file(
    args: &RunArgs,
    file: &Path,
    workspace: Option<&Workspace>,
    execution_id: String,
    started_at: SystemTime,
) -> Result<u8> {
    let source = read_source(file)?;
    let config_vars = match (&args.config_vars, workspace) {
        (Some(path), _) => read_json_object("config variables file", path)?,
        (None, Some(workspace)) => Value::Object(workspace.manifest().config_vars_json()),
        (None, None) => json!({}),
    };
    let step_name = file
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut context = default_context(&RunIdentity {
        execution_id,
        started_at,
        integration_name: workspace.map_or(LOCAL_INTEGRATION_NAME.to_owned(), |w| {
            w.manifest().name.clone()
        }),
        flow_name: LOCAL_FLOW_NAME.to_owned(),
        step_name,
        webhook_base_url: DEFAULT_WEBHOOK_BASE_URL.to_owned(),
    });
    if let Some(workspace) = workspace {
        apply_overrides(&mut context, &workspace.manifest().execution);
    }
    let (kind, input) = if args.trigger {
        let payload = match &args.payload {
            Some(path) => read_json("payload file", path)?,
            None => default_trigger_payload(&context),
        };
        (BlockKind::Trigger, payload)
    } else {
        let step_results = match &args.step_results {
            Some(path) => read_json_object("step results file", path)?,
            None => json!({}),
        };
        (BlockKind::Action, step_results)
    };
    let request = RunRequest {
        source,
        file_name: file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| "block.js".to_owned()),
        kind,
        config_vars,
        input,
        context,
        state: fresh_state(),
    };
    let supervisor = one_shot_supervisor()?;
    let limits = RunLimits::new(
        args.timeout_ms.unwrap_or(default_timeout_ms()),
        args.memory_mb,
    );
    let report = supervisor.run(supervisor.next_run_id(), request, limits)?;
    print_line(&report.outcome);
    Ok(exit_status(report.outcome.ok, report.failure))
}

fn run_workspace_flow(
    args: &RunArgs,
    workspace: &Workspace,
    flow_name: &str,
    execution_id: String,
    started_at: SystemTime,
) -> Result<u8> {
    let in_workspace = |source| Error::Workspace {
        path: workspace.root().to_path_buf(),
        source,
    };
    let manifest = workspace.manifest();
    let flow = manifest.flow(flow_name).ok_or_else(|| {
        in_workspace(blocksmith_workspace::Error::UnknownFlow(
            flow_name.to_owned(),
        ))
    })?;
    let flow_block = |id: &String| -> Result<FlowBlock> {
        let block = workspace.block(id).map_err(in_workspace)?;
        let timeout_ms = args
            .timeout_ms
            .or(block.timeout_ms.map(u64::from))
            .unwrap_or(default_timeout_ms());
        Ok(FlowBlock {
            name: block.name.clone(),
            file_name: format!("{id}.js"),
            source: workspace.read_block_source(id).map_err(in_workspace)?,
            limits: RunLimits::new(timeout_ms, args.memory_mb),
        })
    };
    let trigger = flow_block(&flow.trigger)?;
    let steps = flow
        .steps
        .iter()
        .map(flow_block)
        .collect::<Result<Vec<_>>>()?;
    let payload = match &args.payload {
        Some(path) => read_json("payload file", path)?,
        None => workspace.read_sample(&flow.trigger).map_err(in_workspace)?,
    };

    let mut context = default_context(&RunIdentity {
        execution_id,
        started_at,
        integration_name: manifest.name.clone(),
        flow_name: flow.name.clone(),
        step_name: trigger.name.clone(),
        webhook_base_url: DEFAULT_WEBHOOK_BASE_URL.to_owned(),
    });
    apply_overrides(&mut context, &manifest.execution);
    let mut saved_state = workspace.read_state().map_err(in_workspace)?;
    let mut state = fresh_state();
    if let Some(instance_state) = saved_state.pointer(&instance_state_pointer(&flow.name)) {
        state.instance_state = instance_state.clone();
    }
    if let Some(cross_flow_state) = saved_state.get("crossFlowState") {
        state.cross_flow_state = cross_flow_state.clone();
    }

    let supervisor = one_shot_supervisor()?;
    let report = run_flow(
        &supervisor,
        supervisor.next_run_id(),
        FlowRun {
            trigger,
            steps,
            payload,
            config_vars: Value::Object(manifest.config_vars_json()),
            context,
            state,
        },
    )?;

    // `instanceState` (this flow's) and `crossFlowState` outlive the run, as on the platform.
    let before = saved_state.clone();
    if !saved_state.is_object() {
        saved_state = json!({});
    }
    let instance_states = saved_state.as_object_mut().and_then(|saved| {
        saved
            .entry("instanceState")
            .or_insert_with(|| json!({}))
            .as_object_mut()
    });
    if let Some(instance_states) = instance_states {
        instance_states.insert(flow.name.clone(), report.state.instance_state.clone());
    }
    saved_state["crossFlowState"] = report.state.cross_flow_state.clone();
    if saved_state != before {
        workspace.save_state(&saved_state).map_err(in_workspace)?;
    }

    print_line(&report.outcome);
    Ok(exit_status(report.outcome.ok, report.failure))
}

fn open_workspace(dir: &Path) -> Result<Workspace> {
    Workspace::open(dir).map_err(|source| Error::Workspace {
        path: dir.to_path_buf(),
        source,
    })
}

/// A supervisor for one run: no warm worker is kept, since the process ends after the run.
fn one_shot_supervisor() -> Result<Supervisor> {
    let program = std::env::current_exe().map_err(Error::OwnExecutable)?;
    Ok(Supervisor::new(
        WorkerCommand::new(program, ["__worker"]),
        SupervisorOptions {
            warm_workers: 0,
            ..SupervisorOptions::default()
        },
    ))
}

fn default_timeout_ms() -> u64 {
    DEFAULT_TIME_LIMIT.as_millis() as u64
}

/// Where a flow's `instanceState` sits in the workspace's saved state (`/instanceState/<flow name>`).
fn instance_state_pointer(flow_name: &str) -> String {
    format!(
        "/instanceState/{}",
        flow_name.replace('~', "~0").replace('/', "~1")
    )
}

fn local_execution_id(started_at: SystemTime, process_id: u32) -> String {
    let millis = started_at
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis();
    format!("local-{millis}-{process_id}")
}

fn exit_status(ok: bool, failure: Option<FailureKind>) -> u8 {
    match (ok, failure) {
        (true, _) => 0,
        (false, Some(FailureKind::Limit)) => exit::LIMIT,
        (false, _) => exit::BLOCK_FAILED,
    }
}

/// The one line stdout carries. A closed stdout (`| head -c0`) is not worth an error.
fn print_line(outcome: &impl Serialize) {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let _ = serde_json::to_writer(&mut out, outcome)
        .map_err(std::io::Error::other)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_exit_3_and_other_failures_exit_1() {
        assert_eq!(exit_status(true, None), 0);
        assert_eq!(exit_status(false, Some(FailureKind::Block)), 1);
        assert_eq!(exit_status(false, Some(FailureKind::Limit)), 3);
        assert_eq!(exit_status(false, None), 1);
    }

    #[test]
    fn flow_names_are_escaped_in_the_state_pointer() {
        assert_eq!(
            instance_state_pointer("Sync a/b~c"),
            "/instanceState/Sync a~1b~0c"
        );
    }

    #[test]
    fn execution_ids_name_the_time_and_process() {
        let at = UNIX_EPOCH + std::time::Duration::from_millis(1_700_000_000_123);
        assert_eq!(local_execution_id(at, 42), "local-1700000000123-42");
    }
}
