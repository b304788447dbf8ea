//! OAuth 2.0 connections: Connect opens the provider's consent page in a window of its own, which has no
//! access to the app's commands (no capability names it) and keeps no cookies (incognito). The window
//! intercepts the navigation to the redirect URI, so that URI never needs a listener; the code is then
//! exchanged and the token stored in the keyring.

use std::time::{Duration, SystemTime};

use blocksmith_oauth::{OAuthClient, TokenStatus};
use blocksmith_session::oauth as session_oauth;
use serde::Serialize;
use serde_json::Value;
use tauri::{AppHandle, Manager, WebviewUrl, WebviewWindowBuilder, WindowEvent};
use tokio::sync::oneshot;

use crate::commands::connections::with_keyring;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

const CONSENT_WINDOW: &str = "oauth";
/// How long the consent window waits for the person before giving up.
const CONSENT_TIMEOUT: Duration = Duration::from_secs(10 * 60);

/// A connection's token as the UI shows it: never the token itself.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TokenStatusView {
    /// Unix seconds, or null when the provider gave no expiry.
    pub expires_at: Option<f64>,
    pub scopes: Vec<String>,
    pub has_refresh_token: bool,
    pub expired: bool,
    pub needs_refresh: bool,
}

impl From<TokenStatus> for TokenStatusView {
    fn from(status: TokenStatus) -> Self {
        TokenStatusView {
            expires_at: status.expires_at.map(|at| at as f64),
            scopes: status.scopes,
            has_refresh_token: status.has_refresh_token,
            expired: status.expired,
            needs_refresh: status.needs_refresh,
        }
    }
}

/// The stored token's status, or null when the connection is not connected.
#[tauri::command]
#[specta::specta]
pub async fn oauth_status(app: AppHandle, name: String) -> AppResult<Option<TokenStatusView>> {
    with_keyring(app, move |state| {
        let store = state.secret_store()?;
        state.with_workspace(|ws| {
            Ok(session_oauth::token_status(ws, &store, &name, SystemTime::now())?.map(Into::into))
        })
    })
    .await
}

/// Authorization code: opens the consent window, waits for the redirect, exchanges the code and stores the
/// token. Closing the window cancels.
#[tauri::command]
#[specta::specta]
pub async fn oauth_connect(app: AppHandle, name: String) -> AppResult<TokenStatusView> {
    let prepared = {
        let name = name.clone();
        with_keyring(app.clone(), move |state| {
            let store = state.secret_store()?;
            state.with_workspace(|ws| {
                let client = session_oauth::client_for(ws, &store, &name)?;
                let redirect_uri = session_oauth::redirect_uri(ws, &name)?;
                let pending = session_oauth::begin_authorization(&client, &redirect_uri)?;
                Ok((client, pending))
            })
        })
        .await?
    };
    let (client, pending) = prepared;
    let redirect_url =
        wait_for_consent(&app, &name, pending.authorize_url(), pending.redirect_uri()).await?;

    let result = with_keyring(app.clone(), move |state| {
        let store = state.secret_store()?;
        let outcome = state.with_workspace(|ws| {
            Ok(session_oauth::complete_authorization(
                ws,
                &store,
                &name,
                &client,
                &pending,
                &redirect_url,
                SystemTime::now(),
            )?)
        });
        state.remember_exchange(&name, &client);
        outcome
    })
    .await?;
    Ok(result.into())
}

/// Client credentials: fetches a token and stores it.
#[tauri::command]
#[specta::specta]
pub async fn oauth_fetch_token(app: AppHandle, name: String) -> AppResult<TokenStatusView> {
    token_request(app, name, |ws, store, client, name| {
        Ok(session_oauth::fetch_token(
            ws,
            store,
            client,
            name,
            SystemTime::now(),
        )?)
    })
    .await
}

/// Refreshes the token now (client credentials fetch a new one).
#[tauri::command]
#[specta::specta]
pub async fn oauth_refresh(app: AppHandle, name: String) -> AppResult<TokenStatusView> {
    token_request(app, name, |ws, store, client, name| {
        Ok(session_oauth::refresh_now(
            ws,
            store,
            client,
            name,
            SystemTime::now(),
        )?)
    })
    .await
}

