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

const KINDS_FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../ui/src/connections/fixtures/connection-kinds.json"
);

/// The UI's unit tests read the connection kinds as the `connection_kinds` command answers them; the fixture is
/// that answer, so a change to a kind in Rust reaches those tests (regenerated like the bindings).
#[test]
fn the_ui_fixture_of_connection_kinds_is_what_the_app_answers() {
    let answered = serde_json::to_string_pretty(&blocksmith_session::types::connection_kinds())
        .unwrap()
        + "\n";
    if std::env::var_os("BLOCKSMITH_WRITE_BINDINGS").is_some() {
        std::fs::write(KINDS_FIXTURE, &answered).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(KINDS_FIXTURE).unwrap_or_default();
    assert!(
        committed == answered,
        "ui/src/connections/fixtures/connection-kinds.json is stale: regenerate it with `BLOCKSMITH_WRITE_BINDINGS=1 cargo test -p blocksmith-app --test bindings` and commit it"
    );
}
