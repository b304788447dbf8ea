//! The reports of runs that the host (or the worker's own guards) ended: a limit, a Stop, or a worker
//! that died. Each becomes an ordinary `RunReport` with `ok: false` and an error a person can act on.

use std::time::Duration;

use blocksmith_engine::{
    null_text, BlockError, FailureKind, JsonBlockState, JsonRunOutcome, JsonRunReport,
};

/// Why a run ended without the engine's own report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunEnd {
    /// The run outlived its time limit and its worker was killed.
    TimedOut { limit: Duration },
    /// Someone pressed Stop.
    Stopped,
    /// The worker failed to allocate memory under its address-space limit and aborted.
    MemoryLimit { limit_bytes: u64 },
    /// The worker overflowed its native stack (deep recursion or deeply nested source or data).
    StackOverflow,
    /// What the block returned (with its logs) is bigger than a reply may be.
    ReplyTooLarge { max_bytes: u64 },
    /// The worker died for another reason; `how` says how (a signal or an exit status).
    Crashed { how: String },
}

impl RunEnd {
    pub fn failure_kind(&self) -> FailureKind {
        match self {
            RunEnd::TimedOut { .. }
            | RunEnd::Stopped
            | RunEnd::MemoryLimit { .. }
            | RunEnd::ReplyTooLarge { .. } => FailureKind::Limit,
            // Node reports these as the block's own failure (a RangeError, or a crash of its code).
            RunEnd::StackOverflow | RunEnd::Crashed { .. } => FailureKind::Block,
        }
    }

    pub fn error(&self) -> BlockError {
        let (name, message) = match self {
            RunEnd::TimedOut { limit } => (
                "TimeoutError",
                format!(
                    "The block ran longer than its {} ms time limit and was stopped.",
                    limit.as_millis()
                ),
            ),
            RunEnd::Stopped => (
                "StoppedError",
                "The run was stopped before it finished.".to_owned(),
            ),
            RunEnd::MemoryLimit { limit_bytes } => (
                "MemoryLimitError",
                format!(
                    "The block used more than its {} MB memory limit and was stopped.",
                    limit_bytes / (1024 * 1024)
                ),
            ),
            RunEnd::StackOverflow => (
                "RangeError",
                "Maximum call stack size exceeded: the block nested too deeply (deep recursion, or deeply \
                 nested code or data) and overflowed the worker's stack, so the worker was stopped."
                    .to_owned(),
            ),
            RunEnd::ReplyTooLarge { max_bytes } => (
                "ResultTooLargeError",
                format!(
                    "The block's result, logs and state are too large to return: a run may return at most \
                     {} MB. Return less data.",
                    max_bytes / (1024 * 1024)
                ),
            ),
            RunEnd::Crashed { how } => (
                "WorkerCrashError",
                format!(
                    "The worker process running the block crashed ({how}). The block probably hit a bug in the \
                     JavaScript engine; the worker was replaced, so other runs are not affected."
                ),
            ),
        };
        BlockError {
            name: name.to_owned(),
            message,
            line: None,
            column: None,
            stack: None,
        }
    }

    /// The full report: nothing returned, no logs (the supervisor adds those the worker passed on live), the
    /// state as it was.
    pub fn json_report(&self, elapsed: Duration, state: JsonBlockState) -> JsonRunReport {
        JsonRunReport {
            outcome: JsonRunOutcome {
                ok: false,
                returned: null_text(),
                result: null_text(),
                response: null_text(),
                logs: Vec::new(),
                error: Some(self.error()),
                duration_ms: elapsed.as_secs_f64() * 1000.0,
                debug_results: None,
            },
            state,
            failure: Some(self.failure_kind()),
        }
    }
}

/// Reads what a dead worker's last stderr output and exit say about why it died.
pub(crate) fn classify_death(
    stderr_tail: &str,
    how: String,
    memory_limit_bytes: Option<u64>,
) -> RunEnd {
    // Rust prints these before aborting: `handle_alloc_error` and the stack guard-page handler.
    if stderr_tail.contains("memory allocation of") || stderr_tail.contains("capacity overflow") {
        if let Some(limit_bytes) = memory_limit_bytes {
            return RunEnd::MemoryLimit { limit_bytes };
        }
    }
    if stderr_tail.contains("has overflowed its stack") {
        return RunEnd::StackOverflow;
    }
    RunEnd::Crashed { how }
}

#[cfg(test)]
mod tests {
    use super::*;
    use blocksmith_engine::BlockState;

    #[test]
    fn a_timeout_is_a_limit_naming_the_limit() {
        let end = RunEnd::TimedOut {
            limit: Duration::from_secs(30),
        };
        assert_eq!(end.failure_kind(), FailureKind::Limit);
        let error = end.error();
        assert_eq!(error.name, "TimeoutError");
        assert_eq!(
            error.message,
            "The block ran longer than its 30000 ms time limit and was stopped."
        );
    }

    #[test]
    fn an_allocation_failure_under_a_limit_is_the_memory_limit() {
        let end = classify_death(
            "memory allocation of 8589934592 bytes failed\n",
            "signal 6".into(),
            Some(512 * 1024 * 1024),
        );
        assert_eq!(
            end,
            RunEnd::MemoryLimit {
                limit_bytes: 512 * 1024 * 1024
            }
        );
        assert!(end.error().message.contains("512 MB memory limit"));
    }

    #[test]
    fn a_stack_overflow_reads_as_nodes_range_error() {
        let end = classify_death(
            "\nthread 'run' has overflowed its stack\nfatal runtime error: stack overflow\n",
            "signal 6".into(),
            None,
        );
        assert_eq!(end, RunEnd::StackOverflow);
        assert_eq!(end.failure_kind(), FailureKind::Block);
        assert_eq!(end.error().name, "RangeError");
    }

    #[test]
    fn an_unexplained_death_says_how_the_worker_died() {
        let end = classify_death("", "killed by signal 11 (SIGSEGV)".into(), None);
        assert!(end.error().message.contains("SIGSEGV"));
        assert_eq!(end.error().name, "WorkerCrashError");
    }

    #[test]
    fn a_limit_report_keeps_the_state_and_has_no_result() {
        let state = BlockState {
            instance_state: serde_json::json!({"count": 1}),
            ..BlockState::default()
        };
        let report = RunEnd::Stopped
            .json_report(Duration::from_millis(12), (&state).into())
            .parse()
            .unwrap();
        assert!(!report.outcome.ok);
        assert_eq!(report.outcome.returned, serde_json::Value::Null);
        assert_eq!(report.state, state);
        assert_eq!(report.failure, Some(FailureKind::Limit));
        assert_eq!(report.outcome.duration_ms, 12.0);
    }
}
