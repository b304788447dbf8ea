//! The host functions the JavaScript preludes are built on: logging, timers, `fetch`'s HTTP, hashing,
//! randomness, UTF-8 and URL parsing. They live on one plain object handed to each prelude and never
//! reach the block's global scope. Those of Node's built-in modules (`node_crypto`, `zlib`) are made on
//! the module's first `require`, through `moduleHost`.

mod bytes;
mod crypto;
pub(crate) mod fetch;
mod invoke_flow;
mod node_crypto;
mod node_error;
mod text_codecs;
mod url;
mod zlib;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use boa_engine::job::{Job, PromiseJob};
use boa_engine::object::builtins::{JsArray, JsFunction, JsPromise};
use boa_engine::object::{FunctionObjectBuilder, ObjectInitializer};
use boa_engine::property::Attribute;
use boa_engine::{
    js_string, Context, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction, Trace,
};

use crate::event_loop::EventLoop;
use crate::frozen::RandomSource;
use crate::invoke_flow::FlowInvoker;
use crate::logs::{level_named, LogCollector};
use crate::nesting::MAX_JSON_DEPTH;
use crate::options::{HttpTransport, MemoryProbe};
use crate::preludes::Internals;

pub use self::bytes::{bytes_of, uint8_array};

/// What the host functions share during one run; kept in the context's host data.
pub struct HostState {
    pub event_loop: Rc<EventLoop>,
    pub logs: RefCell<LogCollector>,
    pub started: Instant,
    pub fetch_timeout: Duration,
    /// Measures memory for `context.debug.memoryUsage`; `None` outside a worker.
    pub memory_probe: Option<MemoryProbe>,
    /// Answers `fetch` in place of the network (recording or replaying a test case); `None` to go out live.
    pub http_transport: Option<HttpTransport>,
    /// Where `crypto`'s random values (and, in a frozen run, `Math.random`) come from.
    pub random: RandomSource,
    /// Runs the flows `context.invokeFlow` names; `None` outside a worker.
    pub flow_invoker: Option<FlowInvoker>,
}

fn state(context: &Context) -> &HostState {
    context
        .get_data::<HostState>()
        .expect("the host state is installed before any prelude runs")
}

/// The signature of every host function.
type HostFunction = fn(&JsValue, &[JsValue], &mut Context) -> JsResult<JsValue>;

/// Builds the object holding every host function.
pub fn host_object(context: &mut Context) -> JsObject {
    let functions: [(&str, usize, HostFunction); 21] = [
        ("log", 2, log),
        ("countDroppedLog", 0, count_dropped_log),
        ("now", 0, now),
        ("memoryUsage", 0, memory_usage),
        ("setTimer", 5, set_timer),
        ("clearTimer", 1, clear_timer),
        ("preludeSources", 1, prelude_sources),
        ("queueMicrotask", 1, queue_microtask),
        ("fetch", 5, start_fetch),
        ("forgetIo", 1, forget_io),
        ("invokeFlow", 4, invoke_flow::invoke_flow),
        ("digest", 2, digest),
        ("hmac", 3, hmac),
        ("randomBytes", 1, random_bytes),
        ("utf8Encode", 1, utf8_encode),
        ("utf8Decode", 3, utf8_decode),
        ("encodeText", 2, text_codecs::encode_text),
        ("decodeBytes", 2, text_codecs::decode_bytes),
        ("parseUrl", 2, parse_url),
        ("setUrlPart", 3, set_url_part),
        ("moduleHost", 1, module_host),
    ];
    let mut object = functions_object(&functions, context);
    // The preludes hold what they stringify (log arguments, results the walk leaves to JSON.stringify) to it.
    object.property(
        js_string!("maxJsonDepth"),
        MAX_JSON_DEPTH as i32,
        Attribute::READONLY,
    );
    object.build()
}

/// An object holding `functions`, still open for more properties.
fn functions_object<'a>(
    functions: &[(&str, usize, HostFunction)],
    context: &'a mut Context,
) -> ObjectInitializer<'a> {
    let mut object = ObjectInitializer::new(context);
    for &(name, length, function) in functions {
        object.function(
            NativeFunction::from_fn_ptr(function),
            js_string!(name),
            length,
        );
    }
    object
}

/// A native function with a name and a length, which cannot be called with `new`; `body` shares
/// `captures` between calls.
pub(crate) fn native_function<T: Trace + Clone + 'static>(
    context: &mut Context,
    name: &str,
    length: usize,
    captures: T,
    body: fn(&JsValue, &[JsValue], &T, &mut Context) -> JsResult<JsValue>,
) -> JsFunction {
    FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure_with_captures(body, captures),
    )
    .name(JsString::from(name))
    .length(length)
    .build()
}

