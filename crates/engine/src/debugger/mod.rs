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
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, OnceLock};

use boa_engine::builtins::array_buffer::SharedArrayBuffer;

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
    /// Told by whoever passes the commands on, since the engine thread is busy running the block.
    pub attention: Arc<Attention>,
    pub events: DebugEvents,
}

/// How the thread that receives the front end's commands gets the engine thread's attention while the
/// block runs: it notes what came and raises every hook's flag, so the very next statement calls the
/// debugger, which applies the commands and lowers the flags again. The flags are a `SharedArrayBuffer`,
/// the one kind of JavaScript memory another thread may write, so the hooks poll nothing while nothing is
/// asked of them.
#[derive(Default)]
pub struct Attention {
    pause_requested: AtomicBool,
    commands_waiting: AtomicBool,
    hook_flags: OnceLock<SharedArrayBuffer>,
}

impl Attention {
    /// A command was passed on to the engine thread; `pause` when it asks the run to pause.
    pub fn command_sent(&self, pause: bool) {
        if pause {
            self.pause_requested.store(true, Ordering::SeqCst);
        }
        self.commands_waiting.store(true, Ordering::SeqCst);
        self.raise_hooks();
    }

    fn raise_hooks(&self) {
        if let Some(flags) = self.hook_flags.get() {
            flags.fill_bytes(1, Ordering::SeqCst);
        }
    }

    /// Whether a pause was asked for since the last look, forgetting it.
    fn take_pause_request(&self) -> bool {
        self.pause_requested.swap(false, Ordering::SeqCst)
    }

    fn forget_pause_request(&self) {
        self.pause_requested.store(false, Ordering::SeqCst);
    }

    /// Whether commands were passed on since the last look, forgetting it.
    fn take_commands_waiting(&self) -> bool {
        self.commands_waiting.swap(false, Ordering::SeqCst)
    }

    /// After the engine thread wrote the flags: commands that came meanwhile must still be heard.
    fn raise_again_if_commands_waiting(&self) {
        if self.commands_waiting.load(Ordering::SeqCst) {
            self.raise_hooks();
        }
    }
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
