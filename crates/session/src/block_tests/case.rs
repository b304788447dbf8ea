//! A block test case as its file holds it (`tests/<block id>/<case id>.json`): the inputs, the frozen time
//! and randomness, the cassette, the expected outcome and the paths to ignore. Field order is fixed by this
//! struct and the file is pretty-printed, so a re-recorded case diffs cleanly in git.

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
