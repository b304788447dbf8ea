//! The session's block tests: record a case (one live run, its `fetch` recorded, its time and randomness
//! frozen), list cases, replay them offline against their expected outcomes, and accept new outcomes. The CLI's
//! `blocksmith test` and the app's Tests panel are each a few lines over these calls. A whole flow's cases
//! (`flow_tests`) share the listing, the secrets and the verdict defined here.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use blocksmith_cassette::{Cassette, HttpMode, HttpPlan, SecretPlaceholder};
use blocksmith_engine::{FrozenInputs, JsonRunRequest, RunOutcome};
use blocksmith_runner::fresh_state;
use blocksmith_workspace::transfer::find_block;
use blocksmith_workspace::{connection_kind, CaseOwner, Workspace};
use serde::Serialize;
use serde_json::{Map, Value};

use super::invocations::Invoker;
use super::Session;
use crate::block_tests::case::{CaseInputs, ExpectedOutcome, TestCase, CASE_FORMAT_VERSION};
use crate::block_tests::comparison::{blank, differences, ignore_paths};
use crate::block_tests::report::{CaseRun, CaseStatus, ComparedOutcomes, TestRunReport};
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TestCaseRef {
    /// The block's display name; for a whole flow's case, the flow's.
    pub block: String,
    /// The case's folder under `tests/`: the block's id, or `_flows/<flow slug>` for a whole flow's case.
    pub block_id: String,
    pub case: String,
    pub case_id: String,
    /// Set for a case of a whole flow run: the flow's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flow: Option<String>,
}

