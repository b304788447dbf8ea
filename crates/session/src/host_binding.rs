//! Which hosts an OAuth connection's secrets belong to. The manifest is shared and untrusted: editing a
//! connection's Token URL (or Authorize or Revocation URL) there must not make the next run send the stored
//! client secret and refresh token to another host. So when a person saves the connection, or a token is
//! obtained, the host (scheme, host and port) of each of its endpoints is written to the keyring beside the
//! secrets, where the manifest cannot reach it; before anything stored is used, the connection's hosts are
//! compared with those, and a difference stops the operation with [`Error::HostChanged`] until the person
//! confirms it (which drops the stored token: consent is needed again at the new host).

use std::collections::BTreeMap;

use blocksmith_oauth::field;
use blocksmith_secrets::{SecretId, SecretStore, Sensitive};
use blocksmith_workspace::{connection_kind, ConnectionDefinition, Workspace};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::error::{Error, Result};
use crate::oauth::find_oauth_connection;

/// The endpoints that receive a connection's secrets or tokens, by setting key, with the label a person knows
/// them by.
const BOUND_ENDPOINTS: [(&str, &str); 3] = [
    (field::AUTHORIZE_URL, "Authorize URL"),
    (field::TOKEN_URL, "Token URL"),
    (field::REVOCATION_URL, "Revocation URL"),
];

/// One endpoint whose host is not the one the connection's secrets were stored for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct HostChange {
    /// The setting's label, e.g. "Token URL".
    pub setting: String,
    /// The URL the workspace now gives.
    pub url: String,
    /// The host the secrets were stored for (`https://login.acme.com`), or null when they were stored without a
    /// record of their host.
    pub bound_host: Option<String>,
    /// The host of `url`.
    pub new_host: String,
}

/// A connection whose endpoints moved to other hosts, for the app's confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ConnectionHostChange {
    pub connection: String,
    pub changes: Vec<HostChange>,
}

/// The keyring's JSON form: endpoint setting key → origin (`scheme://host[:port]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct BoundHosts(BTreeMap<String, String>);

impl BoundHosts {
    /// The hosts of a connection's endpoints as the workspace gives them now. A URL that does not parse has
    /// no host to bind; the OAuth client refuses it before anything is sent.
    fn of(connection: &ConnectionDefinition) -> Self {
        Self(
            BOUND_ENDPOINTS
                .iter()
                .filter_map(|(key, _)| {
                    let origin = origin_of(connection.inputs.get(*key)?)?;
                    Some((key.to_string(), origin))
                })
                .collect(),
        )
    }

    /// The endpoints of `now` whose host differs from this binding. An endpoint that is gone sends nothing,
    /// so only new or moved ones count.
    fn changes_to(&self, connection: &ConnectionDefinition, now: &BoundHosts) -> Vec<HostChange> {
        BOUND_ENDPOINTS
            .iter()
            .filter_map(|(key, label)| {
                let new_host = now.0.get(*key)?;
                let bound_host = self.0.get(*key);
                (bound_host != Some(new_host)).then(|| HostChange {
                    setting: label.to_string(),
                    url: connection.inputs.get(*key).cloned().unwrap_or_default(),
                    bound_host: bound_host.cloned(),
                    new_host: new_host.clone(),
                })
            })
            .collect()
    }
}

/// `scheme://host[:port]` of a URL (the port only when it is not the scheme's default).
pub(crate) fn origin_of(url: &str) -> Option<String> {
    let url = Url::parse(url.trim()).ok()?;
    url.host()?;
    Some(url.origin().ascii_serialization())
}

/// The endpoints of OAuth connection `name` whose host is not the one its stored secrets and token belong to.
/// Empty when nothing is stored (nothing could be sent) or nothing moved; for a connection of another kind.
pub fn host_changes(
    workspace: &Workspace,
    store: &SecretStore,
    name: &str,
) -> Result<Vec<HostChange>> {
    match find_oauth_connection(workspace, name)? {
        Some(connection) => changes_for(
            store,
            &workspace.local_identity().secrets_id,
            name,
            connection,
        ),
        None => Ok(Vec::new()),
    }
}

