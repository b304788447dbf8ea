//! The session's block tests: record a case (one live run, its `fetch` recorded, its time and randomness
//! frozen), list cases, replay them offline against their expected outcomes, and accept new outcomes. The CLI's
//! `blocksmith test` and the app's Tests panel are each a few lines over these calls.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use blocksmith_cassette::{Cassette, HttpMode, HttpPlan, SecretPlaceholder};
use blocksmith_engine::{FrozenInputs, JsonRunRequest, RunOutcome};
use blocksmith_runner::fresh_state;
use blocksmith_workspace::transfer::find_block;
use blocksmith_workspace::{connection_kind, Workspace};
use serde_json::{Map, Value};

use super::invocations::Invoker;
use super::Session;
use crate::block_tests::case::{CaseInputs, ExpectedOutcome, TestCase, CASE_FORMAT_VERSION};
use crate::block_tests::comparison::{differences, ignore_paths};
use crate::block_tests::report::{CaseRun, CaseStatus, TestRunReport};
use crate::connections::{config_vars_and_secrets, config_vars_and_secrets_for_run, redactor_for};
use crate::error::{Error, Result};
use crate::redaction::{redact_outcome, Redactor};
use crate::runs::{prepare_block_run, RunClock};

/// A new case: the block, the case's name, and what to run it with.
#[derive(Debug, Clone, Default)]
pub struct NewTestCase {
    pub block_id: String,
    pub name: String,
    /// The trigger's `payload` or the action's `stepResults`; the block's saved sample when `None`.
    pub input: Option<Value>,
    /// Config variables to run with instead of the workspace's (plain values by name).
    pub config_vars: Option<Map<String, Value>>,
}

/// Which cases to run: all of them, or those of one block, of one flow's blocks, or one case by name.
#[derive(Debug, Clone, Default)]
pub struct TestSelection {
    pub block_id: Option<String>,
    pub flow: Option<String>,
    /// A case's name or id.
    pub case: Option<String>,
}

/// How the selected cases run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TestRunMode {
    /// Offline, from the cassettes, compared with the expected outcomes.
    #[default]
    Replay,
    /// Offline, and each new outcome becomes the expected one.
    Update,
    /// Live against the real APIs, recording the cassettes again, and each new outcome becomes the expected one.
    UpdateLive,
}

/// A case as listed: where it is and what it is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestCaseRef {
    pub block: String,
    pub block_id: String,
    pub case: String,
    pub case_id: String,
}

impl Session {
    /// The id of the block named `name` (a block's display name, or its id), in `flow` when given.
    pub fn block_id_named(&self, name: &str, flow: Option<&str>) -> Result<String> {
        let workspace = self.snapshot()?;
        if workspace.manifest().block(name).is_some() {
            return Ok(name.to_owned());
        }
        Ok(find_block(workspace.manifest(), flow, name)?.id.clone())
    }

    /// Runs the block once, live, with its `fetch` recorded and its time and randomness frozen, and saves the
    /// run as the case `tests/<block id>/<case id>.json` (replacing a case of the same name). No secret is
    /// written: requests name them by placeholder, and the outcome has them redacted.
    pub fn record_test_case(&self, new: NewTestCase) -> Result<CaseRun> {
        let workspace = self.snapshot()?;
        let block = workspace.block(&new.block_id)?.clone();
        let input = match new.input {
            Some(input) => input,
            None => workspace.read_sample(&block.id)?,
        };
        let mut config_vars = workspace.manifest().config_vars_json();
        config_vars.extend(new.config_vars.unwrap_or_default());
        let case = TestCase {
            format_version: CASE_FORMAT_VERSION,
            name: new.name.trim().to_owned(),
            inputs: CaseInputs { input, config_vars },
            frozen: frozen_now(SystemTime::now()),
            cassette: Cassette::default(),
            expected: ExpectedOutcome {
                ok: true,
                result: Value::Null,
                response: Value::Null,
                logs: Vec::new(),
                error_name: None,
            },
            ignore: Vec::new(),
        };
        if case.name.is_empty() {
            return Err(Error::InvalidInput("A test case needs a name.".into()));
        }
        self.run_case(&workspace, &block.id, case, TestRunMode::UpdateLive)
    }

