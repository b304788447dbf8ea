//! The session's connection calls: listing, saving and removing connections (secrets go to the OS keyring),
//! revealing one secret, and the OAuth endpoints' host changes a person confirms.

use blocksmith_secrets::Sensitive;

use super::Session;
use crate::connections::{
    list_connections, no_secrets_here_notice, remove_connection, reveal_secret, save_connection,
    save_connection_confirming_host_change, ConnectionDraft, ConnectionView,
};
use crate::error::Result;
use crate::host_binding::{self, ConnectionHostChange, HostChange};

impl Session {
    /// Every connection, with which secrets are stored (never their values). A workspace without connections
    /// does not open the keyring.
    pub fn connections(&self) -> Result<Vec<ConnectionView>> {
        let workspace = self.snapshot()?;
        if workspace.manifest().connections.is_empty() {
            return Ok(Vec::new());
        }
        list_connections(&workspace, &self.keyring()?)
    }

    /// Creates (`original` `None`) or edits a connection; see [`save_connection`]. With `allow_host_change` (the
    /// person confirmed it), an OAuth endpoint may move to another host: the stored token is dropped and the new
    /// hosts are bound.
    pub fn save_connection(
        &self,
        original: Option<&str>,
        draft: ConnectionDraft,
        allow_host_change: bool,
    ) -> Result<()> {
        let store = self.keyring()?;
        self.with_workspace(|ws| {
            if allow_host_change {
                save_connection_confirming_host_change(ws, &store, original, draft)
            } else {
                save_connection(ws, &store, original, draft)
            }
        })
    }

    /// Deletes a connection and its keyring entries.
    pub fn remove_connection(&self, name: &str) -> Result<()> {
        let store = self.keyring()?;
        self.with_workspace(|ws| remove_connection(ws, &store, name))
    }

    /// The stored value of one secret input: only for a person who asked to see it.
    pub fn reveal_secret(
        &self,
        connection: &str,
        input_key: &str,
    ) -> Result<Option<Sensitive<String>>> {
        let workspace = self.snapshot()?;
        reveal_secret(&workspace, &self.keyring()?, connection, input_key)
    }

    /// The sentence for connections that have nothing stored in this folder on this machine (a copied
    /// workspace); `None` when all is stored.
    pub fn no_secrets_here_notice(&self) -> Result<Option<String>> {
        Ok(no_secrets_here_notice(&self.connections()?))
    }

    /// The OAuth connections whose Authorize, Token or Revocation URL is no longer on the host their stored
    /// secrets belong to, each with its old and new hosts.
    pub fn host_changes(&self) -> Result<Vec<ConnectionHostChange>> {
        let workspace = self.snapshot()?;
        host_binding::all_host_changes(&workspace, &self.keyring()?)
    }

    /// The person confirmed connection `name`'s new hosts: its stored token is dropped (consent is needed
    /// again) and its secrets are bound to the hosts it has now. Answers with the hosts that moved.
    pub fn accept_host_change(&self, name: &str) -> Result<Vec<HostChange>> {
        let workspace = self.snapshot()?;
        host_binding::accept_host_change(&workspace, &self.keyring()?, name)
    }

    /// [`Session::accept_host_change`] for every connection whose hosts moved.
    pub fn accept_all_host_changes(&self) -> Result<Vec<ConnectionHostChange>> {
        let workspace = self.snapshot()?;
        if workspace.manifest().connections.is_empty() {
            return Ok(Vec::new());
        }
        host_binding::accept_all_host_changes(&workspace, &self.keyring()?)
    }
}
