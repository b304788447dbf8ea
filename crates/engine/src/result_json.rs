//! Converts what a block returns into JSON text by walking it in Rust with `JSON.stringify`'s semantics,
//! so a large result is neither printed by the engine and parsed back nor built as a tree. The text is
//! exactly what serde_json prints for the value (the report's format), written straight into one buffer.
//! Anything the walk does not mirror exactly (a Proxy, a cycle, a BigInt, a wrapper or other exotic object,
//! a lone surrogate) makes it give up, and the caller converts through the engine's own `JSON.stringify`,
//! which also words the errors as Node does. Nesting deeper than `MAX_JSON_DEPTH` is refused outright: nothing
//! downstream could read it back, and walking on could overflow the native stack.

use std::collections::HashSet;
use std::io::Write;
use std::ops::Range;

use boa_engine::builtins::proxy::Proxy;
use boa_engine::object::builtins::JsArray;
use boa_engine::property::PropertyKey;
use boa_engine::string::JsStrVariant;
use boa_engine::value::JsVariant;
use boa_engine::{js_string, Context, JsObject, JsResult, JsString, JsValue};
use serde_json::{Number, Value};

use crate::nesting::{TooDeep, MAX_JSON_DEPTH};

/// Why the walk wrote no text.
#[derive(Debug)]
pub enum Unconverted {
    /// The value holds something the walk does not mirror, or the block's own code (a `toJSON` or a getter)
    /// threw. `JSON.stringify` must convert it, which also reports such an error as Node words it (a
    /// `TypeError` from a block's `toJSON` is checked for a cycle or a BigInt first, as in the engine path).
    NotMirrored,
    /// The value nests deeper than `MAX_JSON_DEPTH`: refused, not converted another way.
    TooDeep(TooDeep),
}

impl From<boa_engine::JsError> for Unconverted {
    fn from(_: boa_engine::JsError) -> Self {
        Self::NotMirrored
    }
}

/// The key a value is held under, made into text only when a `toJSON` asks for it.
enum Key {
    Name(JsString),
    Index(u64),
}

impl Key {
    fn text(self) -> JsString {
        match self {
            Self::Name(name) => name,
            Self::Index(index) => JsString::from(index.to_string().as_str()),
        }
    }
}

/// A value converted to JSON text, with where the top-level object's members sit in it.
pub struct Converted {
    pub text: String,
    /// `(name, span of its value in text)` for each member when the value is an object.
    members: Vec<(String, Range<usize>)>,
}

impl Converted {
    /// The text of the top-level member `name`, when the value is an object holding it.
    pub fn member(&self, name: &str) -> Option<&str> {
        self.members
            .iter()
            .find(|(member, _)| member == name)
            .map(|(_, span)| &self.text[span.clone()])
    }
}

/// `JSON.stringify(value)` as serde_json would print `JSON.parse` of it: `None` where `JSON.stringify`
/// returns `undefined`.
pub fn to_json_text(
    value: &JsValue,
    context: &mut Context,
) -> Result<Option<Converted>, Unconverted> {
    let mut walk = Walk {
        context,
        open: HashSet::new(),
        out: Vec::new(),
        members: Vec::new(),
        member_in_progress: None,
    };
    if !walk.property(value.clone(), Key::Name(js_string!()))? {
        return Ok(None);
    }
    // Only valid UTF-8 was written: ASCII punctuation and text from Rust strings.
    let text = String::from_utf8(walk.out).map_err(|_| Unconverted::NotMirrored)?;
    Ok(Some(Converted {
        text,
        members: walk.members,
    }))
}

/// Reads `Converted` from a tree (for values the engine's `JSON.stringify` converted).
pub fn from_tree(value: &Value) -> Converted {
    let text = value.to_string();
    let members = match value {
        Value::Object(object) => {
            let mut members = Vec::with_capacity(object.len());
            // Re-print each member to find its span: these values are the uncommon fallback.
            let mut at = 1;
            for (index, (name, member)) in object.iter().enumerate() {
                if index > 0 {
                    at += 1;
                }
                at += Value::String(name.clone()).to_string().len() + 1;
                let length = member.to_string().len();
                members.push((name.clone(), at..at + length));
                at += length;
            }
            members
        }
        _ => Vec::new(),
    };
    Converted { text, members }
}