    /// The cases `selection` picks, block by block in the workspace's order, each block's sorted by id.
    pub fn test_cases(&self, selection: &TestSelection) -> Result<Vec<TestCaseRef>> {
        let workspace = self.snapshot()?;
        let mut found = Vec::new();
        for block in &workspace.manifest().blocks {
            if !selection.picks_block(&workspace, &block.id) {
                continue;
            }
            for case_id in workspace.test_case_ids(&block.id)? {
                let case = read_case(&workspace, &block.id, &case_id)?;
                if selection.picks_case(&case.name, &case_id) {
                    found.push(TestCaseRef {
                        block: block.name.clone(),
                        block_id: block.id.clone(),
                        case: case.name,
                        case_id,
                    });
                }
            }
        }
        if found.is_empty() {
            if let Some(case) = &selection.case {
                return Err(Error::InvalidInput(format!(
                    "There is no test case named \"{case}\" among the selected blocks."
                )));
            }
        }
        Ok(found)
    }

    /// Runs every case `selection` picks (see [`TestRunMode`]), one after another.
    pub fn run_test_cases(
        &self,
        selection: &TestSelection,
        mode: TestRunMode,
    ) -> Result<TestRunReport> {
        let workspace = self.snapshot()?;
        let mut report = TestRunReport::default();
        for listed in self.test_cases(selection)? {
            let case = read_case(&workspace, &listed.block_id, &listed.case_id)?;
            report
                .cases
                .push(self.run_case(&workspace, &listed.block_id, case, mode)?);
        }
        Ok(report)
    }

    /// Deletes a case; `false` when there was none.
    pub fn remove_test_case(&self, block_id: &str, case_id: &str) -> Result<bool> {
        self.with_workspace(|workspace| Ok(workspace.remove_test_case(block_id, case_id)?))
    }

