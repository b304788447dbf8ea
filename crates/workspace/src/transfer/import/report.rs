//! What an import tells the person afterwards: what it added, what was already there, what it renamed, and
//! which connections still need their secrets.

use serde::Serialize;

use crate::connection_kinds::connection_kind;
use crate::manifest::ConnectionDefinition;
use crate::transfer::error::ClashKind;
use crate::transfer::incoming::ImportFormat;

/// What an import added, and what the person still has to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub format: ImportFormat,
    /// The flows added, by their names in the workspace (after any renaming).
    pub flows: Vec<String>,
    pub config_vars: Vec<String>,
    pub connections: Vec<String>,
    /// Incoming config variables and connections identical to ones the workspace already had: kept as they were.
    pub already_present: Vec<String>,
    pub renamed: Vec<Renamed>,
    /// The connections added: none has its secrets, which must be entered (and OAuth ones authorized).
    pub connections_needing_secrets: Vec<ConnectionSecretsNeeded>,
    /// `Connection name.inputKey` of secret values the file carried; they were dropped, never stored.
    pub dropped_secret_values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Renamed {
    pub kind: ClashKind,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ConnectionSecretsNeeded {
    pub name: String,
    pub kind: String,
    /// The kind's secret input keys (`apiKey`, `password`, …).
    pub secret_inputs: Vec<String>,
    /// An OAuth kind: its token comes from authorizing again.
    pub needs_authorization: bool,
}

impl ImportReport {
    pub(crate) fn empty(format: ImportFormat) -> Self {
        ImportReport {
            format,
            flows: Vec::new(),
            config_vars: Vec::new(),
            connections: Vec::new(),
            already_present: Vec::new(),
            renamed: Vec::new(),
            connections_needing_secrets: Vec::new(),
            dropped_secret_values: Vec::new(),
        }
    }
}

/// The secrets a newly added connection still needs; `None` for a kind this Blocksmith does not know.
pub(crate) fn secrets_needed(connection: &ConnectionDefinition) -> Option<ConnectionSecretsNeeded> {
    let kind = connection_kind(&connection.kind)?;
    Some(ConnectionSecretsNeeded {
        name: connection.name.clone(),
        kind: connection.kind.clone(),
        secret_inputs: kind
            .inputs
            .iter()
            .filter(|input| input.secret)
            .map(|input| input.key.to_string())
            .collect(),
        needs_authorization: kind.oauth,
    })
}
