//! `instanceState` and `crossFlowState`, persisted between runs under `.blocksmith/` (this machine's, never
//! committed), and the one-time move of the file older versions kept at the folder's root.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::{pretty, Workspace};
use crate::error::{Error, Result};
use crate::inside::Access;
use crate::local_identity::LOCAL_DIR;

/// `instanceState` and `crossFlowState`, kept under [`LOCAL_DIR`]: they belong to this machine's runs and
/// stay out of commits.
const STATE_FILE: &str = "state.json";
/// Where older Blocksmith versions kept the state: the folder's root. Read once and moved under [`LOCAL_DIR`].
const LEGACY_STATE_FILE: &str = "state.json";

impl Workspace {
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

    /// Older versions kept the state at the folder's root, where it would be committed with the folder: move
    /// a plain file found there under `.blocksmith/`, once. A link is left alone (`read_state` checks it), and
    /// so is everything when the move fails (a read-only folder): `read_state` then reads the old file.
    pub(super) fn move_legacy_state(&self) {
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
}

fn state_file() -> PathBuf {
    Path::new(LOCAL_DIR).join(STATE_FILE)
}
