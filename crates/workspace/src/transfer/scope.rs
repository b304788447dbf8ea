//! What an export covers and may carry, shared by the YAML and bundle writers: the flows it selects, each
//! flow's blocks in run order, and a connection's non-secret inputs.

use std::collections::BTreeMap;

use super::error::ExportResult;
use crate::connection_kinds::connection_kind;
use crate::manifest::{ConnectionDefinition, Flow, Manifest};

/// The flows an export covers: the named one, or every flow of the workspace.
pub(crate) fn selected_flows<'m>(
    manifest: &'m Manifest,
    flow: Option<&str>,
) -> ExportResult<Vec<&'m Flow>> {
    match flow {
        Some(name) => manifest
            .flow(name)
            .map(|flow| vec![flow])
            .ok_or_else(|| crate::Error::UnknownFlow(name.to_string()).into()),
        None => Ok(manifest.flows.iter().collect()),
    }
}

/// A flow's block ids in run order: the trigger, then the steps.
pub(crate) fn flow_block_ids(flow: &Flow) -> impl Iterator<Item = &String> {
    std::iter::once(&flow.trigger).chain(&flow.steps)
}

/// A connection's inputs that its kind declares non-secret. The manifest should hold nothing else, but an
/// export filters again so that a secret written there by mistake still never leaves the machine.
pub(crate) fn non_secret_inputs(connection: &ConnectionDefinition) -> BTreeMap<String, String> {
    let Some(kind) = connection_kind(&connection.kind) else {
        return BTreeMap::new();
    };
    connection
        .inputs
        .iter()
        .filter(|(key, _)| {
            kind.inputs
                .iter()
                .any(|input| input.key == key.as_str() && !input.secret)
        })
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}
