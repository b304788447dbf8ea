//! OAuth connections of a workspace: building the client from the connection's inputs (secrets from the
//! keyring), storing the token it obtains, refreshing expired tokens before runs, and disconnecting.
//! The protocol itself is `blocksmith_oauth`; this module only joins it to the workspace and the keyring.

use std::time::SystemTime;

use blocksmith_oauth::{
    AuthorizationNonces, OAuthClient, OAuthConfig, PendingAuthorization, Revocation, Token,
    TokenStatus, DEFAULT_REFRESH_MARGIN,
};
use blocksmith_secrets::{SecretId, SecretStore, Sensitive};
use blocksmith_workspace::{connection_kind, ConnectionDefinition, Workspace};

use crate::error::{Error, Result};
use crate::host_binding::{bind_hosts, check_hosts};

/// Where the provider sends the person back when the connection names no redirect URI: a loopback address
/// (RFC 8252), which the app's window intercepts and the CLI listens on.
pub use blocksmith_workspace::DEFAULT_REDIRECT_URI;

/// The OAuth client for connection `name`, from its inputs and the keyring's secrets. Refused with
/// [`Error::HostChanged`] when an endpoint is no longer on the host its stored secrets belong to, so nothing
/// stored (client secret, headers, token) can reach the new host before the person confirms it.
pub fn client_for(workspace: &Workspace, store: &SecretStore, name: &str) -> Result<OAuthClient> {
    let connection = oauth_connection(workspace, name)?;
    check_hosts(workspace, store, name)?;
    let workspace_id = &workspace.local_identity().secrets_id;
    let secret = |key: &str| -> Result<Option<String>> {
        Ok(store
            .get(&SecretId::input(workspace_id, name, key))?
            .map(|value| value.expose().clone()))
    };
    let client_secret = secret("clientSecret")?;
    let headers = secret("headers")?;
    let config = OAuthConfig::from_fields(|key| match key {
        "clientSecret" => client_secret.clone(),
        "headers" => headers.clone(),
        other => connection.inputs.get(other).cloned(),
    })?;
    Ok(OAuthClient::new(config)?)
}

/// The redirect URI registered for connection `name`.
pub fn redirect_uri(workspace: &Workspace, name: &str) -> Result<String> {
    let connection = oauth_connection(workspace, name)?;
    Ok(connection
        .inputs
        .get(blocksmith_workspace::REDIRECT_URI_SETTING)
        .cloned()
        .unwrap_or_else(|| DEFAULT_REDIRECT_URI.to_string()))
}

/// The setting that makes the consent window remember the provider's login: `true`, or absent (off).
pub use blocksmith_workspace::REMEMBER_LOGIN_SETTING;

/// Whether the consent window keeps the provider's login (cookies) between connects for connection `name`:
/// its `rememberLogin` setting, off unless it says `true`.
pub fn remember_login(workspace: &Workspace, name: &str) -> Result<bool> {
    let connection = oauth_connection(workspace, name)?;
    Ok(connection
        .inputs
        .get(REMEMBER_LOGIN_SETTING)
        .is_some_and(|value| value == "true"))
}

/// The loopback redirect URI on which "Open in system browser" listens (RFC 8252) for connection `name`: its
/// redirect URI when that is a loopback http URL, else [`DEFAULT_REDIRECT_URI`]. The person registers this one
/// with the provider.
pub fn system_browser_redirect_uri(workspace: &Workspace, name: &str) -> Result<String> {
    let configured = redirect_uri(workspace, name)?;
    Ok(if is_loopback_http(&configured) {
        configured
    } else {
        DEFAULT_REDIRECT_URI.to_string()
    })
}

fn is_loopback_http(uri: &str) -> bool {
    let Ok(url) = url::Url::parse(uri) else {
        return false;
    };
    url.scheme() == "http"
        && match url.host() {
            Some(url::Host::Domain(domain)) => domain == "localhost",
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            None => false,
        }
}

/// Starts the authorization code flow: the URL to open, with fresh state and PKCE verifier.
pub fn begin_authorization(
    client: &OAuthClient,
    redirect_uri: &str,
) -> Result<PendingAuthorization> {
    Ok(client.begin_authorization(redirect_uri, AuthorizationNonces::random())?)
}

/// Finishes the flow from the URL the provider redirected to, and stores the token (which clears a "needs
/// consent" mark). On any failure nothing is stored and the previous token stays.
pub fn complete_authorization(
    workspace: &Workspace,
    store: &SecretStore,
    name: &str,
    client: &OAuthClient,
    pending: &PendingAuthorization,
    redirect_url: &str,
    now: SystemTime,
) -> Result<TokenStatus> {
    let token = client.complete_authorization(pending, redirect_url, now)?;
    store_token(workspace, store, name, &token)?;
    Ok(token.status(now, DEFAULT_REFRESH_MARGIN))
}

/// Client credentials: fetches a token and stores it.
pub fn fetch_token(
    workspace: &Workspace,
    store: &SecretStore,
    client: &OAuthClient,
    name: &str,
    now: SystemTime,
) -> Result<TokenStatus> {
    let token = client.fetch_client_credentials(now)?;
    store_token(workspace, store, name, &token)?;
    Ok(token.status(now, DEFAULT_REFRESH_MARGIN))
}

