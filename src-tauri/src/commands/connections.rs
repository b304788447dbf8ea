//! Connections and their secrets. Secret values arrive from the form and go straight to the keyring; the
//! only command that answers with one is `secret_reveal`, which the person asks for.

use std::collections::BTreeMap;

use blocksmith_secrets::Sensitive;
use blocksmith_session::{
    list_connections, remove_connection, reveal_secret, save_connection, ConnectionDraft,
    ConnectionView,
};
use blocksmith_workspace::ConnectionKind;
use tauri::{AppHandle, Manager};

use crate::error::AppResult;
use crate::state::AppState;

/// The six connection kinds with their inputs, labels and help text.
#[tauri::command]
#[specta::specta]
pub fn connection_kinds() -> Vec<ConnectionKind> {
    blocksmith_workspace::connection_kinds()
}

/// Every connection, with which secrets are stored (never their values).
#[tauri::command]
#[specta::specta]
pub async fn connection_list(app: AppHandle) -> AppResult<Vec<ConnectionView>> {
    with_keyring(app, |state| {
        let store = state.secret_store()?;
        state.with_workspace(|ws| Ok(list_connections(ws, &store)?))
    })
    .await
}

/// Creates (`original` null) or edits a connection. `secrets` holds only the secret inputs the person typed;
/// one left out keeps its stored value.
#[tauri::command]
#[specta::specta]
pub async fn connection_save(
    app: AppHandle,
    original: Option<String>,
    name: String,
    kind: String,
    values: BTreeMap<String, String>,
    secrets: BTreeMap<String, String>,
) -> AppResult<Vec<ConnectionView>> {
    let draft = ConnectionDraft {
        name,
        kind,
        values,
        secrets: secrets
            .into_iter()
            .map(|(key, value)| (key, Sensitive::new(value)))
            .collect(),
    };
    with_keyring(app, move |state| {
        let store = state.secret_store()?;
        state.with_workspace(|ws| {
            save_connection(ws, &store, original.as_deref(), draft)?;
            Ok(list_connections(ws, &store)?)
        })
    })
    .await
}

/// Deletes a connection and its keyring entries.
#[tauri::command]
#[specta::specta]
pub async fn connection_delete(app: AppHandle, name: String) -> AppResult<Vec<ConnectionView>> {
    with_keyring(app, move |state| {
        let store = state.secret_store()?;
        state.with_workspace(|ws| {
            remove_connection(ws, &store, &name)?;
            Ok(list_connections(ws, &store)?)
        })
    })
    .await
}

/// The stored value of one secret input: only when the person pressed Reveal.
#[tauri::command]
#[specta::specta]
pub async fn secret_reveal(
    app: AppHandle,
    connection: String,
    input_key: String,
) -> AppResult<Option<String>> {
    with_keyring(app, move |state| {
        let store = state.secret_store()?;
        state.with_workspace(|ws| {
            Ok(reveal_secret(ws, &store, &connection, &input_key)?
                .map(|value| value.expose().clone()))
        })
    })
    .await
}

/// Keyring calls block on D-Bus, so they run on a blocking thread, never on the UI's.
pub async fn with_keyring<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&AppState) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    tauri::async_runtime::spawn_blocking(move || work(&app.state::<AppState>()))
        .await
        .map_err(|err| {
            crate::error::AppError::new("internal", format!("A keyring task failed: {err}."))
        })?
}
