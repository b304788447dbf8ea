//! OAuth connections of a workspace: building the client from the connection's inputs (secrets from the
//! keyring), storing the token it obtains, refreshing expired tokens before runs, and disconnecting.
//! The protocol itself is `blocksmith_oauth`; this module only joins it to the workspace and the keyring.

use std::time::SystemTime;

use blocksmith_oauth::{
    AuthorizationNonces, OAuthClient, OAuthConfig, PendingAuthorization, Revocation, Token,
    TokenStatus, DEFAULT_REFRESH_MARGIN,
};
use blocksmith_secrets::{SecretId, SecretStore, Sensitive};
use blocksmith_workspace::{ConnectionDefinition, Workspace};

use crate::error::{Error, Result};

/// Where the provider sends the person back when the connection names no redirect URI: a loopback address
/// (RFC 8252), which the app's window intercepts and the CLI listens on.
pub const DEFAULT_REDIRECT_URI: &str = "http://127.0.0.1:8914/callback";

/// The OAuth client for connection `name`, from its inputs and the keyring's secrets.
pub fn client_for(workspace: &Workspace, store: &SecretStore, name: &str) -> Result<OAuthClient> {
    let connection = oauth_connection(workspace, name)?;
    let workspace_id = &workspace.manifest().id;
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
        .get("redirectUri")
        .cloned()
        .unwrap_or_else(|| DEFAULT_REDIRECT_URI.to_string()))
}

/// Starts the authorization code flow: the URL to open, with fresh state and PKCE verifier.
pub fn begin_authorization(
    client: &OAuthClient,
    redirect_uri: &str,
) -> Result<PendingAuthorization> {
    Ok(client.begin_authorization(redirect_uri, AuthorizationNonces::random())?)
}

/// Finishes the flow from the URL the provider redirected to, and stores the token. On any failure nothing
/// is stored and the previous token stays.
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

/// Refreshes the stored token now (client credentials: fetches a new one).
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
        (_, Some(token)) => client.refresh(&token, now)?,
        (_, None) => return Err(Error::NotConnected(name.to_string())),
    };
    store_token(workspace, store, name, &token)?;
    Ok(token.status(now, DEFAULT_REFRESH_MARGIN))
}

/// Before a run: refreshes every OAuth connection whose token is expired or about to expire. A connection
/// never connected is left alone (the block sees `token: null`); a refused refresh says "needs consent".
pub fn refresh_expired(workspace: &Workspace, store: &SecretStore, now: SystemTime) -> Result<()> {
    for connection in oauth_connections(workspace) {
        let name = &connection.name;
        let due = stored_token(workspace, store, name)?
            .is_some_and(|token| token.needs_refresh(now, DEFAULT_REFRESH_MARGIN));
        if due {
            let client = client_for(workspace, store, name)?;
            refresh_now(workspace, store, &client, name, now).map_err(|err| match err {
                Error::OAuth(blocksmith_oauth::Error::NeedsConsent) => {
                    Error::NeedsConsent(name.clone())
                }
                other => other,
            })?;
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
    store.delete(&SecretId::token(&workspace.manifest().id, name))?;
    Ok(revocation)
}

/// The stored token's status (expiry, scopes, refresh token), or `None` when not connected.
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
    match store.get(&SecretId::token(&workspace.manifest().id, name))? {
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
    let id = SecretId::token(&workspace.manifest().id, name);
    store.set(&id, &Sensitive::new(token.to_keyring_json()))?;
    Ok(())
}

fn oauth_connections(workspace: &Workspace) -> impl Iterator<Item = &ConnectionDefinition> {
    workspace
        .manifest()
        .connections
        .iter()
        .filter(|c| matches!(c.kind.as_str(), "authorizationcode" | "clientcredentials"))
}

fn oauth_connection<'w>(workspace: &'w Workspace, name: &str) -> Result<&'w ConnectionDefinition> {
    let connection = workspace
        .manifest()
        .connections
        .iter()
        .find(|c| c.name == name)
        .ok_or_else(|| Error::UnknownConnection(name.to_string()))?;
    match connection.kind.as_str() {
        "authorizationcode" | "clientcredentials" => Ok(connection),
        _ => Err(Error::NotOAuth(name.to_string())),
    }
}