/// `moduleHost(name)` → the host functions of one of Node's built-in modules, made on its first `require`
/// so that a block that requires nothing does not pay for them.
fn module_host(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let name = string_arg(args, 0, context)?;
    let functions = match name.as_str() {
        "crypto" => node_crypto::FUNCTIONS,
        "zlib" => zlib::FUNCTIONS,
        _ => {
            return Err(type_error(format!(
                "no host functions for the module `{name}`"
            )))
        }
    };
    Ok(functions_object(functions, context).build().into())
}

pub(crate) fn arg(args: &[JsValue], index: usize) -> JsValue {
    args.get(index).cloned().unwrap_or_default()
}

fn string_arg(args: &[JsValue], index: usize, context: &mut Context) -> JsResult<String> {
    Ok(arg(args, index).to_string(context)?.to_std_string_lossy())
}

fn type_error(message: impl Into<String>) -> boa_engine::JsError {
    JsNativeError::typ().with_message(message.into()).into()
}

/// `log(level, message)` → whether lines are still kept: the prelude has already formatted the arguments
/// into one message, and once this says `false` it only counts further lines (`countDroppedLog`), so a
/// block that logs without end does not pay for formatting lines nobody will see.
pub(crate) fn log(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let level = string_arg(args, 0, context)?;
    let level =
        level_named(&level).ok_or_else(|| type_error(format!("unknown log level `{level}`")))?;
    let message = string_arg(args, 1, context)?;
    Ok(state(context)
        .logs
        .borrow_mut()
        .push(level, &message)
        .into())
}

/// `countDroppedLog()`: one more line logged past the cap.
pub(crate) fn count_dropped_log(
    _: &JsValue,
    _: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    state(context).logs.borrow_mut().count_dropped();
    Ok(JsValue::undefined())
}

/// `now()`: milliseconds since the run started, with sub-millisecond precision (`performance.now()`).
pub(crate) fn now(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    Ok((state(context).started.elapsed().as_secs_f64() * 1000.0).into())
}

/// `memoryUsage()` → `{ rss, heapTotal, heapUsed, external, arrayBuffers }` in bytes, as Node's
/// `process.memoryUsage()` names them. Boa keeps array buffers and other outside memory on the same heap
/// and does not count them apart, so `external` and `arrayBuffers` are 0 (they are inside `heapUsed`).
pub(crate) fn memory_usage(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let probe = state(context).memory_probe.clone().ok_or_else(|| {
        JsNativeError::error().with_message(
            "memory is measured only in a worker process: run the block with `blocksmith run` or in the app",
        )
    })?;
    let sample = (probe.0)();
    // Byte counts stay far below 2^53, so they are exact as JavaScript numbers.
    let figures = [
        ("rss", sample.rss as f64),
        ("heapTotal", sample.heap_total as f64),
        ("heapUsed", sample.heap_used as f64),
        ("external", 0.0),
        ("arrayBuffers", 0.0),
    ];
    let mut object = ObjectInitializer::new(context);
    for (name, value) in figures {
        object.property(js_string!(name), value, Attribute::all());
    }
    Ok(object.build().into())
}

/// `setTimer(callback, delayMs, repeat, keepsAlive, argsArray)` → timer id.
fn set_timer(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let callback = arg(args, 0)
        .as_object()
        .and_then(JsFunction::from_object)
        .ok_or_else(|| type_error("The \"callback\" argument must be of type function"))?;
    let delay = arg(args, 1).to_number(context)?;
    // Node turns a delay that is not a number in 1..=2^31-1 into 1 ms.
    let delay = if (1.0..=2_147_483_647.0).contains(&delay) {
        delay
    } else {
        1.0
    };
    let repeat = arg(args, 2).to_boolean();
    let keeps_alive = arg(args, 3).to_boolean();
    let timer_args = match arg(args, 4).as_object() {
        Some(array) => {
            let array = JsArray::from_object(array)?;
            let length = array.length(context)?;
            (0..length)
                .map(|i| array.get(i, context))
                .collect::<JsResult<Vec<_>>>()?
        }
        None => Vec::new(),
    };
    let id = state(context).event_loop.add_timer(
        callback,
        timer_args,
        Duration::from_secs_f64(delay / 1000.0),
        repeat,
        keeps_alive,
    );
    Ok(id.into())
}

