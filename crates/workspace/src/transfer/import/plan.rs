//! Planning an import: the checked content merged into a copy of the workspace's manifest in memory, with
//! clashes found (and refused or renamed) and new block ids chosen, before anything is written.

use serde_json::Value;

use super::check::Checked;
use super::options::{ImportOptions, OnClash};
use super::rename::Renamer;
use super::report::{secrets_needed, ImportReport};
use crate::manifest::{Block, ConfigVar, ConnectionDefinition, Flow, Manifest};
use crate::names::{check_block_id, unique_id};
use crate::transfer::error::{Clash, ClashKind, ExportError, ExportResult};
use crate::transfer::incoming::{IncomingBlock, IncomingFlow};
use crate::workspace::Workspace;

/// Everything an import will write, worked out before anything is written.
#[derive(Debug)]
pub(crate) struct ImportPlan {
    pub manifest: Manifest,
    /// New block ids with their sources; none of these files exists yet.
    pub block_files: Vec<(String, String)>,
    pub samples: Vec<(String, Value)>,
    /// Test case files of blocks as (block id, case id, contents).
    pub tests: Vec<(String, String, Value)>,
    /// Test case files of whole flows as (the flow's name here, case id, contents).
    pub flow_tests: Vec<(String, String, Value)>,
    pub report: ImportReport,
}

/// Merges the checked content into a copy of the workspace's manifest, keeping the file's order.
pub(crate) fn plan_import(
    workspace: &Workspace,
    file: &str,
    incoming: Checked,
    options: ImportOptions,
) -> ExportResult<ImportPlan> {
    let current = workspace.manifest();
    let var_landings: Vec<Landing> = incoming
        .config_vars
        .iter()
        .map(|var| config_var_landing(current, var))
        .collect();
    let connection_landings: Vec<Landing> = incoming
        .connections
        .iter()
        .map(|(connection, _)| connection_landing(current, connection))
        .collect();
    let flow_landings: Vec<Landing> = incoming
        .flows
        .iter()
        .map(|flow| flow_landing(current, flow))
        .collect();

    let clashes: Vec<Clash> = clashes_of(
        ClashKind::ConfigVar,
        incoming.config_vars.iter().map(|v| &v.name),
        &var_landings,
    )
    .chain(clashes_of(
        ClashKind::Connection,
        incoming.connections.iter().map(|(c, _)| &c.name),
        &connection_landings,
    ))
    .chain(clashes_of(
        ClashKind::Flow,
        incoming.flows.iter().map(|f| &f.name),
        &flow_landings,
    ))
    .collect();
    if !clashes.is_empty() && options.on_clash == OnClash::Refuse {
        return Err(ExportError::Clashes { clashes });
    }

    let mut renamer = Renamer::new(file, current, &incoming);
    let mut manifest = current.clone();
    let mut report = ImportReport::empty(incoming.format);
    for (var, landing) in incoming.config_vars.into_iter().zip(var_landings) {
        let name = match landing {
            Landing::AlreadyPresent => {
                report.already_present.push(var.name);
                continue;
            }
            Landing::New => var.name,
            Landing::Clash => renamer.rename(ClashKind::ConfigVar, var.name)?,
        };
        report.config_vars.push(name.clone());
        manifest.config_vars.push(ConfigVar { name, ..var });
    }
    for ((connection, dropped), landing) in
        incoming.connections.into_iter().zip(connection_landings)
    {
        report.dropped_secret_values.extend(dropped);
        let name = match landing {
            Landing::AlreadyPresent => {
                report.already_present.push(connection.name);
                continue;
            }
            Landing::New => connection.name,
            Landing::Clash => renamer.rename(ClashKind::Connection, connection.name)?,
        };
        let connection = ConnectionDefinition { name, ..connection };
        report.connections.push(connection.name.clone());
        report
            .connections_needing_secrets
            .extend(secrets_needed(&connection));
        manifest.connections.push(connection);
    }
    merge_execution(&mut manifest.execution, incoming.execution);

    let mut block_files = Vec::new();
    let mut samples = Vec::new();
    let mut tests = Vec::new();
    let mut flow_tests = Vec::new();
    for (flow, landing) in incoming.flows.into_iter().zip(flow_landings) {
        let name = match landing {
            Landing::Clash => renamer.rename(ClashKind::Flow, flow.name)?,
            Landing::New | Landing::AlreadyPresent => flow.name,
        };
        report.flows.push(name.clone());
        for (case_id, case) in flow.tests {
            flow_tests.push((name.clone(), case_id, case));
        }
        let schemas = flow.schemas;
        let mut ids = Vec::new();
        for block in std::iter::once(flow.trigger).chain(flow.steps) {
            let id = new_block_id(workspace, &manifest, &block);
            manifest.blocks.push(Block {
                id: id.clone(),
                name: block.name,
                kind: block.kind,
                timeout_ms: block.timeout_ms,
            });
            if let Some(sample) = block.sample {
                samples.push((id.clone(), sample));
            }
            for (case_id, case) in block.tests {
                tests.push((id.clone(), case_id, case));
            }
            block_files.push((id.clone(), block.source));
            ids.push(id);
        }
        let mut ids = ids.into_iter();
        let trigger = ids.next().expect("every incoming flow has a trigger");
        manifest.flows.push(Flow {
            name,
            trigger,
            steps: ids.collect(),
            schemas,
        });
    }
    report.renamed = renamer.renamed;
    Ok(ImportPlan {
        manifest,
        block_files,
        samples,
        tests,
        flow_tests,
        report,
    })
}

