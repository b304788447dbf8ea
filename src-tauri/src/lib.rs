//! The Blocksmith desktop app: a thin Tauri shell over the Tauri-free crates. Commands live in
//! `commands/`, one module per domain; this file wires them, the state and the plugins together.

mod app_state;
pub mod bindings;
mod commands;
mod consent_window;
mod error;
mod settings;
mod system_browser;

use blocksmith_runner::{Supervisor, SupervisorOptions, WorkerCommand};
use tauri::Manager;

use crate::app_state::AppState;

/// The argument that makes this binary a block worker instead of the app (see `blocksmith_runner`).
pub const WORKER_ARG: &str = "__worker";

/// Workers are this same binary started with `WORKER_ARG`, so the app ships as one file.
fn worker_supervisor() -> std::io::Result<Supervisor> {
    let program = std::env::current_exe()?;
    Ok(Supervisor::new(
        WorkerCommand::new(program, [WORKER_ARG]),
        SupervisorOptions::default(),
    ))
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
            app.manage(AppState::new(config_dir, worker_supervisor()?));
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the Blocksmith window could not be started");
}
