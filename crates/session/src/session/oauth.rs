//! The session's OAuth calls: Connect (in the front end's consent window, or in the system browser with a
//! loopback listener), client credentials, refresh, disconnect, cancel, a token's status and the last token
//! exchange, and discovery of a provider's endpoints. Every call works on a snapshot of the workspace, so the provider's answer (up to its timeout) or
//! the person's consent (up to minutes) never holds the workspace.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use blocksmith_oauth::{
    DiscoveredProvider, LoopbackListener, OAuthClient, PendingAuthorization, TokenExchange,
    TokenStatus,
};
use blocksmith_secrets::SecretStore;
use blocksmith_workspace::{
    Workspace, CLIENT_AUTHENTICATION_SETTING, ISSUER_SETTING, REVOCATION_URL_SETTING,
};

use super::{lock, Session};
use crate::connections::ConnectionDraft;
use crate::error::{ConsentVia, Error, Result};
use crate::oauth;

/// What the front end's consent window is asked to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentRequest {
    pub connection: String,
    pub authorize_url: String,
    /// Where the provider sends the person back: the window catches the navigation there.
    pub redirect_uri: String,
    /// The connection's "remember provider login" setting: keep the provider's cookies between connects.
    pub remember_login: bool,
}

/// Which loopback redirect URI the system-browser flow listens on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListenOn {
    /// The connection's own redirect URI, which must then be a loopback http URL (the CLI's contract).
    ConnectionRedirectUri,
    /// The connection's redirect URI when it is a loopback http URL, else the default one (the app's "Open in
    /// system browser", for connections whose redirect URI only the consent window can catch).
    LoopbackRedirectUri,
}

/// How to wait for consent in the system browser.
#[derive(Debug, Clone, Copy)]
pub struct BrowserConsent {
    /// Send the system browser (`$BROWSER`, else the desktop's opener) to the authorize URL. Either way the host
    /// is told the URL first (`SessionHost::waiting_for_consent`).
    pub open_browser: bool,
    /// When the browser cannot be opened, tell the host and go on waiting (the person can open the URL the host
    /// showed) instead of failing.
    pub wait_without_browser: bool,
    pub timeout: Duration,
    pub listen_on: ListenOn,
}

impl Session {
    /// The stored token's status, or `None` when the connection is not connected.
    pub fn token_status(&self, name: &str) -> Result<Option<TokenStatus>> {
        let workspace = self.snapshot()?;
        oauth::token_status(&workspace, &self.keyring()?, name, SystemTime::now())
    }

    /// Authorization code in the front end's consent window: waits for the redirect, exchanges the code and
    /// stores the token.
    pub fn connect(&self, name: &str) -> Result<TokenStatus> {
        let workspace = self.snapshot()?;
        let store = self.keyring()?;
        let client = oauth::client_for(&workspace, &store, name)?;
        let redirect_uri = oauth::redirect_uri(&workspace, name)?;
        let pending = oauth::begin_authorization(&client, &redirect_uri)?;
        let redirect_url = self.host().consent_in_window(&ConsentRequest {
            connection: name.to_string(),
            authorize_url: pending.authorize_url().to_string(),
            redirect_uri: pending.redirect_uri().to_string(),
            remember_login: oauth::remember_login(&workspace, name)?,
        })?;
        self.complete(&workspace, &store, name, &client, &pending, &redirect_url)
    }

    /// Authorization code in the system browser (RFC 8252): listens on a loopback redirect URI, sends the
    /// browser to the authorize URL, waits for the redirect carrying this authorization's state, then exchanges
    /// and stores as [`Session::connect`] does. [`Session::cancel_consent`] ends the wait.
    pub fn connect_in_browser(&self, name: &str, consent: BrowserConsent) -> Result<TokenStatus> {
        let workspace = self.snapshot()?;
        let store = self.keyring()?;
        let client = oauth::client_for(&workspace, &store, name)?;
        let redirect_uri = match consent.listen_on {
            ListenOn::ConnectionRedirectUri => oauth::redirect_uri(&workspace, name)?,
            ListenOn::LoopbackRedirectUri => oauth::system_browser_redirect_uri(&workspace, name)?,
        };
        let listener = LoopbackListener::for_redirect_uri(&redirect_uri)?;
        let pending = oauth::begin_authorization(&client, listener.redirect_uri())?;
        self.host().waiting_for_consent(pending.authorize_url());
        if consent.open_browser {
            if let Err(err) = blocksmith_oauth::open_in_system_browser(pending.authorize_url()) {
                if !consent.wait_without_browser {
                    return Err(err.into());
                }
                self.host().browser_not_opened(&err.to_string());
            }
        }
        let redirect_url = self.wait_in_browser(&listener, &pending, consent.timeout)?;
        self.complete(&workspace, &store, name, &client, &pending, &redirect_url)
    }

    /// The loopback redirect URI "Open in system browser" listens on for connection `name`, to register with
    /// the provider.
    pub fn system_browser_redirect_uri(&self, name: &str) -> Result<String> {
        oauth::system_browser_redirect_uri(&self.snapshot()?, name)
    }

    /// Cancels the consent in progress, in the window or the system browser; it then fails as cancelled and
    /// nothing is stored.
    pub fn cancel_consent(&self) {
        self.host().close_consent_window();
        if let Some(flag) = lock(&self.shared.browser_wait).take() {
            flag.store(true, Ordering::SeqCst);
        }
    }

    /// Client credentials: fetches a token and stores it.
    pub fn fetch_token(&self, name: &str) -> Result<TokenStatus> {
        self.token_request(name, |workspace, store, client| {
            oauth::fetch_token(workspace, store, client, name, SystemTime::now())
        })
    }

