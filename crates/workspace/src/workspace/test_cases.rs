//! Block test cases on disk: `tests/<block id>/<case id>.json`, one pretty-printed JSON file per case, so a
//! case can be read, reviewed and committed like code. What a case holds is the session's business; here
//! they are JSON values reached through the workspace's one door to its files.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{pretty, Workspace};
use crate::error::{Error, Result};
use crate::inside::Access;
use crate::names::{check_block_id, slug};

const TESTS_DIR: &str = "tests";
const CASE_EXTENSION: &str = "json";

impl Workspace {
    /// The file id of a case named `name` (its slug): "Empty page, no items" → "empty-page-no-items".
    pub fn test_case_id(name: &str) -> String {
        slug(name)
    }

    /// Where a case's file is, as a plain path for display.
    pub fn test_case_path(&self, block_id: &str, case_id: &str) -> PathBuf {
        self.root.join(case_file(block_id, case_id))
    }

    /// The ids of the block's cases, sorted; none when it has no `tests/<block id>` folder.
    pub fn test_case_ids(&self, block_id: &str) -> Result<Vec<String>> {
        self.block(block_id)?;
        let dir = self.inside(Path::new(TESTS_DIR).join(block_id), Access::ReadOrWrite)?;
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(Error::io("read", dir, error)),
        };
        let mut ids = Vec::new();
        for entry in entries {
            let path = entry
                .map_err(|error| Error::io("read", &dir, error))?
                .path();
            let is_case = path
                .extension()
                .is_some_and(|extension| extension == CASE_EXTENSION);
            let id = path.file_stem().and_then(|stem| stem.to_str());
            // A file Blocksmith could not have named (or a stray one) is left alone.
            if let (true, Some(id)) = (is_case, id) {
                if check_block_id(id).is_ok() {
                    ids.push(id.to_owned());
                }
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// A case's file, read as JSON.
    pub fn read_test_case(&self, block_id: &str, case_id: &str) -> Result<Value> {
        self.block(block_id)?;
        let path = self.inside(checked_case_file(block_id, case_id)?, Access::ReadOrWrite)?;
        let text = fs::read_to_string(&path).map_err(|error| Error::io("read", &path, error))?;
        serde_json::from_str(&text).map_err(|error| Error::TestCaseInvalid {
            path,
            reason: error.to_string(),
        })
    }

    /// Writes a case's file (pretty-printed, atomically), replacing what was there.
    pub fn save_test_case(&self, block_id: &str, case_id: &str, case: &Value) -> Result<()> {
        self.block(block_id)?;
        let relative = checked_case_file(block_id, case_id)?;
        let dir = Path::new(TESTS_DIR).join(block_id);
        self.write_inside(&dir.to_string_lossy(), &relative, pretty(case).as_bytes())
    }

    /// Deletes a case's file; `false` when there was none.
    pub fn remove_test_case(&self, block_id: &str, case_id: &str) -> Result<bool> {
        self.block(block_id)?;
        let path = self.inside(checked_case_file(block_id, case_id)?, Access::Remove)?;
        match fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(error) => Err(Error::io("remove", path, error)),
        }
    }
}

/// A case's file relative to the workspace folder; `case_id` must be an id Blocksmith could have made.
fn checked_case_file(block_id: &str, case_id: &str) -> Result<PathBuf> {
    check_block_id(case_id).map_err(|problem| {
        Error::InvalidName(format!(
            "\"{case_id}\" is not a test case id ({problem}); case ids are made from case names, like \
             \"empty-page\"."
        ))
    })?;
    Ok(case_file(block_id, case_id))
}

fn case_file(block_id: &str, case_id: &str) -> PathBuf {
    Path::new(TESTS_DIR)
        .join(block_id)
        .join(format!("{case_id}.{CASE_EXTENSION}"))
}
