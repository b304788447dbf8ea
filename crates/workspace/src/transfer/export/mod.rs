//! Export: what a person asks to get out of a workspace ([`ExportRequest`]) and the text it produces, in one
//! of four formats: a block's `.js` source, the platform's integration YAML, a Blocksmith bundle, or the
//! TypeScript declarations of a block's `context` (to type a block written or checked in TypeScript).

mod javascript;

use std::str::FromStr;

use serde::Serialize;

use crate::manifest::{Block, Flow, Manifest};
use crate::names::slug;
use crate::transfer::bundle::{export_bundle, export_bundle_with_tests};
use crate::transfer::error::{ExportError, ExportResult};
use crate::transfer::scope::{flow_block_ids, selected_flows};
use crate::transfer::yaml::export_integration_yaml;
use crate::workspace::Workspace;

pub use javascript::export_block_source;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    /// One block's source, as saved.
    JavaScript,
    /// The platform's integration YAML (`definitionVersion: 7`).
    IntegrationYaml,
    /// A Blocksmith bundle: one JSON file for a colleague to import.
    Bundle,
    /// `blocksmith-context.d.ts`: the type of the `context` every block receives, generated from the one
    /// definition of its members (the same for every block, so `flow` and `block` are not needed).
    ContextTypes,
}

impl ExportFormat {
    /// The name used by the CLI's `--format`.
    pub fn cli_name(self) -> &'static str {
        match self {
            ExportFormat::JavaScript => "js",
            ExportFormat::IntegrationYaml => "yaml",
            ExportFormat::Bundle => "bundle",
            ExportFormat::ContextTypes => "dts",
        }
    }
}

impl FromStr for ExportFormat {
    type Err = ExportError;

    fn from_str(name: &str) -> ExportResult<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "js" | "javascript" => Ok(ExportFormat::JavaScript),
            "yaml" | "yml" => Ok(ExportFormat::IntegrationYaml),
            "bundle" => Ok(ExportFormat::Bundle),
            "dts" | "d.ts" => Ok(ExportFormat::ContextTypes),
            _ => Err(ExportError::UnknownFormat(name.to_string())),
        }
    }
}

/// What to export: a block (JavaScript, by its display name, within `flow` when names repeat across flows),
/// or a flow or the whole workspace (YAML and bundle; `flow: None` is the whole workspace).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ExportRequest {
    pub format: ExportFormat,
    pub flow: Option<String>,
    pub block: Option<String>,
    /// Bundle only: carry each block's test cases (with their cassettes, which never hold a secret). The
    /// platform's YAML never carries them.
    #[serde(default)]
    pub include_tests: bool,
}

/// An export's text and the file name a save dialog or `-o` default should offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    pub contents: String,
    pub file_name: String,
}

/// Exports what `request` names; the CLI's `export` command and the app's Export menu both call this.
pub fn export(workspace: &Workspace, request: &ExportRequest) -> ExportResult<Exported> {
    let flow = request.flow.as_deref();
    match request.format {
        ExportFormat::JavaScript => {
            let name = request.block.as_deref().ok_or(ExportError::BlockRequired)?;
            let block = find_block(workspace.manifest(), flow, name)?;
            Ok(Exported {
                contents: export_block_source(workspace, &block.id)?,
                file_name: format!("{}.js", block.id),
            })
        }
        ExportFormat::IntegrationYaml | ExportFormat::Bundle if request.block.is_some() => {
            Err(ExportError::BlockNotAllowed(request.format.cli_name()))
        }
        format if request.include_tests && format != ExportFormat::Bundle => {
            Err(ExportError::TestsNotAllowed(format.cli_name()))
        }
        ExportFormat::IntegrationYaml => Ok(Exported {
            contents: export_integration_yaml(workspace, flow)?,
            file_name: format!("{}.yml", export_stem(workspace, flow)),
        }),
        ExportFormat::Bundle => Ok(Exported {
            contents: if request.include_tests {
                export_bundle_with_tests(workspace, flow)?
            } else {
                export_bundle(workspace, flow)?
            },
            file_name: format!("{}.blocksmith.json", export_stem(workspace, flow)),
        }),
        ExportFormat::ContextTypes => Ok(Exported {
            contents: blocksmith_context::declaration_file(),
            file_name: blocksmith_context::DECLARATION_FILE_NAME.to_string(),
        }),
    }
}

/// The block with this display name, looked up in `flow` when given, otherwise across all flows (an error
/// when two flows have a block of that name).
pub fn find_block<'m>(
    manifest: &'m Manifest,
    flow: Option<&str>,
    name: &str,
) -> ExportResult<&'m Block> {
    let flows = selected_flows(manifest, flow)?;
    let matches: Vec<(&Flow, &Block)> = flows
        .into_iter()
        .flat_map(|flow| flow_block_ids(flow).map(move |id| (flow, id)))
        .filter_map(|(flow, id)| manifest.block(id).map(|block| (flow, block)))
        .filter(|(_, block)| block.name == name)
        .collect();
    match matches.as_slice() {
        [] => Err(ExportError::BlockNotFound(name.to_string())),
        [(_, block)] => Ok(block),
        _ => Err(ExportError::AmbiguousBlock {
            name: name.to_string(),
            flows: matches.iter().map(|(flow, _)| flow.name.clone()).collect(),
        }),
    }
}

fn export_stem(workspace: &Workspace, flow: Option<&str>) -> String {
    slug(flow.unwrap_or(&workspace.manifest().name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_from_their_cli_names() {
        for format in [
            ExportFormat::JavaScript,
            ExportFormat::IntegrationYaml,
            ExportFormat::Bundle,
            ExportFormat::ContextTypes,
        ] {
            assert_eq!(format.cli_name().parse::<ExportFormat>().unwrap(), format);
        }
        let err = "zip".parse::<ExportFormat>().unwrap_err();
        assert!(matches!(err, ExportError::UnknownFormat(_)));
        assert!(err.to_string().contains("js, yaml, bundle or dts"), "{err}");
    }
}
