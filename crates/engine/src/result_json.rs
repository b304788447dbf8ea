//! Converts what a block returns into JSON by walking it in Rust with `JSON.stringify`'s semantics, so a
//! large result is not printed to text by the engine and parsed back. Anything the walk does not mirror
//! exactly (a Proxy, a cycle, a BigInt, a wrapper or other exotic object, a lone surrogate, very deep
//! nesting) makes it give up, and the caller converts through the engine's own `JSON.stringify`, which
//! also words the errors as Node does.

use std::collections::HashSet;

use boa_engine::builtins::proxy::Proxy;
use boa_engine::object::builtins::JsArray;
use boa_engine::property::PropertyKey;
use boa_engine::value::JsVariant;
use boa_engine::{js_string, Context, JsObject, JsResult, JsString, JsValue};
use serde_json::{Map, Number, Value};

/// Nesting beyond this is left to `JSON.stringify`, so a deep structure cannot overflow this walk's stack.
const MAX_DEPTH: usize = 512;

/// The walk gave up: the value holds something it does not mirror, or the block's own code (a `toJSON`
/// or a getter) threw. `JSON.stringify` must convert it, which also reports such an error as Node words it
/// (a `TypeError` from a block's `toJSON` is checked for a cycle or a BigInt first, as in the engine path).
pub struct Unconverted;

impl From<boa_engine::JsError> for Unconverted {
    fn from(_: boa_engine::JsError) -> Self {
        Self
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

/// `JSON.parse(JSON.stringify(value))` as serde JSON: `None` where `JSON.stringify` returns `undefined`.
pub fn to_json(value: &JsValue, context: &mut Context) -> Result<Option<Value>, Unconverted> {
    let mut walk = Walk {
        context,
        open: HashSet::new(),
    };
    walk.property(value.clone(), Key::Name(js_string!()))
}

struct Walk<'a> {
    context: &'a mut Context,
    /// Objects being converted further up, to notice a cycle.
    open: HashSet<JsObject>,
}

impl Walk<'_> {
    /// `SerializeJSONProperty` for `value` held under `key` (whose text is `toJSON`'s argument).
    fn property(&mut self, value: JsValue, key: Key) -> Result<Option<Value>, Unconverted> {
        let value = match value.as_object() {
            Some(object) => {
                if object.is::<Proxy>() {
                    return Err(Unconverted);
                }
                let to_json = object.get(js_string!("toJSON"), self.context)?;
                match to_json.as_callable() {
                    Some(function) => function.call(&value, &[key.text().into()], self.context)?,
                    None => value,
                }
            }
            None => value,
        };
        Ok(match value.variant() {
            JsVariant::Null => Some(Value::Null),
            JsVariant::Undefined | JsVariant::Symbol(_) => None,
            JsVariant::Boolean(boolean) => Some(Value::Bool(boolean)),
            JsVariant::Integer32(integer) => Some(Value::from(integer)),
            JsVariant::Float64(number) => Some(number_json(number)),
            JsVariant::String(string) => Some(Value::String(text(&string)?)),
            JsVariant::BigInt(_) => return Err(Unconverted),
            JsVariant::Object(object) => {
                if object.is_callable() {
                    None
                } else if object.is_array() {
                    Some(self.nested(&object, Self::array)?)
                } else if object.is_ordinary() {
                    Some(self.nested(&object, Self::object)?)
                } else {
                    return Err(Unconverted);
                }
            }
        })
    }

    /// Runs `convert` on `object` while it is marked open, giving up on a cycle or deep nesting.
    fn nested(
        &mut self,
        object: &JsObject,
        convert: fn(&mut Self, &JsObject) -> Result<Value, Unconverted>,
    ) -> Result<Value, Unconverted> {
        if self.open.len() >= MAX_DEPTH || !self.open.insert(object.clone()) {
            return Err(Unconverted);
        }
        let converted = convert(self, object);
        self.open.remove(object);
        converted
    }

    /// `SerializeJSONArray`: every index below `length`, with `null` for what has no JSON form.
    fn array(&mut self, object: &JsObject) -> Result<Value, Unconverted> {
        let array = JsArray::from_object(object.clone())?;
        let length = array.length(self.context)?;
        let mut items = Vec::with_capacity(usize::try_from(length).unwrap_or(0));
        for index in 0..length {
            let item = own_get(object, PropertyKey::from(index), self.context)?;
            items.push(
                self.property(item, Key::Index(index))?
                    .unwrap_or(Value::Null),
            );
        }
        Ok(Value::Array(items))
    }

    /// `SerializeJSONObject`: the enumerable own string keys in the engine's order, skipping the
    /// properties that have no JSON form.
    fn object(&mut self, object: &JsObject) -> Result<Value, Unconverted> {
        let keys = enumerable_string_keys(object, self.context)?;
        let mut members = Map::new();
        for (key, name) in keys {
            let member = own_get(object, key, self.context)?;
            let text = text(&name)?;
            if let Some(member) = self.property(member, Key::Name(name))? {
                members.insert(text, member);
            }
        }
        Ok(Value::Object(members))
    }
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

/// A string as Rust text; a lone surrogate (which `JSON.stringify` escapes) is left to the engine.
fn text(string: &JsString) -> Result<String, Unconverted> {
    string.to_std_string().map_err(|_| Unconverted)
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

    use super::to_json;

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
        let context = &mut Context::default();
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
            let Ok(walked) = to_json(&value, context) else {
                panic!("case {index}: the walk gave up");
            };
            assert_eq!(walked, expected, "case {index}");
        }
    }

    #[test]
    fn the_walk_leaves_what_it_does_not_mirror_to_json_stringify() {
        let context = &mut Context::default();
        for (index, value) in cases(include_str!("result_json/unconverted-cases.js"), context)
            .into_iter()
            .enumerate()
        {
            assert!(to_json(&value, context).is_err(), "case {index}");
        }
    }

    #[test]
    fn a_throwing_to_json_leaves_the_conversion_to_json_stringify() {
        let context = &mut Context::default();
        let value = context
            .eval(Source::from_bytes(
                "({ ok: 1, bad: { toJSON() { throw new TypeError('no'); } } })",
            ))
            .expect("the value evaluates");
        assert!(to_json(&value, context).is_err());
    }
}
