//! The runner of the test binaries that are their own block workers (`harness = false`): they need their own
//! `main`, which answers `__worker` as a worker and otherwise runs the named tests like libtest does (a name given
//! on the command line filters them), printing one line per test.

use std::process::ExitCode;

/// Runs `tests` (each a name and a function that panics on failure) and answers with the suite's exit status.
pub fn run_tests(suite: &str, tests: &[(&str, fn())]) -> ExitCode {
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let mut failed = Vec::new();
    for (name, test) in tests {
        if !filter.is_empty() && !filter.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        match std::panic::catch_unwind(test) {
            Ok(()) => println!("test {name} ... ok"),
            Err(_) => {
                println!("test {name} ... FAILED");
                failed.push(*name);
            }
        }
    }
    if failed.is_empty() {
        println!("{suite}: all passed");
        ExitCode::SUCCESS
    } else {
        println!("{suite}: failed: {failed:?}");
        ExitCode::FAILURE
    }
}
