//! A test case as its file holds it, of one block (`tests/<block id>/<case id>.json`) or of a whole flow
//! ([`FlowTestCase`]): the inputs, the frozen time and randomness, the cassette(s), the expected outcome and the
//! paths to ignore. Field order is fixed by these structs and the file is pretty-printed, so a re-recorded case
//! diffs cleanly in git.

use blocksmith_cassette::Cassette;
use blocksmith_engine::{FrozenInputs, LogLine};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The format version a case file declares, so a later Blocksmith can read older files.
pub const CASE_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TestCase {
    pub format_version: u32,
    /// The case's display name; its file is named by its slug.
    pub name: String,
    pub inputs: CaseInputs,
    /// What `Date.now()` answers and what seeds the random values, recorded when the case was saved.
    pub frozen: FrozenInputs,
    /// Every `fetch` the block made when the case was recorded, secrets as placeholders.
    pub cassette: Cassette,
    pub expected: ExpectedOutcome,
    /// JSON paths (RFC 9535, e.g. `$.result.items[*].fetchedAt`) into the expected outcome whose values are
    /// not compared.
    #[serde(default)]
    pub ignore: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaseInputs {
    /// The trigger's `payload` or the action's `stepResults`.
    pub input: Value,
    /// The config variables (plain values) the block ran with; connections come from the keyring at each
    /// run and are never written here.
    pub config_vars: Map<String, Value>,
}

/// What a run of the case must give, secrets redacted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExpectedOutcome {
    pub ok: bool,
    pub result: Value,
    pub response: Value,
    pub logs: Vec<LogLine>,
    /// The error's name (`TypeError`) when the block fails; its message is not compared.
    pub error_name: Option<String>,
}

impl ExpectedOutcome {
    /// The outcome as the comparison sees it: one JSON object with the fields above.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).expect("an outcome of JSON values serialises")
    }
}

/// A whole flow's test case (`tests/_flows/<flow slug>/<case id>.json`): the trigger's payload, one cassette
/// per step (each step runs in a worker of its own, and replays only what it fetched itself), and the outcome
/// of every step with the flow's response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FlowTestCase {
    pub format_version: u32,
    pub name: String,
    pub inputs: FlowCaseInputs,
    /// The same instant and seed for every step.
    pub frozen: FrozenInputs,
    /// The steps' cassettes, the trigger first, each named by its step.
    pub cassettes: Vec<StepCassette>,
    pub expected: ExpectedFlowOutcome,
    /// JSON paths into the expected outcome, e.g. `$.steps[1].result.fetchedAt`.
    #[serde(default)]
    pub ignore: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FlowCaseInputs {
    /// The trigger's `payload`.
    pub payload: Value,
    /// The config variables (plain values) the flow ran with; connections come from the keyring at each run.
    pub config_vars: Map<String, Value>,
}

/// What one step of the flow fetched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StepCassette {
    /// The step's display name (unique within its flow).
    pub step: String,
    pub cassette: Cassette,
}

/// What a run of the flow must give, secrets redacted: each step that ran, and the trigger's `response`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExpectedFlowOutcome {
    pub ok: bool,
    /// The steps that ran, the trigger first; a failed step is the last.
    pub steps: Vec<ExpectedStep>,
    pub response: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExpectedStep {
    pub name: String,
    pub ok: bool,
    pub result: Value,
    pub logs: Vec<LogLine>,
    pub error_name: Option<String>,
}

impl ExpectedFlowOutcome {
    /// The outcome as the comparison sees it.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).expect("an outcome of JSON values serialises")
    }
}
