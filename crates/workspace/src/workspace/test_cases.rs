//! Test cases on disk, one pretty-printed JSON file per case, so a case can be read, reviewed and committed like
//! code: a block's under `tests/<block id>/<case id>.json`, a whole flow's under
//! `tests/_flows/<flow slug>/<case id>.json` (block ids are slugs, which never hold `_`, so the two never meet).
//! What a case holds is the session's business; here they are JSON values reached through the workspace's one
//! door to its files.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{pretty, Workspace};
use crate::error::{Error, Result};
use crate::inside::Access;
use crate::names::{check_block_id, slug};

const TESTS_DIR: &str = "tests";
const FLOWS_DIR: &str = "_flows";
const CASE_EXTENSION: &str = "json";

/// The folder of a whole flow's cases under `tests/`, as listings name it: `_flows/<flow slug>`.
pub fn flow_slug_folder(flow: &str) -> String {
    format!("{FLOWS_DIR}/{}", slug(flow))
}

/// Whose test cases: one block's, or a whole flow's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseOwner<'a> {
    /// A block, by its id.
    Block(&'a str),
    /// A flow, by its name.
    Flow(&'a str),
}

impl Workspace {
    /// The file id of a case named `name` (its slug): "Empty page, no items" → "empty-page-no-items".
    pub fn test_case_id(name: &str) -> String {
        slug(name)
    }

    /// Where a case's file is, as a plain path for display.
    pub fn test_case_path(&self, owner: CaseOwner<'_>, case_id: &str) -> PathBuf {
        self.root
            .join(cases_dir(owner).join(case_file_name(case_id)))
    }

    /// The ids of the owner's cases, sorted; none when it has no folder under `tests/`.
    pub fn test_case_ids(&self, owner: CaseOwner<'_>) -> Result<Vec<String>> {
        self.check_owner(owner)?;
        let dir = self.inside(cases_dir(owner), Access::ReadOrWrite)?;
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
            let is_case = path.is_file()
                && path
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
    pub fn read_test_case(&self, owner: CaseOwner<'_>, case_id: &str) -> Result<Value> {
        self.check_owner(owner)?;
        let path = self.inside(checked_case_file(owner, case_id)?, Access::ReadOrWrite)?;
        let text = fs::read_to_string(&path).map_err(|error| Error::io("read", &path, error))?;
        serde_json::from_str(&text).map_err(|error| Error::TestCaseInvalid {
            path,
            reason: error.to_string(),
        })
    }

    /// Writes a case's file (pretty-printed, atomically), replacing what was there.
    pub fn save_test_case(&self, owner: CaseOwner<'_>, case_id: &str, case: &Value) -> Result<()> {
        self.check_owner(owner)?;
        let relative = checked_case_file(owner, case_id)?;
        let dir = cases_dir(owner);
        self.write_inside(&dir.to_string_lossy(), &relative, pretty(case).as_bytes())
    }

    /// Deletes a case's file; `false` when there was none.
    pub fn remove_test_case(&self, owner: CaseOwner<'_>, case_id: &str) -> Result<bool> {
        self.check_owner(owner)?;
        let path = self.inside(checked_case_file(owner, case_id)?, Access::Remove)?;
        match fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(error) => Err(Error::io("remove", path, error)),
        }
    }

    /// The block or flow must be one of the workspace's: its folder name comes from it.
    fn check_owner(&self, owner: CaseOwner<'_>) -> Result<()> {
        match owner {
            CaseOwner::Block(id) => self.block(id).map(drop),
            CaseOwner::Flow(name) => match self.manifest.flow(name) {
                Some(_) => Ok(()),
                None => Err(Error::UnknownFlow(name.to_owned())),
            },
        }
    }
}

/// The owner's folder relative to the workspace folder.
fn cases_dir(owner: CaseOwner<'_>) -> PathBuf {
    match owner {
        CaseOwner::Block(id) => Path::new(TESTS_DIR).join(id),
        CaseOwner::Flow(name) => Path::new(TESTS_DIR).join(flow_slug_folder(name)),
    }
}

/// A case's file relative to the workspace folder; `case_id` must be an id Blocksmith could have made.
fn checked_case_file(owner: CaseOwner<'_>, case_id: &str) -> Result<PathBuf> {
    check_block_id(case_id).map_err(|problem| {
        Error::InvalidName(format!(
            "\"{case_id}\" is not a test case id ({problem}); case ids are made from case names, like \
             \"empty-page\"."
        ))
    })?;
    Ok(cases_dir(owner).join(case_file_name(case_id)))
}

fn case_file_name(case_id: &str) -> String {
    format!("{case_id}.{CASE_EXTENSION}")
}
