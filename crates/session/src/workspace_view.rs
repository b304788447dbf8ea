//! The workspace as a front end shows it: the manifest's entries without secrets, plus what only Rust can say
//! about them, so no front end keeps a copy of a rule (each block's `stepResults` key is one).

use blocksmith_runner::camel_case;
use blocksmith_workspace::{Block, ConfigVar, ConnectionDefinition, Flow, Workspace};
use serde::Serialize;

/// The workspace as the UI shows it. Connection definitions carry no secret values.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceView {
    pub path: String,
    pub name: String,
    pub config_vars: Vec<ConfigVar>,
    pub connections: Vec<ConnectionDefinition>,
    pub blocks: Vec<BlockView>,
    pub flows: Vec<Flow>,
}

/// A block, with the key a flow run gives its result in later steps' `stepResults`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct BlockView {
    #[serde(flatten)]
    pub block: Block,
    /// The block's display name camelCased as the platform does it ("Bob's Step" → `bobsStep`).
    pub step_key: String,
}

impl WorkspaceView {
    pub fn of(workspace: &Workspace) -> Self {
        let manifest = workspace.manifest();
        WorkspaceView {
            path: workspace.root().display().to_string(),
            name: manifest.name.clone(),
            config_vars: manifest.config_vars.clone(),
            connections: manifest.connections.clone(),
            blocks: manifest
                .blocks
                .iter()
                .map(|block| BlockView {
                    block: block.clone(),
                    step_key: camel_case(&block.name),
                })
                .collect(),
            flows: manifest.flows.clone(),
        }
    }
}
