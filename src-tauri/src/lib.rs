//! The Blocksmith desktop app: a thin Tauri shell over the Tauri-free crates. Commands live in
//! `commands/`, one module per domain; this file wires them, the state and the plugins together.

mod app_host;
pub mod bindings;
mod commands;
mod consent_window;
mod error;
mod settings;
mod window_geometry;

use blocksmith_session::{Session, Workers};
use tauri::Manager;

use crate::app_host::AppHost;
use crate::settings::ConfigDir;

/// The argument that makes this binary a block worker instead of the app (see `blocksmith_session::types::worker_main`).
pub const WORKER_ARG: &str = "__worker";

/// Workers are this same binary started with `WORKER_ARG`, so the app ships as one file; one is kept warm so a
/// run starts at once.
fn workers() -> std::io::Result<Workers> {
    Ok(Workers {
        program: std::env::current_exe()?,
        arg: WORKER_ARG.to_string(),
        warm: 1,
    })
}

pub fn run() {
    let builder = bindings::builder();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let config_dir = match std::env::var_os("BLOCKSMITH_CONFIG_DIR") {
                Some(dir) => dir.into(),
                None => app.path().app_config_dir()?,
            };
            if let Some(window) = app.get_webview_window("main") {
                window_geometry::remember(&window, config_dir.clone());
            }
            app.manage(ConfigDir(config_dir));
            app.manage(Session::new(
                AppHost {
                    app: app.handle().clone(),
                },
                workers()?,
            ));
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the Blocksmith window could not be started");
}
