//! The patched bytecompiler (`vendor/boa_engine/src/bytecompiler/local_operands.rs`, see the crate's README)
//! reads and writes a function's locals in their own registers. Each case is a function whose answer
//! depends on the order in which a local is read and assigned; the expected values are what V8 (Node 20)
//! gives, and the differential suite's `local-assignment-order.js` checks the same against Node itself.
//! Boa 0.22 as released got the first five wrong: it read an operand's local in place even when the rest of
//! the expression assigned it.

mod common;

use common::evaluate_data;
use serde_json::{json, Value};

/// What the function `body` returns, called in a block of its own (as JSON).
fn call(body: &str) -> Value {
    evaluate_data(
        "patched-bytecompiler.js",
        &format!("(function () {{ {body} }})()"),
    )
}

#[test]
fn an_operand_keeps_the_value_it_had_before_the_rest_of_the_expression_assigned_it() {
    assert_eq!(call("let x = 1; return x + (x = 5);"), json!(6));
    assert_eq!(
        call("let x = 1; const y = x + x++; return [x, y];"),
        json!([2, 2])
    );
    assert_eq!(
        call("var x = 1; x = x + (x = 10) + x; return x;"),
        json!(21)
    );
    assert_eq!(call("var x = 2; x *= x + (x = 3); return x;"), json!(10));
    assert_eq!(
        call("var i = 0, seen = []; while (i < (i = i + 2, 6)) seen.push(i); return seen;"),
        json!([2, 4, 6])
    );
    assert_eq!(
        call("var a = 1, b; b = (a = 2) + (a = 3) * a; return [a, b];"),
        json!([3, 11])
    );
}

#[test]
fn a_property_target_keeps_the_object_and_key_it_read_first() {
    assert_eq!(
        call("var a = [1, 2], i = 0; a[i] = (i = 1, 9); return [a, i];"),
        json!([[9, 2], 1])
    );
    assert_eq!(
        call("var o = {p: 1}, q = {p: 2}; o.p = (o = q, 7); return [o, q];"),
        json!([{"p": 2}, {"p": 2}])
    );
    assert_eq!(
        call("var o = {p: 1}, q = {p: 2}; return o[(o = q, 'p')];"),
        json!(1)
    );
    assert_eq!(
        call("var a = {x: 1}, k = 'x'; a[k] += (k = 'y', 1); return [a, k];"),
        json!([{"x": 2}, "y"])
    );
}

#[test]
fn minified_assignment_chains_compute_what_v8_computes() {
    // The shape of a Salsa20 quarter round as a minifier writes it (tweetnacl's `nacl-fast.min.js`).
    assert_eq!(
        call(
            "var o = 1, U = 2, T = 3, M = 7, k = 11; \
             U ^= (o = (T ^= (o = (k ^= (o = (M ^= (o = U + T | 0) << 7 | o >>> 25) + U | 0) << 9 | o >>> 23) \
             + M | 0) << 13 | o >>> 19) + k | 0) << 18 | o >>> 14; return [o, U, T, M, k];"
        ),
        json!([-1_567_141_362, 1_211_796_063, -1_567_473_661, 647, 332_299])
    );
    assert_eq!(
        call("var x = 0, y; y = (x += 1, x += 2, x); return [x, y];"),
        json!([3, 3])
    );
    assert_eq!(
        call("var s = 0; for (var i = 0, j = 10; i < j; i++, j--) s += i * j; return [s, i, j];"),
        json!([70, 5, 5])
    );
}

#[test]
fn values_that_read_their_own_target_are_still_whole() {
    assert_eq!(call("let x = 0; x = x || 9; var y = 0; y = y || x; var z = null; z = z ?? y; return [x, y, z];"), json!([9, 9, 9]));
    assert_eq!(call("var a = 1; a = [a, a + 1]; return a;"), json!([1, 2]));
    assert_eq!(
        call("var s = 'ab'; s = s.concat(s, s.length); return s;"),
        json!("abab2")
    );
    assert_eq!(
        call("var a = 5; a = -a; var b = a ? a + 1 : a - 1; b = b > 0 ? b : -b; return [a, b];"),
        json!([-5, 4])
    );
    assert_eq!(
        call("const c = 1; try { c = 2; } catch (error) { return error instanceof TypeError; } return c;"),
        json!(true)
    );
}
