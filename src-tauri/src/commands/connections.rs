//! Connections and their secrets. Secret values arrive from the form and go straight to the keyring; the
//! only command that answers with one is `secret_reveal`, which the person asks for.

use std::collections::BTreeMap;

use blocksmith_session::types::{ConnectionKind, Sensitive};
use blocksmith_session::{ConnectionDraft, ConnectionHostChange, ConnectionView, Session};
use tauri::State;

use crate::commands::blocking;
use crate::error::AppResult;

/// The six connection kinds with their inputs, settings, labels and help text.
#[tauri::command]
#[specta::specta]
pub fn connection_kinds() -> Vec<ConnectionKind> {
    blocksmith_session::types::connection_kinds()
}

/// Every connection, with which secrets are stored (never their values).
#[tauri::command]
#[specta::specta]
pub async fn connection_list(session: State<'_, Session>) -> AppResult<Vec<ConnectionView>> {
    blocking(session, |s| s.connections()).await
}

/// Creates (`original` null) or edits a connection. `secrets` holds only the secret inputs the person typed;
/// one left out keeps its stored value. An edit that moves an OAuth endpoint to another host while secrets are
/// stored fails with `host_changed` unless `allow_host_change` (the person confirmed it): then the stored token
/// is dropped and the new hosts are bound.
#[tauri::command]
#[specta::specta]
pub async fn connection_save(
    session: State<'_, Session>,
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
    blocking(session, move |s| {
        s.save_connection(original.as_deref(), draft, allow_host_change)?;
        s.connections()
    })
    .await
}

/// The OAuth connections whose Authorize, Token or Revocation URL is no longer on the host their stored secrets
/// belong to (the manifest was edited), each with its old and new hosts: what a run or a token action that
/// failed with `host_changed` asks the person to confirm.
#[tauri::command]
#[specta::specta]
pub async fn connection_host_changes(
    session: State<'_, Session>,
) -> AppResult<Vec<ConnectionHostChange>> {
    blocking(session, |s| s.host_changes()).await
}

/// The person confirmed connection `name`'s new hosts: its stored token is dropped (consent is needed again)
/// and its secrets are bound to the hosts it has now.
#[tauri::command]
#[specta::specta]
pub async fn connection_accept_host_change(
    session: State<'_, Session>,
    name: String,
) -> AppResult<Vec<ConnectionView>> {
    blocking(session, move |s| {
        s.accept_host_change(&name)?;
        s.connections()
    })
    .await
}

/// Deletes a connection and its keyring entries.
#[tauri::command]
#[specta::specta]
pub async fn connection_delete(
    session: State<'_, Session>,
    name: String,
) -> AppResult<Vec<ConnectionView>> {
    blocking(session, move |s| {
        s.remove_connection(&name)?;
        s.connections()
    })
    .await
}

/// The stored value of one secret input: only when the person pressed Reveal.
#[tauri::command]
#[specta::specta]
pub async fn secret_reveal(
    session: State<'_, Session>,
    connection: String,
    input_key: String,
) -> AppResult<Option<String>> {
    blocking(session, move |s| {
        Ok(s.reveal_secret(&connection, &input_key)?
            .map(|value| value.expose().clone()))
    })
    .await
}
