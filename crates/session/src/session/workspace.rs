//! The session's calls that read and edit the open workspace: its blocks, flows, config variables and
//! samples, what blocks persisted between runs, and the run history.

use blocksmith_workspace::history::{RunEntry, RunSummary};
use blocksmith_workspace::{ConfigVar, Workspace};
use serde_json::{Map, Value};

use super::Session;
use crate::error::{Error, Result};
use crate::persisted_state::PersistedState;
use crate::workspace_view::WorkspaceView;

impl Session {
    /// The open workspace as a front end shows it.
    pub fn workspace_view(&self) -> Result<WorkspaceView> {
        self.with_workspace(|ws| Ok(WorkspaceView::of(ws)))
    }

    pub fn read_block(&self, block_id: &str) -> Result<String> {
        self.with_workspace(|ws| Ok(ws.read_block_source(block_id)?))
    }

    pub fn save_block(&self, block_id: &str, source: &str) -> Result<()> {
        self.with_workspace(|ws| Ok(ws.save_block_source(block_id, source)?))
    }

    pub fn rename_block(&self, block_id: &str, name: &str) -> Result<WorkspaceView> {
        self.edit(|ws| ws.rename_block(block_id, name))
    }

    /// Sets the block's own time limit; `None` goes back to the default.
    pub fn set_block_timeout(
        &self,
        block_id: &str,
        timeout_ms: Option<u32>,
    ) -> Result<WorkspaceView> {
        self.edit(|ws| ws.set_block_timeout(block_id, timeout_ms))
    }

    pub fn add_step(&self, flow: &str, name: &str) -> Result<WorkspaceView> {
        self.edit(|ws| ws.add_step(flow, name).map(drop))
    }

    pub fn delete_step(&self, flow: &str, block_id: &str) -> Result<WorkspaceView> {
        self.edit(|ws| ws.delete_step(flow, block_id))
    }

    pub fn move_step(&self, flow: &str, block_id: &str, to_index: usize) -> Result<WorkspaceView> {
        self.edit(|ws| ws.move_step(flow, block_id, to_index))
    }

    pub fn add_flow(&self, name: &str) -> Result<WorkspaceView> {
        self.edit(|ws| ws.add_flow(name))
    }

    pub fn rename_flow(&self, flow: &str, name: &str) -> Result<WorkspaceView> {
        self.edit(|ws| ws.rename_flow(flow, name))
    }

    pub fn delete_flow(&self, flow: &str) -> Result<WorkspaceView> {
        self.edit(|ws| ws.delete_flow(flow))
    }

    pub fn config_vars(&self) -> Result<Vec<ConfigVar>> {
        self.with_workspace(|ws| Ok(ws.manifest().config_vars.clone()))
    }

    /// The config variables as the `configVars` object a block sees, connections left out.
    pub fn config_vars_object(&self) -> Result<Map<String, Value>> {
        self.with_workspace(|ws| Ok(ws.manifest().config_vars_json()))
    }

    /// Sets a config variable, adding it when new.
    pub fn set_config_var(&self, name: &str, value: &str) -> Result<WorkspaceView> {
        self.edit(|ws| ws.set_config_var(name, value))
    }

    /// Removes a config variable; [`Error::InvalidInput`] when there is none by that name.
    pub fn remove_config_var(&self, name: &str) -> Result<WorkspaceView> {
        self.with_workspace(|ws| {
            if !ws.remove_config_var(name)? {
                return Err(Error::InvalidInput(format!(
                    "There is no config variable named \"{name}\"."
                )));
            }
            Ok(WorkspaceView::of(ws))
        })
    }

    /// The block's saved sample input (a trigger's payload, an action's `stepResults`).
    pub fn read_sample(&self, block_id: &str) -> Result<Value> {
        self.with_workspace(|ws| Ok(ws.read_sample(block_id)?))
    }

    pub fn save_sample(&self, block_id: &str, sample: &Value) -> Result<()> {
        self.with_workspace(|ws| Ok(ws.save_sample(block_id, sample)?))
    }

    /// What blocks keep between runs: `instanceState` per flow and `crossFlowState`.
    pub fn persisted_state(&self) -> Result<PersistedState> {
        self.with_workspace(|ws| PersistedState::load(ws))
    }

    /// Empties one flow's `instanceState`.
    pub fn reset_instance_state(&self, flow: &str) -> Result<PersistedState> {
        self.change_persisted_state(|state| {
            state.instance_state.remove(flow);
        })
    }

    /// Empties `crossFlowState`.
    pub fn reset_cross_flow_state(&self) -> Result<PersistedState> {
        self.change_persisted_state(|state| state.cross_flow_state = Value::Object(Map::new()))
    }

    /// The block's recorded runs, newest first.
    pub fn history(&self, block_id: &str) -> Result<Vec<RunSummary>> {
        self.with_workspace(|ws| self.with_history(ws, |history| Ok(history.list(block_id)?)))
    }

    /// The steps a flow run recorded, the trigger first, each with the runs it invoked: the flow run view
    /// links them. `execution_id` is the flow run's (the `run_id` the front end gave "Run flow").
    pub fn flow_run_history(&self, execution_id: &str) -> Result<Vec<RunSummary>> {
        self.with_workspace(|ws| {
            self.with_history(ws, |history| Ok(history.flow_run_steps(execution_id)?))
        })
    }

    /// One recorded run, to re-open, re-run or compare.
    pub fn history_entry(&self, id: i64) -> Result<RunEntry> {
        self.with_workspace(|ws| {
            self.with_history(ws, |history| history.get(id)?.ok_or(Error::UnknownRun(id)))
        })
    }

    /// Applies one edit to the open workspace and answers with the workspace as it now is.
    fn edit(
        &self,
        change: impl FnOnce(&mut Workspace) -> blocksmith_workspace::Result<()>,
    ) -> Result<WorkspaceView> {
        self.with_workspace(|ws| {
            change(ws)?;
            Ok(WorkspaceView::of(ws))
        })
    }

    fn change_persisted_state(
        &self,
        change: impl FnOnce(&mut PersistedState),
    ) -> Result<PersistedState> {
        self.with_workspace(|ws| {
            let mut state = PersistedState::load(ws)?;
            change(&mut state);
            state.save(ws)?;
            Ok(state)
        })
    }
}
