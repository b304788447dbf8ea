//! The members of a block's `context` that are code rather than data: `debug`, `components` and
//! `invokeFlow` (whose body is the lazy prelude invoke-flow.js).
//!
//! They are made natively, not by a prelude, because every run makes them and a prelude is parsed and
//! compiled before every run: as JavaScript they were a third of the context a worker prepares ahead of
//! its request. Each function here follows the JavaScript it replaces step by step (which property is read
//! when, what throws), so a block sees the same values, errors and order of effects.

use boa_engine::object::builtins::{JsArray, JsFunction, JsPromise, JsProxyBuilder};
use boa_engine::object::{FunctionObjectBuilder, ObjectInitializer};
use boa_engine::property::{Attribute, PropertyKey};
use boa_engine::{js_string, Context, JsNativeError, JsObject, JsResult, JsValue, NativeFunction};

use crate::event_loop::settle;
use crate::host::{self, arg, native_function};

const BYTES_PER_MB: f64 = 1024.0 * 1024.0;

/// `context.debug`, as the platform's own (Spectral's `createDebugContext`) builds it: the helpers record
/// into the context they are passed, and only in debug mode. Marks are on the run's monotonic clock (the
/// same as `performance.now()`); memory is in MB, as the platform reports it.
pub(crate) fn make_debug(
    enabled: bool,
    allowed_memory: f64,
    context: &mut Context,
) -> JsResult<JsObject> {
    let mark = native_function(context, "mark", 2, enabled, |_, args, &enabled, context| {
        if enabled {
            // context.debug.results.timeElapsed.marks[label] = host.now()
            let marks = read_path(&arg(args, 0), &MARKS_PATH, context)?;
            let now = host::now(&JsValue::undefined(), &[], context)?;
            assign(&marks, &arg(args, 1), now, context)?;
        }
        Ok(JsValue::undefined())
    });
    let measure = native_function(
        context,
        "measure",
        3,
        enabled,
        |_, args, &enabled, context| {
            if !enabled {
                return Ok(JsValue::undefined());
            }
            let (run_context, label, marks) = (arg(args, 0), arg(args, 1), arg(args, 2));
            let recorded = read_path(&run_context, &MARKS_PATH, context)?;
            let measurements = read_path(&run_context, &MEASUREMENTS_PATH, context)?;
            // { marks, duration: recorded[marks.end] - recorded[marks.start] }
            let end = read_member(&marks, &js_string!("end").into(), context)?;
            let end = read_member(&recorded, &end.to_property_key(context)?, context)?;
            let start = read_member(&marks, &js_string!("start").into(), context)?;
            let start = read_member(&recorded, &start.to_property_key(context)?, context)?;
            let duration = end.sub(&start, context)?;
            let measurement = ObjectInitializer::new(context)
                .property(js_string!("marks"), marks, Attribute::all())
                .property(js_string!("duration"), duration, Attribute::all())
                .build();
            assign(&measurements, &label, measurement.into(), context)?;
            Ok(JsValue::undefined())
        },
    );
    let memory_usage = native_function(
        context,
        "memoryUsage",
        3,
        enabled,
        |_, args, &enabled, context| {
            if !enabled {
                return Ok(JsValue::undefined());
            }
            let usage = host::memory_usage(&JsValue::undefined(), &[], context)?;
            let usage = usage.as_object().expect("memoryUsage answers an object");
            let detail = JsObject::with_object_proto(context.intrinsics());
            for key in usage.own_property_keys(context)? {
                let bytes = usage.get(key.clone(), context)?.to_number(context)?;
                detail.create_data_property_or_throw(key, bytes / BYTES_PER_MB, context)?;
            }
            // context.debug.results.memoryUsage.push({ mark, rss, detail })
            let rows = read_path(&arg(args, 0), &MEMORY_ROWS_PATH, context)?;
            let push = read_member(&rows, &js_string!("push").into(), context)?;
            let rss = detail.get(js_string!("rss"), context)?;
            let shown = if arg(args, 2).to_boolean() {
                detail.into()
            } else {
                JsValue::undefined()
            };
            let row = ObjectInitializer::new(context)
                .property(js_string!("mark"), arg(args, 1), Attribute::all())
                .property(js_string!("rss"), rss, Attribute::all())
                .property(js_string!("detail"), shown, Attribute::all())
                .build();
            let push = push.as_callable().ok_or_else(|| {
                JsNativeError::typ()
                    .with_message("context.debug.results.memoryUsage.push is not a function")
            })?;
            push.call(&rows, &[row.into()], context)?;
            Ok(JsValue::undefined())
        },
    );

    let time_elapsed = ObjectInitializer::new(context)
        .property(js_string!("mark"), mark, Attribute::all())
        .property(js_string!("measure"), measure, Attribute::all())
        .build();
    let (marks, measurements) = (
        JsObject::with_object_proto(context.intrinsics()),
        JsObject::with_object_proto(context.intrinsics()),
    );
    let recorded = ObjectInitializer::new(context)
        .property(js_string!("marks"), marks, Attribute::all())
        .property(js_string!("measurements"), measurements, Attribute::all())
        .build();
    let memory_rows = JsArray::new(context)?;
    let results = ObjectInitializer::new(context)
        .property(js_string!("timeElapsed"), recorded, Attribute::all())
        .property(js_string!("memoryUsage"), memory_rows, Attribute::all())
        .property(
            js_string!("allowedMemory"),
            allowed_memory,
            Attribute::all(),
        )
        .build();
    Ok(ObjectInitializer::new(context)
        .property(js_string!("enabled"), enabled, Attribute::all())
        .property(js_string!("timeElapsed"), time_elapsed, Attribute::all())
        .property(js_string!("memoryUsage"), memory_usage, Attribute::all())
        .property(js_string!("results"), results, Attribute::all())
        .build())
}

