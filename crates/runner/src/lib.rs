//! Runs blocks in worker processes with time and memory limits, a warm pool and Stop; runs whole flows;
//! and provides the worker's own entry point (`worker_main`), which the CLI and the app call when started
//! as a worker.

mod allocator;
mod context;
mod derived_names;
mod ended_run;
mod error;
mod flow;
mod forked_worker;
mod hardening;
mod memory_probe;
mod protocol;
mod supervisor;
mod worker;
mod worker_process;

pub use context::{
    apply_overrides, default_context, default_trigger_payload, format_timestamp, fresh_state,
    run_context, set_step, RunIdentity, DEFAULT_WEBHOOK_BASE_URL,
};
pub use derived_names::{camel_case, flow_slug};
pub use error::{Error, Result};
pub use flow::{
    run_flow, run_flow_under, run_flow_with, FlowBlock, FlowOutcome, FlowReport, FlowRun,
    StepOutcome,
};
pub use forked_worker::{fork_worker_for, ForkedWorker};
pub use hardening::{decode_status, Hardening, WORKER_STATUS_PREFIX};
pub use supervisor::{
    FlowInvocations, LogListening, RunConditions, RunId, RunLimits, Supervisor, SupervisorOptions,
    DEFAULT_MAX_REPLY_BYTES, DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIME_LIMIT,
};
pub use worker::worker_main;
pub use worker_process::WorkerCommand;
