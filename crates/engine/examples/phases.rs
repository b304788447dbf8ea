//! Times one engine run in-process (no worker): `cargo run --release -p blocksmith-engine --example phases
//! -- BLOCK [PAYLOAD] [RUNS]`. For profiling the engine's share of `bench/engine.sh`.

use std::time::Instant;

use blocksmith_engine::{
    json_text, run_block_json, BlockKind, BlockState, EngineOptions, JsonBlockState, JsonRunRequest,
};
use serde_json::value::RawValue;
use serde_json::{json, Value};

fn main() {
    let mut args = std::env::args().skip(1);
    let block = args.next().expect("a block file");
    let payload = args.next().filter(|path| !path.is_empty());
    let runs: usize = args
        .next()
        .map_or(5, |runs| runs.parse().expect("a run count"));
    let source = std::fs::read_to_string(&block).expect("the block is readable");
    let (kind, input) = match &payload {
        Some(path) => (
            BlockKind::Trigger,
            RawValue::from_string(std::fs::read_to_string(path).expect("the payload is readable"))
                .expect("the payload is JSON"),
        ),
        None => (BlockKind::Action, json_text(&json!({}))),
    };
    let state = BlockState {
        instance_state: Value::Null,
        cross_flow_state: Value::Null,
        execution_state: Value::Null,
        integration_state: Value::Null,
    };
    let request = JsonRunRequest {
        source,
        file_name: "block.js".into(),
        kind,
        config_vars: json_text(&json!({})),
        input,
        context: json_text(&json!({ "stepId": "block" })),
        state: JsonBlockState::from(&state),
        debug_mode: false,
    };
    for _ in 0..runs {
        let started = Instant::now();
        let report = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn({
                let request = request.clone();
                move || {
                    let report = run_block_json(&request, &EngineOptions::default());
                    (report, Instant::now())
                }
            })
            .unwrap()
            .join()
            .unwrap();
        let (report, returned_at) = report;
        println!(
            "ok {} run {:.2} ms (reported {:.2} ms), thread end {:.2} ms, returned {} bytes",
            report.outcome.ok,
            (returned_at - started).as_secs_f64() * 1000.0,
            report.outcome.duration_ms,
            returned_at.elapsed().as_secs_f64() * 1000.0,
            report.outcome.returned.get().len()
        );
    }
}
