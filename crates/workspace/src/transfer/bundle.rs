//! The Blocksmith bundle: one pretty-printed JSON file holding a workspace (or one flow) for a colleague to
//! import: config variables, connection definitions (non-secret inputs only), execution settings, blocks
//! with their sources and sample inputs, and flows; on request, each block's test cases (their recorded HTTP
//! included, which never holds a secret: see the session's block tests). Keys come in a fixed order so two
//! exports of the same workspace are the same file.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::error::{ExportError, ExportResult};
use super::incoming::{ImportFormat, Incoming, IncomingBlock, IncomingFlow};
use super::scope::{flow_block_ids, non_secret_inputs, selected_flows};
use crate::manifest::{BlockKind, ConfigVar, ConnectionDefinition, Flow};
use crate::names::{check_block_id, quoted_id};
use crate::workspace::{CaseOwner, Workspace};

/// The bundle format version this Blocksmith writes and reads.
pub const BUNDLE_VERSION: u32 = 1;
pub(crate) const VERSION_FIELD: &str = "blocksmithBundle";

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Bundle {
    blocksmith_bundle: u32,
    name: String,
    config_vars: Vec<ConfigVar>,
    connections: Vec<ConnectionDefinition>,
    execution: serde_json::Map<String, Value>,
    blocks: Vec<BundleBlock>,
    flows: Vec<Flow>,
    /// The test cases of whole flow runs, by flow, when the export asked for tests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    flow_tests: Vec<BundleFlowTests>,
}

/// A flow's own test cases (`tests/_flows/<flow slug>/`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BundleFlowTests {
    flow: String,
    tests: Vec<BundleTestCase>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BundleBlock {
    id: String,
    name: String,
    kind: BlockKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    timeout_ms: Option<u32>,
    source: String,
    /// The block's saved run input: a trigger's `payload`, an action's `stepResults`.
    sample: Value,
    /// The block's test cases (`tests/<block id>/<case id>.json`), when the export asked for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tests: Vec<BundleTestCase>,
}

/// One test case file, carried as it is on disk.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BundleTestCase {
    /// The case's file name without `.json`.
    id: String,
    case: Value,
}

/// The workspace, or only `flow` (with every config variable and connection, which its blocks may read), as
/// a bundle.
pub fn export_bundle(workspace: &Workspace, flow: Option<&str>) -> ExportResult<String> {
    write_bundle(workspace, flow, false)
}

/// [`export_bundle`] with each block's test cases riding along (their cassettes hold no secret).
pub fn export_bundle_with_tests(workspace: &Workspace, flow: Option<&str>) -> ExportResult<String> {
    write_bundle(workspace, flow, true)
}

fn write_bundle(
    workspace: &Workspace,
    flow: Option<&str>,
    include_tests: bool,
) -> ExportResult<String> {
    let manifest = workspace.manifest();
    let flows = selected_flows(manifest, flow)?;
    let mut blocks = Vec::new();
    for flow in &flows {
        for id in flow_block_ids(flow) {
            let block = workspace.block(id)?;
            blocks.push(BundleBlock {
                id: block.id.clone(),
                name: block.name.clone(),
                kind: block.kind,
                timeout_ms: block.timeout_ms,
                source: workspace.read_block_source(id)?,
                sample: workspace.read_sample(id)?,
                tests: if include_tests {
                    bundle_tests(workspace, CaseOwner::Block(id))?
                } else {
                    Vec::new()
                },
            });
        }
    }
    let mut flow_tests = Vec::new();
    if include_tests {
        for flow in &flows {
            let tests = bundle_tests(workspace, CaseOwner::Flow(&flow.name))?;
            if !tests.is_empty() {
                flow_tests.push(BundleFlowTests {
                    flow: flow.name.clone(),
                    tests,
                });
            }
        }
    }
    let bundle = Bundle {
        blocksmith_bundle: BUNDLE_VERSION,
        name: manifest.name.clone(),
        config_vars: manifest.config_vars.clone(),
        connections: manifest
            .connections
            .iter()
            .map(|connection| ConnectionDefinition {
                inputs: non_secret_inputs(connection),
                ..connection.clone()
            })
            .collect(),
        execution: manifest.execution.as_object().cloned().unwrap_or_default(),
        blocks,
        flows: flows.into_iter().cloned().collect(),
        flow_tests,
    };
    let mut text = serde_json::to_string_pretty(&bundle).expect("a bundle always serialises");
    text.push('\n');
    Ok(text)
}

/// The test case files of a block or a flow, in id order.
fn bundle_tests(workspace: &Workspace, owner: CaseOwner<'_>) -> ExportResult<Vec<BundleTestCase>> {
    let mut tests = Vec::new();
    for id in workspace.test_case_ids(owner)? {
        let case = workspace.read_test_case(owner, &id)?;
        tests.push(BundleTestCase { id, case });
    }
    Ok(tests)
}

/// The file as JSON; a file cut off part way is told apart from one that is not JSON at all.
pub(crate) fn parse_json(file: &str, text: &str) -> ExportResult<Value> {
    serde_json::from_str(text).map_err(|err| {
        if err.is_eof() {
            ExportError::Truncated {
                file: file.to_string(),
                reason: format!(
                    "the JSON stops at line {} before it is complete",
                    err.line()
                ),
            }
        } else {
            ExportError::NotAnImport {
                file: file.to_string(),
                reason: format!("it is not valid JSON ({err})"),
            }
        }
    })
}

