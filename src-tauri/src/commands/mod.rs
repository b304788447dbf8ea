//! The commands the UI calls, one module per domain. Each is a few lines over one `Session` method: take the
//! arguments, call the session on a blocking thread, map the error. Their TypeScript bindings are generated (see
//! `crate::bindings`).

pub mod block_tests;
pub mod connections;
pub mod debug;
pub mod export;
pub mod oauth;
pub mod persisted_state;
pub mod preferences;
pub mod runs;
pub mod webhook;
pub mod workspace;

use blocksmith_session::Session;
use tauri::State;

use crate::error::{AppError, AppResult};

/// Runs a session call on a blocking thread, never on the window's: keyring calls wait on D-Bus, runs on a
/// worker, OAuth on the provider and the person.
pub async fn blocking<T: Send + 'static>(
    session: State<'_, Session>,
    call: impl FnOnce(&Session) -> blocksmith_session::Result<T> + Send + 'static,
) -> AppResult<T> {
    let session = session.inner().clone();
    tauri::async_runtime::spawn_blocking(move || call(&session))
        .await
        .map_err(|err| AppError::internal(format!("A background task failed: {err}.")))?
        .map_err(AppError::from)
}
