//! Debugging a block: a debug run of a block file, driven by a front end's commands while it goes on. The
//! CLI's `blocksmith debug` (a Debug Adapter Protocol front end) uses it, and the app's Debug will. A debug
//! run is prepared exactly as [`Session::run_file`] prepares a run (same inputs, same context, same
//! redaction), and its outcome is the same outcome; only its worker runs the block under the debugger.

use std::sync::Arc;

use blocksmith_engine::debugger::{DebugCommand, DebugEvent, DebugEvents, DebugLaunch};
use blocksmith_engine::JsonRunOutcome;

use super::FileRunRequest;
use super::{LiveLogLine, Ran, Session};
use crate::error::Result;
use crate::redaction::{redact_outcome, redacted_json, Redactor};

/// A debug run of a block file: the run as [`Session::run_file`] takes it, and how the debugger starts.
#[derive(Debug, Clone)]
pub struct FileDebugRequest {
    pub run: FileRunRequest,
    pub launch: DebugLaunch,
}

/// What a debug run tells its front end while it goes on.
#[derive(Debug, Clone, PartialEq)]
pub enum DebugNotice {
    /// The block logged a line (secrets redacted).
    Logged(LiveLogLine),
    /// The debugger paused, resumed, printed a logpoint or answered a command.
    Debugger(DebugEvent),
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
        let supervisor = &self.shared.supervisor;
        let logs = listener.clone();
        let events = listener;
        let event_redactor = redactor.clone();
        let debugger_events = DebugEvents(Arc::new(move |event: &DebugEvent| {
            (events.0)(&DebugNotice::Debugger(redact_event(event, &event_redactor)));
        }));
        let report = self.tracked_telling(
            &run_id,
            &redactor,
            move |line| (logs.0)(&DebugNotice::Logged(line.clone())),
            |id| supervisor.debug_json(id, run, limits, request.launch, debugger_events),
        )?;
        Ok(Ran {
            outcome: redact_outcome(report.outcome, &redactor),
            failure: report.failure,
        })
    }

    /// Passes `command` on to the debug run `run_id`; answers whether that run was in progress.
    pub fn send_debug_command(&self, run_id: &str, command: DebugCommand) -> bool {
        self.supervisor_run_id(run_id)
            .is_some_and(|id| self.shared.supervisor.send_debug_command(id, command))
    }

    /// The lines of a block's `source` where a breakpoint can stop (where a statement starts), ascending.
    pub fn breakable_lines(source: &str) -> Vec<u32> {
        blocksmith_engine::debugger::breakable_lines(source)
    }
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