    /// Runs one case and, when `mode` says so (or it is being recorded), saves its new outcome.
    fn run_case(
        &self,
        workspace: &Workspace,
        block_id: &str,
        mut case: TestCase,
        mode: TestRunMode,
    ) -> Result<CaseRun> {
        let started = Instant::now();
        let block = workspace.block(block_id)?.clone();
        let case_id = Workspace::test_case_id(&case.name);
        let ignore = ignore_paths(&case.name, &case.ignore)?;
        let frozen_at =
            UNIX_EPOCH + Duration::from_millis(case.frozen.now_ms.max(0).unsigned_abs());
        let (connections, secrets, stand_ins) = match mode {
            TestRunMode::UpdateLive => {
                let (vars, secrets) = config_vars_and_secrets_for_run(
                    workspace,
                    || self.keyring(),
                    SystemTime::now(),
                )?;
                (vars, secrets, Vec::new())
            }
            // A replay sends nothing out, so it runs without the keyring when there is none (in CI).
            TestRunMode::Replay | TestRunMode::Update => {
                let (mut vars, secrets) = match config_vars_and_secrets_for_run(
                    workspace,
                    || self.keyring(),
                    SystemTime::now(),
                ) {
                    Ok(found) => found,
                    Err(Error::Secrets(_)) => {
                        config_vars_and_secrets(workspace, None, SystemTime::now())?
                    }
                    Err(other) => return Err(other),
                };
                let stand_ins = stand_in_for_missing_secrets(workspace, &mut vars);
                (vars, secrets, stand_ins)
            }
        };
        // What the case file gets redacted with: the real secrets only, so its placeholders stay.
        let file_redactor = redactor_for(&secrets)?;
        // A stand-in a block echoes back reads as redacted, as the real secret did when the case was recorded.
        let secrets = [secrets, stand_ins].concat();
        let redactor = redactor_for(&secrets)?;
        let clock = RunClock {
            now: frozen_at,
            execution_id: format!("test-{case_id}"),
        };
        let mut run = prepare_block_run(
            workspace,
            block_id,
            None,
            Some(case.inputs.input.clone()),
            case_config_vars(connections, &case.inputs.config_vars),
            &clock,
        )?;
        // A case starts from empty state each time, so what earlier runs kept cannot change its outcome.
        run.request.state = fresh_state();
        let http_mode = match mode {
            TestRunMode::UpdateLive => HttpMode::Record,
            TestRunMode::Replay | TestRunMode::Update => HttpMode::Replay(case.cassette.clone()),
        };
        // The flows the block invokes run locally too, from the same cassette and frozen inputs.
        let invoker = Invoker {
            http: Some(HttpPlan {
                secrets: secrets.clone(),
                mode: http_mode,
            }),
            frozen: Some(case.frozen),
            isolated_state: true,
            ..Invoker::outermost(
                workspace.root(),
                Some(&run.flow),
                &clock.execution_id,
                frozen_at,
            )
        };
        let conditions = self.conditions_for(&invoker);
        let supervisor = &self.shared.supervisor;
        let (report, http_log) = self.tracked(&clock.execution_id, &redactor, |run_id| {
            supervisor.run_json_under(
                run_id,
                JsonRunRequest::from(&run.request),
                run.limits,
                conditions,
            )
        })?;
        let outcome = report.parse().map_err(|error| {
            Error::Internal(format!(
                "the worker's report holds text that is not JSON: {error}"
            ))
        })?;
        let actual = expected_from(redact_outcome(outcome.outcome, &redactor));
        let mut http_log = http_log.unwrap_or_default();
        let invoked_http = invoker.take_http_logs();
        http_log
            .recorded
            .exchanges
            .extend(invoked_http.recorded.exchanges);
        http_log.unmatched.extend(invoked_http.unmatched);
        let unmatched_requests: Vec<String> =
            http_log.unmatched.iter().map(ToString::to_string).collect();
        let found = differences(&case.expected.to_json(), &actual.to_json(), &ignore);
        let status = match mode {
            TestRunMode::Replay if found.is_empty() && unmatched_requests.is_empty() => {
                CaseStatus::Passed
            }
            TestRunMode::Replay => CaseStatus::Failed,
            // A request the cassette cannot answer is never accepted as the new expected outcome.
            TestRunMode::Update if !unmatched_requests.is_empty() => CaseStatus::Failed,
            TestRunMode::Update if found.is_empty() => CaseStatus::Passed,
            TestRunMode::Update | TestRunMode::UpdateLive => {
                case.expected = actual;
                if mode == TestRunMode::UpdateLive {
                    case.cassette = http_log.recorded;
                }
                save_case(workspace, block_id, &case_id, &case, &file_redactor)?;
                CaseStatus::Updated
            }
        };
        Ok(CaseRun {
            block: block.name,
            block_id: block_id.to_owned(),
            case: case.name,
            case_id,
            status,
            duration_ms: started.elapsed().as_secs_f64() * 1000.0,
            differences: found,
            unmatched_requests,
        })
    }
}

impl TestSelection {
    fn picks_block(&self, workspace: &Workspace, block_id: &str) -> bool {
        let in_flow = self.flow.as_ref().is_none_or(|flow| {
            workspace
                .manifest()
                .flow_of_block(block_id)
                .is_some_and(|of| &of.name == flow)
        });
        let is_block = self.block_id.as_ref().is_none_or(|id| id == block_id);
        in_flow && is_block
    }

    fn picks_case(&self, name: &str, case_id: &str) -> bool {
        self.case
            .as_ref()
            .is_none_or(|wanted| wanted == name || wanted == case_id)
    }
}

