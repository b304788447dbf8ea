//! Opening an existing workspace folder (its manifest checked before anything is written) and creating a new
//! one seeded with the connector's templates.

use std::fs;
use std::path::Path;

use serde_json::json;

use super::Workspace;
use crate::atomic::write_atomic;
use crate::error::{Error, Result};
use crate::inside::{path_inside_workspace, Access};
use crate::local_identity::{LocalIdentity, LOCAL_DIR};
use crate::manifest::{Manifest, FORMAT_VERSION, MANIFEST_FILE};
use crate::templates::FIRST_FLOW_NAME;

/// The local identity's file under [`LOCAL_DIR`] (see `local_identity.rs`), checked before that module opens it.
const LOCAL_IDENTITY_FILE: &str = "local.json";

impl Workspace {
    /// Opens the workspace in `dir`; a missing or empty folder becomes a new workspace seeded with the
    /// templates. A folder with other files but no manifest is refused rather than written into.
    pub fn open_or_create(dir: &Path) -> Result<Workspace> {
        if Workspace::is_new_folder(dir)? {
            Workspace::create(dir, &new_workspace_id())
        } else {
            Workspace::open(dir)
        }
    }

    /// Whether `dir` is missing or empty, so a new workspace may be created there. A folder holding a manifest
    /// is not new; one with other files but no manifest is refused rather than written into.
    pub fn is_new_folder(dir: &Path) -> Result<bool> {
        // A manifest that is a link (even a broken one) counts, so that opening it explains the refusal.
        if fs::symlink_metadata(dir.join(MANIFEST_FILE)).is_ok() {
            return Ok(false);
        }
        if dir.exists() && !is_empty_dir(dir)? {
            return Err(Error::NotAWorkspace {
                path: dir.to_path_buf(),
            });
        }
        Ok(true)
    }

    /// Opens an existing workspace; a manifest that is missing or not valid is an error and is left as is. So
    /// is one naming a block id that is not a plain file name: nothing is written before every id is checked.
    pub fn open(dir: &Path) -> Result<Workspace> {
        let canonical_root =
            fs::canonicalize(dir).map_err(|source| Error::io("read", dir, source))?;
        let path = path_inside_workspace(
            &canonical_root,
            Path::new(MANIFEST_FILE),
            Access::ReadOrWrite,
        )?;
        let text = fs::read_to_string(&path).map_err(|source| Error::io("read", &path, source))?;
        let manifest: Manifest =
            serde_json::from_str(&text).map_err(|err| Error::ManifestInvalid {
                path: path.clone(),
                reason: err.to_string(),
            })?;
        if manifest.format > FORMAT_VERSION {
            return Err(Error::ManifestInvalid {
                path,
                reason: format!(
                    "it has format {} but this Blocksmith reads format {FORMAT_VERSION} at most; update Blocksmith",
                    manifest.format
                ),
            });
        }
        if let Some(unsafe_id) = manifest.unsafe_block_id() {
            return Err(Error::UnsafeBlockId {
                path,
                entry: unsafe_id.entry,
                id: unsafe_id.id,
                problem: unsafe_id.problem,
            });
        }
        check_local_identity_file(&canonical_root)?;
        let workspace = Workspace {
            root: dir.to_path_buf(),
            canonical_root,
            manifest,
            local: match LocalIdentity::load_or_create(dir) {
                Err(Error::NotWritable { .. }) => LocalIdentity::unsaved(dir)?,
                other => other?,
            },
        };
        workspace.move_legacy_state();
        Ok(workspace)
    }

    /// Creates a new workspace in `dir` holding one flow with the seed's trigger and action.
    pub fn create(dir: &Path, id: &str) -> Result<Workspace> {
        let mut workspace = Workspace::create_empty(dir, id)?;
        workspace.add_flow_unsaved(FIRST_FLOW_NAME)?;
        workspace.save_manifest()?;
        Ok(workspace)
    }

    /// Creates a new workspace in `dir` with no blocks and no flows, for an import to fill (templates there
    /// would only clash with what is imported).
    pub fn create_empty(dir: &Path, id: &str) -> Result<Workspace> {
        fs::create_dir_all(dir)
            .map_err(|source| Error::io("create the workspace folder", dir, source))?;
        let canonical_root =
            fs::canonicalize(dir).map_err(|source| Error::io("read", dir, source))?;
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "Workspace".to_string());
        write_gitignore(&canonical_root)?;
        check_local_identity_file(&canonical_root)?;
        let workspace = Workspace {
            root: dir.to_path_buf(),
            canonical_root,
            local: LocalIdentity::load_or_create(dir)?,
            manifest: Manifest {
                format: FORMAT_VERSION,
                id: id.to_string(),
                name,
                config_vars: Vec::new(),
                connections: Vec::new(),
                execution: json!({}),
                blocks: Vec::new(),
                flows: Vec::new(),
            },
        };
        workspace.save_manifest()?;
        Ok(workspace)
    }
}

/// A new workspace's manifest id: random, so that no two workspaces share one.
pub(crate) fn new_workspace_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// `local_identity.rs` reads and writes `.blocksmith/local.json` on every open: a `.blocksmith` folder or file
/// linked outside the workspace is refused before it does.
fn check_local_identity_file(canonical_root: &Path) -> Result<()> {
    path_inside_workspace(
        canonical_root,
        &Path::new(LOCAL_DIR).join(LOCAL_IDENTITY_FILE),
        Access::ReadOrWrite,
    )
    .map(|_| ())
}

/// A new workspace's `.gitignore`: what stays on this machine (history, state, the local identity) is never
/// committed. An existing `.gitignore` is left as it is.
fn write_gitignore(canonical_root: &Path) -> Result<()> {
    let path = path_inside_workspace(canonical_root, Path::new(".gitignore"), Access::ReadOrWrite)?;
    if fs::symlink_metadata(&path).is_ok() {
        return Ok(());
    }
    write_atomic(&path, format!("{LOCAL_DIR}/\n").as_bytes())
}

fn is_empty_dir(dir: &Path) -> Result<bool> {
    let mut entries = fs::read_dir(dir).map_err(|source| Error::io("read", dir, source))?;
    Ok(entries.next().is_none())
}
