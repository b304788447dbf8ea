//! The persisted state never blocks runs or Reset: a state file no JSON reader can read (older versions wrote
//! state nested too deeply) is moved aside whole with a notice, and stored states nested deeper than blocks
//! may keep start over.

use std::time::{Duration, UNIX_EPOCH};

use blocksmith_session::{PersistedState, StateNotice};
use blocksmith_workspace::Workspace;
use serde_json::{json, Value};

fn nested(depth: usize) -> Value {
    (0..depth).fold(json!("bottom"), |inner, _| json!({ "level": inner }))
}

fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let workspace = Workspace::open_or_create(dir.path()).unwrap();
    (dir, workspace)
}

#[test]
fn an_unreadable_state_file_is_set_aside_whole_and_reset_and_runs_work_again() {
    let (_dir, workspace) = workspace();
    // What older versions saved after a block left instanceState 200 levels deep: serde_json reads at most
    // 127 levels, so this file could never be read again.
    let bricked = json!({ "instanceState": { "Flow 1": nested(200) }, "crossFlowState": {} });
    workspace.save_state(&bricked).unwrap();
    assert!(workspace.read_state().is_err(), "the file is unreadable");

    let at = UNIX_EPOCH + Duration::from_millis(1_700_000_000_123);
    let state = PersistedState::load_at(&workspace, at).unwrap();
    assert_eq!(state.instance_state, serde_json::Map::new());
    assert_eq!(state.cross_flow_state, json!({}));
    let Some(StateNotice::SetAside {
        path,
        kept_as,
        reason,
    }) = state.notice.clone()
    else {
        panic!("no set-aside notice: {:?}", state.notice);
    };
    assert!(reason.contains("recursion limit"), "{reason}");
    assert_eq!(
        kept_as.file_name().unwrap().to_str().unwrap(),
        format!(
            "{}.unreadable-1700000000123",
            path.file_name().unwrap().to_str().unwrap()
        )
    );
    assert_eq!(kept_as.parent(), path.parent());
    assert!(!path.exists(), "the unreadable file is moved, not copied");
    let kept: String = std::fs::read_to_string(&kept_as).unwrap();
    assert!(kept.matches("\"level\"").count() == 200, "kept whole");
    let message = state.notice.as_ref().unwrap().to_string();
    assert!(
        message.contains(&kept_as.display().to_string()),
        "{message}"
    );

    // Reset (what the app's Reset does) and a run's save both work, and the next load is clean.
    let mut state = PersistedState::load(&workspace).unwrap();
    assert_eq!(state.notice, None);
    state.instance_state.remove("Flow 1");
    state.save(&workspace).unwrap();
    let mut after_run = state.for_run("Flow 1");
    after_run.instance_state = json!({ "count": 1 });
    state.absorb("Flow 1", &after_run);
    state.save(&workspace).unwrap();
    let again = PersistedState::load(&workspace).unwrap();
    assert_eq!(again.notice, None);
    assert_eq!(again.instance_state["Flow 1"], json!({ "count": 1 }));

    // A second unreadable file set aside at the same moment never overwrites the first copy.
    workspace.save_state(&bricked).unwrap();
    let second = PersistedState::load_at(&workspace, at).unwrap();
    let Some(StateNotice::SetAside {
        kept_as: second_copy,
        ..
    }) = second.notice
    else {
        panic!("no set-aside notice");
    };
    assert_ne!(second_copy, kept_as);
    assert!(kept_as.exists() && second_copy.exists());
}

#[test]
fn stored_states_deeper_than_blocks_may_keep_start_over_and_the_rest_is_kept() {
    let (_dir, workspace) = workspace();
    workspace
        .save_state(&json!({
            "instanceState": { "Deep": nested(110), "Fine": { "count": 3 } },
            "crossFlowState": nested(101),
        }))
        .unwrap();
    let state = PersistedState::load(&workspace).unwrap();
    assert_eq!(state.instance_state["Deep"], json!({}));
    assert_eq!(state.instance_state["Fine"], json!({ "count": 3 }));
    assert_eq!(state.cross_flow_state, json!({}));
    assert_eq!(
        state.notice.unwrap().to_string(),
        "The stored instanceState of the flow \"Deep\" and crossFlowState nested more than 100 levels deep, \
         which Blocksmith no longer keeps, so they start empty."
    );
}

#[test]
fn a_state_at_the_limit_is_kept_as_it_is() {
    let (_dir, workspace) = workspace();
    let state =
        json!({ "instanceState": { "Flow 1": nested(100) }, "crossFlowState": nested(100) });
    workspace.save_state(&state).unwrap();
    let loaded = PersistedState::load(&workspace).unwrap();
    assert_eq!(loaded.notice, None);
    assert_eq!(loaded.instance_state["Flow 1"], nested(100));
}