/// The endpoints of `connection` (as it is, or as it is about to be saved) whose host differs from the binding
/// of the secrets stored under the name `stored_under`; empty when nothing is stored there.
pub(crate) fn changes_for(
    store: &SecretStore,
    workspace_id: &str,
    stored_under: &str,
    connection: &ConnectionDefinition,
) -> Result<Vec<HostChange>> {
    let now = BoundHosts::of(connection);
    let bound = read_bound(store, workspace_id, stored_under)?;
    if bound.as_ref() == Some(&now) {
        return Ok(Vec::new());
    }
    let changes = bound.unwrap_or_default().changes_to(connection, &now);
    if changes.is_empty() || !holds_secrets(store, workspace_id, stored_under, &connection.kind)? {
        return Ok(Vec::new());
    }
    Ok(changes)
}

/// Every OAuth connection of the workspace whose hosts changed while secrets are stored.
pub fn all_host_changes(
    workspace: &Workspace,
    store: &SecretStore,
) -> Result<Vec<ConnectionHostChange>> {
    let mut found = Vec::new();
    for connection in &workspace.manifest().connections {
        let changes = host_changes(workspace, store, &connection.name)?;
        if !changes.is_empty() {
            found.push(ConnectionHostChange {
                connection: connection.name.clone(),
                changes,
            });
        }
    }
    Ok(found)
}

/// Stops with [`Error::HostChanged`] when connection `name`'s endpoints moved to hosts its stored secrets were
/// not stored for. Called before anything stored is read for a request.
pub fn check_hosts(workspace: &Workspace, store: &SecretStore, name: &str) -> Result<()> {
    let changes = host_changes(workspace, store, name)?;
    if changes.is_empty() {
        Ok(())
    } else {
        Err(Error::HostChanged {
            connection: name.to_string(),
            changes,
        })
    }
}

/// The person confirmed the new hosts of connection `name`: its stored token is dropped (it was granted for the
/// old host, so consent is needed again) and the connection's current hosts are bound. Returns what changed.
pub fn accept_host_change(
    workspace: &Workspace,
    store: &SecretStore,
    name: &str,
) -> Result<Vec<HostChange>> {
    let changes = host_changes(workspace, store, name)?;
    let id = &workspace.local_identity().secrets_id;
    store.delete(&SecretId::token(id, name))?;
    bind_hosts(workspace, store, name)?;
    Ok(changes)
}

/// [`accept_host_change`] for every connection whose hosts changed.
pub fn accept_all_host_changes(
    workspace: &Workspace,
    store: &SecretStore,
) -> Result<Vec<ConnectionHostChange>> {
    let found = all_host_changes(workspace, store)?;
    for change in &found {
        accept_host_change(workspace, store, &change.connection)?;
    }
    Ok(found)
}

/// Binds connection `name`'s secrets to the hosts its endpoints have now. Called when a person saved the
/// connection and whenever a token is obtained. Nothing happens for a connection of another kind.
pub fn bind_hosts(workspace: &Workspace, store: &SecretStore, name: &str) -> Result<()> {
    let Some(connection) = find_oauth_connection(workspace, name)? else {
        return Ok(());
    };
    let hosts = BoundHosts::of(connection);
    let json = serde_json::to_string(&hosts).expect("a map of strings always serialises");
    store.set(
        &SecretId::bound_hosts(&workspace.local_identity().secrets_id, name),
        &Sensitive::new(json),
    )?;
    Ok(())
}

/// The binding as stored, `None` when there is none. An entry that does not read as one binds nothing, so every
/// endpoint counts as moved and the person is asked.
fn read_bound(store: &SecretStore, workspace_id: &str, name: &str) -> Result<Option<BoundHosts>> {
    Ok(store
        .get(&SecretId::bound_hosts(workspace_id, name))?
        .map(|json| serde_json::from_str(json.expose()).unwrap_or_default()))
}

