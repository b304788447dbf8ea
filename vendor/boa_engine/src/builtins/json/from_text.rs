//! Patched (see the crate's README): JSON text read straight into values.
//!
//! `JSON.parse` without a reviver used to check the text with `serde_json` (building a `serde_json::Value`
//! tree it then dropped), wrap it in parentheses, parse that as a script, compile it and run the bytecode:
//! about 130 instructions a byte, 23 times Node's time on a 770 KB document. Here the same `serde_json`
//! reader drives a builder that makes the values as it goes. The values are those the script made: integers
//! that fit 32 bits as integers, other numbers as doubles (`-0` stays `-0`), a repeated key's last value at
//! the key's first place, `__proto__` an ordinary own property, every object and array with the current
//! realm's prototypes, and the same texts refused (the check was `serde_json`'s already). Objects are made with
//! shared shapes, as object literals are, so rows with the same keys share one chain of shapes.

use std::fmt;

use rustc_hash::FxHashMap;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::{
    Context, JsString, JsValue,
    builtins::{Array, object::OrdinaryObject},
    object::ObjectInitializer,
    property::{PropertyDescriptor, PropertyKey},
};

/// Distinct keys (and short strings) remembered for reuse; past this (an object used as a map of ids, say)
/// they are made afresh, so the caches cannot grow with the data.
const MAX_CACHED: usize = 4096;

/// Strings up to this many bytes are shared when they repeat (tags, statuses, enum-like values): a string is
/// immutable, so sharing one is invisible to a program.
const MAX_SHARED_STRING_BYTES: usize = 16;

/// Reads `text`, a JSON text (ECMA-404), into a value of `context`'s realm.
///
/// # Errors
///
/// `serde_json`'s error when `text` is not a JSON text, nests deeper than 128 arrays and objects, or holds a
/// number out of a double's range or an escaped lone surrogate.
pub fn parse_json_text(text: &str, context: &mut Context) -> serde_json::Result<JsValue> {
    let mut builder = Builder {
        context,
        keys: FxHashMap::default(),
        strings: FxHashMap::default(),
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Value(&mut builder).deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

struct Builder<'c> {
    context: &'c mut Context,
    /// Property keys by their text: a document of many rows repeats the same few keys.
    keys: FxHashMap<Box<str>, PropertyKey>,
    strings: FxHashMap<Box<str>, JsString>,
}

impl Builder<'_> {
    fn key(&mut self, text: &str) -> PropertyKey {
        if let Some(key) = self.keys.get(text) {
            return key.clone();
        }
        let key = PropertyKey::from(JsString::from(text));
        if self.keys.len() < MAX_CACHED {
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
        if self.strings.len() < MAX_CACHED {
            self.strings.insert(text.into(), string.clone());
        }
        string
    }
}

/// Reads one value into the builder's context.
struct Value<'b, 'c>(&'b mut Builder<'c>);

impl<'de> DeserializeSeed<'de> for Value<'_, '_> {
    type Value = JsValue;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<JsValue, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Value<'_, '_> {
    type Value = JsValue;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<JsValue, E> {
        Ok(JsValue::null())
    }

    fn visit_bool<E>(self, value: bool) -> Result<JsValue, E> {
        Ok(JsValue::new(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<JsValue, E> {
        Ok(i32::try_from(value).map_or_else(|_| JsValue::new(value as f64), JsValue::new))
    }

    fn visit_u64<E>(self, value: u64) -> Result<JsValue, E> {
        Ok(i32::try_from(value).map_or_else(|_| JsValue::new(value as f64), JsValue::new))
    }

    // `serde_json` gives `-0` here, as a double.
    fn visit_f64<E>(self, value: f64) -> Result<JsValue, E> {
        Ok(JsValue::new(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<JsValue, E> {
        Ok(self.0.string(value).into())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<JsValue, A::Error> {
        let mut values = Vec::with_capacity(items.size_hint().unwrap_or(0));
        while let Some(value) = items.next_element_seed(Value(&mut *self.0))? {
            values.push(value);
        }
        Ok(Array::create_array_from_list(values, self.0.context).into())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> Result<JsValue, A::Error> {
        let object = ObjectInitializer::with_native_data(OrdinaryObject, self.0.context).build();
        while let Some(key) = members.next_key_seed(Key(&mut *self.0))? {
            let value = members.next_value_seed(Value(&mut *self.0))?;
            // `CreateDataProperty`: a repeated key keeps its place and takes the new value.
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

/// Reads an object's key into a property key.
struct Key<'b, 'c>(&'b mut Builder<'c>);

impl<'de> DeserializeSeed<'de> for Key<'_, '_> {
    type Value = PropertyKey;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<PropertyKey, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for Key<'_, '_> {
    type Value = PropertyKey;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an object key")
    }

    fn visit_str<E>(self, value: &str) -> Result<PropertyKey, E> {
        Ok(self.0.key(value))
    }
}
