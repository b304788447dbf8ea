//! How a paused run shows values: a short, JavaScript-looking text per value, its type, and a reference to
//! expand objects and arrays member by member. References live until the run goes on.

use boa_engine::property::PropertyKey;
use boa_engine::{js_string, Context, JsObject, JsValue};

use super::protocol::VariableInfo;

/// The first reference handed out for an object; those below are the paused frame's scopes.
pub const FIRST_OBJECT_REFERENCE: u64 = 100;

/// How many members an object's one-line preview shows.
const PREVIEW_MEMBERS: usize = 5;

/// The objects a front end may expand while the run is paused, by reference.
#[derive(Default)]
pub struct References {
    objects: Vec<JsObject>,
}

impl References {
    pub fn clear(&mut self) {
        self.objects.clear();
    }

    fn keep(&mut self, object: JsObject) -> u64 {
        self.objects.push(object);
        FIRST_OBJECT_REFERENCE + u64::try_from(self.objects.len() - 1).unwrap_or(u64::MAX)
    }

    pub fn object(&self, reference: u64) -> Option<JsObject> {
        let index = usize::try_from(reference.checked_sub(FIRST_OBJECT_REFERENCE)?).ok()?;
        self.objects.get(index).cloned()
    }
}

/// `value` as a variable named `name`.
pub fn variable(
    name: String,
    value: &JsValue,
    references: &mut References,
    context: &mut Context,
) -> VariableInfo {
    let (text, kind) = describe(value, context);
    let (variables_reference, indexed_variables) = match value.as_object() {
        Some(object) if !object.is_callable() => {
            let indexed = object.is_array().then(|| array_length(&object, context));
            (references.keep(object), indexed)
        }
        _ => (0, None),
    };
    VariableInfo {
        name,
        value: text,
        kind,
        variables_reference,
        indexed_variables,
    }
}

/// The members of an expandable object: an array's elements `start..start + count` (all when not given),
/// else its own enumerable string-keyed properties.
pub fn members(
    object: &JsObject,
    start: Option<usize>,
    count: Option<usize>,
    references: &mut References,
    context: &mut Context,
) -> Vec<VariableInfo> {
    let keys: Vec<PropertyKey> = if object.is_array() {
        let length = array_length(object, context);
        let first = start.unwrap_or(0).min(length);
        let last = count.map_or(length, |count| first.saturating_add(count).min(length));
        (first..last)
            .map(|index| PropertyKey::from(u32::try_from(index).unwrap_or(u32::MAX)))
            .collect()
    } else {
        own_enumerable_keys(object, context)
    };
    keys.into_iter()
        .map(|key| {
            let value = object.get(key.clone(), context).unwrap_or_default();
            variable(key.to_string(), &value, references, context)
        })
        .collect()
}

/// A one-line text and the `typeof`-like type of a value.
pub fn describe(value: &JsValue, context: &mut Context) -> (String, String) {
    if let Some(text) = value.as_string() {
        let text = text.to_std_string_lossy();
        return (
            serde_json::to_string(&text).unwrap_or(text),
            "string".to_owned(),
        );
    }
    let Some(object) = value.as_object() else {
        let kind = value.type_of().to_owned();
        let text = if value.is_bigint() {
            format!("{}n", value.display())
        } else {
            value.display().to_string()
        };
        return (text, kind);
    };
    if object.is_callable() {
        let name = object
            .get(js_string!("name"), context)
            .ok()
            .and_then(|name| name.as_string().map(|name| name.to_std_string_lossy()))
            .unwrap_or_default();
        return (format!("ƒ {name}()"), "function".to_owned());
    }
    if object.is_array() {
        return (
            format!("Array({})", array_length(&object, context)),
            "object".to_owned(),
        );
    }
    if object.is::<boa_engine::builtins::error::Error>() {
        let mut text = |key| {
            object
                .get(js_string!(key), context)
                .ok()
                .map(|value| match value.as_string() {
                    // A string as it reads, not quoted as `display` shows it.
                    Some(text) => text.to_std_string_lossy(),
                    None => value.display().to_string(),
                })
                .unwrap_or_default()
        };
        let name = text("name");
        let message = text("message");
        return (format!("{name}: {message}"), "object".to_owned());
    }
    (preview(&object, context), "object".to_owned())
}

/// `{a: 1, b: "x", …}`: the first few members, nested objects shortened.
fn preview(object: &JsObject, context: &mut Context) -> String {
    let keys = own_enumerable_keys(object, context);
    let mut parts = Vec::new();
    for key in keys.iter().take(PREVIEW_MEMBERS) {
        let value = object.get(key.clone(), context).unwrap_or_default();
        let text = match value.as_object() {
            Some(inner) if inner.is_array() => format!("Array({})", array_length(&inner, context)),
            Some(inner) if inner.is_callable() => "ƒ".to_owned(),
            Some(_) => "{…}".to_owned(),
            None => describe(&value, context).0,
        };
        parts.push(format!("{key}: {text}"));
    }
    if keys.len() > PREVIEW_MEMBERS {
        parts.push("…".to_owned());
    }
    format!("{{{}}}", parts.join(", "))
}

/// `Object.keys(object)`: its own enumerable string keys, in the order JavaScript lists them.
fn own_enumerable_keys(object: &JsObject, context: &mut Context) -> Vec<PropertyKey> {
    let constructor = context.intrinsics().constructors().object().constructor();
    let keys = constructor
        .get(js_string!("keys"), context)
        .ok()
        .and_then(|keys| keys.as_callable())
        .and_then(|keys| {
            keys.call(&constructor.into(), &[object.clone().into()], context)
                .ok()
        })
        .and_then(|keys| keys.as_object());
    let Some(keys) = keys else {
        return Vec::new();
    };
    let length = array_length(&keys, context);
    (0..length)
        .filter_map(|index| {
            let key = keys.get(u32::try_from(index).ok()?, context).ok()?;
            Some(PropertyKey::from(key.as_string()?))
        })
        .collect()
}

fn array_length(object: &JsObject, context: &mut Context) -> usize {
    object
        .get(js_string!("length"), context)
        .ok()
        .and_then(|length| length.as_number())
        .map_or(0, |length| length as usize)
}