fn clear_timer(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let id = arg(args, 0).to_number(context)?;
    if id.fract() == 0.0 && (1.0..=f64::from(u32::MAX)).contains(&id) {
        // Checked above: a whole number within u32's range.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        state(context).event_loop.clear_timer(id as u32);
    }
    Ok(JsValue::undefined())
}

/// `preludeSources(file)` → the sources to evaluate, in order, to load a lazily loaded prelude on the
/// first use of one of its globals (empty when it is already loaded).
fn prelude_sources(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let file = string_arg(args, 0, context)?;
    let internals = context.get_data::<Internals>().cloned().ok_or_else(|| {
        JsNativeError::error().with_message("the engine's preludes are not installed")
    })?;
    let sources = internals
        .sources_to_load(&file)
        .map_err(|error| JsNativeError::error().with_message(error.to_string()))?;
    let sources: Vec<JsValue> = sources
        .into_iter()
        .map(|source| JsString::from(source).into())
        .collect();
    Ok(JsArray::from_iter(sources, context).into())
}

/// `queueMicrotask(callback)`: a job in the same queue as promise reactions, so the two interleave as in
/// Node; a callback that throws fails the run like an uncaught exception.
fn queue_microtask(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let callback = arg(args, 0)
        .as_object()
        .and_then(JsFunction::from_object)
        .ok_or_else(|| type_error("The \"callback\" argument must be of type function"))?;
    let job = PromiseJob::new(move |context| callback.call(&JsValue::undefined(), &[], context));
    context.enqueue_job(Job::PromiseJob(job));
    Ok(JsValue::undefined())
}

/// `fetch(method, url, flatHeaders, body, redirect)` → `{ id, promise }`; the promise resolves to
/// `{ status, statusText, url, redirected, headers: [name, value, …], body: Uint8Array }`.
fn start_fetch(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let method = string_arg(args, 0, context)?;
    let url = string_arg(args, 1, context)?;
    let flat_headers = match arg(args, 2).as_object() {
        Some(array) => {
            let array = JsArray::from_object(array)?;
            let length = array.length(context)?;
            (0..length)
                .map(|i| {
                    Ok(array
                        .get(i, context)?
                        .to_string(context)?
                        .to_std_string_lossy())
                })
                .collect::<JsResult<Vec<_>>>()?
        }
        None => Vec::new(),
    };
    let headers = flat_headers
        .chunks_exact(2)
        .map(|pair| (pair[0].clone(), pair[1].clone()))
        .collect();
    let body = match arg(args, 3) {
        value if value.is_null_or_undefined() => None,
        value => Some(bytes_of(&value, context)?),
    };
    let redirect_name = string_arg(args, 4, context)?;
    let redirect = fetch::RedirectMode::named(&redirect_name)
        .ok_or_else(|| type_error(format!("`{redirect_name}` is not a redirect mode")))?;
    let request = fetch::FetchRequest {
        method,
        url,
        headers,
        body,
        redirect,
        timeout: state(context).fetch_timeout,
    };

    let transport = state(context).http_transport.clone();
    let (promise, resolvers) = JsPromise::new_pending(context);
    let (id, completion) = state(context).event_loop.start_io(resolvers);
    std::thread::spawn(move || {
        let outcome = match transport {
            Some(transport) => (transport.0)(request),
            None => fetch::perform(request),
        };
        completion.complete(Box::new(move |context| match outcome {
            Ok(response) => fetched_to_js(response, context),
            Err(failure) => Err(JsNativeError::typ()
                .with_message("fetch failed")
                .with_cause(boa_engine::JsError::from_opaque(
                    js_string!(failure.cause).into(),
                ))
                .into()),
        }));
    });
    let handle = ObjectInitializer::new(context)
        .property(js_string!("id"), id as f64, Attribute::all())
        .property(js_string!("promise"), promise, Attribute::all())
        .build();
    Ok(handle.into())
}

fn fetched_to_js(response: fetch::FetchedResponse, context: &mut Context) -> JsResult<JsValue> {
    let headers: Vec<JsValue> = response
        .headers
        .into_iter()
        .flat_map(|(name, value)| [js_string!(name).into(), js_string!(value).into()])
        .collect();
    let headers = JsArray::from_iter(headers, context);
    let body = uint8_array(&response.body, context)?;
    let object = ObjectInitializer::new(context)
        .property(js_string!("status"), response.status, Attribute::all())
        .property(
            js_string!("statusText"),
            js_string!(response.status_text),
            Attribute::all(),
        )
        .property(
            js_string!("url"),
            js_string!(response.url),
            Attribute::all(),
        )
        .property(
            js_string!("redirected"),
            response.redirected,
            Attribute::all(),
        )
        .property(js_string!("headers"), headers, Attribute::all())
        .property(js_string!("body"), body, Attribute::all())
        .build();
    Ok(object.into())
}

