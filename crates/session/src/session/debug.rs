//! Debugging a block: a debug run of a block file, driven by a front end's commands while it goes on. The
//! CLI's `blocksmith debug` (a Debug Adapter Protocol front end) uses it, and the app's Debug will. A debug
//! run is prepared exactly as [`Session::run_file`] prepares a run (same inputs, same context, same
//! redaction), and its outcome is the same outcome; only its worker runs the block under the debugger.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use blocksmith_engine::debugger::{
    BreakpointSpec, DebugCommand, DebugEvent, DebugEvents, DebugLaunch,
};
use blocksmith_engine::{JsonRunOutcome, JsonRunReport, RunOutcome};
use blocksmith_workspace::SavedBreakpoint;

use super::invocations::{record_invoked_runs, Invoker};
use super::{lock, BlockRunRequest, FileRunRequest, LiveLogLine, Ran, Session};
use crate::error::Result;
use crate::redaction::{redact_outcome, redacted_json, Redactor};
use crate::runs::{prepare_block_run, record_block_run, RunClock};

/// A debug run of a block file: the run as [`Session::run_file`] takes it, and how the debugger starts.
#[derive(Debug, Clone)]
pub struct FileDebugRequest {
    pub run: FileRunRequest,
    pub launch: DebugLaunch,
}

/// A debug run of a block of the open workspace: the run as [`Session::run_block`] takes it (the editor's
/// text and input), and how the debugger starts.
#[derive(Debug, Clone)]
pub struct BlockDebugRequest {
    pub run: BlockRunRequest,
    pub launch: DebugLaunch,
}

/// What a debug run tells its front end while it goes on.
#[derive(Debug, Clone, PartialEq)]
pub enum DebugNotice {
    /// The block logged a line (secrets redacted).
    Logged(LiveLogLine),
    /// The debugger paused, resumed, printed a logpoint or answered a command.
    Debugger(DebugEvent),
    /// In a flow's debug run: the step `name` (block `block_id`, whose file is `path`) starts; the debugger's
    /// lines are that file's until the next step starts.
    StepStarted {
        name: String,
        block_id: String,
        path: PathBuf,
    },
}

/// Hears a debug run's notices, from the threads that read its worker, as they arrive.
#[derive(Clone)]
pub struct DebugListener(pub Arc<dyn Fn(&DebugNotice) + Send + Sync>);

impl Session {
    /// Runs a block file under the debugger and waits for its outcome; meanwhile `listener` hears what the run
    /// logs and what the debugger says, and [`Session::send_debug_command`] (from another thread) drives it.
    /// [`Session::stop_run`] ends it at once. The time limit counts only the time the block runs.
    pub fn debug_file(
        &self,
        request: FileDebugRequest,
        listener: DebugListener,
    ) -> Result<Ran<JsonRunOutcome>> {
        let run_id = request.run.run_id.clone();
        let prepared = self.prepare_file_run(request.run)?;
        let (run, limits, redactor) = (prepared.run, prepared.limits, prepared.redactor);
        // As in a run: with a workspace open, the block may invoke the workspace's flows (they run without the
        // debugger).
        let workspace = self.snapshot_if_open();
        let invoker = workspace.as_ref().map(|workspace| {
            Invoker::outermost(workspace.root(), None, &run_id, SystemTime::now())
        });
        let conditions = invoker
            .as_ref()
            .map(|invoker| self.conditions_for(invoker))
            .unwrap_or_default();
        let supervisor = &self.shared.supervisor;
        let logs = listener.clone();
        let debugger_events = debugger_events_to(listener, redactor.clone());
        let report = self.tracked_telling(
            &run_id,
            &redactor,
            move |line| (logs.0)(&DebugNotice::Logged(line.clone())),
            |id| {
                supervisor.debug_json(id, run, limits, request.launch, debugger_events, conditions)
            },
        )?;
        if let (Some(workspace), Some(invoker)) = (&workspace, &invoker) {
            self.record_invoked_without_parent(workspace, invoker)?;
        }
        Ok(Ran {
            outcome: redact_outcome(report.outcome, &redactor),
            failure: report.failure,
        })
    }

