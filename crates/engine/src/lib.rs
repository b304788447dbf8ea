//! Runs one code block on the Boa JavaScript engine, as the integration platform's Code step would run it
//! on Node: a CommonJS shim, the `context` object, Node-like built-ins, and `JSON.stringify` conversion
//! of what the block returns. No Tauri and no process management here: the runner crate puts each run in
//! a worker process, because Boa cannot interrupt a runaway block.

mod contract;
mod error;
mod event_loop;
mod failure;
mod host;
mod logs;
mod options;
mod preludes;
mod result_json;
mod run;

pub use contract::*;
pub use error::{Error, Result};
pub use options::EngineOptions;

/// Runs `request`'s block to completion in the calling thread and reports what happened. Never panics on
/// anything a block does; a block that loops forever or exhausts memory must be stopped by the caller
/// (the runner ends its worker process).
pub fn run_block(request: &RunRequest, options: &EngineOptions) -> RunReport {
    run::run(request, options)
}