struct Walk<'a> {
    context: &'a mut Context,
    /// Objects being converted further up, to notice a cycle.
    open: HashSet<JsObject>,
    out: Vec<u8>,
    /// The top-level object's members and their spans in `out`.
    members: Vec<(String, Range<usize>)>,
    /// The top-level member being written, to name it should it nest too deeply.
    member_in_progress: Option<JsString>,
}

impl Walk<'_> {
    /// `SerializeJSONProperty` for `value` held under `key` (whose text is `toJSON`'s argument): writes
    /// the value and returns `true`, or writes nothing and returns `false` where it has no JSON form.
    fn property(&mut self, value: JsValue, key: Key) -> Result<bool, Unconverted> {
        let value = match value.as_object() {
            Some(object) => {
                if object.is::<Proxy>() {
                    return Err(Unconverted::NotMirrored);
                }
                let to_json = object.get(js_string!("toJSON"), self.context)?;
                match to_json.as_callable() {
                    Some(function) => function.call(&value, &[key.text().into()], self.context)?,
                    None => value,
                }
            }
            None => value,
        };
        match value.variant() {
            JsVariant::Null => self.out.extend_from_slice(b"null"),
            JsVariant::Undefined | JsVariant::Symbol(_) => return Ok(false),
            JsVariant::Boolean(true) => self.out.extend_from_slice(b"true"),
            JsVariant::Boolean(false) => self.out.extend_from_slice(b"false"),
            JsVariant::Integer32(integer) => {
                // Writing into a Vec cannot fail.
                let _ = write!(self.out, "{integer}");
            }
            JsVariant::Float64(number) => self.write_value(&number_json(number)),
            JsVariant::String(string) => self.write_string(&string)?,
            JsVariant::BigInt(_) => return Err(Unconverted::NotMirrored),
            JsVariant::Object(object) => {
                if object.is_callable() {
                    return Ok(false);
                } else if object.is_array() {
                    self.nested(&object, Self::array)?;
                } else if object.is_ordinary() {
                    self.nested(&object, Self::object)?;
                } else {
                    return Err(Unconverted::NotMirrored);
                }
            }
        }
        Ok(true)
    }

    fn write_value(&mut self, value: &Value) {
        // Writing into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut self.out, value);
    }

    /// A string as serde_json escapes it; a lone surrogate (which `JSON.stringify` escapes) is left to
    /// the engine.
    fn write_string(&mut self, string: &JsString) -> Result<(), Unconverted> {
        // Most strings are stored as Latin-1; those are written without a detour through a Rust string.
        if let JsStrVariant::Latin1(bytes) = string.as_str().variant() {
            write_latin1(&mut self.out, bytes);
            return Ok(());
        }
        let text = string
            .to_std_string()
            .map_err(|_| Unconverted::NotMirrored)?;
        let _ = serde_json::to_writer(&mut self.out, &text);
        Ok(())
    }

    /// Runs `convert` on `object` while it is marked open, giving up on a cycle and refusing nesting deeper
    /// than `MAX_JSON_DEPTH`.
    fn nested(
        &mut self,
        object: &JsObject,
        convert: fn(&mut Self, &JsObject) -> Result<(), Unconverted>,
    ) -> Result<(), Unconverted> {
        if self.open.len() >= MAX_JSON_DEPTH {
            let under = self
                .member_in_progress
                .as_ref()
                .map(JsString::to_std_string_lossy);
            return Err(Unconverted::TooDeep(TooDeep { under }));
        }
        if !self.open.insert(object.clone()) {
            return Err(Unconverted::NotMirrored);
        }
        let converted = convert(self, object);
        self.open.remove(object);
        converted
    }

    /// `SerializeJSONArray`: every index below `length`, with `null` for what has no JSON form.
    fn array(&mut self, object: &JsObject) -> Result<(), Unconverted> {
        let array = JsArray::from_object(object.clone())?;
        let length = array.length(self.context)?;
        self.out.push(b'[');
        for index in 0..length {
            if index > 0 {
                self.out.push(b',');
            }
            let item = own_get(object, PropertyKey::from(index), self.context)?;
            if !self.property(item, Key::Index(index))? {
                self.out.extend_from_slice(b"null");
            }
        }
        self.out.push(b']');
        Ok(())
    }

    /// `SerializeJSONObject`: the enumerable own string keys in the engine's order, skipping the
    /// properties that have no JSON form.
    fn object(&mut self, object: &JsObject) -> Result<(), Unconverted> {
        let top_level = self.open.len() == 1;
        let keys = enumerable_string_keys(object, self.context)?;
        self.out.push(b'{');
        let mut first = true;
        for (key, name) in keys {
            let member = own_get(object, key, self.context)?;
            let before = self.out.len();
            if !first {
                self.out.push(b',');
            }
            self.write_string(&name)?;
            self.out.push(b':');
            let start = self.out.len();
            if top_level {
                self.member_in_progress = Some(name.clone());
            }
            if self.property(member, Key::Name(name.clone()))? {
                first = false;
                if top_level {
                    let name = name.to_std_string().map_err(|_| Unconverted::NotMirrored)?;
                    self.members.push((name, start..self.out.len()));
                }
            } else {
                self.out.truncate(before);
            }
        }
        self.out.push(b'}');
        Ok(())
    }
}

