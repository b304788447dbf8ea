//! A block exported as JavaScript: its `.js` source exactly as saved, byte for byte, ready to paste into the
//! platform's code step or commit.

use crate::transfer::error::ExportResult;
use crate::workspace::Workspace;

/// The saved source of the block with this id.
pub fn export_block_source(workspace: &Workspace, block_id: &str) -> ExportResult<String> {
    Ok(workspace.read_block_source(block_id)?)
}
