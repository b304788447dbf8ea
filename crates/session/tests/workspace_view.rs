//! The workspace view carries each block's `stepResults` key as a flow run names it, so the UI keeps no copy of
//! the platform's camelCase.

use blocksmith_session::WorkspaceView;
use blocksmith_workspace::Workspace;

#[test]
fn each_block_carries_the_step_key_a_flow_run_uses() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open_or_create(dir.path()).unwrap();
    let flow = workspace.manifest().flows[0].clone();
    workspace
        .rename_block(&flow.trigger, "Crème Brûlée")
        .unwrap();
    workspace
        .rename_block(&flow.steps[0], "Bob's Step")
        .unwrap();

    let view = WorkspaceView::of(&workspace);
    let key_of = |id: &str| {
        view.blocks
            .iter()
            .find(|block| block.block.id == id)
            .map(|block| block.step_key.clone())
    };
    assert_eq!(key_of(&flow.trigger).as_deref(), Some("cremeBrulee"));
    assert_eq!(key_of(&flow.steps[0]).as_deref(), Some("bobsStep"));

    let json = serde_json::to_value(&view).unwrap();
    let first = &json["blocks"][0];
    assert!(first["id"].is_string() && first["name"].is_string() && first["stepKey"].is_string());
}
