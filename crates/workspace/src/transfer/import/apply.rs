//! Writing a checked import plan: the new block files first (none of them existed, so a failure part way
//! removes them and leaves the workspace as it was), then the manifest naming them, then the samples, which
//! the workspace only accepts for blocks its manifest names, and the test cases a bundle carried.

use super::plan::ImportPlan;
use super::report::ImportReport;
use crate::transfer::error::ExportResult;
use crate::workspace::{CaseOwner, Workspace};

pub(crate) fn apply_import(
    workspace: &mut Workspace,
    plan: ImportPlan,
) -> ExportResult<ImportReport> {
    let ImportPlan {
        manifest,
        block_files,
        samples,
        tests,
        flow_tests,
        report,
    } = plan;
    let written = (|| {
        for (id, source) in &block_files {
            workspace.write_block_file(id, source)?;
        }
        workspace.replace_manifest(manifest)
    })();
    if let Err(err) = written {
        for (id, _) in &block_files {
            // Only files this import created are removed: their ids were free before it started.
            workspace.remove_block_file(id);
        }
        return Err(err.into());
    }
    for (id, sample) in &samples {
        workspace.save_sample(id, sample)?;
    }
    for (block_id, case_id, case) in &tests {
        workspace.save_test_case(CaseOwner::Block(block_id), case_id, case)?;
    }
    for (flow, case_id, case) in &flow_tests {
        workspace.save_test_case(CaseOwner::Flow(flow), case_id, case)?;
    }
    Ok(report)
}
