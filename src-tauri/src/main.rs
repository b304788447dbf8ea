// Release builds on Windows would otherwise open a console window beside the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    // The app starts its own block workers: the same binary, told to be a worker.
    if std::env::args().nth(1).as_deref() == Some(blocksmith_app::WORKER_ARG) {
        return blocksmith_runner::worker_main();
    }
    blocksmith_app::run();
    ExitCode::SUCCESS
}
