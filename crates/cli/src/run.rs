//! `blocksmith run`: one block (`FILE`) or one workspace flow (`--flow`), always in a worker process,
//! printed as one JSON line — also when Ctrl+C stops it (see `interrupt`).

use std::io::Write;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use blocksmith_session::types::{FailureKind, ForkedWorker, HttpMode, DEFAULT_MEMORY_LIMIT_MB};
use blocksmith_session::{FileRunRequest, FlowRunRequest, LimitOverrides, Ran, Session};
use clap::{value_parser, ArgGroup, Args};
use serde::Serialize;

use crate::connections::report_host_changes;
use crate::error::{Error, Result};
use crate::exit;
use crate::host::{session, session_in, Warm};
use crate::inputs::{
    read_cassette, read_json, read_json_object_text, read_json_text, read_source, write_cassette,
};
use crate::interrupt::{stop_run_on_interrupt, Interrupted};

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

    /// Run in debug mode: `context.debug.enabled` is true, its helpers record, and the line carries what
    /// they recorded as `debugResults` (with --flow, per step).
    #[arg(long)]
    pub debug_mode: bool,

    /// Take config variables and execution settings from this workspace folder (and, with --flow, the blocks).
    #[arg(long, value_name = "DIR")]
    pub workspace: Option<PathBuf>,

    /// Run this flow of the --workspace: its trigger with --payload, then each step in order.
    #[arg(long, value_name = "NAME", requires = "workspace")]
    pub flow: Option<String>,

    /// Record every `fetch` the block makes, with its response, into this cassette file (secrets of the
    /// --workspace's connections as placeholders like {{Acme.apiKey}}).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["flow", "replay"])]
    pub record: Option<PathBuf>,

    /// Answer every `fetch` from this cassette file instead of the network; a request it does not hold fails
    /// naming the closest recorded one.
    #[arg(long, value_name = "FILE", conflicts_with = "flow")]
    pub replay: Option<PathBuf>,

    /// A connection's Authorize, Token or Revocation URL moved to another host since its secrets were stored:
    /// drop its stored token (consent is needed again), bind the new hosts, and run.
    #[arg(long, requires = "workspace")]
    pub allow_host_change: bool,
}

/// Runs what the arguments say, prints the JSON line, and returns the exit status.
/// `forked_worker`, when there is one, takes the run (or the flow's first step).
pub fn run(args: &RunArgs, forked_worker: Option<ForkedWorker>) -> Result<u8> {
    let run_id = local_execution_id(SystemTime::now(), std::process::id());
    let session = match &args.workspace {
        Some(dir) => session_in(dir, false, Warm::None)?,
        None => session(Warm::None)?,
    };
    if let Some(worker) = forked_worker {
        // Not adopted (its output threads could not start), it is stopped and the run starts its own worker.
        let _ = session.adopt_forked_worker(worker);
    }
    let limits = LimitOverrides {
        time_limit_ms: args.timeout_ms,
        memory_mb: Some(args.memory_mb),
    };
    let interrupted = stop_run_on_interrupt(&session, &run_id)?;
    match (&args.flow, &args.file) {
        (Some(flow), _) => {
            prepare_connections(&session, args.allow_host_change)?;
            // A state file that cannot be read (older versions wrote state nested too deeply) is set aside and
            // the state starts over; the person hears where the old file went.
            if let Some(notice) = session.persisted_state()?.notice {
                eprintln!("blocksmith: {notice}");
            }
            let payload = match &args.payload {
                Some(path) => Some(read_json("payload file", path)?),
                None => None,
            };
            let ran = session.run_flow(FlowRunRequest {
                run_id,
                flow: flow.clone(),
                payload,
                limits,
                debug_mode: args.debug_mode,
            })?;
            Ok(print_outcome(ran.outcome.ok, &ran, &interrupted))
        }
        (None, Some(file)) => {
            let config_vars = match &args.config_vars {
                Some(path) => Some(read_json_object_text("config variables file", path)?),
                None => {
                    if args.workspace.is_some() {
                        prepare_connections(&session, args.allow_host_change)?;
                    }
                    None
                }
            };
            let input = match (args.trigger, &args.payload, &args.step_results) {
                (true, Some(path), _) => Some(read_json_text("payload file", path)?),
                (false, _, Some(path)) => Some(read_json_object_text("step results file", path)?),
                _ => None,
            };
            let http = match (&args.record, &args.replay) {
                (Some(_), _) => Some(HttpMode::Record),
                (None, Some(path)) => Some(HttpMode::Replay(read_cassette(path)?)),
                (None, None) => None,
            };
            let (ran, http_log) = session.run_file_with_http(
                FileRunRequest {
                    run_id,
                    source: read_source(file)?,
                    file_name: file
                        .file_name()
                        .map(|name| name.to_string_lossy().into_owned())
                        .unwrap_or_else(|| "block.js".to_owned()),
                    step_name: file
                        .file_stem()
                        .map(|stem| stem.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    trigger: args.trigger,
                    config_vars,
                    input,
                    limits,
                    debug_mode: args.debug_mode,
                },
                http,
            )?;
            let http_log = http_log.unwrap_or_default();
            if let Some(path) = &args.record {
                write_cassette(path, &http_log.recorded)?;
            }
            for missing in &http_log.unmatched {
                eprintln!("blocksmith run: {missing}");
            }
            Ok(print_outcome(ran.outcome.ok, &ran, &interrupted))
        }
        // clap requires FILE unless --flow, and --workspace with --flow.
        (None, None) => Err(Error::Invocation(
            "Give a block FILE to run, or --workspace DIR with --flow NAME.".into(),
        )),
    }
}

/// Before a run with the workspace's connections: with `allow_host_change`, connections whose endpoints moved to
/// other hosts first lose their stored token and are bound to the new hosts (stderr says which); without it, such
/// a connection stops the run before anything is sent. A copied folder's connections without secrets are named.
fn prepare_connections(session: &Session, allow_host_change: bool) -> Result<()> {
    if allow_host_change {
        for accepted in session.accept_all_host_changes()? {
            report_host_changes(&accepted.connection, &accepted.changes);
        }
    }
    if let Some(notice) = session.no_secrets_here_notice()? {
        eprintln!("{notice}");
    }
    Ok(())
}

/// Prints the outcome line and answers with the exit status (`ok` is the outcome's own). After Ctrl+C, the line
/// holds what the run logged before it was stopped, and stderr says it was stopped.
fn print_outcome<O: Serialize>(ok: bool, ran: &Ran<O>, interrupted: &Interrupted) -> u8 {
    print_line(&ran.outcome);
    if interrupted.happened() {
        eprintln!("blocksmith run: stopped by Ctrl+C; the line above holds what the run logged until then.");
        return exit::INTERRUPTED;
    }
    exit_status(ok, ran.failure)
}

fn local_execution_id(started_at: SystemTime, process_id: u32) -> String {
    let millis = started_at
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis();
    format!("local-{millis}-{process_id}")
}

/// `blocksmith run`'s exit status for an outcome; `blocksmith debug` reports the same.
pub(crate) fn exit_status(ok: bool, failure: Option<FailureKind>) -> u8 {
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
