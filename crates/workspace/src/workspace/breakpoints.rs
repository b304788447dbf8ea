//! The debugger's breakpoints, per block, in `.blocksmith/breakpoints.json`: this machine's, beside the run
//! history and never in the manifest or a block file, so an export or a commit of the blocks carries none.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{pretty, Workspace};
use crate::error::{Error, Result};
use crate::inside::Access;
use crate::LOCAL_DIR;

const BREAKPOINTS_FILE: &str = ".blocksmith/breakpoints.json";

/// A breakpoint the person set on a line of a block's file (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SavedBreakpoint {
    pub line: u32,
    /// Pause only when this expression is truthy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// A logpoint: print this text (with `{expression}`s filled in) instead of pausing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_message: Option<String>,
}

type BreakpointsByBlock = BTreeMap<String, Vec<SavedBreakpoint>>;

impl Workspace {
    /// The breakpoints saved for block `id`, by line; none when nothing was saved.
    pub fn breakpoints(&self, id: &str) -> Result<Vec<SavedBreakpoint>> {
        self.block(id)?;
        Ok(self.all_breakpoints()?.remove(id).unwrap_or_default())
    }

    /// Replaces the breakpoints of block `id`.
    pub fn save_breakpoints(&self, id: &str, breakpoints: Vec<SavedBreakpoint>) -> Result<()> {
        self.block(id)?;
        let mut all = self.all_breakpoints()?;
        if breakpoints.is_empty() {
            all.remove(id);
        } else {
            all.insert(id.to_owned(), breakpoints);
        }
        self.write_inside(
            LOCAL_DIR,
            Path::new(BREAKPOINTS_FILE),
            pretty(&all).as_bytes(),
        )
    }

    fn all_breakpoints(&self) -> Result<BreakpointsByBlock> {
        let path = self.inside(BREAKPOINTS_FILE, Access::ReadOrWrite)?;
        match fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).map_err(|err| Error::ManifestInvalid {
                path,
                reason: err.to_string(),
            }),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
            Err(err) => Err(Error::io("read", path, err)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breakpoints_are_kept_per_block_outside_the_manifest_and_the_block_files() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = Workspace::open_or_create(dir.path()).unwrap();
        let id = workspace.manifest().flows[0].steps[0].clone();
        let saved = vec![
            SavedBreakpoint {
                line: 3,
                condition: Some("i > 2".to_owned()),
                log_message: None,
            },
            SavedBreakpoint {
                line: 5,
                condition: None,
                log_message: Some("i is {i}".to_owned()),
            },
        ];
        workspace.save_breakpoints(&id, saved.clone()).unwrap();

        let reopened = Workspace::open_or_create(dir.path()).unwrap();
        assert_eq!(reopened.breakpoints(&id).unwrap(), saved);
        let trigger = reopened.manifest().flows[0].trigger.clone();
        assert!(reopened.breakpoints(&trigger).unwrap().is_empty());
        for file in ["blocksmith.json", &format!("blocks/{id}.js")] {
            let text = fs::read_to_string(dir.path().join(file)).unwrap_or_default();
            assert!(!text.contains("i is {i}"), "{file} holds a breakpoint");
        }
        reopened.save_breakpoints(&id, Vec::new()).unwrap();
        assert!(reopened.breakpoints(&id).unwrap().is_empty());
        assert!(matches!(
            reopened.breakpoints("no-such-block"),
            Err(Error::UnknownBlock(_))
        ));
    }
}
