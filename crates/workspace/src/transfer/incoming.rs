//! What an import file brings in, in one neutral shape whatever its format: the bundle and YAML readers
//! produce it, and the import checks, plans and writes it.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::flow_schemas::FlowSchema;
use crate::manifest::{BlockKind, ConfigVar, ConnectionDefinition};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum ImportFormat {
    Bundle,
    IntegrationYaml,
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
    pub schemas: BTreeMap<String, FlowSchema>,
    /// The flow's own test case files (id, contents); only a bundle carries them.
    pub tests: Vec<(String, Value)>,
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
    /// Test case files (id, contents) to write under `tests/<the block's new id>/`; only a bundle carries them.
    pub tests: Vec<(String, Value)>,
}