/// Revokes the token at the provider (when it has a revocation endpoint) and forgets it.
#[tauri::command]
#[specta::specta]
pub async fn oauth_disconnect(app: AppHandle, name: String) -> AppResult<()> {
    with_keyring(app, move |state| {
        let store = state.secret_store()?;
        state.with_workspace(|ws| {
            let client = session_oauth::client_for(ws, &store, &name)?;
            let outcome = session_oauth::disconnect(ws, &store, &client, &name).map(drop);
            state.remember_exchange(&name, &client);
            Ok(outcome?)
        })
    })
    .await
}

/// The last token request and response of this connection (method, URL, headers, form, status, body), with
/// every secret masked; null when none was made since the app started.
#[tauri::command]
#[specta::specta]
pub fn oauth_last_exchange(app: AppHandle, name: String) -> Option<Value> {
    app.state::<AppState>().last_exchange(&name)
}

async fn token_request(
    app: AppHandle,
    name: String,
    request: impl FnOnce(
            &blocksmith_workspace::Workspace,
            &blocksmith_secrets::SecretStore,
            &OAuthClient,
            &str,
        ) -> AppResult<TokenStatus>
        + Send
        + 'static,
) -> AppResult<TokenStatusView> {
    with_keyring(app, move |state| {
        let store = state.secret_store()?;
        state.with_workspace(|ws| {
            let client = session_oauth::client_for(ws, &store, &name)?;
            let outcome = request(ws, &store, &client, &name);
            state.remember_exchange(&name, &client);
            outcome.map(Into::into)
        })
    })
    .await
}

/// Opens the consent window at `authorize_url` and answers with the URL the provider redirected to.
async fn wait_for_consent(
    app: &AppHandle,
    name: &str,
    authorize_url: &str,
    redirect_uri: &str,
) -> AppResult<String> {
    if let Some(stale) = app.get_webview_window(CONSENT_WINDOW) {
        let _ = stale.destroy();
    }
    let url = authorize_url
        .parse()
        .map_err(|_| AppError::new("invalid_input", "The Authorize URL is not a valid URL."))?;
    let (sender, receiver) = oneshot::channel::<Option<String>>();
    let sender = std::sync::Arc::new(std::sync::Mutex::new(Some(sender)));
    let redirect_prefix = redirect_uri
        .split(['?', '#'])
        .next()
        .unwrap_or(redirect_uri)
        .to_string();

    let on_redirect = sender.clone();
    let window = WebviewWindowBuilder::new(app, CONSENT_WINDOW, WebviewUrl::External(url))
        .title(format!("Connect {name}"))
        .inner_size(520.0, 720.0)
        .incognito(true)
        .on_navigation(move |target| {
            let target = target.as_str();
            if target.starts_with(&redirect_prefix) {
                if let Some(sender) = on_redirect.lock().ok().and_then(|mut s| s.take()) {
                    let _ = sender.send(Some(target.to_string()));
                }
                return false;
            }
            true
        })
        .build()
        .map_err(|err| {
            AppError::new(
                "oauth_window",
                format!("The consent window could not be opened: {err}."),
            )
        })?;
    let on_close = sender.clone();
    window.on_window_event(move |event| {
        if matches!(
            event,
            WindowEvent::CloseRequested { .. } | WindowEvent::Destroyed
        ) {
            if let Some(sender) = on_close.lock().ok().and_then(|mut s| s.take()) {
                let _ = sender.send(None);
            }
        }
    });

    let outcome = tokio::time::timeout(CONSENT_TIMEOUT, receiver).await;
    let _ = window.destroy();
    match outcome {
        Ok(Ok(Some(redirect))) => Ok(redirect),
        Ok(_) => Err(AppError::new(
            "oauth_cancelled",
            "Connecting was cancelled: the consent window was closed.",
        )),
        Err(_) => Err(AppError::new(
            "oauth_timeout",
            "The provider never redirected back within 10 minutes; press Connect to try again.",
        )),
    }
}