/// A Latin-1 string as serde_json writes it: quoted, `"` and `\\` escaped, control characters as
/// `\n`-style or `\u00XX` escapes, and characters above U+007F in UTF-8.
fn write_latin1(out: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut plain = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        let escape: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => b"",
            0x20..=0x7f => continue,
            0x80..=0xff => {
                out.extend_from_slice(&bytes[plain..index]);
                out.extend_from_slice(&[0xc0 | (byte >> 6), 0x80 | (byte & 0x3f)]);
                plain = index + 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[plain..index]);
        if escape.is_empty() {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(byte >> 4)]);
            out.push(HEX[usize::from(byte & 0xf)]);
        } else {
            out.extend_from_slice(escape);
        }
        plain = index + 1;
    }
    out.extend_from_slice(&bytes[plain..]);
    out.push(b'"');
}

/// `Get(object, key)` for an ordinary object or an array: an own data property's value read directly
/// (what the full lookup would return), anything else (a getter, a hole) through that lookup.
fn own_get(object: &JsObject, key: PropertyKey, context: &mut Context) -> JsResult<JsValue> {
    let own = object
        .borrow()
        .properties()
        .get(&key)
        .and_then(|property| property.value().cloned());
    match own {
        Some(value) => Ok(value),
        None => object.get(key, context),
    }
}

/// `EnumerableOwnProperties(object, key)` for an ordinary object or an array, each key with its name.
fn enumerable_string_keys(
    object: &JsObject,
    context: &mut Context,
) -> JsResult<Vec<(PropertyKey, JsString)>> {
    let keys = object.own_property_keys(context)?;
    let borrowed = object.borrow();
    let properties = borrowed.properties();
    Ok(keys
        .into_iter()
        .filter_map(|key| {
            let name = match &key {
                PropertyKey::String(name) => name.clone(),
                PropertyKey::Index(index) => JsString::from(index.get().to_string().as_str()),
                PropertyKey::Symbol(_) => return None,
            };
            let enumerable = properties
                .get(&key)
                .is_some_and(|property| property.enumerable() == Some(true));
            enumerable.then_some((key, name))
        })
        .collect())
}

/// Integers up to this magnitude print with all their digits; larger ones print rounded (`2 ** 63` as
/// `9223372036854776000`), so their JSON value must be read from that text.
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

/// A number as `JSON.stringify` prints it and serde_json reads it back: `null` unless finite, an
/// integer when whole (so `-0` is `0`), otherwise the float.
fn number_json(number: f64) -> Value {
    if !number.is_finite() {
        return Value::Null;
    }
    if number.fract() == 0.0 && number.abs() <= EXACT_INTEGERS {
        // Whole and within ±2^53, so the conversion is exact.
        return Value::from(number as i64);
    }
    if number.fract() == 0.0 && number.abs() < 1e21 {
        // Rust prints the same shortest digits padded with zeros as the engine does below 1e21.
        if let Ok(value) = serde_json::from_str(&number.to_string()) {
            return value;
        }
    }
    Number::from_f64(number).map_or(Value::Null, Value::Number)
}

#[cfg(test)]
mod tests {
    use boa_engine::object::builtins::JsArray;
    use boa_engine::{Context, JsValue, Source};

    use super::to_json_text;

