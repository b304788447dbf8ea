//! The Tests panel's commands: list a block's (or a flow's) test cases, replay them offline, accept a failed
//! case's new outcome, delete a case, and save a run of the history (a block's, or a whole flow's) as a new
//! case. A case is named by its `block_id` and `case_id` as listed, with `flow` set for a whole flow's case.

use blocksmith_session::block_tests::{CaseRun, TestRunReport};
use blocksmith_session::types::{CaseOwner, FlowRunOf};
use blocksmith_session::{Session, TestCaseRef, TestRunMode, TestSelection};
use tauri::State;

use crate::commands::blocking;
use crate::error::AppResult;

/// The cases of the block `block_id`, or, when `block_id` is null, of every block of `flow` and of the flow's
/// whole runs; block by block in the workspace's order, each block's sorted by id.
#[tauri::command]
#[specta::specta]
pub async fn test_case_list(
    session: State<'_, Session>,
    block_id: Option<String>,
    flow: Option<String>,
) -> AppResult<Vec<TestCaseRef>> {
    let selection = TestSelection {
        block_id,
        flow,
        case: None,
    };
    blocking(session, move |s| s.test_cases(&selection)).await
}

/// Replays every listed case offline from its cassettes and compares each outcome with the expected one;
/// nothing is saved.
#[tauri::command]
#[specta::specta]
pub async fn test_case_run(
    session: State<'_, Session>,
    block_id: Option<String>,
    flow: Option<String>,
) -> AppResult<TestRunReport> {
    let selection = TestSelection {
        block_id,
        flow,
        case: None,
    };
    blocking(session, move |s| {
        s.run_test_cases(&selection, TestRunMode::Replay)
    })
    .await
}

/// "Accept new result": replays the case offline once more and keeps its outcome as the expected one (a case
/// whose requests the cassette cannot answer is not accepted and stays failed).
#[tauri::command]
#[specta::specta]
pub async fn test_case_accept(
    session: State<'_, Session>,
    block_id: String,
    case_id: String,
    flow: Option<String>,
) -> AppResult<CaseRun> {
    blocking(session, move |s| {
        s.run_test_case(
            owner(&block_id, flow.as_deref()),
            &case_id,
            TestRunMode::Update,
        )
    })
    .await
}

/// Deletes the case's file; answers whether there was one.
#[tauri::command]
#[specta::specta]
pub async fn test_case_remove(
    session: State<'_, Session>,
    block_id: String,
    case_id: String,
    flow: Option<String>,
) -> AppResult<bool> {
    blocking(session, move |s| {
        s.remove_test_case(owner(&block_id, flow.as_deref()), &case_id)
    })
    .await
}

/// "Save as test" on a run of the history: runs the block once more, live, with that run's input, recording
/// what it fetches (see `Session::record_test_case_from_run`), and saves it as the case `name`.
#[tauri::command]
#[specta::specta]
pub async fn test_case_from_run(
    session: State<'_, Session>,
    run_id: i64,
    name: String,
) -> AppResult<CaseRun> {
    blocking(session, move |s| s.record_test_case_from_run(run_id, &name)).await
}

/// "Save as test" on a flow run (the flow run view, or a History row of a flow run or a webhook call): runs the
/// whole flow once more, live, with that run's trigger input, recording what each step fetches (see
/// `Session::record_flow_test_case_from_run`), and saves it as the flow's case `name`.
#[tauri::command]
#[specta::specta]
pub async fn test_case_from_flow_run(
    session: State<'_, Session>,
    flow_run: FlowRunOf,
    name: String,
) -> AppResult<CaseRun> {
    blocking(session, move |s| {
        s.record_flow_test_case_from_run(&flow_run, &name)
    })
    .await
}

/// A listed case's owner: the flow when set, else the block.
fn owner<'a>(block_id: &'a str, flow: Option<&'a str>) -> CaseOwner<'a> {
    match flow {
        Some(flow) => CaseOwner::Flow(flow),
        None => CaseOwner::Block(block_id),
    }
}
