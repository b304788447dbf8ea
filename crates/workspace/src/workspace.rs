//! A workspace folder: loading and creating it, and every change a person makes to its blocks, flows and
//! config variables. Each change is saved at once with atomic writes; block files are written before the
//! manifest names them and removed only after the manifest no longer does, so a crash between the two
//! steps leaves at worst an orphan file, never a manifest naming a missing block.
//!
//! The folder's contents are untrusted (a clone, a zip): the manifest's block ids are checked when it is read,
//! and every file is reached through [`path_inside_workspace`], so neither an id nor a symbolic link can make
//! the workspace read, write or delete a file outside its folder.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::atomic::write_atomic;
use crate::error::{Error, Result};
use crate::inside::{path_inside_workspace, Access};
use crate::local_identity::{LocalIdentity, LOCAL_DIR};
use crate::manifest::{
    Block, BlockKind, ConfigVar, ConnectionDefinition, Flow, Manifest, FORMAT_VERSION,
    MANIFEST_FILE,
};
use crate::names::{clean_name, unique_id};
use crate::templates::{
    ACTION_NAME, ACTION_TEMPLATE, FIRST_FLOW_NAME, TRIGGER_NAME, TRIGGER_TEMPLATE,
};

const BLOCKS_DIR: &str = "blocks";
const SAMPLES_DIR: &str = "samples";
/// `instanceState` and `crossFlowState`, kept under [`LOCAL_DIR`]: they belong to this machine's runs and
/// stay out of commits.
const STATE_FILE: &str = "state.json";
/// Where older Blocksmith versions kept the state: the folder's root. Read once and moved under [`LOCAL_DIR`].
const LEGACY_STATE_FILE: &str = "state.json";
/// The local identity's file under [`LOCAL_DIR`] (see `local_identity.rs`), checked before that module opens it.
const LOCAL_IDENTITY_FILE: &str = "local.json";

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
    /// Opens the workspace in `dir`; a missing or empty folder becomes a new workspace seeded with the
    /// templates. A folder with other files but no manifest is refused rather than written into.
    pub fn open_or_create(dir: &Path) -> Result<Workspace> {
        // A manifest that is a link (even a broken one) is opened, so that its check explains the refusal.
        if fs::symlink_metadata(dir.join(MANIFEST_FILE)).is_ok() {
            return Workspace::open(dir);
        }
        if dir.exists() && !is_empty_dir(dir)? {
            return Err(Error::NotAWorkspace {
                path: dir.to_path_buf(),
            });
        }
        Workspace::create(dir, &uuid::Uuid::new_v4().to_string())
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
        let mut workspace = Workspace {
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
        workspace.add_flow_unsaved(FIRST_FLOW_NAME)?;
        workspace.save_manifest()?;
        Ok(workspace)
    }

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

    /// Where the block's file is, as a plain path for display and tests. Reading and writing it goes through
    /// [`Workspace::read_block_source`] and [`Workspace::save_block_source`], which check that it stays inside.
    pub fn block_path(&self, id: &str) -> PathBuf {
        self.root.join(BLOCKS_DIR).join(format!("{id}.js"))
    }

    pub fn read_block_source(&self, id: &str) -> Result<String> {
        let block = self.block(id)?;
        let path = self.inside(block_file(id), Access::ReadOrWrite)?;
        fs::read_to_string(&path).map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                Error::BlockFileMissing {
                    block: block.name.clone(),
                    path,
                }
            } else {
                Error::io("read", path, source)
            }
        })
    }

    pub fn save_block_source(&self, id: &str, source: &str) -> Result<()> {
        self.block(id)?;
        self.write_block_file(id, source)
    }

    /// Adds an action step, seeded with the action template, at the end of `flow`. Returns its id.
    pub fn add_step(&mut self, flow: &str, name: &str) -> Result<String> {
        self.transact(|ws| ws.add_step_now(flow, name))
    }

    fn add_step_now(&mut self, flow: &str, name: &str) -> Result<String> {
        let name = clean_name("step", name)?;
        let flow_index = self.flow_index(flow)?;
        self.check_name_free_in_flow(flow_index, &name, None)?;
        let id = self.new_block(&name, BlockKind::Action, ACTION_TEMPLATE)?;
        self.manifest.flows[flow_index].steps.push(id.clone());
        self.save_manifest()?;
        Ok(id)
    }

    /// Adds a flow with its own trigger, seeded with the trigger template.
    pub fn add_flow(&mut self, name: &str) -> Result<()> {
        self.transact(|ws| ws.add_flow_now(name))
    }

    fn add_flow_now(&mut self, name: &str) -> Result<()> {
        self.add_flow_unsaved(name)?;
        self.save_manifest()
    }

    fn add_flow_unsaved(&mut self, name: &str) -> Result<()> {
        let name = clean_name("flow", name)?;
        if self.manifest.flow(&name).is_some() {
            return Err(Error::DuplicateName {
                what: "A flow",
                name,
            });
        }
        let first = self.manifest.flows.is_empty();
        let trigger = self.new_block(TRIGGER_NAME, BlockKind::Trigger, TRIGGER_TEMPLATE)?;
        let steps = if first {
            vec![self.new_block(ACTION_NAME, BlockKind::Action, ACTION_TEMPLATE)?]
        } else {
            Vec::new()
        };
        self.manifest.flows.push(Flow {
            name,
            trigger,
            steps,
        });
        Ok(())
    }

    pub fn rename_flow(&mut self, name: &str, new_name: &str) -> Result<()> {
        self.transact(|ws| ws.rename_flow_now(name, new_name))
    }

    fn rename_flow_now(&mut self, name: &str, new_name: &str) -> Result<()> {
        let new_name = clean_name("flow", new_name)?;
        let index = self.flow_index(name)?;
        if new_name != name && self.manifest.flow(&new_name).is_some() {
            return Err(Error::DuplicateName {
                what: "A flow",
                name: new_name,
            });
        }
        self.manifest.flows[index].name = new_name;
        self.save_manifest()
    }

    /// Deletes a flow with its trigger and steps.
    pub fn delete_flow(&mut self, name: &str) -> Result<()> {
        self.transact(|ws| ws.delete_flow_now(name))
    }

    fn delete_flow_now(&mut self, name: &str) -> Result<()> {
        let index = self.flow_index(name)?;
        let flow = self.manifest.flows.remove(index);
        let ids: Vec<String> = std::iter::once(flow.trigger).chain(flow.steps).collect();
        self.manifest
            .blocks
            .retain(|block| !ids.contains(&block.id));
        self.save_manifest()?;
        for id in ids {
            self.remove_block_files(&id);
        }
        Ok(())
    }

    /// Renames a block; names are unique within a flow because `stepResults` is keyed by them.
    pub fn rename_block(&mut self, id: &str, new_name: &str) -> Result<()> {
        self.transact(|ws| ws.rename_block_now(id, new_name))
    }

    fn rename_block_now(&mut self, id: &str, new_name: &str) -> Result<()> {
        let new_name = clean_name("step", new_name)?;
        self.block(id)?;
        if let Some(flow_index) = self
            .manifest
            .flows
            .iter()
            .position(|flow| flow.trigger == id || flow.steps.iter().any(|step| step == id))
        {
            self.check_name_free_in_flow(flow_index, &new_name, Some(id))?;
        }
        if let Some(block) = self.manifest.blocks.iter_mut().find(|b| b.id == id) {
            block.name = new_name;
        }
        self.save_manifest()
    }

    /// Sets a block's own time limit (`None`: the default).
    pub fn set_block_timeout(&mut self, id: &str, timeout_ms: Option<u32>) -> Result<()> {
        self.transact(|ws| ws.set_block_timeout_now(id, timeout_ms))
    }

    fn set_block_timeout_now(&mut self, id: &str, timeout_ms: Option<u32>) -> Result<()> {
        self.block(id)?;
        if let Some(block) = self.manifest.blocks.iter_mut().find(|b| b.id == id) {
            block.timeout_ms = timeout_ms;
        }
        self.save_manifest()
    }

    /// Removes an action step from its flow and deletes its file.
    pub fn delete_step(&mut self, flow: &str, id: &str) -> Result<()> {
        self.transact(|ws| ws.delete_step_now(flow, id))
    }

    fn delete_step_now(&mut self, flow: &str, id: &str) -> Result<()> {
        let flow_index = self.flow_index(flow)?;
        if self.manifest.flows[flow_index].trigger == id {
            return Err(Error::TriggerNotRemovable("deleted on its own"));
        }
        let steps = &mut self.manifest.flows[flow_index].steps;
        let position = steps
            .iter()
            .position(|step| step == id)
            .ok_or_else(|| Error::UnknownBlock(id.to_string()))?;
        steps.remove(position);
        self.manifest.blocks.retain(|block| block.id != id);
        self.save_manifest()?;
        self.remove_block_files(id);
        Ok(())
    }

    /// Moves an action step to `to_index` (clamped to the end) within its flow.
    pub fn move_step(&mut self, flow: &str, id: &str, to_index: usize) -> Result<()> {
        self.transact(|ws| ws.move_step_now(flow, id, to_index))
    }

    fn move_step_now(&mut self, flow: &str, id: &str, to_index: usize) -> Result<()> {
        let flow_index = self.flow_index(flow)?;
        if self.manifest.flows[flow_index].trigger == id {
            return Err(Error::TriggerNotRemovable("moved; it always runs first"));
        }
        let steps = &mut self.manifest.flows[flow_index].steps;
        let from = steps
            .iter()
            .position(|step| step == id)
            .ok_or_else(|| Error::UnknownBlock(id.to_string()))?;
        let step = steps.remove(from);
        let to = to_index.min(steps.len());
        steps.insert(to, step);
        self.save_manifest()
    }

    /// Sets a config variable, adding it at the end when new.
    pub fn set_config_var(&mut self, name: &str, value: &str) -> Result<()> {
        self.transact(|ws| ws.set_config_var_now(name, value))
    }

    fn set_config_var_now(&mut self, name: &str, value: &str) -> Result<()> {
        let name = clean_name("config variable", name)?;
        match self
            .manifest
            .config_vars
            .iter_mut()
            .find(|var| var.name == name)
        {
            Some(var) => var.value = value.to_string(),
            None => self.manifest.config_vars.push(ConfigVar {
                name,
                value: value.to_string(),
            }),
        }
        self.save_manifest()
    }

    /// Removes a config variable; returns whether it existed.
    pub fn remove_config_var(&mut self, name: &str) -> Result<bool> {
        self.transact(|ws| ws.remove_config_var_now(name))
    }

    fn remove_config_var_now(&mut self, name: &str) -> Result<bool> {
        let before = self.manifest.config_vars.len();
        self.manifest.config_vars.retain(|var| var.name != name);
        let removed = self.manifest.config_vars.len() != before;
        if removed {
            self.save_manifest()?;
        }
        Ok(removed)
    }

    /// Adds or replaces a connection definition (non-secret inputs only).
    pub fn put_connection(&mut self, definition: ConnectionDefinition) -> Result<()> {
        self.transact(|ws| ws.put_connection_now(definition))
    }

    fn put_connection_now(&mut self, definition: ConnectionDefinition) -> Result<()> {
        match self
            .manifest
            .connections
            .iter_mut()
            .find(|c| c.name == definition.name)
        {
            Some(existing) => *existing = definition,
            None => self.manifest.connections.push(definition),
        }
        self.save_manifest()
    }

    /// Replaces the connection named `name` with `definition` (which may carry a new name), in place.
    pub fn replace_connection(
        &mut self,
        name: &str,
        definition: ConnectionDefinition,
    ) -> Result<()> {
        self.transact(|ws| {
            let slot = ws
                .manifest
                .connections
                .iter_mut()
                .find(|c| c.name == name)
                .ok_or_else(|| {
                    Error::InvalidName(format!("There is no connection named \"{name}\"."))
                })?;
            *slot = definition;
            ws.save_manifest()
        })
    }

    /// Removes a connection definition; returns the removed definition when it existed.
    pub fn remove_connection(&mut self, name: &str) -> Result<Option<ConnectionDefinition>> {
        self.transact(|ws| ws.remove_connection_now(name))
    }

    fn remove_connection_now(&mut self, name: &str) -> Result<Option<ConnectionDefinition>> {
        let Some(index) = self
            .manifest
            .connections
            .iter()
            .position(|c| c.name == name)
        else {
            return Ok(None);
        };
        let removed = self.manifest.connections.remove(index);
        self.save_manifest()?;
        Ok(Some(removed))
    }

    /// The saved run input of a block: `stepResults` for an action, the trigger's `payload` sample.
    pub fn read_sample(&self, id: &str) -> Result<Value> {
        let block = self.block(id)?;
        let path = self.inside(sample_file(id), Access::ReadOrWrite)?;
        match fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).map_err(|err| Error::ManifestInvalid {
                path,
                reason: err.to_string(),
            }),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(match block.kind {
                BlockKind::Action => json!({}),
                BlockKind::Trigger => default_payload_sample(),
            }),
            Err(err) => Err(Error::io("read", path, err)),
        }
    }

    pub fn save_sample(&self, id: &str, sample: &Value) -> Result<()> {
        self.block(id)?;
        self.write_inside(SAMPLES_DIR, &sample_file(id), pretty(sample).as_bytes())
    }

    /// `instanceState` (per flow) and `crossFlowState`, persisted between runs in `.blocksmith/state.json`
    /// (or, until it could be moved there, where older versions kept it).
    pub fn read_state(&self) -> Result<Value> {
        let mut path = self.inside(state_file(), Access::ReadOrWrite)?;
        if fs::symlink_metadata(&path).is_err() {
            path = self.inside(LEGACY_STATE_FILE, Access::ReadOrWrite)?;
        }
        match fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).map_err(|err| Error::ManifestInvalid {
                path,
                reason: err.to_string(),
            }),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                Ok(json!({ "instanceState": {}, "crossFlowState": {} }))
            }
            Err(err) => Err(Error::io("read", path, err)),
        }
    }

    pub fn save_state(&self, state: &Value) -> Result<()> {
        self.write_inside(LOCAL_DIR, &state_file(), pretty(state).as_bytes())
    }

    /// Replaces the whole manifest (an import); the block files it names must already be written.
    pub(crate) fn replace_manifest(&mut self, manifest: Manifest) -> Result<()> {
        self.transact(|ws| {
            ws.manifest = manifest;
            ws.save_manifest()
        })
    }

    /// Writes a block's file, whether or not the manifest names it yet (an import writes files first).
    pub(crate) fn write_block_file(&self, id: &str, source: &str) -> Result<()> {
        self.write_inside(BLOCKS_DIR, &block_file(id), source.as_bytes())
    }

    /// Removes a block's file that an import wrote before it failed; a link is removed, never followed.
    pub(crate) fn remove_block_file(&self, id: &str) {
        if let Ok(path) = self.inside(block_file(id), Access::Remove) {
            let _ = fs::remove_file(path);
        }
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

    /// Older versions kept the state at the folder's root, where it would be committed with the folder: move
    /// a plain file found there under `.blocksmith/`, once. A link is left alone (`read_state` checks it), and
    /// so is everything when the move fails (a read-only folder): `read_state` then reads the old file.
    fn move_legacy_state(&self) {
        let Ok(legacy) = self.inside(LEGACY_STATE_FILE, Access::Remove) else {
            return;
        };
        if !fs::symlink_metadata(&legacy).is_ok_and(|metadata| metadata.is_file()) {
            return;
        }
        let Ok(current) = self.inside(state_file(), Access::ReadOrWrite) else {
            return;
        };
        if fs::symlink_metadata(&current).is_ok() {
            return;
        }
        let _ = fs::rename(legacy, current);
    }

    /// Applies a change to the manifest; when it fails (say, the save is refused) the in-memory manifest goes
    /// back to what is on disk, so the app never shows an edit that was not kept.
    fn transact<T>(&mut self, change: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        let before = self.manifest.clone();
        change(self).inspect_err(|_| self.manifest = before)
    }

    fn flow_index(&self, name: &str) -> Result<usize> {
        self.manifest
            .flows
            .iter()
            .position(|flow| flow.name == name)
            .ok_or_else(|| Error::UnknownFlow(name.to_string()))
    }

    fn check_name_free_in_flow(
        &self,
        flow_index: usize,
        name: &str,
        except: Option<&str>,
    ) -> Result<()> {
        let flow = &self.manifest.flows[flow_index];
        let clash = std::iter::once(&flow.trigger)
            .chain(&flow.steps)
            .filter(|id| Some(id.as_str()) != except)
            .filter_map(|id| self.manifest.block(id))
            .any(|block| block.name == name);
        if clash {
            return Err(Error::DuplicateName {
                what: "A step in this flow named",
                name: name.to_string(),
            });
        }
        Ok(())
    }

    /// Writes the block's file and registers it; the caller saves the manifest.
    fn new_block(&mut self, name: &str, kind: BlockKind, source: &str) -> Result<String> {
        let id = unique_id(name, |candidate| {
            self.manifest.block(candidate).is_some()
                || fs::symlink_metadata(self.block_path(candidate)).is_ok()
        });
        self.write_block_file(&id, source)?;
        self.manifest.blocks.push(Block {
            id: id.clone(),
            name: name.to_string(),
            kind,
            timeout_ms: None,
        });
        Ok(id)
    }

    fn remove_block_files(&self, id: &str) {
        // The manifest no longer names the block, so a file that cannot be removed is only clutter. A file
        // reached through a folder linked outside is not removed at all.
        for relative in [block_file(id), sample_file(id)] {
            if let Ok(path) = self.inside(relative, Access::Remove) {
                let _ = fs::remove_file(path);
            }
        }
    }

    fn save_manifest(&self) -> Result<()> {
        write_atomic(
            &self.inside(MANIFEST_FILE, Access::ReadOrWrite)?,
            pretty(&self.manifest).as_bytes(),
        )
    }
}

/// A block's source, relative to the workspace folder; `id` is a checked file-name stem.
fn block_file(id: &str) -> PathBuf {
    Path::new(BLOCKS_DIR).join(format!("{id}.js"))
}

/// A block's saved run input, relative to the workspace folder.
fn sample_file(id: &str) -> PathBuf {
    Path::new(SAMPLES_DIR).join(format!("{id}.json"))
}

fn state_file() -> PathBuf {
    Path::new(LOCAL_DIR).join(STATE_FILE)
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

fn pretty(value: &impl serde::Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("workspace data always serialises");
    text.push('\n');
    text
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

/// A trigger's sample input: the shape of the platform's webhook `payload`, with an empty JSON body.
fn default_payload_sample() -> Value {
    json!({
        "headers": { "content-type": "application/json" },
        "queryParameters": {},
        "rawBody": { "data": "{}", "contentType": "application/json" },
        "body": { "data": {}, "contentType": "application/json" },
        "pathFragment": ""
    })
}
