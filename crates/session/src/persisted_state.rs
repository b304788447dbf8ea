//! `instanceState` (one object per flow) and `crossFlowState`: what blocks keep between runs, stored in the
//! workspace's state file. `executionState` lives for one flow run and is never stored.
//!
//! A state file that cannot be read (older versions could write state nested too deeply for any JSON reader,
//! or it was damaged by hand) never blocks runs or Reset: it is moved aside, kept whole beside the original as
//! `<name>.unreadable-<milliseconds since 1970>`, and the state starts over, with a notice saying so. A stored
//! state nested deeper than blocks may keep (`MAX_JSON_DEPTH`, from older versions) starts over the same way.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use blocksmith_engine::{json_depth, BlockState, MAX_JSON_DEPTH};
use blocksmith_workspace::Workspace;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersistedState {
    /// `instanceState` per flow name.
    #[serde(default)]
    pub instance_state: Map<String, Value>,
    #[serde(default = "empty_object")]
    pub cross_flow_state: Value,
    /// Set when loading had to start (part of) the state over; say it to the person.
    #[serde(skip)]
    pub notice: Option<StateNotice>,
}

/// Why the state runs start with is not what the state file held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateNotice {
    /// The file could not be read at all: it was moved to `kept_as` and the state starts empty.
    SetAside {
        path: PathBuf,
        kept_as: PathBuf,
        reason: String,
    },
    /// These stored states (`instanceState` of a flow, or `crossFlowState`) were nested deeper than blocks may
    /// keep, so runs start them empty.
    TooDeep { names: Vec<String> },
}

impl fmt::Display for StateNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StateNotice::SetAside {
                path,
                kept_as,
                reason,
            } => write!(
                f,
                "The workspace's state file {} could not be read ({reason}), so it was moved to {} (nothing in \
                 it is lost) and instanceState and crossFlowState start empty.",
                path.display(),
                kept_as.display()
            ),
            StateNotice::TooDeep { names } => write!(
                f,
                "The stored {} nested more than {MAX_JSON_DEPTH} levels deep, which Blocksmith no longer \
                 keeps, so {} empty.",
                names.join(" and "),
                if names.len() == 1 {
                    "it starts"
                } else {
                    "they start"
                }
            ),
        }
    }
}

fn empty_object() -> Value {
    json!({})
}

/// Nothing kept yet: no flow's `instanceState`, and an empty `crossFlowState`.
impl Default for PersistedState {
    fn default() -> Self {
        PersistedState {
            instance_state: Map::new(),
            cross_flow_state: empty_object(),
            notice: None,
        }
    }
}

impl PersistedState {
    pub fn load(workspace: &Workspace) -> Result<PersistedState> {
        Self::load_at(workspace, SystemTime::now())
    }

    /// `load`, naming a file it must set aside after `now`.
    pub fn load_at(workspace: &Workspace, now: SystemTime) -> Result<PersistedState> {
        let value = match workspace.read_state() {
            Ok(value) => value,
            Err(blocksmith_workspace::Error::ManifestInvalid { path, reason }) => {
                let kept_as = set_aside(&path, now)?;
                return Ok(PersistedState {
                    notice: Some(StateNotice::SetAside {
                        path,
                        kept_as,
                        reason,
                    }),
                    ..PersistedState::default()
                });
            }
            Err(error) => return Err(error.into()),
        };
        // A state file in an older or foreign shape starts over rather than failing every run.
        let mut state: PersistedState = serde_json::from_value(value).unwrap_or_default();
        state.start_over_what_is_too_deep();
        Ok(state)
    }

    /// Empties each stored state nested deeper than a block may leave one (older versions kept them), which
    /// every run would otherwise refuse to keep again.
    fn start_over_what_is_too_deep(&mut self) {
        let mut names = Vec::new();
        for (flow, state) in self.instance_state.iter_mut() {
            if json_depth(state) > MAX_JSON_DEPTH {
                *state = empty_object();
                names.push(format!("instanceState of the flow \"{flow}\""));
            }
        }
        if json_depth(&self.cross_flow_state) > MAX_JSON_DEPTH {
            self.cross_flow_state = empty_object();
            names.push("crossFlowState".to_owned());
        }
        if !names.is_empty() {
            self.notice = Some(StateNotice::TooDeep { names });
        }
    }

    pub fn save(&self, workspace: &Workspace) -> Result<()> {
        let value = serde_json::to_value(self).expect("state always serialises");
        Ok(workspace.save_state(&value)?)
    }

    /// The state objects a run of `flow` starts with; `executionState` starts empty.
    pub fn for_run(&self, flow: &str) -> BlockState {
        BlockState {
            instance_state: self
                .instance_state
                .get(flow)
                .cloned()
                .unwrap_or_else(empty_object),
            cross_flow_state: self.cross_flow_state.clone(),
            execution_state: empty_object(),
            integration_state: empty_object(),
        }
    }

    /// Keeps what a run of `flow` left in `instanceState` and `crossFlowState`.
    pub fn absorb(&mut self, flow: &str, after: &BlockState) {
        self.instance_state
            .insert(flow.to_string(), after.instance_state.clone());
        self.cross_flow_state = after.cross_flow_state.clone();
    }
}

/// Moves the unreadable state file at `path` to `<name>.unreadable-<milliseconds>` beside it (never over
/// another file) and returns where.
fn set_aside(path: &Path, now: SystemTime) -> Result<PathBuf> {
    let millis = now
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_millis());
    let name = path
        .file_name()
        .map_or_else(|| "state.json".into(), |name| name.to_string_lossy());
    let failed = |source| blocksmith_workspace::Error::Io {
        action: "set aside the unreadable state file",
        path: path.to_path_buf(),
        source,
    };
    for attempt in 0u32.. {
        let suffix = match attempt {
            0 => String::new(),
            n => format!("-{n}"),
        };
        let kept_as = path.with_file_name(format!("{name}.unreadable-{millis}{suffix}"));
        if std::fs::symlink_metadata(&kept_as).is_ok() {
            continue;
        }
        std::fs::rename(path, &kept_as).map_err(failed)?;
        return Ok(kept_as);
    }
    unreachable!("some suffix is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instance_state_is_per_flow_and_cross_flow_state_is_shared() {
        let mut state = PersistedState::default();
        let mut after = state.for_run("A");
        after.instance_state = json!({ "count": 1 });
        after.cross_flow_state = json!({ "token": "t" });
        after.execution_state = json!({ "gone": true });
        state.absorb("A", &after);

        assert_eq!(state.for_run("A").instance_state, json!({ "count": 1 }));
        assert_eq!(state.for_run("B").instance_state, json!({}));
        assert_eq!(state.for_run("B").cross_flow_state, json!({ "token": "t" }));
        assert_eq!(state.for_run("A").execution_state, json!({}));
    }
}
