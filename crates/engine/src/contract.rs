//! The run contract's data: what a caller hands the engine (a `RunRequest`) and what comes back
//! (a `RunReport`, whose `outcome` is exactly the line `blocksmith run` prints).
//!
//! These types cross process boundaries (the runner's worker protocol), the IPC boundary (the app's
//! generated TypeScript bindings) and the run history, so they are plain serde data.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
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
    /// Debug mode: `context.debug.enabled` is true, its helpers record, and the outcome carries what they
    /// recorded (`debugResults`).
    #[serde(default)]
    pub debug_mode: bool,
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
    /// In debug mode, `context.debug.results` as the run left it (marks, measurements, `allowedMemory`,
    /// memory rows); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debug_results: Option<Value>,
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

/// JSON kept as its text, so a large payload or result crosses the worker protocol without being parsed
/// into a tree and printed again on each side.
pub type JsonText = Box<RawValue>;

/// A `RunRequest` whose JSON members are text: what the worker protocol carries and the engine reads
/// straight into JavaScript values.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonRunRequest {
    pub source: String,
    pub file_name: String,
    pub kind: BlockKind,
    pub config_vars: JsonText,
    pub input: JsonText,
    pub context: JsonText,
    pub state: JsonBlockState,
    #[serde(default)]
    pub debug_mode: bool,
}

/// `BlockState` as JSON text.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonBlockState {
    pub instance_state: JsonText,
    pub cross_flow_state: JsonText,
    pub execution_state: JsonText,
    pub integration_state: JsonText,
}

/// `RunOutcome` with `returned`, `result` and `response` as JSON text; serialises to the same line, key
/// for key.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonRunOutcome {
    pub ok: bool,
    pub returned: JsonText,
    pub result: JsonText,
    pub response: JsonText,
    pub logs: Vec<LogLine>,
    pub error: Option<BlockError>,
    pub duration_ms: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debug_results: Option<JsonText>,
}

/// `RunReport` with its JSON members as text.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonRunReport {
    pub outcome: JsonRunOutcome,
    pub state: JsonBlockState,
    pub failure: Option<FailureKind>,
}

/// A JSON value as text. Printing a `serde_json::Value` cannot fail (its keys are strings), and the text
/// it prints is valid JSON.
pub fn json_text(value: &Value) -> JsonText {
    serde_json::value::to_raw_value(value).expect("a JSON value always prints as JSON text")
}

/// The text `null`.
pub fn null_text() -> JsonText {
    json_text(&Value::Null)
}

fn parse_text(text: &RawValue) -> serde_json::Result<Value> {
    serde_json::from_str(text.get())
}

impl From<&BlockState> for JsonBlockState {
    fn from(state: &BlockState) -> Self {
        Self {
            instance_state: json_text(&state.instance_state),
            cross_flow_state: json_text(&state.cross_flow_state),
            execution_state: json_text(&state.execution_state),
            integration_state: json_text(&state.integration_state),
        }
    }
}

impl JsonBlockState {
    /// The state parsed back into JSON values.
    pub fn parse(&self) -> serde_json::Result<BlockState> {
        Ok(BlockState {
            instance_state: parse_text(&self.instance_state)?,
            cross_flow_state: parse_text(&self.cross_flow_state)?,
            execution_state: parse_text(&self.execution_state)?,
            integration_state: parse_text(&self.integration_state)?,
        })
    }
}

impl From<&RunRequest> for JsonRunRequest {
    fn from(request: &RunRequest) -> Self {
        Self {
            source: request.source.clone(),
            file_name: request.file_name.clone(),
            kind: request.kind,
            config_vars: json_text(&request.config_vars),
            input: json_text(&request.input),
            context: json_text(&request.context),
            state: JsonBlockState::from(&request.state),
            debug_mode: request.debug_mode,
        }
    }
}

impl From<&RunReport> for JsonRunReport {
    fn from(report: &RunReport) -> Self {
        let outcome = &report.outcome;
        Self {
            outcome: JsonRunOutcome {
                ok: outcome.ok,
                returned: json_text(&outcome.returned),
                result: json_text(&outcome.result),
                response: json_text(&outcome.response),
                logs: outcome.logs.clone(),
                error: outcome.error.clone(),
                duration_ms: outcome.duration_ms,
                debug_results: outcome.debug_results.as_ref().map(json_text),
            },
            state: JsonBlockState::from(&report.state),
            failure: report.failure,
        }
    }
}

impl JsonRunReport {
    /// The report with its JSON text parsed into values (fails only on text that is not JSON, which the
    /// engine never writes).
    pub fn parse(self) -> serde_json::Result<RunReport> {
        let outcome = self.outcome;
        Ok(RunReport {
            outcome: RunOutcome {
                ok: outcome.ok,
                returned: parse_text(&outcome.returned)?,
                result: parse_text(&outcome.result)?,
                response: parse_text(&outcome.response)?,
                logs: outcome.logs,
                error: outcome.error,
                duration_ms: outcome.duration_ms,
                debug_results: outcome
                    .debug_results
                    .as_deref()
                    .map(parse_text)
                    .transpose()?,
            },
            state: self.state.parse()?,
            failure: self.failure,
        })
    }
}
