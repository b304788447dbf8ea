//! The run contract's data: what a caller hands the engine (a `RunRequest`) and what comes back
//! (a `RunReport`, whose `outcome` is exactly the line `blocksmith run` prints).
//!
//! These types cross process boundaries (the runner's worker protocol), the IPC boundary (the app's
//! generated TypeScript bindings) and the run history, so they are plain serde data.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Whether a block is called as an action `(context, stepResults)` or a trigger `(context, payload)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum BlockKind {
    Action,
    Trigger,
}

/// Everything one run needs. Nothing here is read from the environment: time and ids are passed in.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RunRequest {
    /// The block's source, as the user wrote it (`module.exports = …`).
    pub source: String,
    /// Shown in stack traces, e.g. `code-block.js`.
    pub file_name: String,
    pub kind: BlockKind,
    /// The `configVars` object: config variables by name (strings) and connections as
    /// `{ key, fields, token }`. Reaches the block exactly as given.
    pub config_vars: Value,
    /// `stepResults` for an action, `payload` for a trigger. Reaches the block exactly as given.
    pub input: Value,
    /// Further `context` members (`stepId`, `executionId`, `startedAt`, `webhookUrls`, `customer`, …),
    /// already filled with their defaults by the caller. A JSON object.
    pub context: Value,
    /// The state objects a block may change; returned, possibly changed, in the report.
    pub state: BlockState,
}

/// `instanceState`, `crossFlowState`, `executionState` and `integrationState`: plain JSON objects.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BlockState {
    pub instance_state: Value,
    pub cross_flow_state: Value,
    pub execution_state: Value,
    pub integration_state: Value,
}

/// The outcome of one run, field for field the JSON line `blocksmith run` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RunOutcome {
    pub ok: bool,
    /// What the function resolved to, converted as `JSON.stringify` converts it; `null` for `undefined`.
    pub returned: Value,
    /// An action's `returned.data`, a trigger's `returned.payload`, or `returned` itself when it is not an
    /// object with that field.
    pub result: Value,
    /// A trigger's `returned.response`, else `null`.
    pub response: Value,
    pub logs: Vec<LogLine>,
    pub error: Option<BlockError>,
    pub duration_ms: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum LogLevel {
    Debug,
    Info,
    Warn,
    Error,
    Trace,
    Metric,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LogLine {
    pub level: LogLevel,
    pub message: String,
}

/// A failure as the person sees it: the JavaScript error's name and message, and where in *their* file
/// it happened (line 1 is the file's first line).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BlockError {
    pub name: String,
    pub message: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub stack: Option<String>,
}

/// Why a run did not succeed: the block itself failed (CLI exit 1), or a limit ended it (exit 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum FailureKind {
    Block,
    Limit,
}

/// The engine's full answer: the outcome, the state after the run, and the failure kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RunReport {
    pub outcome: RunOutcome,
    pub state: BlockState,
    pub failure: Option<FailureKind>,
}
