//! Tests of the patched Boa (`vendor/boa_engine`, see its README) that need a bare context rather than a block:
//! a run of a block sets no loop iteration limit, so what happens at one is checked here.

use boa_engine::Source;

use crate::intl_data::test_context;

/// The twenty-second patch runs a loop of number arithmetic in one handler call, counting its turns there: a
/// loop limit set on the context still stops the loop with the error the handler raises, and a loop under the
/// limit finishes.
#[test]
fn a_loop_of_number_arithmetic_still_stops_at_the_loop_limit() {
    let mut context = test_context();
    context.runtime_limits_mut().set_loop_iteration_limit(1000);
    let error = context
        .eval(Source::from_bytes(
            "let x = 0; const words = new Uint32Array(4); for (;;) { x = x * 3 + 1 | 0; words[x & 3] = x; }",
        ))
        .expect_err("an endless loop must hit the limit");
    assert!(
        error
            .to_string()
            .contains("maximum number of iteration loops"),
        "{error}"
    );

    let finished = context
        .eval(Source::from_bytes(
            "let total = 0; for (let i = 0; i < 999; i++) total = total + i * 2; total",
        ))
        .expect("a loop under the limit finishes");
    assert_eq!(finished.as_number(), Some(997_002.0));
}

/// `String.prototype.repeat` counts its turns against the same limit from inside a call; counting must not
/// run the caller's frame on (with the twenty-second patch it did, and the call returned its own argument).
#[test]
fn repeat_counts_its_turns_without_running_its_caller_on() {
    let mut context = test_context();
    let value = context
        .eval(Source::from_bytes(
            "const parts = []; for (let i = 1; i < 4; i++) parts.push(\"ab\".repeat(i) + (i + 1)); parts.join(\",\")",
        ))
        .expect("repeat runs");
    assert_eq!(
        value.as_string().map(|text| text.to_std_string_escaped()),
        Some("ab2,abab3,ababab4".to_owned())
    );

    context.runtime_limits_mut().set_loop_iteration_limit(10);
    let error = context
        .eval(Source::from_bytes("\"ab\".repeat(100)"))
        .expect_err("a repeat past the limit must stop");
    assert!(
        error
            .to_string()
            .contains("maximum number of iteration loops"),
        "{error}"
    );
}
