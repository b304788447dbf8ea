//! A frozen run (a test case's): `Date` stands at the recorded instant, `Math.random` and `crypto`'s random
//! values come from the recorded seed, so two runs give the same values; timers still wait in real time.

mod common;

use blocksmith_engine::{run_block, BlockKind, EngineOptions, FrozenInputs};
use serde_json::{json, Value};

fn run_frozen(frozen: Option<FrozenInputs>) -> Value {
    let request = common::request("frozen-values.js", BlockKind::Action, json!({}));
    let report = run_block(
        &request,
        &EngineOptions {
            frozen,
            ..EngineOptions::default()
        },
    );
    assert!(report.outcome.ok, "{:?}", report.outcome.error);
    report.outcome.result
}

const AT: FrozenInputs = FrozenInputs {
    now_ms: 1_764_770_000_123,
    random_seed: 42,
};

#[test]
fn the_clock_stands_still_and_random_values_repeat_for_the_same_seed() {
    let first = run_frozen(Some(AT));
    let second = run_frozen(Some(AT));
    assert_eq!(first["now"], json!(1_764_770_000_123_i64));
    assert_eq!(first["date"], json!("2025-12-03T13:53:20.123Z"));
    assert_eq!(first["parsedStillWorks"], json!(1_577_934_245_000_i64));
    for field in ["random", "uuid", "bytes", "nodeBytes"] {
        assert_eq!(first[field], second[field], "{field} repeats");
    }
    let random = first["random"].as_array().unwrap();
    assert_ne!(random[0], random[1], "successive values still differ");
    assert!(random
        .iter()
        .all(|n| (0.0..1.0).contains(&n.as_f64().unwrap())));
    let uuid = first["uuid"].as_str().unwrap();
    assert_eq!(&uuid[14..15], "4", "still a version 4 UUID: {uuid}");
    assert!(
        first["waitedMs"].as_f64().unwrap() >= 49.0,
        "the timer waited"
    );
}

#[test]
fn another_seed_gives_other_values_and_an_unfrozen_run_reads_the_real_clock() {
    let other = run_frozen(Some(FrozenInputs {
        random_seed: 7,
        ..AT
    }));
    let frozen = run_frozen(Some(AT));
    assert_ne!(other["uuid"], frozen["uuid"]);
    assert_ne!(other["random"], frozen["random"]);
    let live = run_frozen(None);
    assert!(live["now"].as_i64().unwrap() > AT.now_ms);
}