/// A fixed instant and seed for a case recorded `now`. The seed only has to stay the same between runs of
/// the case, not be unpredictable, so it is taken from the clock's nanoseconds.
fn frozen_now(now: SystemTime) -> FrozenInputs {
    let since_epoch = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    FrozenInputs {
        now_ms: i64::try_from(since_epoch.as_millis()).unwrap_or(i64::MAX),
        random_seed: u64::from(since_epoch.subsec_nanos()) ^ since_epoch.as_secs(),
    }
}

/// Each secret input (and OAuth access token) that is not stored on this machine becomes its own placeholder,
/// `{{Acme.apiKey}}`: a block that sends it sends what the cassette recorded, so a replay matches without the
/// secret, as in CI. Answers with the stand-ins, each as a secret whose value is its placeholder.
fn stand_in_for_missing_secrets(workspace: &Workspace, vars: &mut Value) -> Vec<SecretPlaceholder> {
    let mut stand_ins = Vec::new();
    let mut stand_in = |path: String| {
        let placeholder = format!("{{{{{path}}}}}");
        stand_ins.push(SecretPlaceholder {
            placeholder: placeholder.clone(),
            value: placeholder.clone(),
        });
        Value::String(placeholder)
    };
    for connection in &workspace.manifest().connections {
        let Some(kind) = connection_kind(&connection.kind) else {
            continue;
        };
        let Some(entry) = vars.get_mut(&connection.name) else {
            continue;
        };
        let name = &connection.name;
        if let Some(fields) = entry.get_mut("fields").and_then(Value::as_object_mut) {
            for input in kind.inputs.iter().filter(|input| input.secret) {
                if input.key != "headers" && !fields.contains_key(input.key) {
                    fields.insert(
                        input.key.to_owned(),
                        stand_in(format!("{name}.{}", input.key)),
                    );
                }
            }
        }
        if kind.oauth && entry.get("token").is_some_and(Value::is_null) {
            entry["token"] = serde_json::json!({
                "access_token": stand_in(format!("{name}.token.access_token")),
                "token_type": "Bearer",
            });
        }
    }
    stand_ins
}

/// The run's `configVars`: the workspace's connections (their secrets from the keyring) with the case's own
/// config variables in place of the workspace's.
fn case_config_vars(workspace_vars: Value, case_vars: &Map<String, Value>) -> Value {
    let mut vars = match workspace_vars {
        Value::Object(vars) => vars,
        _ => Map::new(),
    };
    for (name, value) in case_vars {
        vars.insert(name.clone(), value.clone());
    }
    Value::Object(vars)
}

/// The part of an outcome a case expects.
fn expected_from(outcome: RunOutcome) -> ExpectedOutcome {
    ExpectedOutcome {
        ok: outcome.ok,
        result: outcome.result,
        response: outcome.response,
        logs: outcome.logs,
        error_name: outcome.error.map(|error| error.name),
    }
}

fn read_case(workspace: &Workspace, block_id: &str, case_id: &str) -> Result<TestCase> {
    let value = workspace.read_test_case(block_id, case_id)?;
    serde_json::from_value(value).map_err(|error| {
        Error::InvalidInput(format!(
            "The test case file {} is not a test case Blocksmith can read ({error}). Fix or restore it, or \
             record the case again.",
            workspace.test_case_path(block_id, case_id).display()
        ))
    })
}

/// Writes the case with any secret still in it (in an input a person gave, say) redacted as a last pass: the
/// cassette already names secrets by placeholder and the outcome is redacted, so this finds nothing unless
/// something slipped past those.
fn save_case(
    workspace: &Workspace,
    block_id: &str,
    case_id: &str,
    case: &TestCase,
    redactor: &Redactor,
) -> Result<()> {
    let mut value = serde_json::to_value(case)
        .map_err(|error| Error::Internal(format!("a test case could not be written: {error}")))?;
    redactor.redact_json(&mut value);
    Ok(workspace.save_test_case(block_id, case_id, &value)?)
}
