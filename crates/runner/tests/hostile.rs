//! Hostile blocks: each must end with `ok: false`, a clear error and the right failure kind, within its
//! time limit plus one second, and leave the supervisor able to run a normal block afterwards.

mod common;

use std::time::{Duration, Instant};

use blocksmith_engine::{FailureKind, RunReport};
use blocksmith_runner::{RunLimits, Supervisor};

const TIME_LIMIT_MS: u64 = 2_000;

/// What a hostile block must end with: the error names it may give (a hostile block can fail in more
/// than one acceptable way, e.g. a RangeError or the memory limit) and the kind each name implies.
struct Expectation {
    fixture: &'static str,
    errors: &'static [(&'static str, FailureKind)],
    message_contains: &'static str,
    time_limit_ms: u64,
}

const fn expect(
    fixture: &'static str,
    errors: &'static [(&'static str, FailureKind)],
    message_contains: &'static str,
) -> Expectation {
    Expectation {
        fixture,
        errors,
        message_contains,
        time_limit_ms: TIME_LIMIT_MS,
    }
}

const TIMEOUT: (&str, FailureKind) = ("TimeoutError", FailureKind::Limit);
const MEMORY: (&str, FailureKind) = ("MemoryLimitError", FailureKind::Limit);
const STACK: (&str, FailureKind) = ("RangeError", FailureKind::Block);

fn hostile_blocks() -> Vec<Expectation> {
    vec![
        expect("infinite_loop.js", &[TIMEOUT], "2000 ms time limit"),
        expect("loop_after_await.js", &[TIMEOUT], "2000 ms time limit"),
        expect(
            "unbounded_recursion.js",
            &[STACK],
            "Maximum call stack size exceeded",
        ),
        expect(
            "recursion_through_map.js",
            &[STACK],
            "Maximum call stack size exceeded",
        ),
        expect(
            "nested_parentheses.js",
            &[STACK, ("SyntaxError", FailureKind::Block)],
            "",
        ),
        // Boa's JSON.stringify slows down with depth (about 20 s at 20,000 levels), so this one often times out.
        expect("deep_json_stringify.js", &[STACK, TIMEOUT], ""),
        expect(
            "huge_array.js",
            &[MEMORY, TIMEOUT, ("RangeError", FailureKind::Block)],
            "",
        ),
        expect(
            "string_doubling.js",
            &[("RangeError", FailureKind::Block), MEMORY],
            "",
        ),
        expect("catastrophic_regex.js", &[TIMEOUT], "2000 ms time limit"),
        expect(
            "never_settles.js",
            &[("Error", FailureKind::Block)],
            "never settled",
        ),
        Expectation {
            // A million log calls take a few seconds on Boa; the point here is the cap, not the clock.
            time_limit_ms: 30_000,
            ..expect(
                "million_logs.js",
                &[("Error", FailureKind::Block)],
                "logged a million lines",
            )
        },
        expect(
            "deep_result.js",
            &[("NestingLimitError", FailureKind::Limit)],
            "nested more than 100 levels deep (under \"data\")",
        ),
        expect(
            "huge_result.js",
            &[("ResultTooLargeError", FailureKind::Limit), MEMORY],
            "",
        ),
    ]
}

fn check(supervisor: &Supervisor, expectation: &Expectation) -> Result<RunReport, String> {
    let limits = RunLimits::new(expectation.time_limit_ms, 512);
    let started = Instant::now();
    let report = supervisor
        .run(
            supervisor.next_run_id(),
            common::action(expectation.fixture),
            limits,
        )
        .map_err(|error| format!("the supervisor failed: {error}"))?;
    let elapsed = started.elapsed();
    let allowed = Duration::from_millis(expectation.time_limit_ms) + Duration::from_secs(1);
    if elapsed > allowed {
        return Err(format!("took {elapsed:?}, more than {allowed:?}"));
    }
    if report.outcome.ok {
        return Err("ended with ok: true".into());
    }
    let error = report
        .outcome
        .error
        .clone()
        .ok_or("ended without an error")?;
    let Some((_, kind)) = expectation
        .errors
        .iter()
        .find(|(name, _)| *name == error.name)
    else {
        return Err(format!("ended with {}: {}", error.name, error.message));
    };
    if report.failure != Some(*kind) {
        return Err(format!(
            "{} came with failure kind {:?}",
            error.name, report.failure
        ));
    }
    if !error.message.contains(expectation.message_contains) {
        return Err(format!(
            "the message {:?} lacks {:?}",
            error.message, expectation.message_contains
        ));
    }
    if error.message.trim().is_empty() {
        return Err("the error message is empty".into());
    }
    Ok(report)
}

#[test]
fn every_hostile_block_fails_cleanly_and_the_supervisor_runs_on() {
    let supervisor = common::supervisor();
    let mut failures = Vec::new();
    for expectation in hostile_blocks() {
        match check(&supervisor, &expectation) {
            Ok(report) => {
                let error = report.outcome.error.unwrap();
                eprintln!("{}: {}: {}", expectation.fixture, error.name, error.message);
                if expectation.fixture == "million_logs.js" {
                    let logs = &report.outcome.logs;
                    let note = logs.last().map(|line| line.message.as_str()).unwrap_or("");
                    if logs.len() > 10_001 || !note.contains("more log lines were dropped") {
                        failures.push(format!(
                            "million_logs.js: {} log lines, last {note:?}",
                            logs.len()
                        ));
                    }
                }
            }
            Err(problem) => failures.push(format!("{}: {problem}", expectation.fixture)),
        }
    }

    let normal = supervisor
        .run(
            supervisor.next_run_id(),
            common::action_template(),
            RunLimits::default(),
        )
        .expect("the supervisor still runs blocks");
    assert!(
        normal.outcome.ok,
        "a normal block after the hostile ones: {:?}",
        normal.outcome.error
    );
    assert!(
        failures.is_empty(),
        "hostile blocks not handled:\n{}",
        failures.join("\n")
    );
}
