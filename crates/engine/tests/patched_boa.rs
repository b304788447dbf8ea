//! The fix the workspace carries in its patched Boa (`vendor/boa_engine`, see its README), each case one
//! expression evaluated in a block of its own. The cases are those of the upstream pull request
//! (boa-dev/boa#5536); the expected strings are what V8 (Node 20) gives, and the differential suite's
//! `regexp-source.js` checks the same against Node itself.

use blocksmith_engine::{run_block, BlockKind, BlockState, EngineOptions, RunRequest};
use serde_json::{json, Value};

/// What `expression` evaluates to in a block (as JSON).
fn evaluate(expression: &str) -> Value {
    let request = RunRequest {
        source: format!("module.exports = () => ({{ data: {expression} }});\n"),
        file_name: "patched-boa.js".to_owned(),
        kind: BlockKind::Action,
        config_vars: json!({}),
        input: json!({}),
        context: json!({}),
        state: BlockState::default(),
        debug_mode: false,
    };
    let report = run_block(&request, &EngineOptions::default());
    assert!(
        report.outcome.ok,
        "`{expression}` failed: {:?}",
        report.outcome.error
    );
    report.outcome.result
}

fn eval_string(expression: &str) -> String {
    match evaluate(expression) {
        Value::String(text) => text,
        other => panic!("`{expression}` is not a string: {other}"),
    }
}

fn eval_bool(expression: &str) -> bool {
    match evaluate(expression) {
        Value::Bool(value) => value,
        other => panic!("`{expression}` is not a boolean: {other}"),
    }
}

#[test]
fn an_escaped_slash_keeps_one_backslash() {
    assert_eq!(eval_string(r"/a\/b/.source"), r"a\/b");
    assert_eq!(eval_string(r"/https?:\/\//.source"), r"https?:\/\/");
    assert_eq!(eval_string(r"/\/\//.source"), r"\/\/");
    assert_eq!(eval_string(r#"new RegExp("\\/").source"#), r"\/");
    assert_eq!(eval_string(r#"new RegExp("\\//\\//").source"#), r"\/\/\/\/");
    assert_eq!(eval_string(r"/a\/b/g.toString()"), r"/a\/b/g");
}

#[test]
fn a_bare_slash_is_escaped() {
    assert_eq!(eval_string(r#"new RegExp("a/b").source"#), r"a\/b");
    assert_eq!(eval_string(r#"new RegExp("////").source"#), r"\/\/\/\/");
    assert_eq!(eval_string(r#"new RegExp("/").toString()"#), r"/\//");
}

#[test]
fn a_slash_after_an_escaped_backslash_is_still_escaped() {
    // The pattern `\\/`: an escaped backslash, then a bare `/`.
    assert_eq!(eval_string(r#"new RegExp("\\\\/").source"#), r"\\\/");
    assert_eq!(eval_string(r"/\\\//.source"), r"\\\/");
    // `\\\/`: an escaped backslash, then an escaped `/`.
    assert_eq!(eval_string(r#"new RegExp("\\\\\\/").source"#), r"\\\/");
}

#[test]
fn line_terminators_become_escapes_once() {
    for (character, letter) in [
        ("\\n", "n"),
        ("\\r", "r"),
        ("\\u2028", "u2028"),
        ("\\u2029", "u2029"),
    ] {
        // A bare line terminator.
        assert_eq!(
            eval_string(&format!(r#"new RegExp("{character}").source"#)),
            format!(r"\{letter}")
        );
        // One the pattern escapes with a backslash already.
        assert_eq!(
            eval_string(&format!(r#"new RegExp("\\{character}").source"#)),
            format!(r"\{letter}")
        );
    }
    // An escaped backslash followed by the letter n is not a line terminator at all.
    assert_eq!(eval_string(r"/\\n/.source"), r"\\n");
    assert_eq!(eval_string(r"/\\\\n/.source"), r"\\\\n");
}

#[test]
fn the_empty_pattern_is_still_a_non_capturing_group() {
    assert_eq!(eval_string(r#"new RegExp("").source"#), "(?:)");
    assert_eq!(eval_string("RegExp.prototype.source"), "(?:)");
}

#[test]
fn a_regex_rebuilt_from_its_source_behaves_the_same() {
    assert!(eval_bool(
        r#"new RegExp(/https?:\/\//.source).test("http://example.com")"#
    ));
    assert!(eval_bool(r#"new RegExp(/a\/b/.source).test("a/b")"#));
    let round_trips = r#"
        [/a\/b/gi, /\\\//, /[\/]/, /\\n/, new RegExp("\\\n"), new RegExp("\n", "m"), new RegExp("\\\u2028")]
            .every((re) => {
                const again = new RegExp(re.source, re.flags);
                const evaluated = eval(String(re));
                return again.source === re.source && evaluated.source === re.source
                    && again.flags === re.flags;
            })
    "#;
    assert!(eval_bool(round_trips));
}
