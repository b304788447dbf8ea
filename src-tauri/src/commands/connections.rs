//! Connections and their secrets. Secret values arrive from the form and go straight to the keyring; the
//! only command that answers with one is `secret_reveal`, which the person asks for.

use std::collections::BTreeMap;

use blocksmith_secrets::Sensitive;
use blocksmith_session::{
    host_binding, list_connections, remove_connection, reveal_secret, save_connection,
    save_connection_confirming_host_change, ConnectionDraft, ConnectionHostChange, ConnectionView,
};
use blocksmith_workspace::ConnectionKind;
use tauri::{AppHandle, Manager};

use crate::app_state::AppState;
use crate::error::AppResult;

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
/// one left out keeps its stored value. An edit that moves an OAuth endpoint to another host while secrets are
/// stored fails with `host_changed` unless `allow_host_change` (the person confirmed it): then the stored token
/// is dropped and the new hosts are bound.
#[tauri::command]
#[specta::specta]
pub async fn connection_save(
    app: AppHandle,
    original: Option<String>,
    name: String,
    kind: String,
    values: BTreeMap<String, String>,
    secrets: BTreeMap<String, String>,
    allow_host_change: bool,
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
            if allow_host_change {
                save_connection_confirming_host_change(ws, &store, original.as_deref(), draft)?;
            } else {
                save_connection(ws, &store, original.as_deref(), draft)?;
            }
            Ok(list_connections(ws, &store)?)
        })
    })
    .await
}

/// The OAuth connections whose Authorize, Token or Revocation URL is no longer on the host their stored secrets
/// belong to (the manifest was edited), each with its old and new hosts: what a run or a token action that
/// failed with `host_changed` asks the person to confirm.
#[tauri::command]
#[specta::specta]
pub async fn connection_host_changes(app: AppHandle) -> AppResult<Vec<ConnectionHostChange>> {
    with_keyring(app, |state| {
        let store = state.secret_store()?;
        state.with_workspace(|ws| Ok(host_binding::all_host_changes(ws, &store)?))
    })
    .await
}

/// The person confirmed connection `name`'s new hosts: its stored token is dropped (consent is needed again)
/// and its secrets are bound to the hosts it has now.
#[tauri::command]
#[specta::specta]
pub async fn connection_accept_host_change(
    app: AppHandle,
    name: String,
) -> AppResult<Vec<ConnectionView>> {
    with_keyring(app, move |state| {
        let store = state.secret_store()?;
        state.with_workspace(|ws| {
            host_binding::accept_host_change(ws, &store, &name)?;
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
        .map_err(|err| crate::error::AppError::internal(format!("A keyring task failed: {err}.")))?
}
