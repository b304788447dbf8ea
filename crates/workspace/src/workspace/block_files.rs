//! Block sources (`blocks/<id>.js`) and their saved run inputs (`samples/<id>.json`) on disk, each reached
//! through the workspace's one door to its files.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::{pretty, Workspace};
use crate::error::{Error, Result};
use crate::inside::Access;
use crate::manifest::BlockKind;

const BLOCKS_DIR: &str = "blocks";
const SAMPLES_DIR: &str = "samples";

impl Workspace {
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

    pub(super) fn remove_block_files(&self, id: &str) {
        // The manifest no longer names the block, so a file that cannot be removed is only clutter. A file
        // reached through a folder linked outside is not removed at all.
        for relative in [block_file(id), sample_file(id)] {
            if let Ok(path) = self.inside(relative, Access::Remove) {
                let _ = fs::remove_file(path);
            }
        }
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
