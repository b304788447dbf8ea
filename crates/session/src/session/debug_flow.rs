//! Debugging a whole flow: the trigger, then each step, as [`Session::run_flow`] runs them, each step under the
//! debugger in a worker of its own. Breakpoints belong to step files (a line is its own file's), so the front
//! end sets them per file and each step starts with its file's; a step command that runs off the end of one
//! step pauses at the first statement of the next, so stepping goes on across steps.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use blocksmith_engine::debugger::{BreakpointSpec, DebugCommand, DebugLaunch, ExceptionFilters};
use blocksmith_runner::FlowOutcome;

use super::debug::{debugger_events_to, DebugListener, DebugNotice};
use super::invocations::Invoker;
use super::{lock, FlowRunRequest, Ran, Session};
use crate::error::Result;
use crate::redaction::redact_outcome;
use crate::runs::{prepare_flow_run, record_flow_run, RunClock};

/// A flow's debug run: the run as [`Session::run_flow`] takes it, and how the debugger starts.
#[derive(Debug, Clone, Default)]
pub struct FlowDebugRequest {
    pub run: FlowRunRequest,
    /// By step file name (`get-data.js`), each line that file's own.
    pub breakpoints: HashMap<String, Vec<BreakpointSpec>>,
    pub exceptions: ExceptionFilters,
    /// Pause before the trigger's first statement.
    pub stop_on_entry: bool,
}

/// What the front end has set for a flow's debug run so far; each step starts from it.
#[derive(Debug, Default)]
pub(super) struct FlowDebugPlan {
    breakpoints: HashMap<String, Vec<BreakpointSpec>>,
    exceptions: ExceptionFilters,
    /// The front end's last move was a step, not Continue: the next step pauses at its first statement.
    stepping: bool,
    /// The file of the step running now.
    running_file: Option<String>,
}

impl FlowDebugPlan {
    /// Keeps what `command` changes for the steps still to come.
    pub(super) fn note(&mut self, command: &DebugCommand) {
        match command {
            DebugCommand::Continue => self.stepping = false,
            DebugCommand::Next | DebugCommand::StepIn | DebugCommand::StepOut => {
                self.stepping = true;
            }
            DebugCommand::SetExceptionFilters { filters } => self.exceptions = *filters,
            _ => {}
        }
    }

    fn launch_for(&mut self, file_name: &str) -> DebugLaunch {
        self.running_file = Some(file_name.to_owned());
        DebugLaunch {
            breakpoints: self.breakpoints.get(file_name).cloned().unwrap_or_default(),
            exceptions: self.exceptions,
            stop_on_entry: self.stepping,
        }
    }
}

impl Session {
    /// Runs the whole flow under the debugger and waits for its outcome, as [`Session::run_flow`] runs it (same
    /// inputs, the state it leaves kept). `listener` hears each step start ([`DebugNotice::StepStarted`]),
    /// what the steps log and what the debugger says; [`Session::send_debug_command`] and
    /// [`Session::set_flow_breakpoints`] drive it, and [`Session::stop_run`] ends it.
    pub fn debug_flow(
        &self,
        request: FlowDebugRequest,
        listener: DebugListener,
    ) -> Result<Ran<FlowOutcome>> {
        let FlowDebugRequest {
            run,
            breakpoints,
            exceptions,
            stop_on_entry,
        } = request;
        let workspace = self.snapshot()?;
        let clock = RunClock::now(&run.run_id);
        let (config_vars, redactor) = self.config_vars_for_run(&workspace, clock.now)?;
        let mut flow = prepare_flow_run(&workspace, &run.flow, run.payload, config_vars, &clock)?;
        for block in std::iter::once(&mut flow.trigger).chain(flow.steps.iter_mut()) {
            block.limits = run.limits.apply(block.limits);
        }
        flow.debug_mode = run.debug_mode;

        let plan = Arc::new(Mutex::new(FlowDebugPlan {
            breakpoints,
            exceptions,
            stepping: stop_on_entry,
            running_file: None,
        }));
        lock(&self.shared.flow_debug_plans).insert(run.run_id.clone(), Arc::clone(&plan));
        // The flows a step invokes run as in Run flow, without the debugger.
        let invoker = Invoker::outermost(
            workspace.root(),
            Some(&run.flow),
            &clock.execution_id,
            clock.now,
        );
        let conditions = self.conditions_for(&invoker);
        let supervisor = &self.shared.supervisor;
        let logs = listener.clone();
        let report = self.tracked_telling(
            &run.run_id,
            &redactor,
            move |line| (logs.0)(&DebugNotice::Logged(line.clone())),
            |id| {
                blocksmith_runner::run_flow_with(flow, |block, request| {
                    let file_name = format!("{}.js", block.block_id);
                    let launch = lock(&plan).launch_for(&file_name);
                    let block_id = block.block_id.as_str();
                    (listener.0)(&DebugNotice::StepStarted {
                        name: block.name.clone(),
                        block_id: block_id.to_owned(),
                        path: workspace.block_path(block_id),
                    });
                    let events = debugger_events_to(listener.clone(), redactor.clone());
                    supervisor.debug(
                        id,
                        request,
                        block.limits,
                        launch,
                        events,
                        conditions.clone(),
                    )
                })
            },
        );
        lock(&self.shared.flow_debug_plans).remove(&run.run_id);
        let report = report?;
        self.record_invoked_without_parent(&workspace, &invoker)?;
        // `instanceState` (this flow's) and `crossFlowState` outlive the run, as on the platform.
        record_flow_run(&workspace, &run.flow, &report)?;
        Ok(Ran {
            outcome: redact_outcome(report.outcome, &redactor),
            failure: report.failure,
        })
    }

    /// Replaces the breakpoints of the step file `file_name` (`get-data.js`) in the flow debug run `run_id`:
    /// the step running now if it is that file's, else that step when it starts. Answers whether the run
    /// was in progress.
    pub fn set_flow_breakpoints(
        &self,
        run_id: &str,
        file_name: &str,
        breakpoints: Vec<BreakpointSpec>,
    ) -> bool {
        let Some(plan) = self.flow_debug_plan(run_id) else {
            return false;
        };
        let running_now = {
            let mut plan = lock(&plan);
            plan.breakpoints
                .insert(file_name.to_owned(), breakpoints.clone());
            plan.running_file.as_deref() == Some(file_name)
        };
        if running_now {
            self.send_debug_command(run_id, DebugCommand::SetBreakpoints { breakpoints });
        }
        true
    }

    /// The breakpoints saved for each block of flow `flow`, by its file name, as [`FlowDebugRequest`] takes
    /// them.
    pub fn saved_flow_breakpoints(
        &self,
        flow: &str,
    ) -> Result<HashMap<String, Vec<BreakpointSpec>>> {
        self.with_workspace(|ws| {
            let flow = ws
                .manifest()
                .flows
                .iter()
                .find(|candidate| candidate.name == flow)
                .ok_or_else(|| blocksmith_workspace::Error::UnknownFlow(flow.to_owned()))?;
            let mut breakpoints = HashMap::new();
            for id in std::iter::once(&flow.trigger).chain(flow.steps.iter()) {
                let saved = ws.breakpoints(id)?;
                breakpoints.insert(
                    format!("{id}.js"),
                    saved
                        .into_iter()
                        .map(super::debug::breakpoint_spec)
                        .collect(),
                );
            }
            Ok(breakpoints)
        })
    }

    pub(super) fn flow_debug_plan(&self, run_id: &str) -> Option<Arc<Mutex<FlowDebugPlan>>> {
        lock(&self.shared.flow_debug_plans).get(run_id).cloned()
    }
}
