//! The commands the UI calls, one module per domain. Each is thin: take the arguments, call a crate, map the
//! error. Their TypeScript bindings are generated (see `crate::bindings`).

pub mod connections;
pub mod export;
pub mod oauth;
pub mod persisted_state;
pub mod runs;
pub mod webhook;
pub mod workspace;
