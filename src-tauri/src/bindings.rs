//! The typed IPC surface: every command the UI may call, collected once. `ui/src/bindings.ts` is generated
//! from it (`BLOCKSMITH_WRITE_BINDINGS=1 cargo test -p blocksmith-app --test bindings`), and a test fails
//! when the committed file is stale.

use specta_typescript::{BigIntExportBehavior, Typescript};
use tauri_specta::{collect_commands, collect_events, Builder};

use crate::commands::{
    block_tests, connections, debug, export, oauth, persisted_state, preferences, runs, webhook,
    workspace,
};

pub fn builder() -> Builder<tauri::Wry> {
    let builder = Builder::<tauri::Wry>::new()
        .events(collect_events![
            webhook::WebhookCallEvent,
            runs::RunLogEvent,
            debug::DebugNoticeEvent
        ])
        // The failures the connections panel shows as an unreachable keyring, with a way to retry.
        .constant(
            "KEYRING_ERROR_CODES",
            blocksmith_session::ErrorCode::KEYRING,
        )
        // The connection form warns about a secret too short to be redacted from what runs leave behind.
        .constant(
            "MIN_REDACTED_SECRET_CHARS",
            blocksmith_session::types::MIN_REDACTED_CHARS as u32,
        );
    builder.commands(collect_commands![
        workspace::workspace_open,
        workspace::workspace_current,
        workspace::block_read,
        workspace::block_save,
        workspace::block_rename,
        workspace::block_set_timeout,
        workspace::step_create,
        workspace::step_delete,
        workspace::step_move,
        workspace::flow_create,
        workspace::flow_rename,
        workspace::flow_delete,
        workspace::config_var_set,
        workspace::config_var_remove,
        workspace::sample_read,
        workspace::sample_save,
        runs::run_block,
        debug::debug_block,
        debug::debug_flow,
        debug::debug_command,
        debug::breakpoints_get,
        debug::breakpoints_save,
        runs::run_flow,
        runs::run_stop,
        runs::payload_from_request,
        runs::history_list,
        runs::history_get,
        runs::history_flow_run,
        block_tests::test_case_list,
        block_tests::test_case_run,
        block_tests::test_case_accept,
        block_tests::test_case_remove,
        block_tests::test_case_from_run,
        block_tests::test_case_from_flow_run,
        persisted_state::state_read,
        persisted_state::state_reset_instance,
        persisted_state::state_reset_cross_flow,
        connections::connection_kinds,
        connections::connection_list,
        connections::connection_save,
        connections::connection_delete,
        connections::connection_host_changes,
        connections::connection_accept_host_change,
        connections::secret_reveal,
        oauth::oauth_status,
        oauth::oauth_connect,
        oauth::oauth_connect_in_browser,
        oauth::oauth_system_browser_redirect_uri,
        oauth::oauth_cancel,
        oauth::oauth_discover,
        oauth::oauth_presets,
        oauth::oauth_preset_values,
        oauth::oauth_fetch_token,
        oauth::oauth_refresh,
        oauth::oauth_disconnect,
        oauth::oauth_last_exchange,
        export::export_preview,
        export::export_to_file,
        export::import_file,
        export::import_contents,
        webhook::webhook_start,
        webhook::webhook_stop,
        webhook::webhook_status,
        preferences::preferences_read,
        preferences::theme_set,
        preferences::last_block_remember,
        preferences::pane_widths_remember,
    ])
}

/// The TypeScript bindings as text, exactly as they are committed.
pub fn typescript() -> String {
    let dir = std::env::temp_dir().join(format!("blocksmith-bindings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("the temp folder is writable");
    let path = dir.join("bindings.ts");
    builder()
        .export(
            Typescript::default()
                // Run ids and timestamps are i64 in Rust but stay far below 2^53.
                .bigint(BigIntExportBehavior::Number)
                .header("// @ts-nocheck\n"),
            &path,
        )
        .expect("the command types export to TypeScript");
    let text = std::fs::read_to_string(&path).expect("the exported bindings are readable");
    let _ = std::fs::remove_dir_all(&dir);
    with_constants_sorted(&text)
}

/// tauri-specta keeps constants in a hash map, so their order changes from run to run; sorted, the generated
/// file is the same every time.
fn with_constants_sorted(text: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // The builder's constants are named in capitals (`export const MIN_… = …`), unlike `commands` and `events`.
    let is_constant = |line: &str| {
        line.strip_prefix("export const ")
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
    };
    let Some(first) = lines.iter().position(|line| is_constant(line)) else {
        return text.to_string();
    };
    let count = lines[first..]
        .iter()
        .take_while(|line| is_constant(line))
        .count();
    let mut constants = lines[first..first + count].to_vec();
    constants.sort_unstable();
    let mut sorted = lines[..first].concat();
    sorted.push_str(&constants.concat());
    sorted.push_str(&lines[first + count..].concat());
    sorted
}
