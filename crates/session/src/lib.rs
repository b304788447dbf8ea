//! A workspace opened for work. Turns a block or a flow of a workspace into runs — with the workspace's
//! config variables, connections, execution settings and persisted state — and keeps what each run leaves
//! behind (state and history). The app and the `blocksmith` CLI both call these, so a run is the same from
//! either.

mod connections;
mod error;
mod error_code;
pub mod host_binding;
pub mod oauth;
mod persisted_state;
mod redaction;
mod runs;
mod validation;
pub mod webhook;
mod workspace_view;

pub use connections::{
    config_vars, config_vars_for_run, list_connections, no_secrets_here_notice, remove_connection,
    reveal_secret, save_connection, save_connection_confirming_host_change, ConnectionDraft,
    ConnectionView,
};
pub use error::{Error, Result};
pub use error_code::ErrorCode;
pub use host_binding::{ConnectionHostChange, HostChange};
pub use persisted_state::{PersistedState, StateNotice};
pub use redaction::{
    redact_outcome, redacted_json, short_secret_warnings, workspace_redactor, Redact, Redactor,
    REDACTION_MARKER, WITHHELD,
};
pub use runs::{
    prepare_block_run, prepare_flow_run, record_block_run, record_flow_run, BlockRun, RunClock,
};
pub use validation::private_key_kind;
pub use workspace_view::{BlockView, WorkspaceView};
