//! `blocksmith run`: one block (`FILE`) or one workspace flow (`--flow`), always in a worker process,
//! printed as one JSON line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use blocksmith_engine::{json_text, BlockKind, FailureKind, JsonBlockState, JsonRunRequest};
use blocksmith_runner::{
    apply_overrides, default_context, default_trigger_payload, fresh_state, run_flow, RunIdentity,
    RunLimits, Supervisor, SupervisorOptions, WorkerCommand, DEFAULT_MEMORY_LIMIT_MB,
    DEFAULT_TIME_LIMIT, DEFAULT_WEBHOOK_BASE_URL,
};
use blocksmith_secrets::{SecretStore, SERVICE};
use blocksmith_session::{
    config_vars_for_run, list_connections, no_secrets_here_notice, prepare_flow_run,
    record_flow_run, redact_outcome, PersistedState, Redactor, RunClock,
};
use blocksmith_workspace::Workspace;
use clap::{value_parser, ArgGroup, Args};
use serde::Serialize;
use serde_json::{json, Value};

use crate::error::{Error, Result};
use crate::exit;
use crate::inputs::{read_json, read_json_object_text, read_json_text, read_source};

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

    /// A connection's Authorize, Token or Revocation URL moved to another host since its secrets were stored:
    /// drop its stored token (consent is needed again), bind the new hosts, and run.
    #[arg(long, requires = "workspace")]
    pub allow_host_change: bool,
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
    // The files' JSON stays text all the way to the worker, which builds the block's values from it.
    let (config_vars, redactor) = match (&args.config_vars, workspace) {
        (Some(path), _) => (
            read_json_object_text("config variables file", path)?,
            Redactor::none(),
        ),
        (None, Some(workspace)) => {
            let (config_vars, redactor) =
                workspace_config_vars(workspace, args.allow_host_change, started_at)?;
            (json_text(&config_vars), redactor)
        }
        (None, None) => (json_text(&json!({})), Redactor::none()),
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
            Some(path) => read_json_text("payload file", path)?,
            None => json_text(&default_trigger_payload(&context)),
        };
        (BlockKind::Trigger, payload)
    } else {
        let step_results = match &args.step_results {
            Some(path) => read_json_object_text("step results file", path)?,
            None => json_text(&json!({})),
        };
        (BlockKind::Action, step_results)
    };
    let request = JsonRunRequest {
        source,
        file_name: file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| "block.js".to_owned()),
        kind,
        config_vars,
        input,
        context: json_text(&context),
        state: JsonBlockState::from(&fresh_state()),
    };
    let supervisor = one_shot_supervisor()?;
    let limits = RunLimits::new(
        args.timeout_ms.unwrap_or(default_timeout_ms()),
        args.memory_mb,
    );
    let report = supervisor.run_json(supervisor.next_run_id(), request, limits)?;
    let status = exit_status(report.outcome.ok, report.failure);
    print_line(&redact_outcome(report.outcome, &redactor));
    Ok(status)
}

fn run_workspace_flow(
    args: &RunArgs,
    workspace: &Workspace,
    flow_name: &str,
    execution_id: String,
    started_at: SystemTime,
) -> Result<u8> {
    let (config_vars, redactor) =
        workspace_config_vars(workspace, args.allow_host_change, started_at)?;
    let payload = match &args.payload {
        Some(path) => Some(read_json("payload file", path)?),
        None => None,
    };
    let clock = RunClock {
        now: started_at,
        execution_id,
    };
    // A state file that cannot be read (older versions wrote state nested too deeply) is set aside here and
    // the state starts over; the person hears where the old file went.
    if let Some(notice) = PersistedState::load(workspace)?.notice {
        eprintln!("blocksmith: {notice}");
    }
    let mut flow = prepare_flow_run(workspace, flow_name, payload, config_vars, &clock)?;
    for block in std::iter::once(&mut flow.trigger).chain(flow.steps.iter_mut()) {
        let timeout_ms = args
            .timeout_ms
            .unwrap_or(block.limits.time_limit.as_millis() as u64);
        block.limits = RunLimits::new(timeout_ms, args.memory_mb);
    }
    let supervisor = one_shot_supervisor()?;
    let report = run_flow(&supervisor, supervisor.next_run_id(), flow)?;
    // `instanceState` (this flow's) and `crossFlowState` outlive the run, as on the platform.
    record_flow_run(workspace, flow_name, &report)?;
    let status = exit_status(report.outcome.ok, report.failure);
    print_line(&redact_outcome(report.outcome, &redactor));
    Ok(status)
}

/// The workspace's `configVars` (connections with their secrets from the OS keyring, expired tokens refreshed)
/// and the redactor that keeps those secrets out of what is printed. With `allow_host_change`, connections whose
/// endpoints moved to other hosts first lose their stored token and are bound to the new hosts; without it, such a
/// connection stops the run before anything is sent.
fn workspace_config_vars(
    workspace: &Workspace,
    allow_host_change: bool,
    now: SystemTime,
) -> Result<(Value, Redactor)> {
    if workspace.manifest().connections.is_empty() {
        return Ok(config_vars_for_run(
            workspace,
            || SecretStore::open(SERVICE),
            now,
        )?);
    }
    let store = SecretStore::open(SERVICE).map_err(blocksmith_session::Error::from)?;
    if allow_host_change {
        for accepted in
            blocksmith_session::host_binding::accept_all_host_changes(workspace, &store)?
        {
            crate::connections::report_host_changes(&accepted.connection, &accepted.changes);
        }
    }
    if let Some(notice) = no_secrets_here_notice(&list_connections(workspace, &store)?) {
        eprintln!("{notice}");
    }
    Ok(config_vars_for_run(workspace, || Ok(store), now)?)
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
    fn execution_ids_name_the_time_and_process() {
        let at = UNIX_EPOCH + std::time::Duration::from_millis(1_700_000_000_123);
        assert_eq!(local_execution_id(at, 42), "local-1700000000123-42");
    }
}
