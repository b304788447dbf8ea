//! `instanceState` (one object per flow) and `crossFlowState`: what blocks keep between runs, stored in the
//! workspace's `state.json`. `executionState` lives for one flow run and is never stored.

use blocksmith_engine::BlockState;
use blocksmith_workspace::Workspace;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::error::Result;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersistedState {
    /// `instanceState` per flow name.
    #[serde(default)]
    pub instance_state: Map<String, Value>,
    #[serde(default = "empty_object")]
    pub cross_flow_state: Value,
}

fn empty_object() -> Value {
    json!({})
}

impl PersistedState {
    pub fn load(workspace: &Workspace) -> Result<PersistedState> {
        let value = workspace.read_state()?;
        // A state file in an older or foreign shape starts over rather than failing every run.
        Ok(serde_json::from_value(value).unwrap_or_default())
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