/// Refreshes the stored token now (client credentials: fetches a new one). When the provider refuses the
/// refresh token (`invalid_grant`), the stored token is marked "needs consent" (and its dead refresh token
/// dropped), so the connection says so until the next Connect, also after a restart; a marked token is not
/// sent to the provider again.
pub fn refresh_now(
    workspace: &Workspace,
    store: &SecretStore,
    client: &OAuthClient,
    name: &str,
    now: SystemTime,
) -> Result<TokenStatus> {
    let kind = oauth_connection(workspace, name)?.kind.clone();
    let token = match (kind.as_str(), stored_token(workspace, store, name)?) {
        ("clientcredentials", _) => client.fetch_client_credentials(now)?,
        (_, Some(token)) if token.needs_consent() => {
            return Err(Error::NeedsConsent(name.to_string()))
        }
        (_, Some(token)) => match client.refresh(&token, now) {
            Ok(refreshed) => refreshed,
            Err(blocksmith_oauth::Error::NeedsConsent) => {
                store_token(workspace, store, name, &token.marked_needing_consent())?;
                return Err(Error::NeedsConsent(name.to_string()));
            }
            Err(other) => return Err(other.into()),
        },
        (_, None) => return Err(Error::NotConnected(name.to_string())),
    };
    store_token(workspace, store, name, &token)?;
    Ok(token.status(now, DEFAULT_REFRESH_MARGIN))
}

/// Before a run: refreshes every OAuth connection whose token is expired or about to expire. A connection
/// never connected is left alone (the block sees `token: null`); a refused refresh, or a token already
/// marked as needing consent, stops the run with [`Error::NeedsConsent`] naming the connection. A connection
/// whose endpoints moved to another host stops the run with [`Error::HostChanged`] before any secret is read.
pub fn refresh_expired(workspace: &Workspace, store: &SecretStore, now: SystemTime) -> Result<()> {
    for connection in oauth_connections(workspace) {
        let name = &connection.name;
        check_hosts(workspace, store, name)?;
        match stored_token(workspace, store, name)? {
            Some(token) if token.needs_consent() => return Err(Error::NeedsConsent(name.clone())),
            Some(token) if token.needs_refresh(now, DEFAULT_REFRESH_MARGIN) => {
                let client = client_for(workspace, store, name)?;
                refresh_now(workspace, store, &client, name, now)?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// Revokes the token at the provider when it has a revocation endpoint, then forgets it.
pub fn disconnect(
    workspace: &Workspace,
    store: &SecretStore,
    client: &OAuthClient,
    name: &str,
) -> Result<Revocation> {
    let revocation = match stored_token(workspace, store, name)? {
        Some(token) => client.revoke(&token)?,
        None => Revocation::NoRevocationEndpoint,
    };
    store.delete(&SecretId::token(
        &workspace.local_identity().secrets_id,
        name,
    ))?;
    Ok(revocation)
}

/// The stored token's status (expiry, scopes, refresh token, needs consent), or `None` when not connected.
pub fn token_status(
    workspace: &Workspace,
    store: &SecretStore,
    name: &str,
    now: SystemTime,
) -> Result<Option<TokenStatus>> {
    Ok(
        stored_token(workspace, store, name)?
            .map(|token| token.status(now, DEFAULT_REFRESH_MARGIN)),
    )
}

pub(crate) fn stored_token(
    workspace: &Workspace,
    store: &SecretStore,
    name: &str,
) -> Result<Option<Token>> {
    match store.get(&SecretId::token(
        &workspace.local_identity().secrets_id,
        name,
    ))? {
        Some(json) => Ok(Some(Token::from_keyring_json(json.expose())?)),
        None => Ok(None),
    }
}

fn store_token(
    workspace: &Workspace,
    store: &SecretStore,
    name: &str,
    token: &Token,
) -> Result<()> {
    let id = SecretId::token(&workspace.local_identity().secrets_id, name);
    store.set(&id, &Sensitive::new(token.to_keyring_json()))?;
    // The token was obtained from the endpoints the connection has now (checked when its client was made).
    bind_hosts(workspace, store, name)
}

/// Whether the connection is of an OAuth kind, as its kind says.
fn is_oauth(connection: &ConnectionDefinition) -> bool {
    connection_kind(&connection.kind).is_some_and(|kind| kind.oauth)
}

fn oauth_connections(workspace: &Workspace) -> impl Iterator<Item = &ConnectionDefinition> {
    workspace
        .manifest()
        .connections
        .iter()
        .filter(|c| is_oauth(c))
}

/// The connection `name`, when it exists (else [`Error::UnknownConnection`]) and is of an OAuth kind (`None`
/// otherwise).
pub(crate) fn find_oauth_connection<'w>(
    workspace: &'w Workspace,
    name: &str,
) -> Result<Option<&'w ConnectionDefinition>> {
    let connection = workspace
        .manifest()
        .connections
        .iter()
        .find(|c| c.name == name)
        .ok_or_else(|| Error::UnknownConnection(name.to_string()))?;
    Ok(is_oauth(connection).then_some(connection))
}

/// The OAuth connection `name`; [`Error::NotOAuth`] when it is of another kind.
fn oauth_connection<'w>(workspace: &'w Workspace, name: &str) -> Result<&'w ConnectionDefinition> {
    find_oauth_connection(workspace, name)?.ok_or_else(|| Error::NotOAuth(name.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_http_redirect_uris_serve_the_system_browser() {
        for uri in [
            "http://127.0.0.1:8765/callback",
            "http://localhost:9000/oauth",
            "http://[::1]:8000/callback",
        ] {
            assert!(is_loopback_http(uri), "{uri}");
        }
        for uri in [
            "https://blocksmith.example/oauth/callback",
            "https://127.0.0.1:8765/callback",
            "http://192.168.1.2:8765/callback",
            "not a url",
        ] {
            assert!(!is_loopback_http(uri), "{uri}");
        }
    }
}