/// How an incoming config variable, connection or flow lands in the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Landing {
    New,
    /// The workspace already has exactly this one: it is kept as it was.
    AlreadyPresent,
    /// The workspace has a different one of that name.
    Clash,
}

// Config variables and connections share blocks' `configVars`, so a name is taken by either.
fn config_var_landing(current: &Manifest, var: &ConfigVar) -> Landing {
    match current.config_vars.iter().find(|v| v.name == var.name) {
        Some(existing) if existing.value == var.value => Landing::AlreadyPresent,
        Some(_) => Landing::Clash,
        None if current.connections.iter().any(|c| c.name == var.name) => Landing::Clash,
        None => Landing::New,
    }
}

fn connection_landing(current: &Manifest, connection: &ConnectionDefinition) -> Landing {
    match current
        .connections
        .iter()
        .find(|c| c.name == connection.name)
    {
        Some(existing) if existing == connection => Landing::AlreadyPresent,
        Some(_) => Landing::Clash,
        None if current
            .config_vars
            .iter()
            .any(|v| v.name == connection.name) =>
        {
            Landing::Clash
        }
        None => Landing::New,
    }
}

fn flow_landing(current: &Manifest, flow: &IncomingFlow) -> Landing {
    if current.flow(&flow.name).is_some() {
        Landing::Clash
    } else {
        Landing::New
    }
}

fn clashes_of<'a>(
    kind: ClashKind,
    names: impl Iterator<Item = &'a String> + 'a,
    landings: &'a [Landing],
) -> impl Iterator<Item = Clash> + 'a {
    names
        .zip(landings)
        .filter(|(_, landing)| **landing == Landing::Clash)
        .map(move |(name, _)| Clash {
            kind,
            name: name.clone(),
        })
}

/// The block's original id when it is file-safe and free here, otherwise a new one from its name.
fn new_block_id(workspace: &Workspace, manifest: &Manifest, block: &IncomingBlock) -> String {
    let taken = |id: &str| {
        manifest.block(id).is_some() || std::fs::symlink_metadata(workspace.block_path(id)).is_ok()
    };
    match &block.original_id {
        // Ids from a bundle were checked when it was read (`bundle.rs`); one that is taken gets a new id.
        Some(id) if check_block_id(id).is_ok() && !taken(id) => id.clone(),
        _ => unique_id(&block.name, taken),
    }
}

/// Adds the incoming execution settings the workspace does not set itself; its own settings win.
fn merge_execution(execution: &mut Value, incoming: serde_json::Map<String, Value>) {
    if !execution.is_object() {
        *execution = Value::Object(serde_json::Map::new());
    }
    if let Value::Object(settings) = execution {
        for (key, value) in incoming {
            settings.entry(key).or_insert(value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workspace_keeps_its_own_execution_settings() {
        let mut execution = serde_json::json!({ "customer": { "name": "Ours" } });
        let incoming =
            serde_json::json!({ "customer": { "name": "Theirs" }, "user": { "name": "U" } });
        let Value::Object(incoming) = incoming else {
            unreachable!()
        };
        merge_execution(&mut execution, incoming);
        assert_eq!(
            execution,
            serde_json::json!({ "customer": { "name": "Ours" }, "user": { "name": "U" } })
        );
    }
}
