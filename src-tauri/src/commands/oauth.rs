//! OAuth 2.0 connections: Connect opens the provider's consent page in the consent window
//! (`crate::consent_window`) or, for providers that refuse embedded browsers, in the system browser with a
//! loopback listener (`crate::system_browser`); the code is then exchanged and the token stored in the keyring.
//! Also the token's status, client credentials, refresh, disconnect, cancel and the last exchange.

use std::time::SystemTime;

use blocksmith_oauth::{LoopbackListener, PendingAuthorization};
use blocksmith_oauth::{OAuthClient, TokenExchange, TokenStatus};
use blocksmith_session::oauth as session_oauth;
use serde::Serialize;
use tauri::{AppHandle, Manager};

use crate::app_state::AppState;
use crate::commands::connections::with_keyring;
use crate::consent_window::{self, Cookies};
use crate::error::AppResult;
use crate::system_browser;

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
    /// The provider refused to refresh the token: only Connect (a new consent) gets a working one.
    pub needs_consent: bool,
}

impl From<TokenStatus> for TokenStatusView {
    fn from(status: TokenStatus) -> Self {
        TokenStatusView {
            expires_at: status.expires_at.map(|at| at as f64),
            scopes: status.scopes,
            has_refresh_token: status.has_refresh_token,
            expired: status.expired,
            needs_refresh: status.needs_refresh,
            needs_consent: status.needs_consent,
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
/// token. Closing the window (or `oauth_cancel`) cancels. The window keeps the provider's login only when
/// the connection's "remember provider login" setting is on.
#[tauri::command]
#[specta::specta]
pub async fn oauth_connect(app: AppHandle, name: String) -> AppResult<TokenStatusView> {
    let (client, pending, remember) = {
        let name = name.clone();
        with_keyring(app.clone(), move |state| {
            let store = state.secret_store()?;
            state.with_workspace(|ws| {
                let client = session_oauth::client_for(ws, &store, &name)?;
                let redirect_uri = session_oauth::redirect_uri(ws, &name)?;
                let pending = session_oauth::begin_authorization(&client, &redirect_uri)?;
                Ok((client, pending, session_oauth::remember_login(ws, &name)?))
            })
        })
        .await?
    };
    let cookies = if remember {
        Cookies::RememberIn(consent_window::remembered_logins_dir(&app)?)
    } else {
        Cookies::Forget
    };
    let redirect_url = consent_window::wait_for_consent(
        &app,
        &name,
        pending.authorize_url(),
        pending.redirect_uri(),
        cookies,
    )
    .await?;
    complete(app, name, client, pending, redirect_url).await
}

/// The loopback redirect URI "Open in system browser" listens on for this connection, to register with the
/// provider: its redirect URI when that is a loopback http URL, else the default one.
#[tauri::command]
#[specta::specta]
pub async fn oauth_system_browser_redirect_uri(app: AppHandle, name: String) -> AppResult<String> {
    with_keyring(app, move |state| {
        state.with_workspace(|ws| Ok(session_oauth::system_browser_redirect_uri(ws, &name)?))
    })
    .await
}

/// Authorization code in the system browser (RFC 8252): listens on the loopback redirect URI, opens the
/// authorize URL with `$BROWSER` (else the desktop's opener), waits for the redirect, then exchanges and
/// stores exactly as Connect does. `oauth_cancel` cancels.
#[tauri::command]
#[specta::specta]
pub async fn oauth_connect_in_browser(app: AppHandle, name: String) -> AppResult<TokenStatusView> {
    let (client, pending, listener) = {
        let name = name.clone();
        with_keyring(app.clone(), move |state| {
            let store = state.secret_store()?;
            state.with_workspace(|ws| {
                let client = session_oauth::client_for(ws, &store, &name)?;
                let redirect_uri = session_oauth::system_browser_redirect_uri(ws, &name)?;
                let listener = LoopbackListener::for_redirect_uri(&redirect_uri)
                    .map_err(system_browser::oauth_error)?;
                let pending = session_oauth::begin_authorization(&client, listener.redirect_uri())?;
                Ok((client, pending, listener))
            })
        })
        .await?
    };
    let redirect_url =
        system_browser::wait_for_consent(listener, pending.authorize_url(), pending.state())
            .await?;
    complete(app, name, client, pending, redirect_url).await
}

/// Cancels the authorization in progress: closes the consent window, or stops waiting for the system
/// browser. The flow then fails as cancelled, and nothing is stored.
#[tauri::command]
#[specta::specta]
pub fn oauth_cancel(app: AppHandle) {
    consent_window::close(&app);
    system_browser::cancel();
}

/// Exchanges the code of `redirect_url` and stores the token; the inspector keeps the exchange.
async fn complete(
    app: AppHandle,
    name: String,
    client: OAuthClient,
    pending: PendingAuthorization,
    redirect_url: String,
) -> AppResult<TokenStatusView> {
    let result = with_keyring(app, move |state| {
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
pub fn oauth_last_exchange(app: AppHandle, name: String) -> Option<TokenExchange> {
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
