//! Importing a bundle or an integration YAML into a workspace. The file is read into one neutral shape
//! ([`Incoming`]), checked whole, merged into a copy of the manifest in memory (new block ids, clashes
//! refused or renamed), and only then written: block files first, the manifest after them. A file that is
//! not of a known format, is cut off, or is inconsistent changes nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::error::{Clash, ClashKind, ExportError, ExportResult};
use super::{apply, bundle, yaml};
use crate::connection_kinds::connection_kind;
use crate::manifest::{Block, BlockKind, ConfigVar, ConnectionDefinition, Flow, Manifest};
use crate::names::{check_block_id, clean_name, unique_id};
use crate::workspace::Workspace;

/// What to do when an incoming flow, config variable or connection has the name of a different one already
/// in the workspace.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum OnClash {
    /// Import nothing and list the clashes.
    #[default]
    Refuse,
    /// Give the incoming ones a free name: "Flow 1 (2)", "Flow 1 (3)", …
    Rename,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ImportOptions {
    pub on_clash: OnClash,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum ImportFormat {
    Bundle,
    IntegrationYaml,
}

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

/// An import file's content in one shape, whatever its format.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Incoming {
    pub format: ImportFormat,
    pub config_vars: Vec<ConfigVar>,
    pub connections: Vec<ConnectionDefinition>,
    pub execution: serde_json::Map<String, Value>,
    pub flows: Vec<IncomingFlow>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IncomingFlow {
    pub name: String,
    pub trigger: IncomingBlock,
    pub steps: Vec<IncomingBlock>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IncomingBlock {
    /// The id the block had where it came from; kept when it is a free, file-safe id.
    pub original_id: Option<String>,
    pub name: String,
    pub kind: BlockKind,
    pub timeout_ms: Option<u32>,
    pub source: String,
    pub sample: Option<Value>,
}

/// Everything an import will write, worked out before anything is written.
#[derive(Debug)]
pub(crate) struct ImportPlan {
    pub manifest: Manifest,
    /// New block ids with their sources; none of these files exists yet.
    pub block_files: Vec<(String, String)>,
    pub samples: Vec<(String, Value)>,
    pub report: ImportReport,
}

/// Imports the file at `path`; its name appears in every error about it.
pub fn import_file(
    workspace: &mut Workspace,
    path: &Path,
    options: ImportOptions,
) -> ExportResult<ImportReport> {
    let bytes = std::fs::read(path).map_err(|source| ExportError::ReadFile {
        path: path.to_path_buf(),
        source,
    })?;
    let file = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|_| ExportError::NotAnImport {
        file: file.clone(),
        reason: "it is not a text file (it is not valid UTF-8)".to_string(),
    })?;
    import_str(workspace, &file, &text, options)
}

/// Imports a file's contents (a dropped file, a pasted text); `file_name` names it in errors.
pub fn import_str(
    workspace: &mut Workspace,
    file_name: &str,
    contents: &str,
    options: ImportOptions,
) -> ExportResult<ImportReport> {
    let incoming = read_incoming(file_name, contents)?;
    let plan = plan_import(workspace, file_name, incoming, options)?;
    apply::apply_import(workspace, plan)
}

/// Reads either format: a JSON object is a bundle (or, holding `definitionVersion`, an integration in YAML's
/// JSON form); anything else is read as YAML.
fn read_incoming(file: &str, text: &str) -> ExportResult<Incoming> {
    if text.trim().is_empty() {
        return Err(ExportError::NotAnImport {
            file: file.to_string(),
            reason: "it is empty".to_string(),
        });
    }
    if text.trim_start().starts_with('{') {
        let json = bundle::parse_json(file, text)?;
        if json.get("definitionVersion").is_some() && json.get(bundle::VERSION_FIELD).is_none() {
            return yaml::parse_integration(file, text);
        }
        return bundle::parse_bundle(file, json, text);
    }
    yaml::parse_integration(file, text)
}

/// Checks the incoming content and merges it into a copy of the workspace's manifest, keeping the file's order.
pub(crate) fn plan_import(
    workspace: &Workspace,
    file: &str,
    incoming: Incoming,
    options: ImportOptions,
) -> ExportResult<ImportPlan> {
    let incoming = checked(file, incoming)?;
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
    for (flow, landing) in incoming.flows.into_iter().zip(flow_landings) {
        let name = match landing {
            Landing::Clash => renamer.rename(ClashKind::Flow, flow.name)?,
            Landing::New | Landing::AlreadyPresent => flow.name,
        };
        report.flows.push(name.clone());
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
            block_files.push((id.clone(), block.source));
            ids.push(id);
        }
        let mut ids = ids.into_iter();
        let trigger = ids.next().expect("every incoming flow has a trigger");
        manifest.flows.push(Flow {
            name,
            trigger,
            steps: ids.collect(),
        });
    }
    report.renamed = renamer.renamed;
    Ok(ImportPlan {
        manifest,
        block_files,
        samples,
        report,
    })
}

