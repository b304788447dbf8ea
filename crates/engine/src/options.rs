//! The knobs a caller may turn on one run. Everything has a default that matches the platform.

use std::fmt;
use std::sync::Arc;

use crate::contract::LogLine;
use crate::frozen::FrozenInputs;
use crate::host::fetch::{FetchFailure, FetchRequest, FetchedResponse};
use crate::invoke_flow::FlowInvoker;

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

/// The process's memory at one moment, in bytes: what `context.debug.memoryUsage` reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MemorySample {
    /// Resident set size: the memory the process holds in RAM.
    pub rss: u64,
    /// What the allocator has taken from the system for its heap.
    pub heap_total: u64,
    /// What of that is in use by live allocations (Boa's objects among them).
    pub heap_used: u64,
}

/// Measures the process's memory when a block asks. The runner's worker supplies it (it reads the kernel's
/// and the allocator's figures); without one, `context.debug.memoryUsage` says the figures are unavailable.
#[derive(Clone)]
pub struct MemoryProbe(pub Arc<dyn Fn() -> MemorySample + Send + Sync>);

impl fmt::Debug for MemoryProbe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MemoryProbe(..)")
    }
}

impl PartialEq for MemoryProbe {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for MemoryProbe {}

/// Answers each `fetch` of a run in place of the network, on the request's own I/O thread: a recording
/// run sends it and keeps a copy, a replaying run looks the answer up in a cassette.
#[derive(Clone)]
pub struct HttpTransport(
    pub Arc<dyn Fn(FetchRequest) -> Result<FetchedResponse, FetchFailure> + Send + Sync>,
);

impl fmt::Debug for HttpTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HttpTransport(..)")
    }
}

impl PartialEq for HttpTransport {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for HttpTransport {}

/// How one run behaves: log limits, the default `fetch` timeout, the engine's call-depth limit, and what
/// `context.debug` reports about memory.
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
    /// The run's memory limit in MB, reported as `context.debug.results.allowedMemory`; `None` for none.
    pub memory_limit_mb: Option<u64>,
    /// Measures memory for `context.debug.memoryUsage`.
    pub memory_probe: Option<MemoryProbe>,
    /// Answers `fetch` in place of the network; `None` to send requests out.
    pub http_transport: Option<HttpTransport>,
    /// Pins `Date` and the random values (a test case's run); `None` for the real ones.
    pub frozen: Option<FrozenInputs>,
    /// Runs the flows `context.invokeFlow` names; `None`, and each call rejects saying no host runs flows.
    pub flow_invoker: Option<FlowInvoker>,
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
            memory_limit_mb: None,
            memory_probe: None,
            http_transport: None,
            frozen: None,
            flow_invoker: None,
        }
    }
}
