//! The preludes' shared core, made natively in every fresh context: globals defined as Node defines them
//! (non-enumerable but for Node's own list), the lazy globals and helpers that load their prelude on first
//! use, V8's stack API on `Error`, and the context's `logger`.
//!
//! It was a JavaScript prelude (core.js), and parsing and compiling it was most of the work of preparing a
//! context: a block that returns at once paid for it on every run. Each function here does what that
//! JavaScript did, in the same order and with the same names and lengths, so the preludes built on it and
//! the blocks that see its globals cannot tell.

use std::collections::HashMap;

use boa_engine::object::builtins::{JsArray, JsFunction, JsSet};
use boa_engine::object::{FunctionObjectBuilder, ObjectInitializer};
use boa_engine::property::{Attribute, PropertyDescriptor};
use boa_engine::{
    js_string, Context, Finalize, JsData, JsNativeError, JsObject, JsResult, JsString, JsValue,
    NativeFunction, Trace,
};
use boa_gc::{Gc, GcRefCell};

use crate::host::{self, arg};
use crate::preludes::Internals;

/// The globals Node lists in `Object.keys(globalThis)`; the rest are non-enumerable there too.
const ENUMERABLE_GLOBALS: [&str; 14] = [
    "global",
    "clearImmediate",
    "setImmediate",
    "clearInterval",
    "clearTimeout",
    "setInterval",
    "setTimeout",
    "queueMicrotask",
    "structuredClone",
    "atob",
    "btoa",
    "performance",
    "fetch",
    "crypto",
];

/// Helpers on `internals` that live in a lazy prelude: a stub stands in until the first call loads it,
/// which puts the real helper in its place.
const STUBBED_HELPERS: [(&str, &str); 6] = [
    ("format.js", "formatArgument"),
    ("format.js", "formatLogMessage"),
    ("stack.js", "errorStack"),
    ("stack.js", "captureStackTrace"),
    ("stack.js", "prepareStackTrace"),
    ("bytes.js", "toBytes"),
];

/// The context's `logger` methods and the level each logs at (`log` at info, as on the platform).
const LOGGER_LEVELS: [(&str, &str); 7] = [
    ("debug", "debug"),
    ("info", "info"),
    ("warn", "warn"),
    ("error", "error"),
    ("log", "info"),
    ("trace", "trace"),
    ("metric", "metric"),
];

/// What the core's functions share in one context.
#[derive(Trace, Finalize, JsData)]
struct Core {
    host: JsObject,
    internals: JsObject,
    /// The intrinsic `eval`, taken before a block can replace the global: each lazy prelude runs through
    /// it as an indirect eval, which the engine supports at any depth (the first use of a lazy global may
    /// come in the middle of any expression).
    eval: JsFunction,
    /// Lazily loaded globals by name. They stay accessors once loaded, because the engine's global-lookup
    /// cache misbehaves when a global changes from an accessor to a data property.
    lazy_globals: GcRefCell<HashMap<JsString, Gc<GcRefCell<LazyGlobal>>>>,
    /// Whether log lines are still kept: past the run's cap the host only counts them, so they are not
    /// formatted at all (a block that logs a million lines spends its time logging, not formatting).
    logs_kept: GcRefCell<bool>,
}

#[derive(Trace, Finalize)]
struct LazyGlobal {
    #[unsafe_ignore_trace]
    prelude: &'static str,
    value: JsValue,
    loaded: bool,
    /// The block assigned the global itself: a prelude loaded later (as another's dependency) must not
    /// undo that.
    assigned: bool,
}

