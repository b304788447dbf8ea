//! Config variable and connection definition edits (connections keep their non-secret inputs only; secrets
//! live in the OS keyring). Blocks read both through `configVars`.

use super::Workspace;
use crate::error::{Error, Result};
use crate::manifest::{ConfigVar, ConnectionDefinition};
use crate::names::clean_name;

impl Workspace {
    /// Sets a config variable, adding it at the end when new.
    pub fn set_config_var(&mut self, name: &str, value: &str) -> Result<()> {
        self.transact(|ws| ws.set_config_var_now(name, value))
    }

    fn set_config_var_now(&mut self, name: &str, value: &str) -> Result<()> {
        let name = clean_name("config variable", name)?;
        match self
            .manifest
            .config_vars
            .iter_mut()
            .find(|var| var.name == name)
        {
            Some(var) => var.value = value.to_string(),
            None => self.manifest.config_vars.push(ConfigVar {
                name,
                value: value.to_string(),
            }),
        }
        self.save_manifest()
    }

    /// Removes a config variable; returns whether it existed.
    pub fn remove_config_var(&mut self, name: &str) -> Result<bool> {
        self.transact(|ws| ws.remove_config_var_now(name))
    }

    fn remove_config_var_now(&mut self, name: &str) -> Result<bool> {
        let before = self.manifest.config_vars.len();
        self.manifest.config_vars.retain(|var| var.name != name);
        let removed = self.manifest.config_vars.len() != before;
        if removed {
            self.save_manifest()?;
        }
        Ok(removed)
    }

    /// Adds or replaces a connection definition (non-secret inputs only).
    pub fn put_connection(&mut self, definition: ConnectionDefinition) -> Result<()> {
        self.transact(|ws| ws.put_connection_now(definition))
    }

    fn put_connection_now(&mut self, definition: ConnectionDefinition) -> Result<()> {
        match self
            .manifest
            .connections
            .iter_mut()
            .find(|c| c.name == definition.name)
        {
            Some(existing) => *existing = definition,
            None => self.manifest.connections.push(definition),
        }
        self.save_manifest()
    }

    /// Replaces the connection named `name` with `definition` (which may carry a new name), in place.
    pub fn replace_connection(
        &mut self,
        name: &str,
        definition: ConnectionDefinition,
    ) -> Result<()> {
        self.transact(|ws| {
            let slot = ws
                .manifest
                .connections
                .iter_mut()
                .find(|c| c.name == name)
                .ok_or_else(|| {
                    Error::InvalidName(format!("There is no connection named \"{name}\"."))
                })?;
            *slot = definition;
            ws.save_manifest()
        })
    }

    /// Removes a connection definition; returns the removed definition when it existed.
    pub fn remove_connection(&mut self, name: &str) -> Result<Option<ConnectionDefinition>> {
        self.transact(|ws| ws.remove_connection_now(name))
    }

    fn remove_connection_now(&mut self, name: &str) -> Result<Option<ConnectionDefinition>> {
        let Some(index) = self
            .manifest
            .connections
            .iter()
            .position(|c| c.name == name)
        else {
            return Ok(None);
        };
        let removed = self.manifest.connections.remove(index);
        self.save_manifest()?;
        Ok(Some(removed))
    }
}
