//! Builds JavaScript values straight from JSON text (the payload, step results, config variables), without
//! an intermediate `serde_json::Value` tree: the engine's own `JSON.parse` reader (patched into the vendored
//! engine, `builtins/json/from_text.rs`), so a payload is exactly what `JSON.parse` makes of its text:
//! integers that fit 32 bits as integers, other numbers as doubles, a repeated key's last value kept at its
//! first place, `__proto__` an ordinary own property, and rows with the same keys sharing one object shape.

use boa_engine::builtins::json::parse_json_text;
use boa_engine::{Context, JsValue};

/// Parses `text` (valid JSON) into a JavaScript value.
pub fn to_js(text: &str, context: &mut Context) -> serde_json::Result<JsValue> {
    parse_json_text(text, context)
}

#[cfg(test)]
mod tests {
    use boa_engine::value::JsVariant;
    use boa_engine::{Context, JsValue};
    use serde_json::Value;

    use super::to_js;

    /// Each case built from text must be the value `JsValue::from_json` builds from the parsed tree.
    #[test]
    fn builds_what_from_json_builds() {
        let cases = [
            "null",
            "true",
            "0",
            "-0",
            "-7",
            "2147483647",
            "2147483648",
            "-2147483649",
            "18446744073709551615",
            "12345678901234567890123",
            "0.1",
            "-2.5e-7",
            "1e300",
            r#""plain""#,
            r#""é 日本 😀 \u0000 \n \"q\" \ud83d\ude00""#,
            "[]",
            r#"[1, "two", null, [true, {"a": []}]]"#,
            r#"{"b": 1, "a": {"z": 2, "y": 3}, "10": "ten", "2": "two", "-1": "minus"}"#,
            r#"{"dup": 1, "other": 2, "dup": 3}"#,
            r#"{"__proto__": {"polluted": true}, "k\u0065y": "escaped key"}"#,
        ];
        let context = &mut crate::intl_data::test_context();
        let stringify = context
            .eval(boa_engine::Source::from_bytes(
                "(v) => JSON.stringify([v, Object.getPrototypeOf(v ?? 0) === Object.prototype, \
                 typeof v === 'number' && Object.is(v, -0), \
                 v && typeof v === 'object' ? Object.getOwnPropertyNames(v) : null])",
            ))
            .unwrap();
        let stringify = stringify.as_callable().unwrap().clone();
        let show = |value: JsValue, context: &mut Context| {
            stringify
                .call(&JsValue::undefined(), &[value], context)
                .unwrap()
                .as_string()
                .unwrap()
                .to_std_string_escaped()
        };
        for case in cases {
            let tree: Value = serde_json::from_str(case).unwrap();
            let expected = JsValue::from_json(&tree, context).unwrap();
            let built = to_js(case, context).unwrap();
            let is_int32 = |value: &JsValue| matches!(value.variant(), JsVariant::Integer32(_));
            assert_eq!(is_int32(&built), is_int32(&expected), "{case}");
            let (built, expected) = (show(built, context), show(expected, context));
            assert_eq!(built, expected, "{case}");
        }
    }

    #[test]
    fn refuses_text_that_is_not_json() {
        let context = &mut crate::intl_data::test_context();
        assert!(to_js("{\"a\": }", context).is_err());
        assert!(to_js("1 2", context).is_err());
    }
}