const MARKS_PATH: [&str; 4] = ["debug", "results", "timeElapsed", "marks"];
const MEASUREMENTS_PATH: [&str; 4] = ["debug", "results", "timeElapsed", "measurements"];
const MEMORY_ROWS_PATH: [&str; 3] = ["debug", "results", "memoryUsage"];

/// `context.components`: a code step has no component registry, so it is empty, and reading a component
/// from it throws an error that says why (rather than "cannot read properties of undefined" one step
/// later). Symbols, the names every object answers (its prototype's), `then` (asked by `await`) and `toJSON`
/// (asked by `JSON.stringify`) read as usual, so logging, awaiting or returning the object still works.
pub(crate) fn make_components(context: &mut Context) -> JsResult<JsObject> {
    let target = JsObject::with_object_proto(context.intrinsics());
    Ok(JsProxyBuilder::new(target)
        .get(read_component)
        .build(context)?
        .into())
}

/// The `get` trap of `context.components` (`target, name, receiver`).
fn read_component(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = arg(args, 0);
    let target = target.as_object().expect("a proxy's target is an object");
    let key = arg(args, 1).to_property_key(context)?;
    let asked_of_any_object = match &key {
        PropertyKey::Symbol(_) => true,
        PropertyKey::String(name) => name == &js_string!("then") || name == &js_string!("toJSON"),
        PropertyKey::Index(_) => false,
    };
    if asked_of_any_object || target.has_property(key.clone(), context)? {
        return target.get(key, context);
    }
    Err(JsNativeError::typ()
        .with_message(format!(
            "context.components has no component \"{key}\": a code step has no component registry. \
             Call the service's API with fetch, or use the component's action as a step of its own in the flow."
        ))
        .into())
}

/// `context.invokeFlow(flowName, data, config, source)`: few blocks call it, so its body (invoke-flow.js,
/// which puts `internals.invokeFlow` in place) is compiled on the first call rather than before every run.
/// Like the async function it stands for, it always answers a promise, rejected when the call throws.
pub(crate) fn make_invoke_flow(internals: JsObject, context: &mut Context) -> JsFunction {
    let invoke_flow = NativeFunction::from_copy_closure_with_captures(
        |_, args, internals, context| {
            let (promise, resolvers) = JsPromise::new_pending(context);
            let arguments: Vec<JsValue> = (0..4).map(|index| arg(args, index)).collect();
            let answer = call_invoke_flow(internals, &arguments, context);
            settle(&resolvers, answer, context)?;
            Ok(promise.into())
        },
        internals,
    );
    FunctionObjectBuilder::new(context.realm(), invoke_flow)
        .name(js_string!("invokeFlow"))
        .length(4)
        .build()
}

fn call_invoke_flow(
    internals: &JsObject,
    arguments: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    if internals
        .get(js_string!("invokeFlow"), context)?
        .is_undefined()
    {
        let load = internals.get(js_string!("loadPrelude"), context)?;
        let load = load
            .as_callable()
            .expect("the core puts loadPrelude on internals");
        load.call(
            &JsValue::undefined(),
            &[js_string!("invoke-flow.js").into()],
            context,
        )?;
    }
    let invoke_flow = internals.get(js_string!("invokeFlow"), context)?;
    let invoke_flow = invoke_flow.as_callable().ok_or_else(|| {
        JsNativeError::typ().with_message("internal helper `invokeFlow` is missing")
    })?;
    invoke_flow.call(&JsValue::undefined(), arguments, context)
}

/// `value.a.b.c` for the names in `path`, each read as JavaScript reads a member.
fn read_path(value: &JsValue, path: &[&str], context: &mut Context) -> JsResult<JsValue> {
    let mut current = value.clone();
    for name in path {
        current = read_member(&current, &js_string!(*name).into(), context)?;
    }
    Ok(current)
}

/// `value[key]`: a `TypeError` naming the key on `null` or `undefined`, a primitive's prototype otherwise.
fn read_member(value: &JsValue, key: &PropertyKey, context: &mut Context) -> JsResult<JsValue> {
    if value.is_null_or_undefined() {
        let base = if value.is_null() { "null" } else { "undefined" };
        return Err(JsNativeError::typ()
            .with_message(format!(
                "Cannot read properties of {base} (reading '{key}')"
            ))
            .into());
    }
    value.to_object(context)?.get(key.clone(), context)
}

/// `target[key] = value` in strict code: on `null`, `undefined` or another primitive it throws, as the
/// member assignment it stands for does.
fn assign(target: &JsValue, key: &JsValue, value: JsValue, context: &mut Context) -> JsResult<()> {
    let key = key.to_property_key(context)?;
    match target.as_object() {
        Some(object) => object.set(key, value, true, context).map(|_| ()),
        None if target.is_null_or_undefined() => {
            let base = if target.is_null() {
                "null"
            } else {
                "undefined"
            };
            Err(JsNativeError::typ()
                .with_message(format!("Cannot set properties of {base} (setting '{key}')"))
                .into())
        }
        None => Err(JsNativeError::typ()
            .with_message(format!(
                "Cannot create property '{key}' on {} '{}'",
                target.type_of(),
                target.display()
            ))
            .into()),
    }
}
