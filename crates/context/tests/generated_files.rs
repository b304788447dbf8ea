//! The editor's module generated from the table must be the committed one. Run with
//! `BLOCKSMITH_WRITE_BINDINGS=1` (as for the app's bindings) to regenerate it after changing a member.

const EDITOR_MODULE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../ui/src/editor/contextMembers.ts"
);

#[test]
fn the_committed_editor_module_matches_the_table() {
    let generated = blocksmith_context::editor_module();
    if std::env::var_os("BLOCKSMITH_WRITE_BINDINGS").is_some() {
        std::fs::write(EDITOR_MODULE, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(EDITOR_MODULE).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/editor/contextMembers.ts is stale: regenerate it with \
         `BLOCKSMITH_WRITE_BINDINGS=1 cargo test -p blocksmith-context` and commit it"
    );
}
