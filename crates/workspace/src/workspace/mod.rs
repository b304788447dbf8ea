//! A workspace folder: the [`Workspace`] handle, its accessors and its one door to the folder's files. The
//! rest is split by concern: `open` (opening and creating, with the seed templates), `block_files` (block
//! sources and samples), `run_state` (state persisted between runs), `flows` (flow and step edits) and
//! `config_vars` (config variable and connection edits), `test_cases` (block and flow test case files). Each change is saved at once with atomic writes;
//! block files are written before the manifest names them and removed only after the manifest no longer
//! does, so a crash between the two steps leaves at worst an orphan file, never a manifest naming a missing
//! block.
//!
//! The folder's contents are untrusted (a clone, a zip): the manifest's block ids are checked when it is read,
//! and every file is reached through [`path_inside_workspace`], so neither an id nor a symbolic link can make
//! the workspace read, write or delete a file outside its folder.

mod block_files;
mod breakpoints;
mod config_vars;
mod flows;
mod open;
mod run_state;
mod test_cases;

pub use breakpoints::SavedBreakpoint;
pub(crate) use open::new_workspace_id;
pub use test_cases::{flow_slug_folder, CaseOwner};

use std::fs;
use std::path::{Path, PathBuf};

use crate::atomic::write_atomic;
use crate::error::{Error, Result};
use crate::inside::{path_inside_workspace, Access};
use crate::local_identity::LocalIdentity;
use crate::manifest::{Block, Manifest, MANIFEST_FILE};

#[derive(Debug, Clone)]
pub struct Workspace {
    /// The folder as the person named it, for display and for comparing with what they open next.
    root: PathBuf,
    /// The same folder with every symbolic link resolved: what "inside the workspace" is measured against.
    canonical_root: PathBuf,
    manifest: Manifest,
    local: LocalIdentity,
}

impl Workspace {
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// What only this machine knows of the folder: the id its keyring entries are keyed by (never the
    /// manifest's `id`, which any folder can copy) and its webhook token.
    pub fn local_identity(&self) -> &LocalIdentity {
        &self.local
    }

    pub fn block(&self, id: &str) -> Result<&Block> {
        self.manifest
            .block(id)
            .ok_or_else(|| Error::UnknownBlock(id.to_string()))
    }

    /// Replaces the whole manifest (an import); the block files it names must already be written.
    pub(crate) fn replace_manifest(&mut self, manifest: Manifest) -> Result<()> {
        self.transact(|ws| {
            ws.manifest = manifest;
            ws.save_manifest()
        })
    }

    /// `relative` (a file under `dir`) inside the workspace, written atomically; `dir` is made when missing.
    fn write_inside(&self, dir: &str, relative: &Path, contents: &[u8]) -> Result<()> {
        let dir = self.inside(dir, Access::ReadOrWrite)?;
        fs::create_dir_all(&dir).map_err(|err| Error::io("create", &dir, err))?;
        write_atomic(&self.inside(relative, Access::ReadOrWrite)?, contents)
    }

    /// The one door to the folder's files: `relative` under the workspace, refused when a symbolic link on
    /// the way leads outside (see `inside.rs`).
    fn inside(&self, relative: impl AsRef<Path>, access: Access) -> Result<PathBuf> {
        path_inside_workspace(&self.canonical_root, relative.as_ref(), access)
    }

    /// Applies a change to the manifest; when it fails (say, the save is refused) the in-memory manifest goes
    /// back to what is on disk, so the app never shows an edit that was not kept.
    fn transact<T>(&mut self, change: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        let before = self.manifest.clone();
        change(self).inspect_err(|_| self.manifest = before)
    }

    fn save_manifest(&self) -> Result<()> {
        write_atomic(
            &self.inside(MANIFEST_FILE, Access::ReadOrWrite)?,
            pretty(&self.manifest).as_bytes(),
        )
    }
}

fn pretty(value: &impl serde::Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("workspace data always serialises");
    text.push('\n');
    text
}