impl TestCaseRef {
    /// Whose case it is, to read, run or remove it.
    pub fn owner(&self) -> CaseOwner<'_> {
        match &self.flow {
            Some(flow) => CaseOwner::Flow(flow),
            None => CaseOwner::Block(&self.block_id),
        }
    }
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
            return Err(Error::TestCaseInvalid(
                "A test case needs a name: give it one that says what the case checks.".into(),
            ));
        }
        self.run_case(&workspace, &block.id, case, TestRunMode::UpdateLive)
    }

    /// Saves the run `run_id` of the history ("Save as test") as the case `name` of its block. The history keeps
    /// a run's inputs but not what it fetched, nor its time and random values, so nothing of it can be replayed
    /// as it was: the block (as saved now) runs once more, live, in record mode with that run's input and the
    /// workspace's config variables, exactly as `blocksmith test add` does, and that run becomes the case.
    pub fn record_test_case_from_run(&self, run_id: i64, name: &str) -> Result<CaseRun> {
        let entry = self.history_entry(run_id)?;
        let input = entry.inputs.get("input").cloned().ok_or_else(|| {
            Error::TestCaseInvalid(format!(
                "The recorded run {run_id} keeps no input, so it cannot become a test case; run the block \
                 again and save that run."
            ))
        })?;
        self.record_test_case(NewTestCase {
            block_id: entry.block_id,
            name: name.to_owned(),
            input: Some(input),
            config_vars: None,
        })
    }

    /// The cases `selection` picks, block by block in the workspace's order, each block's sorted by id.
    pub fn test_cases(&self, selection: &TestSelection) -> Result<Vec<TestCaseRef>> {
        let workspace = self.snapshot()?;
        let mut found = Vec::new();
        for block in &workspace.manifest().blocks {
            if !selection.picks_block(&workspace, &block.id) {
                continue;
            }
            for case_id in workspace.test_case_ids(CaseOwner::Block(&block.id))? {
                let case: TestCase = read_case(&workspace, CaseOwner::Block(&block.id), &case_id)?;
                if selection.picks_case(&case.name, &case_id) {
                    found.push(TestCaseRef {
                        block: block.name.clone(),
                        block_id: block.id.clone(),
                        case: case.name,
                        case_id,
                        flow: None,
                    });
                }
            }
        }
        found.extend(self.flow_test_cases(&workspace, selection)?);
        if found.is_empty() {
            if let Some(case) = &selection.case {
                return Err(Error::UnknownTestCase(case.clone()));
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
            report.cases.push(self.run_listed_case(
                &workspace,
                listed.owner(),
                &listed.case_id,
                mode,
            )?);
        }
        Ok(report)
    }

    /// Runs the one case `case_id` of `owner` (the Tests panel's "Accept new result" runs it in
    /// [`TestRunMode::Update`]).
    pub fn run_test_case(
        &self,
        owner: CaseOwner<'_>,
        case_id: &str,
        mode: TestRunMode,
    ) -> Result<CaseRun> {
        let workspace = self.snapshot()?;
        self.run_listed_case(&workspace, owner, case_id, mode)
    }

    fn run_listed_case(
        &self,
        workspace: &Workspace,
        owner: CaseOwner<'_>,
        case_id: &str,
        mode: TestRunMode,
    ) -> Result<CaseRun> {
        match owner {
            CaseOwner::Block(block_id) => {
                let case = read_case(workspace, owner, case_id)?;
                self.run_case(workspace, block_id, case, mode)
            }
            CaseOwner::Flow(flow) => {
                let case = read_case(workspace, owner, case_id)?;
                self.run_flow_case(workspace, flow, case, mode)
            }
        }
    }

    /// Deletes a case; `false` when there was none.
    pub fn remove_test_case(&self, owner: CaseOwner<'_>, case_id: &str) -> Result<bool> {
        self.with_workspace(|workspace| Ok(workspace.remove_test_case(owner, case_id)?))
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
        let frozen_at = frozen_instant(&case.frozen);
        let CaseSecrets {
            connections,
            secrets,
            redactor,
            file_redactor,
        } = self.case_secrets(workspace, mode)?;
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
        let (expected_json, actual_json) = (case.expected.to_json(), actual.to_json());
        let found = differences(&expected_json, &actual_json, &ignore);
        let status = verdict(mode, &found, &unmatched_requests);
        if status == CaseStatus::Updated {
            case.expected = actual;
            if mode == TestRunMode::UpdateLive {
                case.cassette = http_log.recorded;
            }
            save_case(
                workspace,
                CaseOwner::Block(block_id),
                &case_id,
                &case,
                &file_redactor,
            )?;
        }
        let compared = compared_if_failed(status, &expected_json, &actual_json, &ignore);
        Ok(CaseRun {
            block: block.name,
            block_id: block_id.to_owned(),
            case: case.name,
            case_id,
            status,
            duration_ms: started.elapsed().as_secs_f64() * 1000.0,
            differences: found,
            unmatched_requests,
            compared,
            flow: None,
        })
    }

    /// The `configVars` connections and secrets a case runs with. Recording live needs the real secrets; a
    /// replay sends nothing out, so it runs without the keyring when there is none (in CI), each missing
    /// secret standing in as its own placeholder.
    pub(super) fn case_secrets(
        &self,
        workspace: &Workspace,
        mode: TestRunMode,
    ) -> Result<CaseSecrets> {
        let now = SystemTime::now();
        let (connections, secrets, stand_ins) = match mode {
            TestRunMode::UpdateLive => {
                let (vars, secrets) =
                    config_vars_and_secrets_for_run(workspace, || self.keyring(), now)?;
                (vars, secrets, Vec::new())
            }
            TestRunMode::Replay | TestRunMode::Update => {
                let (mut vars, secrets) =
                    match config_vars_and_secrets_for_run(workspace, || self.keyring(), now) {
                        Ok(found) => found,
                        Err(Error::Secrets(_)) => config_vars_and_secrets(workspace, None, now)?,
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
        Ok(CaseSecrets {
            connections,
            secrets,
            redactor,
            file_redactor,
        })
    }
}

/// What a case runs with: the workspace's connections for `configVars`, the secrets the cassette conceals,
/// the redactor of what the run shows and the one of what the case file keeps.
pub(super) struct CaseSecrets {
    pub connections: Value,
    pub secrets: Vec<SecretPlaceholder>,
    pub redactor: Redactor,
    pub file_redactor: Redactor,
}

/// A failed case's two outcomes, for a front end that draws the diff itself.
pub(super) fn compared_if_failed(
    status: CaseStatus,
    expected: &Value,
    actual: &Value,
    ignore: &[serde_json_path::JsonPath],
) -> Option<ComparedOutcomes> {
    (status == CaseStatus::Failed).then(|| ComparedOutcomes {
        expected: blank(expected, ignore),
        actual: blank(actual, ignore),
    })
}

/// How a case came out. In `Update` and `UpdateLive` the new outcome is to be saved when the status says
/// `Updated`; a request the cassette cannot answer is never accepted as the new expected outcome.
pub(super) fn verdict(
    mode: TestRunMode,
    differences: &[crate::block_tests::Difference],
    unmatched_requests: &[String],
) -> CaseStatus {
    let answered = unmatched_requests.is_empty();
    match mode {
        TestRunMode::Replay if differences.is_empty() && answered => CaseStatus::Passed,
        TestRunMode::Replay => CaseStatus::Failed,
        TestRunMode::Update if !answered => CaseStatus::Failed,
        TestRunMode::Update if differences.is_empty() => CaseStatus::Passed,
        TestRunMode::Update | TestRunMode::UpdateLive => CaseStatus::Updated,
    }
}

impl TestSelection {
    /// Whether the whole-flow cases of `flow` are among those picked: not when one block is asked for.
    pub(super) fn picks_flow(&self, flow: &str) -> bool {
        self.block_id.is_none() && self.flow.as_deref().is_none_or(|wanted| wanted == flow)
    }

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

    pub(super) fn picks_case(&self, name: &str, case_id: &str) -> bool {
        self.case
            .as_ref()
            .is_none_or(|wanted| wanted == name || wanted == case_id)
    }
}

/// The instant a case's clock is frozen at.
pub(super) fn frozen_instant(frozen: &FrozenInputs) -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(frozen.now_ms.max(0).unsigned_abs())
}

/// A fixed instant and seed for a case recorded `now`. The seed only has to stay the same between runs of
/// the case, not be unpredictable, so it is taken from the clock's nanoseconds.
pub(super) fn frozen_now(now: SystemTime) -> FrozenInputs {
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
pub(super) fn case_config_vars(workspace_vars: Value, case_vars: &Map<String, Value>) -> Value {
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

/// A case file read as a block's ([`TestCase`]) or a whole flow's case.
pub(super) fn read_case<Case: serde::de::DeserializeOwned>(
    workspace: &Workspace,
    owner: CaseOwner<'_>,
    case_id: &str,
) -> Result<Case> {
    let value = workspace.read_test_case(owner, case_id)?;
    serde_json::from_value(value).map_err(|error| {
        Error::TestCaseInvalid(format!(
            "The test case file {} is not a test case Blocksmith can read ({error}). Fix or restore it, or \
             record the case again.",
            workspace.test_case_path(owner, case_id).display()
        ))
    })
}

/// Writes the case with any secret still in it (in an input a person gave, say) redacted as a last pass: the
/// cassette already names secrets by placeholder and the outcome is redacted, so this finds nothing unless
/// something slipped past those.
pub(super) fn save_case(
    workspace: &Workspace,
    owner: CaseOwner<'_>,
    case_id: &str,
    case: &impl Serialize,
    redactor: &Redactor,
) -> Result<()> {
    let mut value = serde_json::to_value(case)
        .map_err(|error| Error::Internal(format!("a test case could not be written: {error}")))?;
    redactor.redact_json(&mut value);
    Ok(workspace.save_test_case(owner, case_id, &value)?)
}
