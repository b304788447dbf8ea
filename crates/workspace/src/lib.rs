//! The on-disk workspace model: a folder a person can put under version control, holding a JSON manifest
//! (config variables, connection definitions, execution settings, blocks and flows), one plain `.js` file
//! per block, sample inputs, persisted state, the run history, and the export and import of its work
//! (`transfer`). No Tauri here.

mod atomic;
mod connection_kinds;
mod error;
mod flow_schemas;
pub mod history;
mod inside;
mod local_identity;
mod manifest;
mod names;
mod templates;
pub mod transfer;
mod workspace;

pub use atomic::write_atomic;
pub use connection_kinds::{
    connection_kind, connection_kinds, ConnectionKind, InputDefinition, InputFormat,
    AUTHORIZE_PARAMS_SETTING, CLIENT_AUTHENTICATION_SETTING, DEFAULT_REDIRECT_URI, ISSUER_SETTING,
    REDIRECT_URI_SETTING, REMEMBER_LOGIN_SETTING, REVOCATION_URL_SETTING, SYSTEM_BROWSER_SETTING,
    TOKEN_PARAMS_SETTING,
};
pub use error::{Error, Result};
pub use flow_schemas::{completed_schemas, FlowSchema, DEFAULT_JSON_SCHEMA_VERSION};
pub use local_identity::{LocalIdentity, LOCAL_DIR};
pub use manifest::{
    Block, BlockKind, ConfigVar, ConnectionDefinition, Flow, Manifest, UnsafeBlockId, MANIFEST_FILE,
};
pub use names::{check_block_id, clean_name, slug, BlockIdProblem, MAX_BLOCK_ID_CHARS};
pub use templates::{ACTION_TEMPLATE, TRIGGER_TEMPLATE};
pub use workspace::{flow_slug_folder, CaseOwner, SavedBreakpoint, Workspace};
