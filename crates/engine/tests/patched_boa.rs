//! The fix the workspace carries in its patched Boa (`vendor/boa_engine`, see its README), each case one
//! expression evaluated in a block of its own. The cases are those of the upstream pull request
//! (boa-dev/boa#5536); the expected strings are what V8 (Node 20) gives, and the differential suite's
//! `regexp-source.js` checks the same against Node itself.

mod common;

use common::evaluate_data;
use serde_json::Value;

/// What `expression` evaluates to in a block (as JSON).
fn evaluate(expression: &str) -> Value {
    evaluate_data("patched-boa.js", expression)
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

// The DateTimeFormat patch (third in vendor/boa_engine/README.md). Expected strings are Node 20's, as the
// differential blocks intl-datetime-options.js and intl-datetime-parts.js check against Node itself.

const JAN_15: &str = "new Date(Date.UTC(2024, 0, 15, 15, 5, 9, 123))";

#[test]
fn component_widths_are_those_asked_for() {
    let format = |locale: &str, options: &str| {
        eval_string(&format!(
            "new Intl.DateTimeFormat({locale:?}, {{ timeZone: 'UTC', {options} }}).format({JAN_15})"
        ))
    };
    assert_eq!(format("en-US", ""), "1/15/2024");
    assert_eq!(
        format("en-US", "year: '2-digit', month: '2-digit', day: '2-digit'"),
        "01/15/24"
    );
    assert_eq!(
        format("de-DE", "year: 'numeric', month: 'short', day: 'numeric'"),
        "15. Jan. 2024"
    );
    assert_eq!(format("ja-JP", "month: 'long', day: 'numeric'"), "1月15日");
    assert_eq!(format("es-ES", "month: 'narrow'"), "E");
    assert_eq!(
        format(
            "en-US",
            "hour: '2-digit', minute: '2-digit', second: '2-digit'"
        ),
        "03:05:09 PM"
    );
}

#[test]
fn hour12_follows_the_locale_cycle_as_v8_does() {
    let midnight = "new Date(Date.UTC(2024, 0, 15, 0, 5))";
    let format = |locale: &str, hour12: bool| {
        eval_string(&format!(
            "new Intl.DateTimeFormat({locale:?}, {{ timeZone: 'UTC', hour: 'numeric', minute: '2-digit', \
             hour12: {hour12} }}).format({midnight})"
        ))
    };
    assert_eq!(format("en-US", false), "24:05");
    assert_eq!(format("en-GB", true), "0:05 am");
    assert_eq!(format("en-US", true), "12:05 AM");
}

#[test]
fn zones_print_their_names_and_resolve_to_iana_names() {
    assert_eq!(
        eval_string(&format!(
            "new Intl.DateTimeFormat('en-US', {{ timeZone: 'America/New_York', timeZoneName: 'short', \
             hour: 'numeric', minute: '2-digit' }}).format({JAN_15})"
        )),
        "10:05 AM EST"
    );
    assert_eq!(
        eval_string("new Intl.DateTimeFormat('en-US', { timeZone: 'US/Eastern' }).resolvedOptions().timeZone"),
        "America/New_York"
    );
    assert_eq!(
        eval_string("new Intl.DateTimeFormat('de-DE').resolvedOptions().locale"),
        "de-DE"
    );
}

#[test]
fn format_to_parts_splits_fields_and_keeps_the_narrow_space() {
    let parts = evaluate(&format!(
        "new Intl.DateTimeFormat('en-US', {{ timeZone: 'UTC', hour: 'numeric', minute: '2-digit', second: \
         '2-digit', fractionalSecondDigits: 2 }}).formatToParts({JAN_15})"
    ));
    let kinds: Vec<(&str, &str)> = parts
        .as_array()
        .expect("an array")
        .iter()
        .map(|part| {
            (
                part["type"].as_str().expect("a type"),
                part["value"].as_str().expect("a value"),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("hour", "3"),
            ("literal", ":"),
            ("minute", "05"),
            ("literal", ":"),
            ("second", "09"),
            ("literal", "."),
            ("fractionalSecond", "12"),
            ("literal", "\u{202F}"),
            ("dayPeriod", "PM"),
        ]
    );
}

#[test]
fn date_parse_reads_the_en_us_locale_string() {
    assert!(eval_bool(
        "Date.parse('3/10/2024, 1:59:59 AM') === new Date(2024, 2, 10, 1, 59, 59).getTime()"
    ));
    assert!(eval_bool(
        "Date.parse('12/31/2023, 12:30:00 PM') === new Date(2023, 11, 31, 12, 30).getTime()"
    ));
    assert!(eval_bool("Number.isNaN(Date.parse('13/40/2024'))"));
}

/// The twenty-first patch copies and drops values that hold no pointer with one test: values of every kind,
/// copied between registers and overwritten many times over, keep what they hold. (That the overwritten objects
/// and strings are released is `patched_gc.rs`'s collection test.)
#[test]
fn values_of_every_kind_keep_their_contents_through_registers() {
    let value = evaluate(
        r#"(() => {
          const kinds = [1, -0, 2.5, NaN, true, null, undefined, "text", "t" + "wo", Symbol.for("s"), 10n ** 20n, { a: 1 }, [1, 2]];
          const seen = [];
          for (let round = 0; round < 1000; round++) {
            let held;
            for (const kind of kinds) {
              const copy = kind;
              held = copy;
              if (round === 999) seen.push(typeof held === "symbol" ? held.description : typeof held === "bigint" ? String(held) : held);
            }
          }
          return seen.map((v) => (Object.is(v, -0) ? "-0" : Number.isNaN(v) ? "NaN" : v === undefined ? "undefined" : v));
        })()"#,
    );
    assert_eq!(
        value,
        serde_json::json!([1, "-0", 2.5, "NaN", true, null, "undefined", "text", "two", "s", "100000000000000000000", { "a": 1 }, [1, 2]])
    );
}