/// Puts the core on `internals` and the globals: `lazy_globals` lists each lazy prelude with the globals
/// that load it.
pub(crate) fn install(
    internals: &Internals,
    lazy_globals: &[(&'static str, &'static [&'static str])],
    context: &mut Context,
) -> JsResult<()> {
    let core = Gc::new(Core {
        host: internals.host().clone(),
        internals: internals.object().clone(),
        eval: context.intrinsics().objects().eval(),
        lazy_globals: GcRefCell::default(),
        logs_kept: GcRefCell::new(true),
    });
    let object = internals.object();
    let define = function(
        context,
        "defineGlobal",
        2,
        &core,
        |_, args, core, context| {
            let name = arg(args, 0).to_string(context)?;
            define_global(core, name, arg(args, 1), context)?;
            Ok(JsValue::undefined())
        },
    );
    object.set(js_string!("defineGlobal"), define, true, context)?;
    let global_this = context.global_object();
    define_global(&core, js_string!("global"), global_this.into(), context)?;

    let load = function(context, "load", 1, &core, |_, args, core, context| {
        let prelude = arg(args, 0).to_string(context)?.to_std_string_lossy();
        load_prelude(core, &prelude, context)?;
        Ok(JsValue::undefined())
    });
    object.set(js_string!("loadPrelude"), load, true, context)?;

    for &(prelude, names) in lazy_globals {
        for name in names {
            define_lazy_global(&core, prelude, name, context)?;
        }
    }
    for (prelude, name) in STUBBED_HELPERS {
        let stub = lazy_helper(&core, prelude, name, context);
        object.set(js_string!(name), stub, true, context)?;
    }

    install_stack_api(&core, context)?;

    // For the lazy preludes, which may load after the block replaced these globals.
    let json = context.intrinsics().objects().json();
    let stringify = json.get(js_string!("stringify"), context)?;
    object.set(js_string!("stringify"), stringify, true, context)?;
    let error = context.intrinsics().constructors().error().constructor();
    object.set(js_string!("ErrorConstructor"), error, true, context)?;

    let log_line = function(context, "logLine", 2, &core, |_, args, core, context| {
        log_line(core, &arg(args, 0), arg(args, 1), context)?;
        Ok(JsValue::undefined())
    });
    object.set(js_string!("logLine"), log_line, true, context)?;
    Ok(())
}

/// `internals.defineGlobal(name, value)`: a global as Node has it (writable, configurable, enumerable only
/// if Node lists it); for a lazy global, the value its accessor gives from now on.
fn define_global(
    core: &Core,
    name: JsString,
    value: JsValue,
    context: &mut Context,
) -> JsResult<()> {
    let lazy = core.lazy_globals.borrow().get(&name).cloned();
    if let Some(lazy) = lazy {
        let mut lazy = lazy.borrow_mut();
        if !lazy.assigned {
            lazy.value = value;
        }
        lazy.loaded = true;
        return Ok(());
    }
    let enumerable = is_enumerable_global(&name.to_std_string_lossy());
    context.global_object().define_property_or_throw(
        name,
        PropertyDescriptor::builder()
            .value(value)
            .writable(true)
            .configurable(true)
            .enumerable(enumerable),
        context,
    )?;
    Ok(())
}

/// A global whose prelude loads on first use, so a block that never touches it does not pay for
/// compiling it: reading (or `typeof`) the global loads the prelude, which fills in the value; assigning
/// replaces it with the block's own value.
fn define_lazy_global(
    core: &Gc<Core>,
    prelude: &'static str,
    name: &str,
    context: &mut Context,
) -> JsResult<()> {
    let lazy = Gc::new(GcRefCell::new(LazyGlobal {
        prelude,
        value: JsValue::undefined(),
        loaded: false,
        assigned: false,
    }));
    core.lazy_globals
        .borrow_mut()
        .insert(JsString::from(name), lazy.clone());
    let captures = (core.clone(), lazy);
    let get = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure_with_captures(
            |_, _, (core, lazy), context| {
                let (loaded, prelude) = {
                    let lazy = lazy.borrow();
                    (lazy.loaded, lazy.prelude)
                };
                if !loaded {
                    load_prelude(core, prelude, context)?;
                }
                Ok(lazy.borrow().value.clone())
            },
            captures.clone(),
        ),
    )
    .name(js_string!("get"))
    .length(0)
    .build();
    let set = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure_with_captures(
            |_, args, (_, lazy), _| {
                let mut lazy = lazy.borrow_mut();
                lazy.value = arg(args, 0);
                lazy.loaded = true;
                lazy.assigned = true;
                Ok(JsValue::undefined())
            },
            captures,
        ),
    )
    .name(js_string!("set"))
    .length(1)
    .build();
    let enumerable = is_enumerable_global(name);
    let name = JsString::from(name);
    context.global_object().define_property_or_throw(
        name,
        PropertyDescriptor::builder()
            .get(get)
            .set(set)
            .configurable(true)
            .enumerable(enumerable),
        context,
    )?;
    Ok(())
}

/// Runs the prelude `file` (and those it needs that are not loaded yet), each a function expression called
/// with the host object and `internals`.
fn load_prelude(core: &Core, file: &str, context: &mut Context) -> JsResult<()> {
    let internals = context.get_data::<Internals>().cloned().ok_or_else(|| {
        JsNativeError::error().with_message("the engine's preludes are not installed")
    })?;
    let sources = internals
        .sources_to_load(file)
        .map_err(|error| JsNativeError::error().with_message(error.to_string()))?;
    for source in sources {
        let prelude = core.eval.call(
            &JsValue::undefined(),
            &[JsString::from(source).into()],
            context,
        )?;
        let prelude = prelude.as_callable().ok_or_else(|| {
            JsNativeError::typ()
                .with_message(format!("the prelude {file} is not a function expression"))
        })?;
        prelude.call(
            &JsValue::undefined(),
            &[core.host.clone().into(), core.internals.clone().into()],
            context,
        )?;
    }
    Ok(())
}

/// The stub of a helper that lives in a lazy prelude: its first call loads the prelude, and every call
/// goes to the helper the prelude put on `internals`.
fn lazy_helper(
    core: &Gc<Core>,
    prelude: &'static str,
    name: &'static str,
    context: &mut Context,
) -> JsFunction {
    host::native_function(
        context,
        "stub",
        0,
        (core.clone(), LazyHelper { prelude, name }),
        |this, args, (core, helper), context| {
            let loaded = context
                .get_data::<Internals>()
                .is_some_and(|internals| internals.is_loaded(helper.prelude));
            if !loaded {
                load_prelude(core, helper.prelude, context)?;
            }
            let real = core.internals.get(js_string!(helper.name), context)?;
            let real = real.as_callable().ok_or_else(|| {
                JsNativeError::typ()
                    .with_message(format!("internal helper `{}` is missing", helper.name))
            })?;
            real.call(this, args, context)
        },
    )
}

#[derive(Clone, Copy, Trace, Finalize)]
#[boa_gc(empty_trace)]
struct LazyHelper {
    prelude: &'static str,
    name: &'static str,
}

/// Error stacks as Node prints them (stack.js does the work): the engine's own `stack` accessor and the
/// built-in error constructors are taken now, before the block can replace them; V8's stack API
/// (`captureStackTrace`, `stackTraceLimit`, `prepareStackTrace`) is here, so a block that sets it before
/// its first stack does not have its values replaced when stack.js loads. Node has its own
/// `prepareStackTrace` rather than none.
fn install_stack_api(core: &Gc<Core>, context: &mut Context) -> JsResult<()> {
    let internals = core.internals.clone();
    let constructors = context.intrinsics().constructors();
    let error = constructors.error().constructor();
    let prototype = constructors.error().prototype();
    let object_constructor = constructors.object().constructor();
    let builtin_error_constructors = [
        constructors.error(),
        constructors.eval_error(),
        constructors.range_error(),
        constructors.reference_error(),
        constructors.syntax_error(),
        constructors.type_error(),
        constructors.uri_error(),
        constructors.aggregate_error(),
    ]
    .map(|constructor| constructor.constructor());

    let get_own_property_descriptor =
        object_constructor.get(js_string!("getOwnPropertyDescriptor"), context)?;
    let get_own_property_descriptor = get_own_property_descriptor
        .as_callable()
        .expect("Object.getOwnPropertyDescriptor is a function");
    let stack_accessor = get_own_property_descriptor.call(
        &JsValue::undefined(),
        &[prototype.clone().into(), js_string!("stack").into()],
        context,
    )?;
    internals.set(
        js_string!("stackAccessor"),
        stack_accessor.clone(),
        true,
        context,
    )?;

    let builtin_errors = JsSet::new(context);
    for constructor in builtin_error_constructors {
        builtin_errors.add(constructor, context)?;
    }
    internals.set(js_string!("builtinErrors"), builtin_errors, true, context)?;

    if let Some(accessor) = stack_accessor.as_object() {
        let getter = accessor.get(js_string!("get"), context)?;
        if getter.to_boolean() {
            let setter = accessor.get(js_string!("set"), context)?;
            let get = function(context, "get", 0, core, |this, _, core, context| {
                call_helper(core, "errorStack", std::slice::from_ref(this), context)
            });
            let mut stack = PropertyDescriptor::builder()
                .get(get)
                .configurable(true)
                .enumerable(false);
            stack = stack.set(setter);
            prototype.define_property_or_throw(js_string!("stack"), stack, context)?;
        }
    }

    error.set(js_string!("stackTraceLimit"), 10, true, context)?;
    let capture = function(
        context,
        "captureStackTrace",
        2,
        core,
        |_, args, core, context| {
            call_helper(
                core,
                "captureStackTrace",
                &[arg(args, 0), arg(args, 1)],
                context,
            )?;
            Ok(JsValue::undefined())
        },
    );
    error.define_property_or_throw(js_string!("captureStackTrace"), hidden(capture), context)?;
    let prepare = function(
        context,
        "prepareStackTrace",
        2,
        core,
        |_, args, core, context| {
            call_helper(
                core,
                "prepareStackTrace",
                &[arg(args, 0), arg(args, 1)],
                context,
            )
        },
    );
    error.define_property_or_throw(
        js_string!("prepareStackTrace"),
        hidden(prepare.clone()),
        context,
    )?;
    internals.set(
        js_string!("builtinPrepareStackTrace"),
        prepare,
        true,
        context,
    )?;
    Ok(())
}

/// A writable, configurable, non-enumerable method, as Node defines its own.
fn hidden(value: JsFunction) -> PropertyDescriptor {
    PropertyDescriptor::builder()
        .value(value)
        .writable(true)
        .enumerable(false)
        .configurable(true)
        .build()
}

/// `internals[name](...args)`, with `internals` as `this`, as a method call on it.
fn call_helper(
    core: &Core,
    name: &str,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let helper = core.internals.get(js_string!(name), context)?;
    let helper = helper.as_callable().ok_or_else(|| {
        JsNativeError::typ().with_message(format!("internal helper `{name}` is missing"))
    })?;
    helper.call(&core.internals.clone().into(), args, context)
}

/// `internals.logLine(level, args)`: one log line from `logger` or `console`.
fn log_line(core: &Core, level: &JsValue, args: JsValue, context: &mut Context) -> JsResult<()> {
    if *core.logs_kept.borrow() {
        let message = call_helper(core, "formatLogMessage", &[args], context)?;
        let kept = host::log(&JsValue::undefined(), &[level.clone(), message], context)?;
        *core.logs_kept.borrow_mut() = kept.to_boolean();
    } else {
        host::count_dropped_log(&JsValue::undefined(), &[], context)?;
    }
    Ok(())
}

/// The context's `logger`: each method logs one line at its level.
pub(crate) fn make_logger(internals: &Internals, context: &mut Context) -> JsResult<JsObject> {
    let log_line = internals.object().get(js_string!("logLine"), context)?;
    let log_line = log_line
        .as_object()
        .expect("the core puts logLine on internals");
    let mut logger = Vec::with_capacity(LOGGER_LEVELS.len());
    for (method, level) in LOGGER_LEVELS {
        let log = FunctionObjectBuilder::new(
            context.realm(),
            NativeFunction::from_copy_closure_with_captures(
                move |_, args, log_line, context| {
                    let args = JsArray::from_iter(args.iter().cloned(), context);
                    log_line.call(
                        &JsValue::undefined(),
                        &[js_string!(level).into(), args.into()],
                        context,
                    )?;
                    Ok(JsValue::undefined())
                },
                log_line.clone(),
            ),
        )
        .name(js_string!())
        .length(0)
        .build();
        logger.push((method, log));
    }
    let mut object = ObjectInitializer::new(context);
    for (method, log) in logger {
        object.property(js_string!(method), log, Attribute::all());
    }
    Ok(object.build())
}

fn is_enumerable_global(name: &str) -> bool {
    ENUMERABLE_GLOBALS.contains(&name)
}

/// A function of the core: named, with its length, not a constructor, sharing `core`.
fn function(
    context: &mut Context,
    name: &str,
    length: usize,
    core: &Gc<Core>,
    body: fn(&JsValue, &[JsValue], &Gc<Core>, &mut Context) -> JsResult<JsValue>,
) -> JsFunction {
    host::native_function(context, name, length, core.clone(), body)
}
