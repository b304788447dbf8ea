//! The committed TypeScript bindings must match the Rust command signatures. Run with
//! `BLOCKSMITH_WRITE_BINDINGS=1` to regenerate the file after changing a command.

const BINDINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/bindings.ts");

#[test]
fn committed_bindings_match_the_commands() {
    let generated = blocksmith_app::bindings::typescript();
    if std::env::var_os("BLOCKSMITH_WRITE_BINDINGS").is_some() {
        std::fs::write(BINDINGS, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(BINDINGS).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/bindings.ts is stale: regenerate it with `BLOCKSMITH_WRITE_BINDINGS=1 cargo test -p blocksmith-app --test bindings` and commit it"
    );
}
