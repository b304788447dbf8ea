//! The debugger of a debug run: `blocksmith debug` and the app's Debug use it through the runner and the
//! session. A debug run evaluates the block instrumented with a cheap hook before each statement
//! (`instrument`); the hooks call the state machine on the engine thread (`controller`), which pauses by
//! blocking inside its host function and serves the front end's commands (`protocol`) from there, reading
//! the paused frames' variables from the VM and evaluating expressions against them (`frames`), showing
//! values as `inspect` describes them. A run without a debugger never loads any of this: it evaluates the
//! block's own text.

mod controller;
mod frames;
mod inspect;
pub(crate) mod instrument;
mod protocol;

use std::fmt;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Receiver;
use std::sync::Arc;

pub(crate) use controller::{install, pause_on_uncaught};
pub use instrument::{instrument, InstrumentError, Instrumented};
pub use protocol::{
    Answer, BreakpointSpec, DebugCommand, DebugEvent, DebugLaunch, ExceptionFilters, ScopeInfo,
    StackFrame, StopReason, VariableInfo,
};

/// Hears each event of a debug run, on the engine thread, as it happens.
#[derive(Clone)]
pub struct DebugEvents(pub Arc<dyn Fn(&DebugEvent) + Send + Sync>);

impl fmt::Debug for DebugEvents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DebugEvents(..)")
    }
}

/// What a debug run is given: how it starts, the front end's commands, and where its events go.
pub struct Debugger {
    pub launch: DebugLaunch,
    pub commands: Receiver<DebugCommand>,
    /// Set by whoever receives a `Pause` command while the block runs (the engine thread is busy running
    /// it); the next hook that polls sees it.
    pub pause_requested: Arc<AtomicBool>,
    pub events: DebugEvents,
}

/// The lines of `source` a breakpoint can be on (where a statement starts), ascending; none when the block
/// does not parse.
pub fn breakable_lines(source: &str) -> Vec<u32> {
    instrument(source)
        .map(|instrumented| instrumented.breakable_lines())
        .unwrap_or_default()
}

/// The line a breakpoint asked for at `line` lands on: the first line at or after it where a statement
/// starts; `None` when there is none.
pub fn resolve_breakpoint_line(breakable_lines: &[u32], line: u32) -> Option<u32> {
    controller::resolve_line(breakable_lines, line)
}
