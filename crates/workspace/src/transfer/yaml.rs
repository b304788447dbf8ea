//! The platform's integration YAML (what its CLI imports, `definitionVersion: 7`): each flow's blocks as
//! Code connector steps (a `runCodeTrigger` trigger, then `runCode` actions) with the source as the `code`
//! input, config variables and connections as `requiredConfigVars`, and one config page listing them.
//! Sources are written as block scalars (`value: |`) so a changed line is a one-line diff.
//! Reading it back accepts the same shape: Code connector steps, string config variables and Code connector
//! connections; anything else is refused with a message naming it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_norway::Value as YamlValue;

use super::connection_use::config_var_names_read;
use super::error::{ExportError, ExportResult};
use super::incoming::{ImportFormat, Incoming, IncomingBlock, IncomingFlow};
use super::scope::{flow_block_ids, non_secret_inputs, selected_flows};
use crate::flow_schemas::FlowSchema;
use crate::manifest::{BlockKind, ConfigVar, ConnectionDefinition};
use crate::workspace::Workspace;

/// The integration definition version this Blocksmith writes and reads.
pub const DEFINITION_VERSION: u32 = 7;

const CODE_COMPONENT: &str = "code";
const TRIGGER_ACTION: &str = "runCodeTrigger";
const STEP_ACTION: &str = "runCode";
const CODE_INPUT: &str = "code";
/// The input name the platform's own steps use to reference their connection config variable.
const CONNECTION_INPUT: &str = "connection";
const CONFIG_PAGE_NAME: &str = "Configuration";
const STRING_TYPE: &str = "string";
const CONNECTION_TYPE: &str = "connection";
const VALUE_INPUT: &str = "value";
const CONFIG_VAR_INPUT: &str = "configVar";

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Integration {
    definition_version: u32,
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    config_pages: Vec<ConfigPage>,
    flows: Vec<YamlFlow>,
    #[serde(default)]
    required_config_vars: Vec<RequiredConfigVar>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ConfigPage {
    name: String,
    elements: Vec<ConfigPageElement>,
}

#[derive(Debug, Serialize, Deserialize)]
struct ConfigPageElement {
    #[serde(rename = "type")]
    kind: String,
    value: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct YamlFlow {
    name: String,
    #[serde(default)]
    description: String,
    steps: Vec<Step>,
    /// The flow's JSON schemas, as Blocksmith keeps them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    schemas: BTreeMap<String, FlowSchema>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Step {
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default, skip_serializing_if = "is_false")]
    is_trigger: bool,
    action: ActionRef,
    #[serde(default)]
    inputs: BTreeMap<String, Input>,
    /// A loop's or branch's inner steps: not something a code block has, so an import refuses them.
    #[serde(default, skip_serializing)]
    steps: Option<YamlValue>,
    #[serde(default, skip_serializing)]
    branches: Option<YamlValue>,
}

#[derive(Debug, Serialize, Deserialize)]
struct ActionRef {
    component: ComponentRef,
    key: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ComponentRef {
    key: String,
    is_public: bool,
    version: YamlValue,
}

impl ComponentRef {
    fn code() -> Self {
        ComponentRef {
            key: CODE_COMPONENT.to_string(),
            is_public: true,
            version: YamlValue::String("LATEST".to_string()),
        }
    }
}

/// A step or connection input: `{type: value, value: …}` or `{type: configVar, value: <config var name>}`.
#[derive(Debug, Serialize, Deserialize)]
struct Input {
    #[serde(rename = "type")]
    kind: String,
    value: YamlValue,
}

impl Input {
    fn value(text: &str) -> Self {
        Input {
            kind: VALUE_INPUT.to_string(),
            value: YamlValue::String(text.to_string()),
        }
    }