/// Whether the keyring holds anything of connection `name` that a request could carry: a secret input or a
/// token.
fn holds_secrets(store: &SecretStore, workspace_id: &str, name: &str, kind: &str) -> Result<bool> {
    if store.has(&SecretId::token(workspace_id, name))? {
        return Ok(true);
    }
    let Some(kind) = connection_kind(kind) else {
        return Ok(false);
    };
    for input in kind.inputs.iter().filter(|input| input.secret) {
        if store.has(&SecretId::input(workspace_id, name, input.key))? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The sentence [`Error::HostChanged`] shows: the connection, each moved endpoint with its old and new host, and
/// what to do.
pub(crate) fn describe_host_change(connection: &str, changes: &[HostChange]) -> String {
    let moved: Vec<String> = changes
        .iter()
        .map(|change| {
            let was = match &change.bound_host {
                Some(host) => format!("its secrets were stored for {host}"),
                None => "its secrets were stored without a record of their host".to_string(),
            };
            format!(
                "the {} {} is on {}, but {was}",
                change.setting, change.url, change.new_host
            )
        })
        .collect();
    format!(
        "The connection \"{connection}\" points to a different host than its stored secrets belong to: {}. \
         Nothing was sent. If you made this change, confirm it (Blocksmith asks; on the command line add \
         --allow-host-change): the stored token is dropped and you connect again. Otherwise restore the URL \
         in blocksmith.json.",
        moved.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn definition(inputs: &[(&str, &str)]) -> ConnectionDefinition {
        ConnectionDefinition {
            name: "Acme".into(),
            kind: "authorizationcode".into(),
            inputs: inputs
                .iter()
                .map(|(key, value)| (key.to_string(), value.to_string()))
                .collect(),
        }
    }

    #[test]
    fn an_origin_is_scheme_host_and_a_port_other_than_the_default() {
        assert_eq!(
            origin_of("https://login.acme.com/oauth/token?x=1").as_deref(),
            Some("https://login.acme.com")
        );
        assert_eq!(
            origin_of("https://login.acme.com:443/token").as_deref(),
            Some("https://login.acme.com")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:4010/token").as_deref(),
            Some("http://127.0.0.1:4010")
        );
        assert_eq!(origin_of("not a url"), None);
    }

    #[test]
    fn a_moved_or_added_endpoint_is_a_change_and_a_removed_one_is_not() {
        let before = definition(&[
            ("authorizeUrl", "https://login.acme.com/authorize"),
            ("tokenUrl", "https://login.acme.com/token"),
        ]);
        let bound = BoundHosts::of(&before);

        let same_host_other_path = definition(&[
            ("authorizeUrl", "https://login.acme.com/v2/authorize"),
            ("tokenUrl", "https://login.acme.com/v2/token"),
        ]);
        assert!(bound
            .changes_to(
                &same_host_other_path,
                &BoundHosts::of(&same_host_other_path)
            )
            .is_empty());

        let moved = definition(&[
            ("authorizeUrl", "https://login.acme.com/authorize"),
            ("tokenUrl", "https://acme.com.evil.example/token"),
            ("revocationUrl", "https://login.acme.com:8443/revoke"),
        ]);
        let changes = bound.changes_to(&moved, &BoundHosts::of(&moved));
        assert_eq!(
            changes,
            vec![
                HostChange {
                    setting: "Token URL".into(),
                    url: "https://acme.com.evil.example/token".into(),
                    bound_host: Some("https://login.acme.com".into()),
                    new_host: "https://acme.com.evil.example".into(),
                },
                HostChange {
                    setting: "Revocation URL".into(),
                    url: "https://login.acme.com:8443/revoke".into(),
                    bound_host: None,
                    new_host: "https://login.acme.com:8443".into(),
                },
            ]
        );

        let removed = definition(&[("tokenUrl", "https://login.acme.com/token")]);
        assert!(bound
            .changes_to(&removed, &BoundHosts::of(&removed))
            .is_empty());
    }

    #[test]
    fn the_message_names_the_connection_the_url_both_hosts_and_what_to_do() {
        let message = describe_host_change(
            "Acme",
            &[HostChange {
                setting: "Token URL".into(),
                url: "https://evil.example/token".into(),
                bound_host: Some("https://login.acme.com".into()),
                new_host: "https://evil.example".into(),
            }],
        );
        for expected in [
            "\"Acme\"",
            "Token URL https://evil.example/token",
            "on https://evil.example",
            "stored for https://login.acme.com",
            "Nothing was sent",
            "--allow-host-change",
            "blocksmith.json",
        ] {
            assert!(message.contains(expected), "{expected}: {message}");
        }
    }
}
