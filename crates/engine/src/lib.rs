//! Runs one code block on the Boa JavaScript engine, as the integration platform's Code step would run it
//! on Node: a CommonJS shim, the `context` object, Node-like built-ins, and `JSON.stringify` conversion
//! of what the block returns. No Tauri and no process management here: the runner crate puts each run in
//! a worker process, because Boa cannot interrupt a runaway block.

mod block_error;
mod context_code;
mod contract;
pub mod debugger;
mod error;
mod event_loop;
mod frozen;
mod host;
mod intl_data;
mod invoke_flow;
mod json_in;
mod legacy_regexp;
mod logs;
mod nesting;
mod node;
mod options;
mod prelude_core;
mod preludes;
mod result_json;
mod run;
#[cfg(test)]
mod vendored_boa_tests;

pub use contract::*;
pub use error::{Error, Result};
pub use frozen::FrozenInputs;
pub use host::fetch::{
    perform as send_over_network, FetchFailure, FetchRequest, FetchedResponse, RedirectMode,
};
pub use invoke_flow::{
    FlowInvocation, FlowInvoker, InvocationResult, InvokeFlowFailure, InvokedFlowAnswer,
};
pub use nesting::{json_depth, TooDeep, MAX_JSON_DEPTH};
pub use options::{EngineOptions, HttpTransport, LiveLogs, MemoryProbe, MemorySample};
pub use run::Prepared;

/// Runs `request`'s block to completion in the calling thread and reports what happened. Never panics on
/// anything a block does; a block that loops forever or exhausts memory must be stopped by the caller
/// (the runner ends its worker process).
pub fn run_block(request: &RunRequest, options: &EngineOptions) -> RunReport {
    let report = run::run(&JsonRunRequest::from(request), options, None);
    let state = request.state.clone();
    // The engine writes only valid JSON text; reading it back fails only on nesting deeper than
    // serde_json reads (128 levels), which is reported rather than panicking.
    report.parse().unwrap_or_else(|error| RunReport {
        outcome: RunOutcome {
            ok: false,
            returned: serde_json::Value::Null,
            result: serde_json::Value::Null,
            response: serde_json::Value::Null,
            logs: Vec::new(),
            error: Some(BlockError {
                name: "InternalError".to_owned(),
                message: Error::ResultJson(error).to_string(),
                line: None,
                column: None,
                stack: None,
            }),
            duration_ms: 0.0,
            debug_results: None,
        },
        state,
        failure: Some(FailureKind::Block),
    })
}

/// `run_block` for a request whose JSON is text, answering with JSON text: the worker's path, which never
/// builds a `serde_json::Value` of the payload or the result.
pub fn run_block_json(request: &JsonRunRequest, options: &EngineOptions) -> JsonRunReport {
    run::run(request, options, None)
}

/// `run_block_json` on a context prepared before the request came (a worker prepares one while it waits).
pub fn run_block_json_on(
    prepared: Prepared,
    request: &JsonRunRequest,
    options: &EngineOptions,
) -> JsonRunReport {
    run::run_on(prepared, request, options, None)
}

/// `debug_block_json` on a context prepared before the request came.
pub fn debug_block_json_on(
    prepared: Prepared,
    request: &JsonRunRequest,
    options: &EngineOptions,
    debugger: debugger::Debugger,
) -> JsonRunReport {
    run::run_on(prepared, request, options, Some(debugger))
}

/// `run_block_json` under the debugger: the block is instrumented, pauses where `debugger` says, and is
/// driven by its commands until it ends.
pub fn debug_block_json(
    request: &JsonRunRequest,
    options: &EngineOptions,
    debugger: debugger::Debugger,
) -> JsonRunReport {
    run::run(request, options, Some(debugger))
}
