//! The workspace manifest (`blocksmith.json`): config variables, connection definitions (non-secret inputs
//! only), execution settings, blocks and flows. Pretty-printed with a stable key order so it diffs well
//! under version control.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::flow_schemas::FlowSchema;

use crate::names::{check_block_id, quoted_id, BlockIdProblem};

pub const MANIFEST_FILE: &str = "blocksmith.json";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub format: u32,
    /// The workspace's name for itself in exports and imports. It is shared with every copy of the folder, so it
    /// never keys secrets: those are keyed by the local identity (`Workspace::local_identity`).
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub config_vars: Vec<ConfigVar>,
    #[serde(default)]
    pub connections: Vec<ConnectionDefinition>,
    /// Overrides of the run context's values (`customer`, `instance`, `user`, `integration`, `webhookUrls`, …).
    #[serde(default = "empty_object")]
    #[cfg_attr(feature = "specta", specta(type = serde_json::Value))]
    pub execution: Value,
    #[serde(default)]
    pub blocks: Vec<Block>,
    #[serde(default)]
    pub flows: Vec<Flow>,
}

fn empty_object() -> Value {
    Value::Object(Map::new())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ConfigVar {
    pub name: String,
    pub value: String,
}

/// A connection's definition: its kind and non-secret inputs. Secret inputs are in the OS keyring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ConnectionDefinition {
    pub name: String,
    /// The connection kind's key: `apikey`, `apikeysecret`, `basic`, `authorizationcode`,
    /// `clientcredentials` or `privatekey`.
    pub kind: String,
    #[serde(default)]
    pub inputs: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum BlockKind {
    Action,
    Trigger,
}

/// A block: one `.js` file under `blocks/`, named `<id>.js`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Block {
    pub id: String,
    /// The display name; flows' `stepResults` use its camelCased form.
    pub name: String,
    pub kind: BlockKind,
    /// The block's own time limit; the default (30 s) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_ms: Option<u32>,
}

/// What the platform runs: one trigger block, then action steps in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Flow {
    pub name: String,
    /// The trigger block's id.
    pub trigger: String,
    /// The action blocks' ids, in run order.
    #[serde(default)]
    pub steps: Vec<String>,
    /// The flow's JSON schemas by name (`invoke`: what it takes when invoked), as the platform's flow
    /// definition declares them; blocks read them, completed, in `context.flowSchemas`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub schemas: BTreeMap<String, FlowSchema>,
}

/// A manifest entry whose block id would name a file outside the workspace (see [`Manifest::unsafe_block_id`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsafeBlockId {
    /// How the manifest names it: `names a block with id`, `has a flow "Flow 1" with the step`, …
    pub entry: String,
    /// The id quoted and escaped for a message.
    pub id: String,
    pub problem: BlockIdProblem,
}

impl Manifest {
    pub fn block(&self, id: &str) -> Option<&Block> {
        self.blocks.iter().find(|block| block.id == id)
    }

    pub fn flow(&self, name: &str) -> Option<&Flow> {
        self.flows.iter().find(|flow| flow.name == name)
    }

    /// The flow a block belongs to (as its trigger or as a step).
    pub fn flow_of_block(&self, block_id: &str) -> Option<&Flow> {
        self.flows
            .iter()
            .find(|flow| flow.trigger == block_id || flow.steps.iter().any(|s| s == block_id))
    }

    /// The first block id that is not a plain file-name stem, with the entry that names it. Every block id
    /// becomes a file name (`blocks/<id>.js`, `samples/<id>.json`), and a flow's trigger and steps name the
    /// files a run reads and a deletion removes, so all of them are checked before any is used.
    pub fn unsafe_block_id(&self) -> Option<UnsafeBlockId> {
        let blocks = self
            .blocks
            .iter()
            .map(|block| ("names a block with id".to_string(), &block.id));
        let flows = self.flows.iter().flat_map(|flow| {
            let trigger = (
                format!("has a flow {} whose trigger is", quoted_id(&flow.name)),
                &flow.trigger,
            );
            let steps = flow.steps.iter().map(move |step| {
                (
                    format!("has a flow {} with the step", quoted_id(&flow.name)),
                    step,
                )
            });
            std::iter::once(trigger).chain(steps)
        });
        blocks.chain(flows).find_map(|(entry, id)| {
            check_block_id(id).err().map(|problem| UnsafeBlockId {
                entry,
                id: quoted_id(id),
                problem,
            })
        })
    }

    /// `configVars` as blocks see it, without connections (their secrets come from the keyring).
    pub fn config_vars_json(&self) -> Map<String, Value> {
        self.config_vars
            .iter()
            .map(|var| (var.name.clone(), Value::String(var.value.clone())))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minimal_manifest_gets_defaults_for_missing_lists() {
        let manifest: Manifest =
            serde_json::from_str(r#"{"format":1,"id":"w","name":"W"}"#).unwrap();
        assert!(manifest.blocks.is_empty() && manifest.flows.is_empty());
        assert_eq!(manifest.execution, serde_json::json!({}));
    }

    #[test]
    fn config_vars_keep_their_order_and_values() {
        let manifest: Manifest = serde_json::from_str(
            r#"{"format":1,"id":"w","name":"W","configVars":[{"name":"B","value":"2"},{"name":"A","value":"1"}]}"#,
        )
        .unwrap();
        let json = serde_json::to_string(&manifest.config_vars_json()).unwrap();
        assert_eq!(json, r#"{"B":"2","A":"1"}"#);
    }

    #[test]
    fn every_block_id_and_every_flow_reference_is_checked() {
        let manifest = |blocks: &str, trigger: &str, step: &str| -> Manifest {
            serde_json::from_value(serde_json::json!({
                "format": 1, "id": "w", "name": "W",
                "blocks": [
                    { "id": blocks, "name": "T", "kind": "trigger" },
                    { "id": "step", "name": "S", "kind": "action" }
                ],
                "flows": [{ "name": "Flow 1", "trigger": trigger, "steps": [step] }]
            }))
            .unwrap()
        };
        assert_eq!(manifest("t", "t", "step").unsafe_block_id(), None);

        let bad = manifest("../../a", "t", "step").unsafe_block_id().unwrap();
        assert_eq!(bad.entry, "names a block with id");
        assert_eq!(bad.id, "\"../../a\"");
        assert_eq!(bad.problem, BlockIdProblem::Separator);

        let bad = manifest("t", "/etc/x", "step").unsafe_block_id().unwrap();
        assert_eq!(bad.entry, "has a flow \"Flow 1\" whose trigger is");
        assert_eq!(bad.problem, BlockIdProblem::AbsolutePath);

        let bad = manifest("t", "t", ".hidden").unsafe_block_id().unwrap();
        assert_eq!(bad.entry, "has a flow \"Flow 1\" with the step");
        assert_eq!(bad.problem, BlockIdProblem::LeadingDot);
    }
}
