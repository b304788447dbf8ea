//! Test cases of a whole flow run: the trigger with a payload, then every step, each step's `fetch` recorded
//! into a cassette of its own (each step runs in a worker of its own and replays only what it fetched), the
//! clock and random values frozen, and every step's outcome with the flow's response expected. Listing,
//! secrets and the verdict are shared with the block cases (`block_tests`).

use std::collections::BTreeMap;
use std::time::{Instant, SystemTime};

use blocksmith_cassette::{Cassette, HttpMode, HttpPlan};
use blocksmith_engine::JsonRunRequest;
use blocksmith_runner::{fresh_state, run_flow_with, FlowOutcome};
use blocksmith_workspace::history::FlowRunOf;
use blocksmith_workspace::{flow_slug_folder, CaseOwner, Workspace};
use serde_json::{Map, Value};

use super::block_tests::{
    case_config_vars, compared_if_failed, frozen_instant, frozen_now, read_case, save_case,
    verdict, CaseSecrets,
};
use super::invocations::Invoker;
use super::{Session, TestCaseRef, TestRunMode, TestSelection};
use crate::block_tests::case::{
    ExpectedFlowOutcome, ExpectedStep, FlowCaseInputs, FlowTestCase, StepCassette,
    CASE_FORMAT_VERSION,
};
use crate::block_tests::comparison::{differences, ignore_paths};
use crate::block_tests::report::{CaseRun, CaseStatus};
use crate::error::{Error, Result};
use crate::redaction::{Redact, Redactor};
use crate::runs::{prepare_flow_run, RunClock};

/// A new case of a whole flow: the flow, the case's name, and what to run it with.
#[derive(Debug, Clone, Default)]
pub struct NewFlowTestCase {
    pub flow: String,
    pub name: String,
    /// The trigger's `payload`; the trigger's saved sample when `None`.
    pub payload: Option<Value>,
    /// Config variables to run with instead of the workspace's (plain values by name).
    pub config_vars: Option<Map<String, Value>>,
}

impl Session {
    /// Runs the flow once, live, every step's `fetch` recorded and time and randomness frozen, and saves the
    /// run as the case `tests/_flows/<flow slug>/<case id>.json` (replacing a case of the same name). No
    /// secret is written, as for a block's case.
    pub fn record_flow_test_case(&self, new: NewFlowTestCase) -> Result<CaseRun> {
        let workspace = self.snapshot()?;
        let flow = workspace
            .manifest()
            .flow(&new.flow)
            .ok_or_else(|| blocksmith_workspace::Error::UnknownFlow(new.flow.clone()))?
            .clone();
        let payload = match new.payload {
            Some(payload) => payload,
            None => workspace.read_sample(&flow.trigger)?,
        };
        let mut config_vars = workspace.manifest().config_vars_json();
        config_vars.extend(new.config_vars.unwrap_or_default());
        let case = FlowTestCase {
            format_version: CASE_FORMAT_VERSION,
            name: new.name.trim().to_owned(),
            inputs: FlowCaseInputs {
                payload,
                config_vars,
            },
            frozen: frozen_now(SystemTime::now()),
            cassettes: Vec::new(),
            expected: ExpectedFlowOutcome {
                ok: true,
                steps: Vec::new(),
                response: Value::Null,
            },
            ignore: Vec::new(),
        };
        if case.name.is_empty() {
            return Err(Error::TestCaseInvalid(
                "A test case needs a name: give it one that says what the case checks.".into(),
            ));
        }
        self.run_flow_case(&workspace, &flow.name, case, TestRunMode::UpdateLive)
    }

    /// Saves the flow run `flow_run` of the history ("Save as test" on a flow run or a webhook call) as the case
    /// `name` of its flow. As for a block's run, the history keeps what the trigger was given but not what the
    /// steps fetched, so the flow (as saved now) runs once more, live, with that trigger input, exactly as
    /// `blocksmith test add --flow` does, and that run becomes the case.
    pub fn record_flow_test_case_from_run(
        &self,
        flow_run: &FlowRunOf,
        name: &str,
    ) -> Result<CaseRun> {
        let payload = self.recorded_trigger_input(flow_run)?;
        self.record_flow_test_case(NewFlowTestCase {
            flow: flow_run.flow.clone(),
            name: name.to_owned(),
            payload: Some(payload),
            config_vars: None,
        })
    }

    /// What the flow's trigger was given in the run `flow_run`: the input of the trigger's history entry that
    /// shares the run's execution id.
    fn recorded_trigger_input(&self, flow_run: &FlowRunOf) -> Result<Value> {
        let workspace = self.snapshot()?;
        let flow = workspace
            .manifest()
            .flow(&flow_run.flow)
            .ok_or_else(|| blocksmith_workspace::Error::UnknownFlow(flow_run.flow.clone()))?;
        let entry = self.with_history(&workspace, |history| {
            let Some(trigger_run) = history
                .list(&flow.trigger)?
                .into_iter()
                .find(|run| run.flow_run.as_ref() == Some(flow_run))
            else {
                return Ok(None);
            };
            Ok(history.get(trigger_run.id)?)
        })?;
        entry
            .and_then(|entry| entry.inputs.get("input").cloned())
            .ok_or_else(|| Error::UnknownFlowRun {
                flow: flow_run.flow.clone(),
                execution_id: flow_run.execution_id.clone(),
            })
    }

