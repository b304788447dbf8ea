// Release builds on Windows would otherwise open a console window beside the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    // The app starts its own block workers: the same binary, told to be a worker.
    if std::env::args().nth(1).as_deref() == Some(blocksmith_app::WORKER_ARG) {
        return blocksmith_session::types::worker_main();
    }
    lighten_web_view();
    blocksmith_app::run();
    ExitCode::SUCCESS
}

/// WebKitGTK settings that cut the window's memory (bench/app.sh measures each) and cost a code editor nothing.
/// WebKit and its JavaScript engine read them from the environment when they start, and the web processes inherit
/// it, so they are set here, before GTK starts and while the app has one thread. A value the user has set wins,
/// so any of them can still be switched back (e.g. `WEBKIT_DISABLE_COMPOSITING_MODE=0`).
#[cfg(target_os = "linux")]
fn lighten_web_view() {
    const SETTINGS: [(&str, &str); 3] = [
        // GPU compositing keeps layer backing stores and a GL context in the web process (~110 MB here). It pays
        // for 3D transforms, video and WebGL; the window has none of those and scrolls text just as well without.
        ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
        // JavaScriptCore compiles a function to machine code after it has run ~500 times; most of Monaco's
        // start-up code runs a few hundred times and never again, and its machine code stayed resident (~20 MB).
        // Ten times the threshold still compiles what stays hot: typing, tokenising, scrolling.
        ("JSC_thresholdForJITAfterWarmUp", "5000"),
        ("JSC_thresholdForJITSoon", "1000"),
    ];
    for (name, value) in SETTINGS {
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn lighten_web_view() {}