impl ImportReport {
    fn empty(format: ImportFormat) -> Self {
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

/// Picks free names for clashing incoming items: free among the workspace's names and every incoming name,
/// so a renamed item never takes the name of another one in the same file.
struct Renamer<'f> {
    file: &'f str,
    taken_flow_names: BTreeSet<String>,
    taken_variable_names: BTreeSet<String>,
    renamed: Vec<Renamed>,
}

impl<'f> Renamer<'f> {
    fn new(file: &'f str, current: &Manifest, incoming: &Checked) -> Self {
        let taken_flow_names = current
            .flows
            .iter()
            .map(|f| f.name.clone())
            .chain(incoming.flows.iter().map(|f| f.name.clone()))
            .collect();
        let taken_variable_names = current
            .config_vars
            .iter()
            .map(|v| v.name.clone())
            .chain(current.connections.iter().map(|c| c.name.clone()))
            .chain(incoming.config_vars.iter().map(|v| v.name.clone()))
            .chain(incoming.connections.iter().map(|(c, _)| c.name.clone()))
            .collect();
        Renamer {
            file,
            taken_flow_names,
            taken_variable_names,
            renamed: Vec::new(),
        }
    }

    /// "Name (2)", "Name (3)", …: the first free one.
    fn rename(&mut self, kind: ClashKind, name: String) -> ExportResult<String> {
        let (taken, what) = match kind {
            ClashKind::Flow => (&mut self.taken_flow_names, "flow"),
            ClashKind::ConfigVar => (&mut self.taken_variable_names, "config variable"),
            ClashKind::Connection => (&mut self.taken_variable_names, "connection"),
        };
        let new_name = (2..)
            .map(|n| format!("{name} ({n})"))
            .find(|candidate| !taken.contains(candidate))
            .expect("an unbounded counter always finds a free name");
        clean_name(what, &new_name).map_err(|err| {
            ExportError::invalid(
                self.file,
                format!("\"{name}\" cannot be renamed to \"{new_name}\": {err}"),
            )
        })?;
        taken.insert(new_name.clone());
        self.renamed.push(Renamed {
            kind,
            from: name,
            to: new_name.clone(),
        });
        Ok(new_name)
    }
}

/// The incoming content after every check: names cleaned, no duplicates, connections of known kinds with
/// their secret inputs taken out (each with the list of dropped `Name.inputKey`).
struct Checked {
    format: ImportFormat,
    config_vars: Vec<ConfigVar>,
    connections: Vec<(ConnectionDefinition, Vec<String>)>,
    execution: serde_json::Map<String, Value>,
    flows: Vec<IncomingFlow>,
}

fn checked(file: &str, incoming: Incoming) -> ExportResult<Checked> {
    let usable = |what: &str, name: &str| {
        clean_name(what, name)
            .map_err(|err| ExportError::invalid(file, format!("\"{name}\": {err}")))
    };
    let mut variable_names = BTreeSet::new();
    let mut config_vars = Vec::new();
    for var in incoming.config_vars {
        let name = usable("config variable", &var.name)?;
        if !variable_names.insert(name.clone()) {
            return Err(ExportError::invalid(
                file,
                format!("the config variable or connection \"{name}\" is defined twice"),
            ));
        }
        config_vars.push(ConfigVar {
            name,
            value: var.value,
        });
    }
    let mut connections = Vec::new();
    for connection in incoming.connections {
        let name = usable("connection", &connection.name)?;
        if !variable_names.insert(name.clone()) {
            return Err(ExportError::invalid(
                file,
                format!("the config variable or connection \"{name}\" is defined twice"),
            ));
        }
        let kind = connection_kind(&connection.kind).ok_or_else(|| {
            ExportError::invalid(
                file,
                format!(
                    "the connection \"{name}\" is of kind \"{}\", which the Code connector does not have (apikey, apikeysecret, basic, authorizationcode, clientcredentials, privatekey)",
                    connection.kind
                ),
            )
        })?;
        let mut inputs = BTreeMap::new();
        let mut dropped = Vec::new();
        for (key, value) in connection.inputs {
            let definition = kind
                .inputs
                .iter()
                .find(|input| input.key == key)
                .ok_or_else(|| {
                    ExportError::invalid(
                        file,
                        format!(
                            "the connection \"{name}\" ({}) has no input \"{key}\"",
                            kind.label
                        ),
                    )
                })?;
            if definition.secret {
                if !value.is_empty() {
                    dropped.push(format!("{name}.{key}"));
                }
            } else {
                inputs.insert(key, value);
            }
        }
        connections.push((
            ConnectionDefinition {
                name,
                kind: connection.kind,
                inputs,
            },
            dropped,
        ));
    }
    let mut flow_names = BTreeSet::new();
    let mut flows = Vec::new();
    for flow in incoming.flows {
        let name = usable("flow", &flow.name)?;
        if !flow_names.insert(name.clone()) {
            return Err(ExportError::invalid(
                file,
                format!("the flow \"{name}\" is defined twice"),
            ));
        }
        let mut step_names = BTreeSet::new();
        let mut blocks = Vec::new();
        for block in std::iter::once(flow.trigger).chain(flow.steps) {
            let block_name = usable("step", &block.name)?;
            if !step_names.insert(block_name.clone()) {
                return Err(ExportError::invalid(
                    file,
                    format!("the flow \"{name}\" has two steps named \"{block_name}\"; step names must be unique within a flow"),
                ));
            }
            blocks.push(IncomingBlock {
                name: block_name,
                ..block
            });
        }
        let mut blocks = blocks.into_iter();
        let trigger = blocks.next().expect("the trigger was chained first");
        flows.push(IncomingFlow {
            name,
            trigger,
            steps: blocks.collect(),
        });
    }
    Ok(Checked {
        format: incoming.format,
        config_vars,
        connections,
        execution: incoming.execution,
        flows,
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

fn secrets_needed(connection: &ConnectionDefinition) -> Option<ConnectionSecretsNeeded> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest_with_flow(name: &str) -> Manifest {
        serde_json::from_value(serde_json::json!({
            "format": 1, "id": "w", "name": "W",
            "blocks": [{ "id": "t", "name": "Trigger", "kind": "trigger" }],
            "flows": [{ "name": name, "trigger": "t", "steps": [] }]
        }))
        .unwrap()
    }

    fn incoming_flow(name: &str) -> IncomingFlow {
        IncomingFlow {
            name: name.to_string(),
            trigger: IncomingBlock {
                original_id: None,
                name: "Trigger".to_string(),
                kind: BlockKind::Trigger,
                timeout_ms: None,
                source: String::new(),
                sample: None,
            },
            steps: Vec::new(),
        }
    }

    #[test]
    fn a_renamed_flow_skips_names_the_same_file_brings() {
        let current = manifest_with_flow("Flow 1");
        let incoming = Checked {
            format: ImportFormat::Bundle,
            config_vars: Vec::new(),
            connections: Vec::new(),
            execution: serde_json::Map::new(),
            flows: vec![incoming_flow("Flow 1"), incoming_flow("Flow 1 (2)")],
        };
        let mut renamer = Renamer::new("f", &current, &incoming);
        assert_eq!(
            renamer
                .rename(ClashKind::Flow, "Flow 1".to_string())
                .unwrap(),
            "Flow 1 (3)"
        );
        assert_eq!(
            renamer
                .rename(ClashKind::Flow, "Flow 1".to_string())
                .unwrap(),
            "Flow 1 (4)"
        );
        assert_eq!(renamer.renamed.len(), 2);
    }

    #[test]
    fn a_name_too_long_to_rename_is_a_clear_error() {
        let long = "x".repeat(100);
        let current = manifest_with_flow(&long);
        let incoming = Checked {
            format: ImportFormat::Bundle,
            config_vars: Vec::new(),
            connections: Vec::new(),
            execution: serde_json::Map::new(),
            flows: vec![incoming_flow(&long)],
        };
        let err = Renamer::new("shared.json", &current, &incoming)
            .rename(ClashKind::Flow, long)
            .unwrap_err();
        assert!(matches!(
            err,
            crate::export::ExportError::InvalidContent { .. }
        ));
        assert!(err.to_string().contains("at most 100 characters"), "{err}");
    }

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
