//! What blocks keep between runs (`instanceState` per flow, `crossFlowState`): viewed and reset.

use blocksmith_session::{PersistedState, Session};
use serde::Serialize;
use serde_json::{Map, Value};
use tauri::State;

use crate::commands::blocking;
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
pub async fn state_read(session: State<'_, Session>) -> AppResult<StateView> {
    blocking(session, |s| Ok(s.persisted_state()?.into())).await
}

/// Empties one flow's `instanceState`.
#[tauri::command]
#[specta::specta]
pub async fn state_reset_instance(
    session: State<'_, Session>,
    flow: String,
) -> AppResult<StateView> {
    blocking(session, move |s| Ok(s.reset_instance_state(&flow)?.into())).await
}

/// Empties `crossFlowState`.
#[tauri::command]
#[specta::specta]
pub async fn state_reset_cross_flow(session: State<'_, Session>) -> AppResult<StateView> {
    blocking(session, |s| Ok(s.reset_cross_flow_state()?.into())).await
}