    /// Runs a block of the workspace under the debugger, as [`Session::run_block`] runs it (same inputs, same
    /// history record), and waits for its outcome; meanwhile `listener` hears what it logs and what the
    /// debugger says, and [`Session::send_debug_command`] drives it.
    pub fn debug_block(
        &self,
        request: BlockDebugRequest,
        listener: DebugListener,
    ) -> Result<Ran<RunOutcome>> {
        let BlockDebugRequest { run, launch } = request;
        let workspace = self.snapshot()?;
        let clock = RunClock::now(&run.run_id);
        let (config_vars, redactor) = self.config_vars_for_run(&workspace, clock.now)?;
        let mut block_run = prepare_block_run(
            &workspace,
            &run.block_id,
            run.source,
            run.input,
            config_vars,
            &clock,
        )?;
        block_run.request.debug_mode = run.debug_mode;
        let invoker = Invoker::outermost(
            workspace.root(),
            Some(&block_run.flow),
            &clock.execution_id,
            clock.now,
        );
        let conditions = self.conditions_for(&invoker);
        let supervisor = &self.shared.supervisor;
        let logs = listener.clone();
        let events = debugger_events_to(listener, redactor.clone());
        let report = self.tracked_telling(
            &run.run_id,
            &redactor,
            move |line| (logs.0)(&DebugNotice::Logged(line.clone())),
            |id| {
                supervisor.debug(
                    id,
                    block_run.request.clone(),
                    block_run.limits,
                    launch,
                    events,
                    conditions,
                )
            },
        )?;
        self.with_history(&workspace, |history| {
            let id = record_block_run(
                &workspace,
                history,
                &block_run,
                &JsonRunReport::from(&report),
                &redactor,
            )?;
            record_invoked_runs(history, Some(id), invoker.take_invoked())
        })?;
        Ok(Ran {
            outcome: redact_outcome(report.outcome, &redactor),
            failure: report.failure,
        })
    }

    /// The breakpoints saved for block `block_id` (this machine's, in `.blocksmith/`).
    pub fn breakpoints(&self, block_id: &str) -> Result<Vec<SavedBreakpoint>> {
        self.with_workspace(|ws| Ok(ws.breakpoints(block_id)?))
    }

    /// Replaces the breakpoints saved for block `block_id`.
    pub fn save_breakpoints(
        &self,
        block_id: &str,
        breakpoints: Vec<SavedBreakpoint>,
    ) -> Result<()> {
        self.with_workspace(|ws| Ok(ws.save_breakpoints(block_id, breakpoints)?))
    }

    /// Passes `command` on to the debug run `run_id`; answers whether that run was in progress. In a flow's
    /// debug run, a step (rather than Continue) also carries on into the next step's first statement.
    pub fn send_debug_command(&self, run_id: &str, command: DebugCommand) -> bool {
        if let Some(plan) = self.flow_debug_plan(run_id) {
            lock(&plan).note(&command);
        }
        self.supervisor_run_id(run_id)
            .is_some_and(|id| self.shared.supervisor.send_debug_command(id, command))
    }

    /// The lines of a block's `source` where a breakpoint can stop (where a statement starts), ascending.
    pub fn breakable_lines(source: &str) -> Vec<u32> {
        blocksmith_engine::debugger::breakable_lines(source)
    }
}

/// A saved breakpoint as the debugger takes it.
pub fn breakpoint_spec(saved: SavedBreakpoint) -> BreakpointSpec {
    BreakpointSpec {
        line: saved.line,
        condition: saved.condition,
        log_message: saved.log_message,
    }
}

/// The debugger's events of a run as `listener` hears them, with the run's secrets redacted.
pub(super) fn debugger_events_to(listener: DebugListener, redactor: Redactor) -> DebugEvents {
    DebugEvents(Arc::new(move |event: &DebugEvent| {
        (listener.0)(&DebugNotice::Debugger(redact_event(event, &redactor)));
    }))
}

/// What the debugger shows of the block's values, with the run's secrets redacted as in its logs. An event
/// that cannot be checked is withheld, never passed on unchecked.
fn redact_event(event: &DebugEvent, redactor: &Redactor) -> DebugEvent {
    match serde_json::from_value(redacted_json(event, redactor)) {
        Ok(redacted) => redacted,
        Err(_) => match event {
            DebugEvent::Answer { request, .. } | DebugEvent::Refused { request, .. } => {
                DebugEvent::Refused {
                    request: *request,
                    message: "The answer was withheld: it could not be checked for secrets."
                        .to_owned(),
                }
            }
            DebugEvent::LogPoint { line, .. } => DebugEvent::LogPoint {
                line: *line,
                message: "[withheld: the message could not be checked for secrets]".to_owned(),
            },
            DebugEvent::Stopped { .. } | DebugEvent::Continued => event.clone(),
        },
    }
}
