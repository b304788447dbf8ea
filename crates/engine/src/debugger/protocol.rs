//! What a front end and a debugged run say to each other. The same types cross every layer (the worker's
//! stdin and stderr, the supervisor, the session, the CLI's Debug Adapter Protocol front end), so a command
//! means one thing everywhere. Answers are shaped as the Debug Adapter Protocol's response bodies (field for
//! field), which is what every front end shows anyway.

use serde::{Deserialize, Serialize};

/// A breakpoint on a line of the block's own file (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BreakpointSpec {
    pub line: u32,
    /// Pause only when this expression, evaluated in the paused frame, is truthy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// A logpoint: instead of pausing, print this text, with each `{expression}` replaced by its value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_message: Option<String>,
}

/// When to pause on an exception.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExceptionFilters {
    /// An exception no block code catches (it leaves the outermost block function on the stack).
    pub uncaught: bool,
    /// Every exception, caught or not.
    pub all: bool,
}

/// How a debug run starts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DebugLaunch {
    pub breakpoints: Vec<BreakpointSpec>,
    pub exceptions: ExceptionFilters,
    /// Pause before the block's first statement.
    pub stop_on_entry: bool,
}

/// A command for a debugged run. Those with a `request` are answered by an [`DebugEvent::Answer`] or a
/// [`DebugEvent::Refused`] carrying the same number; they are served only while the run is paused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "command", rename_all = "camelCase")]
pub enum DebugCommand {
    /// Replaces every breakpoint.
    #[serde(rename_all = "camelCase")]
    SetBreakpoints {
        breakpoints: Vec<BreakpointSpec>,
    },
    #[serde(rename_all = "camelCase")]
    SetExceptionFilters {
        filters: ExceptionFilters,
    },
    Continue,
    /// Step over: the next statement of this function (or of its caller, once it returns).
    Next,
    StepIn,
    StepOut,
    /// Pause as soon as the block runs its next statement.
    Pause,
    #[serde(rename_all = "camelCase")]
    StackTrace {
        request: u64,
    },
    #[serde(rename_all = "camelCase")]
    Scopes {
        request: u64,
        frame_id: u64,
    },
    #[serde(rename_all = "camelCase")]
    Variables {
        request: u64,
        variables_reference: u64,
        #[serde(default)]
        start: Option<usize>,
        #[serde(default)]
        count: Option<usize>,
    },
    #[serde(rename_all = "camelCase")]
    Evaluate {
        request: u64,
        expression: String,
        #[serde(default)]
        frame_id: Option<u64>,
    },
}

/// Why a run paused; the Debug Adapter Protocol's `stopped` reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum StopReason {
    Breakpoint,
    Step,
    Exception,
    Entry,
    Pause,
}

/// What a debugged run tells its front end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "event", rename_all = "camelCase")]
pub enum DebugEvent {
    /// The run paused before the statement at `line`:`column` of the block's own file.
    #[serde(rename_all = "camelCase")]
    Stopped {
        reason: StopReason,
        line: u32,
        column: u32,
        /// For an exception: `Name: message`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text: Option<String>,
    },
    /// The run goes on after a pause.
    Continued,
    /// A logpoint's message.
    #[serde(rename_all = "camelCase")]
    LogPoint { line: u32, message: String },
    #[serde(rename_all = "camelCase")]
    Answer { request: u64, body: Answer },
    #[serde(rename_all = "camelCase")]
    Refused { request: u64, message: String },
}

/// The answer to a command with a `request` number: the Debug Adapter Protocol's response body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(untagged)]
pub enum Answer {
    #[serde(rename_all = "camelCase")]
    StackTrace {
        stack_frames: Vec<StackFrame>,
        total_frames: usize,
    },
    Scopes {
        scopes: Vec<ScopeInfo>,
    },
    Variables {
        variables: Vec<VariableInfo>,
    },
    #[serde(rename_all = "camelCase")]
    Evaluated {
        result: String,
        #[serde(rename = "type")]
        kind: String,
        variables_reference: u64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StackFrame {
    /// 0 is the paused frame; its callers count up from there.
    pub id: u64,
    pub name: String,
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ScopeInfo {
    pub name: String,
    pub variables_reference: u64,
    pub expensive: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VariableInfo {
    pub name: String,
    pub value: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// Non-zero when the value has members to expand (`variables` with this reference lists them).
    pub variables_reference: u64,
    /// For an array: how many elements, so a front end can page through them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indexed_variables: Option<usize>,
}
