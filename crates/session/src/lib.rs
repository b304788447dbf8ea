//! The one API of Blocksmith: a workspace opened for work ([`Session`]). Turns a block or a flow of a workspace
//! into runs — with the workspace's config variables, connections, execution settings and persisted state —
//! keeps what each run leaves behind (state and history), connects OAuth connections, serves webhooks, exports
//! and imports. The app and the `blocksmith` CLI both call [`Session`] and depend on no other Blocksmith crate,
//! so a run is the same from either; the types of the lower crates that cross this API are re-exported below.

pub mod block_tests;
mod connections;
mod error;
mod error_code;
pub mod host_binding;
pub mod oauth;
mod persisted_state;
pub mod presets;
mod redaction;
mod runs;
mod session;
mod validation;
pub mod webhook;
mod workspace_view;

pub use blocksmith_engine::debugger::resolve_breakpoint_line;
pub use connections::{
    config_vars, config_vars_and_secrets, config_vars_and_secrets_for_run, config_vars_for_run,
    list_connections, no_secrets_here_notice, remove_connection, reveal_secret, save_connection,
    save_connection_confirming_host_change, ConnectionDraft, ConnectionView,
};
pub use error::{ConsentVia, Error, Result};
pub use error_code::ErrorCode;
pub use host_binding::{ConnectionHostChange, HostChange};
pub use persisted_state::{PersistedState, StateNotice};
pub use redaction::{
    redact_outcome, redacted_json, short_secret_warnings, workspace_redactor, Redact, Redactor,
    REDACTION_MARKER, WITHHELD,
};
pub use runs::{
    prepare_block_run, prepare_flow_run, record_block_run, record_flow_history, record_flow_run,
    BlockRun, FlowRunRecord, RunClock,
};
pub use session::{
    breakpoint_spec, BlockDebugRequest, BlockOutcome, BlockRunRequest, BrowserConsent,
    ConsentRequest, DebugListener, DebugNotice, ExportOutcome, FileDebugRequest, FileRunRequest,
    FlowDebugRequest, FlowRunRequest, InvokeRefusal, LimitOverrides, ListenOn, Listening,
    LiveLogLine, NewFlowTestCase, NewTestCase, QuietHost, Ran, Session, SessionHost, TestCaseRef,
    TestRunMode, TestSelection, WebhookRequest, WebhookStatus, Workers, MAX_INVOKED_DEPTH,
};
pub use validation::private_key_kind;
pub use workspace_view::{BlockView, WorkspaceView};

/// The lower crates' types that cross the session's API, so front ends need no other Blocksmith crate.
pub mod types {
    pub use blocksmith_cassette::{Cassette, HttpLog, HttpMode, NoMatch, SecretPlaceholder};
    pub use blocksmith_engine::debugger::{
        Answer, BreakpointSpec, DebugCommand, DebugEvent, DebugLaunch, ExceptionFilters, ScopeInfo,
        StackFrame, StopReason, VariableInfo,
    };
    pub use blocksmith_engine::{
        json_text, BlockError, FailureKind, JsonRunOutcome, JsonText, LogLevel, LogLine, RunOutcome,
    };
    pub use blocksmith_oauth::{DiscoveredProvider, TokenExchange, TokenStatus};
    pub use blocksmith_runner::{
        fork_worker_for, worker_main, FlowOutcome, ForkedWorker, StepOutcome,
        DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIME_LIMIT,
    };
    pub use blocksmith_secrets::{Sensitive, MIN_REDACTED_CHARS};
    pub use blocksmith_workspace::history::{FlowRunOf, RunEntry, RunOrigin, RunSummary};
    pub use blocksmith_workspace::transfer::{
        ExportFormat, ExportRequest, Exported, ImportFormat, ImportReport,
    };
    pub use blocksmith_workspace::{
        connection_kind, connection_kinds, write_atomic, CaseOwner, ConfigVar, ConnectionKind,
        SavedBreakpoint, DEFAULT_REDIRECT_URI,
    };
}