    /// The whole-flow cases `selection` picks, flow by flow in the workspace's order.
    pub(super) fn flow_test_cases(
        &self,
        workspace: &Workspace,
        selection: &TestSelection,
    ) -> Result<Vec<TestCaseRef>> {
        let mut found = Vec::new();
        for flow in &workspace.manifest().flows {
            if !selection.picks_flow(&flow.name) {
                continue;
            }
            let owner = CaseOwner::Flow(&flow.name);
            for case_id in workspace.test_case_ids(owner)? {
                let case: FlowTestCase = read_case(workspace, owner, &case_id)?;
                if selection.picks_case(&case.name, &case_id) {
                    found.push(TestCaseRef {
                        block: flow.name.clone(),
                        block_id: flow_slug_folder(&flow.name),
                        case: case.name,
                        case_id,
                        flow: Some(flow.name.clone()),
                    });
                }
            }
        }
        Ok(found)
    }

    /// Runs one whole-flow case and, when `mode` says so, saves its new outcome (and, live, its cassettes).
    pub(super) fn run_flow_case(
        &self,
        workspace: &Workspace,
        flow_name: &str,
        mut case: FlowTestCase,
        mode: TestRunMode,
    ) -> Result<CaseRun> {
        let started = Instant::now();
        let case_id = Workspace::test_case_id(&case.name);
        let ignore = ignore_paths(&case.name, &case.ignore)?;
        let CaseSecrets {
            connections,
            secrets,
            redactor,
            file_redactor,
        } = self.case_secrets(workspace, mode)?;
        let clock = RunClock {
            now: frozen_instant(&case.frozen),
            execution_id: format!("test-{case_id}"),
        };
        let mut flow = prepare_flow_run(
            workspace,
            flow_name,
            Some(case.inputs.payload.clone()),
            case_config_vars(connections, &case.inputs.config_vars),
            &clock,
        )?;
        // A case starts from empty state each time, so what earlier runs kept cannot change its outcome.
        flow.state = fresh_state();
        let recorded: BTreeMap<&str, &Cassette> = case
            .cassettes
            .iter()
            .map(|step| (step.step.as_str(), &step.cassette))
            .collect();
        let mut step_logs = Vec::new();
        let supervisor = &self.shared.supervisor;
        let report = self.tracked(&clock.execution_id, &redactor, |run_id| {
            run_flow_with(flow, |block, request| {
                let mode = match mode {
                    TestRunMode::UpdateLive => HttpMode::Record,
                    // A step the case holds no cassette for answers nothing: its requests fail the case.
                    TestRunMode::Replay | TestRunMode::Update => HttpMode::Replay(
                        recorded
                            .get(block.name.as_str())
                            .map(|cassette| (*cassette).clone())
                            .unwrap_or_default(),
                    ),
                };
                // The flows a step invokes run locally too, from that step's cassette and the case's frozen inputs.
                let invoker = Invoker {
                    http: Some(HttpPlan {
                        secrets: secrets.clone(),
                        mode,
                    }),
                    frozen: Some(case.frozen),
                    isolated_state: true,
                    ..Invoker::outermost(
                        workspace.root(),
                        Some(flow_name),
                        &clock.execution_id,
                        clock.now,
                    )
                };
                let conditions = self.conditions_for(&invoker);
                let (report, http_log) = supervisor.run_json_under(
                    run_id,
                    JsonRunRequest::from(&request),
                    block.limits,
                    conditions,
                )?;
                step_logs.push((block.name.clone(), http_log.unwrap_or_default()));
                report.parse().map_err(|error| {
                    blocksmith_runner::Error::WorkerProtocol(format!(
                        "its report holds text that is not JSON: {error}"
                    ))
                })
            })
        })?;
        let actual = expected_flow_from(report.outcome, &redactor);
        let unmatched_requests: Vec<String> = step_logs
            .iter()
            .flat_map(|(step, log)| {
                log.unmatched
                    .iter()
                    .map(move |request| format!("{step}: {request}"))
            })
            .collect();
        let (expected_json, actual_json) = (case.expected.to_json(), actual.to_json());
        let found = differences(&expected_json, &actual_json, &ignore);
        let status = verdict(mode, &found, &unmatched_requests);
        if status == CaseStatus::Updated {
            case.expected = actual;
            if mode == TestRunMode::UpdateLive {
                case.cassettes = step_logs
                    .into_iter()
                    .map(|(step, log)| StepCassette {
                        step,
                        cassette: log.recorded,
                    })
                    .collect();
            }
            save_case(
                workspace,
                CaseOwner::Flow(flow_name),
                &case_id,
                &case,
                &file_redactor,
            )?;
        }
        let compared = compared_if_failed(status, &expected_json, &actual_json, &ignore);
        Ok(CaseRun {
            block: flow_name.to_owned(),
            block_id: flow_slug_folder(flow_name),
            case: case.name,
            case_id,
            status,
            duration_ms: started.elapsed().as_secs_f64() * 1000.0,
            differences: found,
            unmatched_requests,
            compared,
            flow: Some(flow_name.to_owned()),
        })
    }
}

/// The part of a flow run a case expects, secrets redacted.
fn expected_flow_from(outcome: FlowOutcome, redactor: &Redactor) -> ExpectedFlowOutcome {
    let mut expected = ExpectedFlowOutcome {
        ok: outcome.ok,
        steps: outcome
            .steps
            .into_iter()
            .map(|step| ExpectedStep {
                name: step.name,
                ok: step.ok,
                result: step.result,
                logs: step.logs,
                error_name: step.error.map(|error| error.name),
            })
            .collect(),
        response: outcome.response,
    };
    for step in &mut expected.steps {
        step.result.redact(redactor);
        step.logs.redact(redactor);
        step.error_name.redact(redactor);
    }
    expected.response.redact(redactor);
    expected
}
