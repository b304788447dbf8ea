//! Builds JavaScript values straight from JSON text (the payload, step results, config variables), without
//! an intermediate `serde_json::Value` tree. The values are exactly those `JsValue::from_json` makes from
//! the parsed tree: integers that fit 32 bits as integers, other numbers as doubles, a repeated key's last
//! value kept at its first place, and `__proto__` an ordinary own property (as `JSON.parse` makes it).

use std::collections::HashMap;
use std::fmt;

use boa_engine::builtins::object::OrdinaryObject;
use boa_engine::object::builtins::JsArray;
use boa_engine::object::ObjectInitializer;
use boa_engine::property::{PropertyDescriptor, PropertyKey};
use boa_engine::{Context, JsString, JsValue};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// Distinct keys (and short strings) remembered for reuse; past this (an object used as a map of ids,
/// say) they are made afresh, so the caches cannot grow with the data.
const MAX_CACHED_KEYS: usize = 4096;

/// Strings up to this length are shared when they repeat (tags, statuses, enum-like values): a string is
/// immutable, so sharing one is invisible to the block.
const MAX_SHARED_STRING_BYTES: usize = 16;

/// Parses `text` (valid JSON) into a JavaScript value.
pub fn to_js(text: &str, context: &mut Context) -> serde_json::Result<JsValue> {
    let mut builder = Builder {
        context,
        keys: HashMap::new(),
        strings: HashMap::new(),
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Seed(&mut builder).deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

struct Builder<'c> {
    context: &'c mut Context,
    /// Property keys by their text: a payload of many rows repeats the same few keys.
    keys: HashMap<Box<str>, PropertyKey>,
    strings: HashMap<Box<str>, JsString>,
}

impl Builder<'_> {
    fn key(&mut self, text: &str) -> PropertyKey {
        if let Some(key) = self.keys.get(text) {
            return key.clone();
        }
        let key = PropertyKey::from(JsString::from(text));
        if self.keys.len() < MAX_CACHED_KEYS {
            self.keys.insert(text.into(), key.clone());
        }
        key
    }

    fn string(&mut self, text: &str) -> JsString {
        if text.len() > MAX_SHARED_STRING_BYTES {
            return JsString::from(text);
        }
        if let Some(string) = self.strings.get(text) {
            return string.clone();
        }
        let string = JsString::from(text);
        if self.strings.len() < MAX_CACHED_KEYS {
            self.strings.insert(text.into(), string.clone());
        }
        string
    }
}

/// Deserializes one value into the builder's context.
struct Seed<'b, 'c>(&'b mut Builder<'c>);

impl<'de> DeserializeSeed<'de> for Seed<'_, '_> {
    type Value = JsValue;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<JsValue, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_, '_> {
    type Value = JsValue;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<JsValue, E> {
        Ok(JsValue::null())
    }

    fn visit_bool<E>(self, value: bool) -> Result<JsValue, E> {
        Ok(JsValue::new(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<JsValue, E> {
        Ok(match i32::try_from(value) {
            Ok(small) => JsValue::new(small),
            Err(_) => JsValue::new(value as f64),
        })
    }

    fn visit_u64<E>(self, value: u64) -> Result<JsValue, E> {
        Ok(match i32::try_from(value) {
            Ok(small) => JsValue::new(small),
            Err(_) => JsValue::new(value as f64),
        })
    }

    fn visit_f64<E>(self, value: f64) -> Result<JsValue, E> {
        Ok(JsValue::new(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<JsValue, E> {
        Ok(self.0.string(value).into())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<JsValue, A::Error> {
        let mut values = Vec::with_capacity(items.size_hint().unwrap_or(0));
        while let Some(value) = items.next_element_seed(Seed(&mut *self.0))? {
            values.push(value);
        }
        Ok(JsArray::from_iter(values, self.0.context).into())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> Result<JsValue, A::Error> {
        // A shared shape, as object literals get: rows with the same keys share one chain of shapes
        // instead of each carrying its own property table.
        let object = ObjectInitializer::with_native_data(OrdinaryObject, self.0.context).build();
        while let Some(key) = members.next_key_seed(KeySeed(&mut *self.0))? {
            let value = members.next_value_seed(Seed(&mut *self.0))?;
            let property = PropertyDescriptor::builder()
                .value(value)
                .writable(true)
                .enumerable(true)
                .configurable(true);
            object.insert_property(key, property);
        }
        Ok(object.into())
    }
}

/// Deserializes an object's key into a property key.
struct KeySeed<'b, 'c>(&'b mut Builder<'c>);

impl<'de> DeserializeSeed<'de> for KeySeed<'_, '_> {
    type Value = PropertyKey;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<PropertyKey, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_, '_> {
    type Value = PropertyKey;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an object key")
    }

    fn visit_str<E>(self, value: &str) -> Result<PropertyKey, E> {
        Ok(self.0.key(value))
    }
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
