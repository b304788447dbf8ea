//! What blocks keep between runs (`instanceState` per flow, `crossFlowState`): viewed and reset.

use blocksmith_session::PersistedState;
use serde::Serialize;
use serde_json::{Map, Value};
use tauri::State;

use crate::app_state::AppState;
use crate::error::AppResult;

#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StateView {
    /// `instanceState` by flow name.
    pub instance_state: Map<String, Value>,
    pub cross_flow_state: Value,
}

impl From<PersistedState> for StateView {
    fn from(state: PersistedState) -> Self {
        StateView {
            instance_state: state.instance_state,
            cross_flow_state: state.cross_flow_state,
        }
    }
}

#[tauri::command]
#[specta::specta]
pub fn state_read(state: State<'_, AppState>) -> AppResult<StateView> {
    state.with_workspace(|ws| Ok(PersistedState::load(ws)?.into()))
}

/// Empties one flow's `instanceState`.
#[tauri::command]
#[specta::specta]
pub fn state_reset_instance(state: State<'_, AppState>, flow: String) -> AppResult<StateView> {
    change(&state, |persisted| {
        persisted.instance_state.remove(&flow);
    })
}

/// Empties `crossFlowState`.
#[tauri::command]
#[specta::specta]
pub fn state_reset_cross_flow(state: State<'_, AppState>) -> AppResult<StateView> {
    change(&state, |persisted| {
        persisted.cross_flow_state = Value::Object(Map::new())
    })
}

fn change(state: &AppState, reset: impl FnOnce(&mut PersistedState)) -> AppResult<StateView> {
    state.with_workspace(|ws| {
        let mut persisted = PersistedState::load(ws)?;
        reset(&mut persisted);
        persisted.save(ws)?;
        Ok(persisted.into())
    })
}