fn forget_io(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let id = arg(args, 0).to_number(context)?;
    if id.fract() == 0.0 && id >= 1.0 {
        // Checked above: a positive whole number, as `start_fetch` handed out.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        state(context).event_loop.forget_io(id as u64);
    }
    Ok(JsValue::undefined())
}

fn hash_algorithm(args: &[JsValue], context: &mut Context) -> JsResult<crypto::HashAlgorithm> {
    let name = string_arg(args, 0, context)?;
    crypto::HashAlgorithm::named(&name).ok_or_else(|| {
        JsNativeError::error()
            .with_message(format!("Unrecognized algorithm name: {name}"))
            .into()
    })
}

/// `digest(algorithm, bytes)` → Uint8Array.
fn digest(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let algorithm = hash_algorithm(args, context)?;
    let data = bytes_of(&arg(args, 1), context)?;
    uint8_array(&crypto::digest(algorithm, &data), context)
}

/// `hmac(algorithm, keyBytes, dataBytes)` → Uint8Array.
fn hmac(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let algorithm = hash_algorithm(args, context)?;
    let key = bytes_of(&arg(args, 1), context)?;
    let data = bytes_of(&arg(args, 2), context)?;
    uint8_array(&crypto::hmac(algorithm, &key, &data), context)
}

/// `randomBytes(length)` → Uint8Array.
fn random_bytes(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let length = arg(args, 0).to_length(context)?;
    let length =
        usize::try_from(length).map_err(|_| type_error("too many random bytes asked for"))?;
    let bytes = state(context).random.bytes(length).map_err(|error| {
        JsNativeError::error().with_message(format!("the system's random source failed: {error}"))
    })?;
    uint8_array(&bytes, context)
}

/// `length` bytes from the operating system's random source.
pub(crate) fn system_random_bytes(length: usize) -> Result<Vec<u8>, getrandom::Error> {
    crypto::random_bytes(length)
}

/// The run's source of random values.
pub(crate) fn random_source(context: &Context) -> &RandomSource {
    &state(context).random
}

/// `utf8Encode(string)` → Uint8Array; lone surrogates become U+FFFD as in `TextEncoder`.
fn utf8_encode(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let text = string_arg(args, 0, context)?;
    uint8_array(text.as_bytes(), context)
}

/// `utf8Decode(bytes, fatal, ignoreBom)` → string, as `TextDecoder('utf-8')` decodes.
fn utf8_decode(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let bytes = bytes_of(&arg(args, 0), context)?;
    let fatal = arg(args, 1).to_boolean();
    let ignore_bom = arg(args, 2).to_boolean();
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) if !ignore_bom => rest,
        _ => &bytes[..],
    };
    let text = if fatal {
        std::str::from_utf8(bytes)
            .map_err(|_| type_error("The encoded data was not valid for encoding utf-8"))?
            .into()
    } else {
        String::from_utf8_lossy(bytes)
    };
    Ok(JsString::from(text.as_ref()).into())
}

fn url_parts_to_js(parts: Option<url::UrlParts>, context: &mut Context) -> JsValue {
    let Some(parts) = parts else {
        return JsValue::null();
    };
    let mut object = ObjectInitializer::new(context);
    for (name, value) in parts.fields() {
        object.property(js_string!(name), js_string!(value), Attribute::all());
    }
    object.build().into()
}

/// `parseUrl(input, base?)` → the URL's parts, or `null` when it is not a valid URL.
fn parse_url(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let input = string_arg(args, 0, context)?;
    let base = match arg(args, 1) {
        value if value.is_undefined() => None,
        value => Some(value.to_string(context)?.to_std_string_lossy()),
    };
    let parts = url::parse(&input, base.as_deref());
    Ok(url_parts_to_js(parts, context))
}

/// `setUrlPart(href, setterName, value)` → the changed URL's parts (or `null` for an invalid `href`).
fn set_url_part(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let href = string_arg(args, 0, context)?;
    let setter = string_arg(args, 1, context)?;
    let value = string_arg(args, 2, context)?;
    let parts = url::set(&href, &setter, &value);
    Ok(url_parts_to_js(parts, context))
}