pub(crate) fn parse_bundle(file: &str, json: Value, text: &str) -> ExportResult<Incoming> {
    let version = json
        .get(VERSION_FIELD)
        .ok_or_else(|| ExportError::NotAnImport {
            file: file.to_string(),
            reason: format!("it is JSON but has no \"{VERSION_FIELD}\" field"),
        })?;
    if version.as_u64() != Some(u64::from(BUNDLE_VERSION)) {
        return Err(ExportError::UnsupportedVersion {
            file: file.to_string(),
            what: "bundle version",
            found: version.to_string(),
            supported: BUNDLE_VERSION,
        });
    }
    let bundle: Bundle = serde_json::from_str(text).map_err(|err| {
        ExportError::invalid(
            file,
            format!("the bundle is not complete or not well formed ({err})"),
        )
    })?;
    incoming_from_bundle(file, bundle)
}

/// A block's test cases from the bundle: each id must be a file name inside the workspace (a hostile one is
/// refused, as a block's is) and each case a JSON object.
fn incoming_tests(
    file: &str,
    owner: &str,
    tests: Vec<BundleTestCase>,
) -> ExportResult<Vec<(String, Value)>> {
    let mut checked: Vec<(String, Value)> = Vec::with_capacity(tests.len());
    for test in tests {
        if let Err(problem) = check_block_id(&test.id) {
            return Err(ExportError::invalid(
                file,
                format!(
                    "{owner} carries a test case with id {}, which is not a file name inside the workspace: {problem}",
                    quoted_id(&test.id)
                ),
            ));
        }
        if !test.case.is_object() {
            return Err(ExportError::invalid(
                file,
                format!(
                    "the test case \"{}\" of {owner} is not a JSON object",
                    test.id
                ),
            ));
        }
        if checked.iter().any(|(id, _)| *id == test.id) {
            return Err(ExportError::invalid(
                file,
                format!("{owner} carries two test cases with the id \"{}\"", test.id),
            ));
        }
        checked.push((test.id, test.case));
    }
    Ok(checked)
}

/// Resolves the flows' block ids against the bundle's blocks: every flow names a trigger block then action
/// blocks, and every block belongs to exactly one flow.
fn incoming_from_bundle(file: &str, bundle: Bundle) -> ExportResult<Incoming> {
    let mut blocks: Vec<Option<BundleBlock>> = Vec::with_capacity(bundle.blocks.len());
    for block in bundle.blocks {
        // A block's id becomes a file name in the importing workspace only when it is free there, but a hostile
        // one is refused outright: the file is not what it claims to be.
        if let Err(problem) = check_block_id(&block.id) {
            return Err(ExportError::invalid(
                file,
                format!(
                    "the bundle names a block with id {}, which is not a file name inside the workspace: {problem} (Blocksmith makes ids like \"code-block-2\")",
                    quoted_id(&block.id)
                ),
            ));
        }
        if blocks.iter().flatten().any(|b| b.id == block.id) {
            return Err(ExportError::invalid(
                file,
                format!("two blocks have the id \"{}\"", block.id),
            ));
        }
        blocks.push(Some(block));
    }
    let mut take = |flow: &str, id: &str, kind: BlockKind| -> ExportResult<IncomingBlock> {
        let slot = blocks
            .iter_mut()
            .find(|slot| slot.as_ref().is_some_and(|b| b.id == id))
            .ok_or_else(|| {
                ExportError::invalid(file, format!("the flow \"{flow}\" names a block \"{id}\" that the bundle does not hold, or that another flow already uses"))
            })?;
        let block = slot.take().expect("the slot was found holding a block");
        if block.kind != kind {
            let expected = if kind == BlockKind::Trigger {
                "a trigger"
            } else {
                "an action"
            };
            return Err(ExportError::invalid(
                file,
                format!(
                    "the block \"{}\" of the flow \"{flow}\" should be {expected}",
                    block.name
                ),
            ));
        }
        let tests = incoming_tests(file, &format!("the block \"{}\"", block.name), block.tests)?;
        Ok(IncomingBlock {
            original_id: Some(block.id),
            name: block.name,
            kind: block.kind,
            timeout_ms: block.timeout_ms,
            source: block.source,
            sample: Some(block.sample),
            tests,
        })
    };
    let mut flow_tests = bundle.flow_tests;
    let mut flows = Vec::new();
    for flow in bundle.flows {
        let tests = match flow_tests.iter().position(|tests| tests.flow == flow.name) {
            Some(index) => incoming_tests(
                file,
                &format!("the flow \"{}\"", flow.name),
                flow_tests.swap_remove(index).tests,
            )?,
            None => Vec::new(),
        };
        let trigger = take(&flow.name, &flow.trigger, BlockKind::Trigger)?;
        let steps = flow
            .steps
            .iter()
            .map(|id| take(&flow.name, id, BlockKind::Action))
            .collect::<ExportResult<Vec<_>>>()?;
        flows.push(IncomingFlow {
            name: flow.name,
            trigger,
            steps,
            schemas: flow.schemas,
            tests,
        });
    }
    if let Some(orphan) = flow_tests.first() {
        return Err(ExportError::invalid(
            file,
            format!(
                "it carries test cases of a flow \"{}\" that the bundle does not hold",
                orphan.flow
            ),
        ));
    }
    if let Some(unused) = blocks.into_iter().flatten().next() {
        return Err(ExportError::invalid(
            file,
            format!("the block \"{}\" belongs to no flow", unused.name),
        ));
    }
    Ok(Incoming {
        format: ImportFormat::Bundle,
        config_vars: bundle.config_vars,
        connections: bundle.connections,
        execution: bundle.execution,
        flows,
    })
}
