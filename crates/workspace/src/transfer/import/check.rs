//! Checking incoming content as a whole before anything is planned: names usable, nothing defined twice,
//! connections of known kinds with no unknown inputs, and secret values taken out (never stored).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::connection_kinds::connection_kind;
use crate::manifest::{ConfigVar, ConnectionDefinition};
use crate::names::clean_name;
use crate::transfer::error::{ExportError, ExportResult};
use crate::transfer::incoming::{ImportFormat, Incoming, IncomingBlock, IncomingFlow};

/// The incoming content after every check: names cleaned, no duplicates, connections of known kinds with
/// their secret inputs taken out (each with the list of dropped `Name.inputKey`).
pub(crate) struct Checked {
    pub format: ImportFormat,
    pub config_vars: Vec<ConfigVar>,
    pub connections: Vec<(ConnectionDefinition, Vec<String>)>,
    pub execution: serde_json::Map<String, Value>,
    pub flows: Vec<IncomingFlow>,
}

pub(crate) fn checked(file: &str, incoming: Incoming) -> ExportResult<Checked> {
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
        let schemas = flow.schemas;
        let tests = flow.tests;
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
            schemas,
            tests,
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