    /// Refreshes the token now (client credentials fetch a new one).
    pub fn refresh_token(&self, name: &str) -> Result<TokenStatus> {
        self.token_request(name, |workspace, store, client| {
            oauth::refresh_now(workspace, store, client, name, SystemTime::now())
        })
    }

    /// Revokes the token at the provider (when it has a revocation endpoint) and forgets it.
    pub fn disconnect(&self, name: &str) -> Result<()> {
        self.token_request(name, |workspace, store, client| {
            oauth::disconnect(workspace, store, client, name).map(drop)
        })
    }

    /// The last token request and response of connection `name`, every secret masked; `None` when none was made
    /// in this session.
    pub fn last_exchange(&self, name: &str) -> Option<TokenExchange> {
        lock(&self.shared.exchanges).get(name).cloned()
    }

    /// Waits on `listener` for the redirect of `pending`, until the timeout or [`Session::cancel_consent`]. One
    /// such wait at a time: a wait already in progress is cancelled first.
    fn wait_in_browser(
        &self,
        listener: &LoopbackListener,
        pending: &PendingAuthorization,
        timeout: Duration,
    ) -> Result<String> {
        let flag = Arc::new(AtomicBool::new(false));
        if let Some(previous) = lock(&self.shared.browser_wait).replace(flag.clone()) {
            previous.store(true, Ordering::SeqCst);
        }
        let outcome = listener.wait_for_redirect_unless(pending.state(), timeout, &flag);
        let mut waiting = lock(&self.shared.browser_wait);
        if waiting
            .as_ref()
            .is_some_and(|current| Arc::ptr_eq(current, &flag))
        {
            *waiting = None;
        }
        outcome.map_err(|err| match err {
            blocksmith_oauth::Error::RedirectCancelled { .. } => {
                Error::ConsentCancelled(ConsentVia::SystemBrowser)
            }
            other => other.into(),
        })
    }

    /// Exchanges the code of `redirect_url` and stores the token; the inspector keeps the exchange.
    fn complete(
        &self,
        workspace: &Workspace,
        store: &SecretStore,
        name: &str,
        client: &OAuthClient,
        pending: &PendingAuthorization,
        redirect_url: &str,
    ) -> Result<TokenStatus> {
        let outcome = oauth::complete_authorization(
            workspace,
            store,
            name,
            client,
            pending,
            redirect_url,
            SystemTime::now(),
        );
        self.remember_exchange(name, client);
        outcome
    }

    /// One token request with connection `name`'s client; the inspector keeps the exchange, failed or not.
    fn token_request<T>(
        &self,
        name: &str,
        request: impl FnOnce(&Workspace, &SecretStore, &OAuthClient) -> Result<T>,
    ) -> Result<T> {
        let workspace = self.snapshot()?;
        let store = self.keyring()?;
        let client = oauth::client_for(&workspace, &store, name)?;
        let outcome = request(&workspace, &store, &client);
        self.remember_exchange(name, &client);
        outcome
    }

    fn remember_exchange(&self, name: &str, client: &OAuthClient) {
        if let Some(exchange) = client.last_exchange() {
            lock(&self.shared.exchanges).insert(name.to_string(), exchange.clone());
        }
    }
}

impl Session {
    /// OpenID Connect / RFC 8414 discovery for `issuer`: the endpoints and settings a connection to it needs.
    /// Nothing is stored; the form (or [`Session::complete_from_issuer`]) fills them in.
    pub fn discover_provider(&self, issuer: &str) -> Result<DiscoveredProvider> {
        Ok(blocksmith_oauth::discover_provider(issuer)?)
    }

    /// When `draft` names an issuer but no Token URL, runs discovery and fills in every endpoint and setting the
    /// draft leaves empty (what the person typed wins). Answers with what was discovered, if discovery ran.
    pub fn complete_from_issuer(
        &self,
        draft: &mut ConnectionDraft,
    ) -> Result<Option<DiscoveredProvider>> {
        let given = |values: &std::collections::BTreeMap<String, String>, key: &str| {
            values
                .get(key)
                .is_some_and(|value| !value.trim().is_empty())
        };
        if !given(&draft.values, ISSUER_SETTING) || given(&draft.values, TOKEN_URL) {
            return Ok(None);
        }
        let discovered = self.discover_provider(draft.values[ISSUER_SETTING].trim())?;
        let found = [
            (AUTHORIZE_URL, discovered.authorize_url.clone()),
            (TOKEN_URL, Some(discovered.token_url.clone())),
            (REVOCATION_URL_SETTING, discovered.revocation_url.clone()),
            (
                CLIENT_AUTHENTICATION_SETTING,
                discovered
                    .client_authentication
                    .map(|method| method.setting_value().to_string()),
            ),
        ];
        let kind = blocksmith_workspace::connection_kind(&draft.kind);
        let takes = |key: &str| {
            kind.as_ref().is_some_and(|kind| {
                kind.inputs
                    .iter()
                    .chain(&kind.settings)
                    .any(|input| input.key == key)
            })
        };
        for (key, value) in found {
            if let Some(value) = value {
                if takes(key) && !given(&draft.values, key) {
                    draft.values.insert(key.to_string(), value);
                }
            }
        }
        Ok(Some(discovered))
    }
}

/// The inputs discovery fills in (the platform's own input names).
const AUTHORIZE_URL: &str = "authorizeUrl";
const TOKEN_URL: &str = "tokenUrl";