    /// What the walk converts `value` to, as a tree; `Err` where it gives up.
    fn to_json(
        value: &JsValue,
        context: &mut Context,
    ) -> Result<Option<serde_json::Value>, super::Unconverted> {
        Ok(to_json_text(value, context)?
            .map(|converted| serde_json::from_str(&converted.text).expect("the walk writes JSON")))
    }

    /// The elements of the array a fixture evaluates to.
    fn cases(source: &str, context: &mut Context) -> Vec<JsValue> {
        let array = context
            .eval(Source::from_bytes(source))
            .expect("the fixture evaluates");
        let array = JsArray::from_object(array.as_object().expect("an array").clone())
            .expect("the fixture is an array");
        let length = array.length(context).expect("a length");
        (0..length)
            .map(|index| array.get(index, context).expect("an element"))
            .collect()
    }

    #[test]
    fn the_walk_converts_as_json_stringify_does() {
        let context = &mut crate::intl_data::test_context();
        let stringify = context
            .eval(Source::from_bytes("JSON.stringify"))
            .expect("JSON.stringify exists");
        let stringify = stringify.as_callable().expect("a function");
        for (index, value) in cases(include_str!("result_json/converted-cases.js"), context)
            .into_iter()
            .enumerate()
        {
            let text = stringify
                .call(&JsValue::undefined(), std::slice::from_ref(&value), context)
                .expect("JSON.stringify converts the case");
            let expected = text.as_string().map(|text| {
                serde_json::from_str::<serde_json::Value>(&text.to_std_string_escaped())
                    .expect("JSON.stringify writes JSON")
            });
            // The text is exactly serde_json's printing of that value (what the report printed before
            // the walk wrote text itself). Compared as text: serde_json reads some long floats back a
            // unit off in the last place.
            let Ok(text) = to_json_text(&value, context) else {
                panic!("case {index}: the walk gave up");
            };
            assert_eq!(
                text.map(|converted| converted.text),
                expected.map(|value| value.to_string()),
                "case {index}"
            );
        }
    }

    #[test]
    fn the_walk_leaves_what_it_does_not_mirror_to_json_stringify() {
        let context = &mut crate::intl_data::test_context();
        for (index, value) in cases(include_str!("result_json/unconverted-cases.js"), context)
            .into_iter()
            .enumerate()
        {
            assert!(to_json(&value, context).is_err(), "case {index}");
        }
    }

    #[test]
    fn a_throwing_to_json_leaves_the_conversion_to_json_stringify() {
        let context = &mut crate::intl_data::test_context();
        let value = context
            .eval(Source::from_bytes(
                "({ ok: 1, bad: { toJSON() { throw new TypeError('no'); } } })",
            ))
            .expect("the value evaluates");
        assert!(to_json(&value, context).is_err());
    }

    #[test]
    fn latin1_strings_are_escaped_as_serde_json_escapes_them() {
        let text: String = (0u8..=255).map(char::from).collect();
        let mut written = Vec::new();
        super::write_latin1(&mut written, &(0u8..=255).collect::<Vec<u8>>());
        assert_eq!(
            String::from_utf8(written).unwrap(),
            serde_json::to_string(&text).unwrap()
        );
    }

    #[test]
    fn the_top_level_members_are_found_in_the_text() {
        let context = &mut crate::intl_data::test_context();
        let value = context
            .eval(Source::from_bytes(
                "({ skipped: undefined, data: { n: [1, 2] }, 'quo\"te': 'x', response: null, f() {} })",
            ))
            .expect("the value evaluates");
        let converted = to_json_text(&value, context).ok().flatten().unwrap();
        assert_eq!(
            converted.text,
            r#"{"data":{"n":[1,2]},"quo\"te":"x","response":null}"#
        );
        assert_eq!(converted.member("data"), Some(r#"{"n":[1,2]}"#));
        assert_eq!(converted.member("response"), Some("null"));
        assert_eq!(converted.member("payload"), None);
        let tree: serde_json::Value = serde_json::from_str(&converted.text).unwrap();
        let again = super::from_tree(&tree);
        assert_eq!(again.text, converted.text);
        assert_eq!(again.member("data"), Some(r#"{"n":[1,2]}"#));
        assert_eq!(again.member("quo\"te"), Some(r#""x""#));
        assert_eq!(again.member("response"), Some("null"));
    }
}
