//! Which keyring entry holds which secret: the stable account names of Blocksmith's entries.
//!
//! Every secret belongs to one connection of one workspace. Its account name is
//! `{workspace}/{connection}/{input key}`, a connection's OAuth token lives at
//! `{workspace}/{connection}/#token`, and the hosts its secrets were stored for at
//! `{workspace}/{connection}/#hosts`. The names must never change between versions, or stored
//! secrets become unreachable. Each part is escaped (`%` → `%25`, `/` → `%2F`, `#` → `%23`) so
//! that a connection called `a/b` cannot collide with another one, and no input key can pose as
//! the token.

use crate::error::{Error, Result};

/// The account-name suffix of a connection's OAuth token entry.
const TOKEN_SUFFIX: &str = "#token";
/// The account-name suffix of the entry naming the hosts a connection's secrets belong to.
const BOUND_HOSTS_SUFFIX: &str = "#hosts";

/// Which of a connection's secrets an entry holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot<'a> {
    /// A secret input of the connection, by its input key (`apiKey`, `clientSecret`, …).
    Input(&'a str),
    /// The connection's OAuth token response, stored as a JSON string.
    Token,
    /// The hosts (scheme, host and port) of the connection's OAuth endpoints when its secrets and
    /// token were stored, as a JSON object. Kept in the keyring rather than the workspace so that
    /// editing the shared manifest cannot move them along with a changed URL.
    BoundHosts,
}

/// Names one secret: a slot of a connection in a workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SecretId<'a> {
    pub workspace: &'a str,
    pub connection: &'a str,
    pub slot: Slot<'a>,
}

impl<'a> SecretId<'a> {
    /// A secret input of a connection.
    pub fn input(workspace: &'a str, connection: &'a str, input_key: &'a str) -> Self {
        Self {
            workspace,
            connection,
            slot: Slot::Input(input_key),
        }
    }

    /// A connection's OAuth token.
    pub fn token(workspace: &'a str, connection: &'a str) -> Self {
        Self {
            workspace,
            connection,
            slot: Slot::Token,
        }
    }

    /// The hosts a connection's secrets were stored for.
    pub fn bound_hosts(workspace: &'a str, connection: &'a str) -> Self {
        Self {
            workspace,
            connection,
            slot: Slot::BoundHosts,
        }
    }

    /// The same slot under another connection name (used when renaming a connection).
    pub fn with_connection(self, connection: &'a str) -> Self {
        Self { connection, ..self }
    }

    /// The keyring account name of this secret. Fails when a part is empty, because an empty part
    /// would make two different secrets share one entry.
    pub fn account(&self) -> Result<String> {
        let workspace = escape_part("workspace id", self.workspace)?;
        let connection = escape_part("connection name", self.connection)?;
        let last = match self.slot {
            Slot::Input(key) => escape_part("input key", key)?,
            Slot::Token => TOKEN_SUFFIX.to_owned(),
            Slot::BoundHosts => BOUND_HOSTS_SUFFIX.to_owned(),
        };
        Ok(format!("{workspace}/{connection}/{last}"))
    }
}

/// Every slot of a connection: its secret inputs, then its token and the hosts they are bound to.
pub(crate) fn connection_slots<'a>(input_keys: &[&'a str]) -> Vec<Slot<'a>> {
    input_keys
        .iter()
        .map(|key| Slot::Input(key))
        .chain([Slot::Token, Slot::BoundHosts])
        .collect()
}

fn escape_part(what: &'static str, part: &str) -> Result<String> {
    if part.is_empty() {
        return Err(Error::EmptyName { what });
    }
    let mut escaped = String::with_capacity(part.len());
    for character in part.chars() {
        match character {
            '%' => escaped.push_str("%25"),
            '/' => escaped.push_str("%2F"),
            '#' => escaped.push_str("%23"),
            other => escaped.push(other),
        }
    }
    Ok(escaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_account_joins_the_parts_with_slashes() {
        let id = SecretId::input("ws-1", "Stripe", "apiKey");
        assert_eq!(id.account().unwrap(), "ws-1/Stripe/apiKey");
    }

    #[test]
    fn token_account_ends_with_the_token_suffix() {
        let id = SecretId::token("ws-1", "Google Drive");
        assert_eq!(id.account().unwrap(), "ws-1/Google Drive/#token");
    }

    #[test]
    fn slashes_in_names_cannot_make_two_secrets_collide() {
        let left = SecretId::input("ws", "a/b", "c").account().unwrap();
        let right = SecretId::input("ws", "a", "b/c").account().unwrap();
        assert_ne!(left, right);
        assert_eq!(left, "ws/a%2Fb/c");
        assert_eq!(right, "ws/a/b%2Fc");
    }

    #[test]
    fn an_input_key_cannot_pose_as_the_token() {
        let input = SecretId::input("ws", "conn", "#token").account().unwrap();
        let token = SecretId::token("ws", "conn").account().unwrap();
        assert_ne!(input, token);
        assert_eq!(input, "ws/conn/%23token");
    }

    #[test]
    fn an_input_key_cannot_pose_as_the_bound_hosts() {
        let input = SecretId::input("ws", "conn", "#hosts").account().unwrap();
        let hosts = SecretId::bound_hosts("ws", "conn").account().unwrap();
        assert_ne!(input, hosts);
        assert_eq!(hosts, "ws/conn/#hosts");
    }

    #[test]
    fn escaping_is_reversible_so_percent_signs_stay_distinct() {
        let literal = SecretId::input("ws", "100%2F", "k").account().unwrap();
        let slash = SecretId::input("ws", "100/", "k").account().unwrap();
        assert_ne!(literal, slash);
        assert_eq!(literal, "ws/100%252F/k");
    }

    #[test]
    fn unicode_names_are_kept_as_they_are() {
        let id = SecretId::input("ワークスペース", "Café API", "apiKey");
        assert_eq!(id.account().unwrap(), "ワークスペース/Café API/apiKey");
    }

    #[test]
    fn empty_parts_are_refused_with_the_part_named() {
        let error = SecretId::input("ws", "", "apiKey").account().unwrap_err();
        assert!(matches!(
            error,
            Error::EmptyName {
                what: "connection name"
            }
        ));
        assert!(error.to_string().contains("connection name"));
        assert!(SecretId::input("", "c", "k").account().is_err());
        assert!(SecretId::input("w", "c", "").account().is_err());
        assert!(SecretId::token("w", "c").account().is_ok());
    }

    #[test]
    fn with_connection_keeps_the_slot() {
        let id = SecretId::input("ws", "old", "password").with_connection("new");
        assert_eq!(id, SecretId::input("ws", "new", "password"));
    }

    #[test]
    fn connection_slots_list_inputs_then_the_token_and_its_hosts() {
        assert_eq!(
            connection_slots(&["clientSecret", "headers"]),
            vec![
                Slot::Input("clientSecret"),
                Slot::Input("headers"),
                Slot::Token,
                Slot::BoundHosts
            ]
        );
    }
}
