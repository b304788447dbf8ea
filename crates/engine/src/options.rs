//! The knobs a caller may turn on one run. Everything has a default that matches the platform.

use std::fmt;
use std::sync::Arc;

use crate::contract::LogLine;

/// Called with each log line the run keeps, as it is logged: the worker passes the lines on at once, so a run
/// that is stopped or killed by a limit still shows what it logged.
#[derive(Clone)]
pub struct LiveLogs(pub Arc<dyn Fn(&LogLine) + Send + Sync>);

impl fmt::Debug for LiveLogs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LiveLogs(..)")
    }
}

impl PartialEq for LiveLogs {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for LiveLogs {}

/// How one run behaves: log limits, the default `fetch` timeout and the engine's call-depth limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineOptions {
    /// Log lines kept per run; later lines are dropped and one final `info` line says how many.
    pub max_log_lines: usize,
    /// The kept log messages' total size in bytes; a line that would pass it is dropped, as are all after it.
    pub max_log_bytes: usize,
    /// A log line longer than this (in characters) is cut there.
    pub max_log_line_chars: usize,
    /// A `fetch` that has not finished after this many milliseconds fails with `TypeError: fetch failed`
    /// (a block can set a shorter one with `AbortSignal.timeout`).
    pub fetch_timeout_ms: u64,
    /// Nested JavaScript calls allowed before `RangeError: Maximum call stack size exceeded`, about Node's
    /// depth for small functions.
    pub max_call_depth: usize,
    /// Told of each kept log line as it is logged; `None` to only collect them for the report.
    pub live_logs: Option<LiveLogs>,
}

impl Default for EngineOptions {
    fn default() -> Self {
        Self {
            max_log_lines: 10_000,
            max_log_bytes: 5 * 1024 * 1024,
            max_log_line_chars: 4_096,
            fetch_timeout_ms: 30_000,
            max_call_depth: 10_000,
            live_logs: None,
        }
    }
}
