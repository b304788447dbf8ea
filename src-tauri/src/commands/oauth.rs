//! OAuth 2.0 connections: Connect in the consent window (`crate::consent_window`) or, for providers that refuse
//! embedded browsers, in the system browser; client credentials, refresh, disconnect, cancel, the token's status
//! and the last exchange.

use std::collections::BTreeMap;

use blocksmith_session::presets::{self, PresetValues, ProviderPresets};
use blocksmith_session::types::{DiscoveredProvider, TokenExchange, TokenStatus};
use blocksmith_session::{BrowserConsent, ListenOn, Session};
use serde::Serialize;
use tauri::State;

use crate::commands::blocking;
use crate::consent_window::CONSENT_TIMEOUT;
use crate::error::AppResult;
use crate::settings::ConfigDir;

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
pub async fn oauth_status(
    session: State<'_, Session>,
    name: String,
) -> AppResult<Option<TokenStatusView>> {
    blocking(session, move |s| Ok(s.token_status(&name)?.map(Into::into))).await
}

/// Authorization code: opens the consent window, waits for the redirect, exchanges the code and stores the
/// token. Closing the window (or `oauth_cancel`) cancels. The window keeps the provider's login only when
/// the connection's "remember provider login" setting is on.
#[tauri::command]
#[specta::specta]
pub async fn oauth_connect(
    session: State<'_, Session>,
    name: String,
) -> AppResult<TokenStatusView> {
    blocking(session, move |s| Ok(s.connect(&name)?.into())).await
}

/// The loopback redirect URI "Open in system browser" listens on for this connection, to register with the
/// provider: its redirect URI when that is a loopback http URL, else the default one.
#[tauri::command]
#[specta::specta]
pub async fn oauth_system_browser_redirect_uri(
    session: State<'_, Session>,
    name: String,
) -> AppResult<String> {
    blocking(session, move |s| s.system_browser_redirect_uri(&name)).await
}

/// Authorization code in the system browser (RFC 8252): listens on the loopback redirect URI, opens the
/// authorize URL with `$BROWSER` (else the desktop's opener), waits for the redirect, then exchanges and
/// stores exactly as Connect does. `oauth_cancel` cancels.
#[tauri::command]
#[specta::specta]
pub async fn oauth_connect_in_browser(
    session: State<'_, Session>,
    name: String,
) -> AppResult<TokenStatusView> {
    let consent = BrowserConsent {
        open_browser: true,
        wait_without_browser: false,
        timeout: CONSENT_TIMEOUT,
        listen_on: ListenOn::LoopbackRedirectUri,
    };
    blocking(session, move |s| {
        Ok(s.connect_in_browser(&name, consent)?.into())
    })
    .await
}

/// OpenID Connect / RFC 8414 discovery for the issuer the person typed: the endpoints and settings for the form to
/// fill in. Nothing is stored.
#[tauri::command]
#[specta::specta]
pub async fn oauth_discover(
    session: State<'_, Session>,
    issuer: String,
) -> AppResult<DiscoveredProvider> {
    blocking(session, move |s| s.discover_provider(&issuer)).await
}

/// Cancels the authorization in progress: closes the consent window, or stops waiting for the system
/// browser. The flow then fails as cancelled, and nothing is stored.
#[tauri::command]
#[specta::specta]
pub fn oauth_cancel(session: State<'_, Session>) {
    session.cancel_consent();
}

/// Client credentials: fetches a token and stores it.
#[tauri::command]
#[specta::specta]
pub async fn oauth_fetch_token(
    session: State<'_, Session>,
    name: String,
) -> AppResult<TokenStatusView> {
    blocking(session, move |s| Ok(s.fetch_token(&name)?.into())).await
}

/// Refreshes the token now (client credentials fetch a new one).
#[tauri::command]
#[specta::specta]
pub async fn oauth_refresh(
    session: State<'_, Session>,
    name: String,
) -> AppResult<TokenStatusView> {
    blocking(session, move |s| Ok(s.refresh_token(&name)?.into())).await
}

/// Revokes the token at the provider (when it has a revocation endpoint) and forgets it.
#[tauri::command]
#[specta::specta]
pub async fn oauth_disconnect(session: State<'_, Session>, name: String) -> AppResult<()> {
    blocking(session, move |s| s.disconnect(&name)).await
}

/// The last token request and response of this connection (method, URL, headers, form, status, body), with
/// every secret masked; null when none was made since the app started.
#[tauri::command]
#[specta::specta]
pub fn oauth_last_exchange(session: State<'_, Session>, name: String) -> Option<TokenExchange> {
    session.last_exchange(&name)
}

/// The provider presets for the connection form: Blocksmith's, with the person's `oauth-presets.toml` in the
/// settings folder laid over them.
#[tauri::command]
#[specta::specta]
pub fn oauth_presets(config_dir: State<'_, ConfigDir>) -> ProviderPresets {
    presets::provider_presets(Some(&config_dir.0.join(presets::USER_PRESETS_FILE)))
}

/// The connection kind and values of a preset for the parameters the person gave (tenant, domain, …).
#[tauri::command]
#[specta::specta]
pub fn oauth_preset_values(
    config_dir: State<'_, ConfigDir>,
    key: String,
    parameters: BTreeMap<String, String>,
) -> AppResult<PresetValues> {
    let user_file = config_dir.0.join(presets::USER_PRESETS_FILE);
    presets::fill_preset(Some(&user_file), &key, &parameters)
        .map_err(|error| blocksmith_session::Error::from(error).into())
}