    fn config_var(name: &str) -> Self {
        Input {
            kind: CONFIG_VAR_INPUT.to_string(),
            value: YamlValue::String(name.to_string()),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RequiredConfigVar {
    key: String,
    data_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    default_value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    connection: Option<ActionRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    inputs: Option<BTreeMap<String, Input>>,
}

fn is_false(value: &bool) -> bool {
    !value
}

/// The workspace, or only `flow`, as integration YAML. Every config variable and connection is listed, since
/// any block may read them; a step whose source reads a connection by name references it as its
/// `connection` input (`connection 2`, … for further ones).
pub fn export_integration_yaml(workspace: &Workspace, flow: Option<&str>) -> ExportResult<String> {
    let manifest = workspace.manifest();
    let mut flows = Vec::new();
    for flow in selected_flows(manifest, flow)? {
        let mut steps = Vec::new();
        for id in flow_block_ids(flow) {
            let block = workspace.block(id)?;
            let source = workspace.read_block_source(id)?;
            let is_trigger = block.kind == BlockKind::Trigger;
            let mut inputs = BTreeMap::from([(CODE_INPUT.to_string(), Input::value(&source))]);
            let read = config_var_names_read(&source);
            let used = manifest
                .connections
                .iter()
                .filter(|c| read.contains(&c.name));
            for (index, connection) in used.enumerate() {
                let key = match index {
                    0 => CONNECTION_INPUT.to_string(),
                    n => format!("{CONNECTION_INPUT}{}", n + 1),
                };
                inputs.insert(key, Input::config_var(&connection.name));
            }
            steps.push(Step {
                name: block.name.clone(),
                description: String::new(),
                is_trigger,
                action: ActionRef {
                    component: ComponentRef::code(),
                    key: if is_trigger {
                        TRIGGER_ACTION
                    } else {
                        STEP_ACTION
                    }
                    .to_string(),
                },
                inputs,
                steps: None,
                branches: None,
            });
        }
        flows.push(YamlFlow {
            name: flow.name.clone(),
            description: String::new(),
            steps,
            schemas: flow.schemas.clone(),
        });
    }
    let required_config_vars: Vec<RequiredConfigVar> = manifest
        .config_vars
        .iter()
        .map(|var| RequiredConfigVar {
            key: var.name.clone(),
            data_type: STRING_TYPE.to_string(),
            default_value: Some(var.value.clone()),
            connection: None,
            inputs: None,
        })
        .chain(manifest.connections.iter().map(|connection| {
            RequiredConfigVar {
                key: connection.name.clone(),
                data_type: CONNECTION_TYPE.to_string(),
                default_value: None,
                connection: Some(ActionRef {
                    component: ComponentRef::code(),
                    key: connection.kind.clone(),
                }),
                inputs: Some(
                    non_secret_inputs(connection)
                        .iter()
                        .map(|(key, value)| (key.clone(), Input::value(value)))
                        .collect(),
                ),
            }
        }))
        .collect();
    let config_pages = if required_config_vars.is_empty() {
        Vec::new()
    } else {
        vec![ConfigPage {
            name: CONFIG_PAGE_NAME.to_string(),
            elements: required_config_vars
                .iter()
                .map(|var| ConfigPageElement {
                    kind: CONFIG_VAR_INPUT.to_string(),
                    value: var.key.clone(),
                })
                .collect(),
        }]
    };
    let integration = Integration {
        definition_version: DEFINITION_VERSION,
        name: manifest.name.clone(),
        description: String::new(),
        config_pages,
        flows,
        required_config_vars,
    };
    Ok(serde_norway::to_string(&integration).expect("an integration always serialises"))
}

/// Reads an integration YAML of the shape [`export_integration_yaml`] writes.
pub(crate) fn parse_integration(file: &str, text: &str) -> ExportResult<Incoming> {
    let document: YamlValue = serde_norway::from_str(text).map_err(|err| yaml_error(file, &err))?;
    let YamlValue::Mapping(fields) = &document else {
        return Err(ExportError::NotAnImport {
            file: file.to_string(),
            reason: "it holds a single value, not the fields of a bundle or an integration"
                .to_string(),
        });
    };
    let version = fields.get("definitionVersion").ok_or_else(|| ExportError::NotAnImport {
        file: file.to_string(),
        reason: "it is YAML but has no definitionVersion field, so it is not an integration definition".to_string(),
    })?;
    if version.as_u64() != Some(u64::from(DEFINITION_VERSION)) {
        return Err(ExportError::UnsupportedVersion {
            file: file.to_string(),
            what: "integration definitionVersion",
            found: serde_norway::to_string(version)
                .unwrap_or_default()
                .trim()
                .to_string(),
            supported: DEFINITION_VERSION,
        });
    }
    let integration: Integration = serde_norway::from_str(text).map_err(|err| {
        ExportError::invalid(
            file,
            format!("the integration is not complete or not well formed ({err})"),
        )
    })?;
    incoming_from_integration(file, integration)
}

fn yaml_error(file: &str, err: &serde_norway::Error) -> ExportError {
    let message = err.to_string();
    if message.contains("end of stream") {
        ExportError::Truncated {
            file: file.to_string(),
            reason: format!("the YAML stops before it is complete: {message}"),
        }
    } else {
        ExportError::NotAnImport {
            file: file.to_string(),
            reason: format!("it is not valid YAML ({message})"),
        }
    }
}

fn incoming_from_integration(file: &str, integration: Integration) -> ExportResult<Incoming> {
    let mut config_vars = Vec::new();
    let mut connections = Vec::new();
    for var in integration.required_config_vars {
        match var.data_type.as_str() {
            STRING_TYPE => config_vars.push(ConfigVar {
                name: var.key,
                value: var.default_value.unwrap_or_default(),
            }),
            CONNECTION_TYPE => connections.push(connection_from(file, var)?),
            other => {
                return Err(ExportError::invalid(
                    file,
                    format!("the config variable \"{}\" has the data type \"{other}\"; Blocksmith imports string config variables and Code connector connections only", var.key),
                ))
            }
        }
    }
    let mut flows = Vec::new();
    for flow in integration.flows {
        let mut steps = flow.steps.into_iter();
        let first = steps.next().ok_or_else(|| {
            ExportError::invalid(
                file,
                format!(
                    "the flow \"{}\" has no steps, not even a trigger",
                    flow.name
                ),
            )
        })?;
        let trigger = block_from(file, &flow.name, first, BlockKind::Trigger)?;
        let steps = steps
            .map(|step| block_from(file, &flow.name, step, BlockKind::Action))
            .collect::<ExportResult<Vec<_>>>()?;
        flows.push(IncomingFlow {
            name: flow.name,
            trigger,
            steps,
            schemas: flow.schemas,
            tests: Vec::new(),
        });
    }
    Ok(Incoming {
        format: ImportFormat::IntegrationYaml,
        config_vars,
        connections,
        execution: serde_json::Map::new(),
        flows,
    })
}

fn connection_from(file: &str, var: RequiredConfigVar) -> ExportResult<ConnectionDefinition> {
    let name = var.key;
    let connection = var.connection.ok_or_else(|| {
        ExportError::invalid(file, format!("the connection \"{name}\" does not say which connection kind it is (its connection field is missing)"))
    })?;
    if connection.component.key != CODE_COMPONENT {
        return Err(ExportError::invalid(
            file,
            format!("the connection \"{name}\" belongs to the \"{}\" connector; Blocksmith imports Code connector connections only", connection.component.key),
        ));
    }
    let mut inputs = BTreeMap::new();
    for (key, input) in var.inputs.unwrap_or_default() {
        let value = match (input.kind.as_str(), input.value) {
            (VALUE_INPUT, YamlValue::String(text)) => text,
            (VALUE_INPUT, YamlValue::Null) => String::new(),
            _ => {
                return Err(ExportError::invalid(
                    file,
                    format!(
                    "the input \"{key}\" of the connection \"{name}\" is not a plain text value"
                ),
                ))
            }
        };
        inputs.insert(key, value);
    }
    Ok(ConnectionDefinition {
        name,
        kind: connection.key,
        inputs,
    })
}

/// A Code connector step as a block; its connection references are not kept, since they follow from the
/// source's `configVars` reads and are written again on export.
fn block_from(file: &str, flow: &str, step: Step, kind: BlockKind) -> ExportResult<IncomingBlock> {
    let expected = if kind == BlockKind::Trigger {
        TRIGGER_ACTION
    } else {
        STEP_ACTION
    };
    let name = step.name;
    if step.action.component.key != CODE_COMPONENT || step.action.key != expected {
        let position = if kind == BlockKind::Trigger {
            "trigger"
        } else {
            "step"
        };
        return Err(ExportError::invalid(
            file,
            format!(
                "the {position} \"{name}\" of the flow \"{flow}\" runs the \"{}\" action of the \"{}\" connector; Blocksmith imports Code connector flows only (a {expected} trigger, then {STEP_ACTION} steps)",
                step.action.key, step.action.component.key
            ),
        ));
    }
    if step.is_trigger && kind != BlockKind::Trigger {
        return Err(ExportError::invalid(file, format!("the step \"{name}\" of the flow \"{flow}\" is marked as a trigger but is not the first step")));
    }
    if step.steps.is_some() || step.branches.is_some() {
        return Err(ExportError::invalid(file, format!("the step \"{name}\" of the flow \"{flow}\" has inner steps or branches, which a code block cannot have")));
    }
    let source = match step.inputs.get(CODE_INPUT) {
        Some(Input { kind, value: YamlValue::String(source) }) if kind == VALUE_INPUT => source.clone(),
        _ => {
            return Err(ExportError::invalid(
                file,
                format!("the step \"{name}\" of the flow \"{flow}\" has no code (its inputs need code: {{type: value, value: <source>}})"),
            ))
        }
    };
    Ok(IncomingBlock {
        original_id: None,
        name,
        kind,
        timeout_ms: None,
        source,
        sample: None,
        tests: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(source: &str) -> (String, String) {
        let text = serde_norway::to_string(&Input::value(source)).unwrap();
        let read: Input = serde_norway::from_str(&text).unwrap();
        (text, read.value.as_str().unwrap().to_string())
    }

    #[test]
    fn awkward_sources_come_back_byte_for_byte() {
        for source in [
            "no newline at the end",
            "one line\n",
            "\tindented with a tab\n",
            "trailing spaces   \nnext\n",
            "  leading spaces\n\n\nblank lines at the end\n\n",
            "# looks like a comment: and a mapping\n- and a list\n",
            "quotes ' \" and a backslash \\\n",
        ] {
            let (text, read) = round_trip(source);
            assert_eq!(read, source, "{text}");
        }
    }

    #[test]
    fn ordinary_multi_line_code_is_a_literal_block() {
        let (text, _) = round_trip("const a = 1;\n  return a;\n");
        assert_eq!(
            text,
            "type: value\nvalue: |\n  const a = 1;\n    return a;\n"
        );
    }
}
