//! One run of one block: set up a fresh engine, evaluate the block through the CommonJS shim, call
//! `module.exports(context, input)`, run the event loop until its promise settles, and convert the result.

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;
use std::time::{Duration, Instant};

use boa_engine::builtins::promise::PromiseState;
use boa_engine::object::builtins::JsPromise;
use boa_engine::property::PropertyKey;
use boa_engine::{js_string, Context, JsObject, JsValue, Source};
use serde_json::value::RawValue;
use serde_json::Value;

use blocksmith_context::{context_member, ContextMember, Provider, CONTEXT_MEMBERS};

use crate::block_error;
use crate::context_code;
use crate::contract::{
    null_text, BlockError, BlockKind, FailureKind, JsonBlockState, JsonRunOutcome, JsonRunReport,
    JsonRunRequest, JsonText,
};
use crate::debugger::{self, instrument, Debugger, InstrumentError, Instrumented};
use crate::event_loop::{EventLoop, LoopStop};
use crate::frozen::{freeze_math_random, RandomSource, RunClock};
use crate::host::HostState;
use crate::intl_data;
use crate::json_in;
use crate::logs::{LogCaps, LogCollector};
use crate::nesting::TooDeep;
use crate::options::EngineOptions;
use crate::prelude_core;
use crate::preludes::Internals;
use crate::result_json::{self, Converted, Unconverted};

/// Value-stack slots before Boa reports a stack overflow; generous, since the call-depth limit is the
/// one meant to trip first.
const VALUE_STACK_LIMIT: usize = 4 * 1024 * 1024;

const STATE_KEYS: [&str; 4] = [
    "instanceState",
    "crossFlowState",
    "executionState",
    "integrationState",
];

/// A fresh context made ready for a run before the run is known: Boa's built-ins, the legacy `RegExp`
/// statics and the eager preludes, which are most of a small block's time. A worker prepares one while it
/// waits for its request; nothing in it depends on the run (its clock is frozen later, if the run asks).
pub struct Prepared(Result<Ready, String>);

struct Ready {
    context: Context,
    event_loop: Rc<EventLoop>,
    clock: Rc<RunClock>,
    internals: Internals,
}

impl Prepared {
    /// Builds the context now, on this thread (a Boa context never leaves the thread that built it).
    pub fn new() -> Self {
        Prepared(Ready::build())
    }
}

impl Default for Prepared {
    fn default() -> Self {
        Self::new()
    }
}

impl Ready {
    fn build() -> Result<Self, String> {
        let event_loop = Rc::new(EventLoop::default());
        let clock = Rc::new(RunClock::default());
        let mut context = intl_data::context_builder()
            .job_executor(event_loop.clone())
            .clock(clock.clone())
            .build()
            .map_err(|error| error.to_string())?;
        crate::legacy_regexp::install(&mut context).map_err(|error| error.to_string())?;
        let internals = Internals::install(&mut context).map_err(|error| error.to_string())?;
        Ok(Ready {
            context,
            event_loop,
            clock,
            internals,
        })
    }
}

pub fn run(
    request: &JsonRunRequest,
    options: &EngineOptions,
    debugger: Option<Debugger>,
) -> JsonRunReport {
    run_on(Prepared::new(), request, options, debugger)
}

/// `run` on a context prepared before the request came.
pub fn run_on(
    prepared: Prepared,
    request: &JsonRunRequest,
    options: &EngineOptions,
    debugger: Option<Debugger>,
) -> JsonRunReport {
    let started = Instant::now();
    let Ready {
        mut context,
        event_loop,
        clock,
        internals,
    } = match prepared.0 {
        Ok(ready) => ready,
        Err(error) => return engine_failure(request, &error, started),
    };
    if let Some(frozen) = &options.frozen {
        clock.freeze(frozen.now_ms);
    }
    let limits = context.runtime_limits_mut();
    limits.set_recursion_limit(options.max_call_depth);
    limits.set_stack_size_limit(VALUE_STACK_LIMIT);
    context.insert_data(HostState {
        event_loop: event_loop.clone(),
        logs: RefCell::new(
            LogCollector::new(LogCaps {
                max_lines: options.max_log_lines,
                max_bytes: options.max_log_bytes,
                max_line_chars: options.max_log_line_chars,
            })
            .with_live(options.live_logs.clone()),
        ),
        started,
        fetch_timeout: Duration::from_millis(options.fetch_timeout_ms),
        memory_probe: options.memory_probe.clone(),
        http_transport: options.http_transport.clone(),
        random: RandomSource::for_run(options.frozen.as_ref()),
        flow_invoker: options.flow_invoker.clone(),
    });
    if options.frozen.is_some() {
        if let Err(error) = freeze_math_random(&mut context) {
            return engine_failure(request, &error.to_string(), started);
        }
    }
    let (wrapped_source, instrumented) = match debugger {
        Some(debugger) => match prepare_debugger(request, debugger, &mut context) {
            Ok(instrumented) => (instrumented.wrapped_source.clone(), Some(instrumented)),
            Err(error) => return engine_failure(request, &error.to_string(), started),
        },
        None => (instrument::wrap(&request.source), None),
    };

    let mut block = Block {
        wrapped_source,
        request,
        context: &mut context,
        internals: &internals,
        event_loop: &event_loop,
        memory_limit_mb: options.memory_limit_mb,
        debug: None,
    };
    let (returned, state, state_refused) = block.run();
    let debug_results = block.debug_results();
    let logs = context
        .remove_data::<HostState>()
        .map(|host| host.logs.into_inner().finish())
        .unwrap_or_default();
    // A state object refused for its nesting fails a run that otherwise succeeded: the person must learn
    // that what the block meant to keep was not kept.
    let returned = match (returned, state_refused) {
        (Ok(_), Some(refusal)) => Err(Failed::Refused(refusal)),
        (returned, _) => returned,
    };
    let (ok, (returned, result, response), error, failure) = match returned {
        Ok(returned) => (
            true,
            result_and_response(request.kind, returned),
            None,
            None,
        ),
        Err(failed) => {
            let (error, kind) = match failed {
                Failed::Block(error) => (error, FailureKind::Block),
                Failed::Refused(error) => (error, FailureKind::Limit),
            };
            let nothing = (null_text(), null_text(), null_text());
            (false, nothing, Some(error), Some(kind))
        }
    };
    let error = match (error, &instrumented) {
        (Some(error), Some(instrumented)) => Some(in_block_columns(error, instrumented)),
        (error, _) => error,
    };
    JsonRunReport {
        outcome: JsonRunOutcome {
            ok,
            returned,
            result,
            response,
            logs,
            error,
            duration_ms: started.elapsed().as_secs_f64() * 1000.0,
            debug_results,
        },
        state,
        failure,
    }
}

/// Why a run has no result.
enum Failed {
    /// The block threw, rejected, or could not be run.
    Block(BlockError),
    /// What it produced nests deeper than Blocksmith keeps (a limit, like the memory or the time limit).
    Refused(BlockError),
}

/// Why a value the block produced could not be made JSON.
enum Unconvertible {
    /// The block's own code threw while it was converted (a `toJSON`, a getter), or it holds a cycle or a
    /// BigInt, as `JSON.stringify` reports them.
    Block(BlockError),
    TooDeep(TooDeep),
}

/// The name of the error a run reports when what a block produced nests too deeply.
const NESTING_LIMIT_ERROR: &str = "NestingLimitError";

fn nesting_refused(message: String) -> BlockError {
    BlockError {
        name: NESTING_LIMIT_ERROR.to_owned(),
        message,
        line: None,
        column: None,
        stack: None,
    }
}

/// `returned` as text, then the step result: an action's `returned.data`, a trigger's `returned.payload`;
/// and a trigger's `returned.response`, which goes to the webhook caller. The members are cut from the
/// text of `returned`, so nothing is converted twice.
fn result_and_response(
    kind: BlockKind,
    returned: Option<Converted>,
) -> (JsonText, JsonText, JsonText) {
    let Some(returned) = returned else {
        return (null_text(), null_text(), null_text());
    };
    let field = match kind {
        BlockKind::Action => "data",
        BlockKind::Trigger => "payload",
    };
    let result = returned.member(field).map(text_of);
    let response = match kind {
        BlockKind::Trigger => returned.member("response").map(text_of),
        BlockKind::Action => None,
    };
    let response = response.unwrap_or_else(null_text);
    let returned = text_of_owned(returned.text);
    let result = result.unwrap_or_else(|| returned.clone());
    (returned, result, response)
}

/// JSON text the walk wrote (always valid JSON) as a `JsonText`.
fn text_of(text: &str) -> JsonText {
    text_of_owned(text.to_owned())
}

fn text_of_owned(text: String) -> JsonText {
    // SAFETY: not a memory-safety matter: `from_string_unchecked` only requires one well-formed JSON
    // value without surrounding whitespace, which is what the walk (or serde_json, for what the
    // engine's `JSON.stringify` converted) writes. Checking it again would scan a large result twice.
    unsafe { RawValue::from_string_unchecked(text) }
}

/// A report for a run the engine itself could not set up (a bug in the engine, not in the block).
fn engine_failure(request: &JsonRunRequest, message: &str, started: Instant) -> JsonRunReport {
    JsonRunReport {
        outcome: JsonRunOutcome {
            ok: false,
            returned: null_text(),
            result: null_text(),
            response: null_text(),
            logs: Vec::new(),
            error: Some(BlockError {
                name: "InternalError".to_owned(),
                message: message.to_owned(),
                line: None,
                column: None,
                stack: None,
            }),
            duration_ms: started.elapsed().as_secs_f64() * 1000.0,
            debug_results: None,
        },
        state: request.state.clone(),
        failure: Some(FailureKind::Block),
    }
}

/// Instruments the block and installs the debugger. A block that does not parse runs as it is, so its
/// syntax error is reported as a normal run reports it.
fn prepare_debugger(
    request: &JsonRunRequest,
    debugger: Debugger,
    context: &mut Context,
) -> Result<Instrumented, boa_engine::JsError> {
    let instrumented = match instrument::instrument(&request.source) {
        Ok(instrumented) => instrumented,
        Err(InstrumentError::Parse(_)) => Instrumented::unhooked(&request.source),
        Err(error) => {
            return Err(boa_engine::JsNativeError::error()
                .with_message(error.to_string())
                .into())
        }
    };
    debugger::install(
        debugger,
        instrumented.clone(),
        request.file_name.clone(),
        context,
    )?;
    Ok(instrumented)
}

/// The error's column in the block's own file: the engine counted the debugger's hooks before it.
fn in_block_columns(mut error: BlockError, instrumented: &Instrumented) -> BlockError {
    if let (Some(line), Some(column)) = (error.line, error.column) {
        error.column = Some(instrumented.block_column_of_reported(line, column));
    }
    error
}

struct Block<'a> {
    /// The text evaluated: the block in its CommonJS wrapper, instrumented in a debug run.
    wrapped_source: String,
    request: &'a JsonRunRequest,
    context: &'a mut Context,
    internals: &'a Internals,
    event_loop: &'a EventLoop,
    /// `context.debug.results.allowedMemory`.
    memory_limit_mb: Option<u64>,
    /// The `context.debug` object the run was given, to read its results back in debug mode.
    debug: Option<JsObject>,
}

impl Block<'_> {
    /// The JSON the block's promise resolved to (or why there is none), the state objects after the run,
    /// and the error saying which state object was refused, if one was.
    fn run(
        &mut self,
    ) -> (
        Result<Option<Converted>, Failed>,
        JsonBlockState,
        Option<BlockError>,
    ) {
        let context_object = match self.context_object() {
            Ok(object) => object,
            Err(error) => return (Err(Failed::Block(error)), self.request.state.clone(), None),
        };
        let returned = match self.call(&context_object) {
            Ok(value) => match self.js_to_json(&value) {
                Ok(converted) => Ok(converted),
                Err(Unconvertible::Block(error)) => Err(Failed::Block(error)),
                Err(Unconvertible::TooDeep(refusal)) => {
                    Err(Failed::Refused(nesting_refused(format!(
                        "{}. Return a flatter value.",
                        refusal.describe("The value the block returned")
                    ))))
                }
            },
            Err(error) => Err(Failed::Block(error)),
        };
        let (state, state_refused) = self.read_state(&context_object);
        (returned, state, state_refused)
    }

    fn js_error(&mut self, error: boa_engine::JsError) -> BlockError {
        block_error::describe(error, &self.request.file_name, self.internals, self.context)
    }

    /// An error that escaped the block's code and ends the run; a debugged run pauses on it first when
    /// asked to.
    fn uncaught(&mut self, error: boa_engine::JsError) -> BlockError {
        if error.as_engine().is_some() {
            return self.js_error(error);
        }
        match error.into_opaque(self.context) {
            Ok(value) => self.uncaught_value(&value),
            Err(error) => self.js_error(error),
        }
    }

    /// A value the block threw or rejected with, ending the run (see `uncaught`).
    fn uncaught_value(&mut self, value: &JsValue) -> BlockError {
        // A debugger that cannot pause (its front end is gone) leaves the run to end as it would.
        let _ = debugger::pause_on_uncaught(value, self.context);
        block_error::describe_value(value, &self.request.file_name, self.internals, self.context)
    }

    fn json_to_js(&mut self, text: &RawValue) -> Result<JsValue, BlockError> {
        json_in::to_js(text.get(), self.context)
            .map_err(|error| internal_error(&crate::error::Error::InputJson(error)))
    }

    /// `context`, member by member as `blocksmith_context::CONTEXT_MEMBERS` defines it, then any further
    /// members the request carries (the workspace's execution settings may add some).
    fn context_object(&mut self) -> Result<JsObject, BlockError> {
        let given = self.json_to_js(&self.request.context)?;
        let given = given.as_object();
        let object = JsObject::with_object_proto(self.context.intrinsics());
        for member in CONTEXT_MEMBERS {
            if let Some(value) = self.member_value(member, given.as_ref())? {
                self.define(&object, member.name, value)?;
            }
        }
        if let Some(given) = given {
            let keys = given
                .own_property_keys(self.context)
                .map_err(|error| self.js_error(error))?;
            for key in keys {
                let PropertyKey::String(name) = &key else {
                    continue;
                };
                if context_member(&name.to_std_string_lossy()).is_some() {
                    continue;
                }
                let value = given
                    .get(key.clone(), self.context)
                    .map_err(|error| self.js_error(error))?;
                object
                    .create_data_property_or_throw(key, value, self.context)
                    .map_err(|error| self.js_error(error))?;
            }
        }
        Ok(object)
    }

    /// One member's value, from where the definition says it comes from; `None` for a value the request
    /// should carry and does not (the runner's `default_context` fills in every one; an engine test may not).
    fn member_value(
        &mut self,
        member: &ContextMember,
        given: Option<&JsObject>,
    ) -> Result<Option<JsValue>, BlockError> {
        let value = match member.provider {
            Provider::RunValue => {
                let key = PropertyKey::from(js_string!(member.name));
                let carried = match given {
                    Some(given) => given
                        .has_own_property(key.clone(), self.context)
                        .map_err(|error| self.js_error(error))?,
                    None => false,
                };
                match given {
                    Some(given) if carried => given
                        .get(key, self.context)
                        .map_err(|error| self.js_error(error))?,
                    _ => return Ok(None),
                }
            }
            Provider::Logger => prelude_core::make_logger(self.internals, self.context)
                .map_err(|error| self.js_error(error))?
                .into(),
            Provider::ConfigVars => self.json_to_js(&self.request.config_vars)?,
            Provider::State => {
                let state = &self.request.state;
                let value = match member.name {
                    "instanceState" => &state.instance_state,
                    "crossFlowState" => &state.cross_flow_state,
                    "executionState" => &state.execution_state,
                    _ => &state.integration_state,
                };
                // A state the caller left as null starts as an empty object, so blocks can assign into it.
                if value.get() == "null" {
                    JsObject::with_object_proto(self.context.intrinsics()).into()
                } else {
                    self.json_to_js(value)?
                }
            }
            Provider::Debug => {
                // No memory limit reads as an unlimited allowance.
                let allowed_memory = self
                    .memory_limit_mb
                    .map_or(f64::INFINITY, |megabytes| megabytes as f64);
                let debug =
                    context_code::make_debug(self.request.debug_mode, allowed_memory, self.context)
                        .map_err(|error| self.js_error(error))?;
                self.debug = Some(debug.clone());
                debug.into()
            }
            Provider::Components => context_code::make_components(self.context)
                .map_err(|error| self.js_error(error))?
                .into(),
            Provider::InvokeFlow => {
                context_code::make_invoke_flow(self.internals.object().clone(), self.context).into()
            }
        };
        Ok(Some(value))
    }

    fn define(&mut self, object: &JsObject, name: &str, value: JsValue) -> Result<(), BlockError> {
        object
            .create_data_property_or_throw(js_string!(name), value, self.context)
            .map(|_| ())
            .map_err(|error| self.js_error(error))
    }

    /// In debug mode, `context.debug.results` as the run left it, converted as `JSON.stringify` converts it;
    /// `None` otherwise, or when the block replaced it with something that cannot be converted.
    fn debug_results(&mut self) -> Option<JsonText> {
        if !self.request.debug_mode {
            return None;
        }
        let debug = self.debug.clone()?;
        let results = debug.get(js_string!("results"), self.context).ok()?;
        match self.js_to_json(&results) {
            Ok(Some(converted)) => Some(text_of_owned(converted.text)),
            _ => None,
        }
    }

    /// Evaluates the block, calls its export and runs the event loop until the returned promise settles.
    fn call(&mut self, context_object: &JsObject) -> Result<JsValue, BlockError> {
        let file_name = self.request.file_name.clone();
        let source = Source::from_bytes(&self.wrapped_source).with_path(Path::new(&file_name));
        let factory = self
            .context
            .eval(source)
            .map_err(|error| block_error::describe_parse_error(&error, &file_name))?;
        let exports = JsObject::with_object_proto(self.context.intrinsics());
        let module = JsObject::with_object_proto(self.context.intrinsics());
        module
            .create_data_property_or_throw(js_string!("exports"), exports.clone(), self.context)
            .map_err(|error| self.js_error(error))?;
        let factory = factory
            .as_callable()
            .ok_or_else(|| not_a_function("the wrapped block"))?;
        factory
            .call(
                &exports.clone().into(),
                &[module.clone().into(), exports.into()],
                self.context,
            )
            .map_err(|error| self.uncaught(error))?;
        let exported = module
            .get(js_string!("exports"), self.context)
            .map_err(|error| self.js_error(error))?;
        let Some(function) = exported.as_callable() else {
            return Err(not_a_function(exported.type_of()));
        };
        let input = self.json_to_js(&self.request.input)?;
        let value = function
            .call(
                &JsValue::undefined(),
                &[context_object.clone().into(), input],
                self.context,
            )
            .map_err(|error| self.uncaught(error))?;
        let promise =
            JsPromise::resolve(value, self.context).map_err(|error| self.js_error(error))?;
        match self.event_loop.run_until_settled(&promise, self.context) {
            Ok(()) => {}
            Err(LoopStop::NeverSettles) => return Err(never_settled()),
            Err(LoopStop::Uncaught(error)) => return Err(self.uncaught(error)),
        }
        match promise.state() {
            PromiseState::Fulfilled(value) => Ok(value),
            PromiseState::Rejected(reason) => Err(self.uncaught_value(&reason)),
            PromiseState::Pending => Err(never_settled()),
        }
    }

    /// Converts as the engine's own `JSON.stringify` would; `None` where it gives `undefined`.
    /// The walk in Rust is the fast path; what it does not mirror goes through `JSON.stringify` itself.
    /// Either way, nesting deeper than `MAX_JSON_DEPTH` is refused.
    fn js_to_json(&mut self, value: &JsValue) -> Result<Option<Converted>, Unconvertible> {
        match result_json::to_json_text(value, self.context) {
            Ok(converted) => Ok(converted),
            Err(Unconverted::TooDeep(refusal)) => Err(Unconvertible::TooDeep(refusal)),
            Err(Unconverted::NotMirrored) => self.js_to_json_text(value),
        }
    }

    /// Converts through the engine's `JSON.stringify` (held to the nesting limit by `toJsonText`) and reads
    /// the text back (so the report prints it as it prints any JSON value).
    fn js_to_json_text(&mut self, value: &JsValue) -> Result<Option<Converted>, Unconvertible> {
        let text = self
            .internals
            .call("toJsonText", std::slice::from_ref(value), self.context)
            .map_err(|error| Unconvertible::Block(self.js_error(error)))?;
        if let Some(refused) = text.as_object() {
            // `{ nestedTooDeep: true, under }`: the value nests deeper than the limit.
            let under = refused
                .get(js_string!("under"), self.context)
                .ok()
                .and_then(|under| under.as_string().map(|name| name.to_std_string_lossy()));
            return Err(Unconvertible::TooDeep(TooDeep { under }));
        }
        let Some(text) = text.as_string() else {
            return Ok(None);
        };
        let tree: Value = serde_json::from_str(&text.to_std_string_lossy())
            .map_err(|error| Unconvertible::Block(internal_error(&error.into())))?;
        Ok(Some(result_json::from_tree(&tree)))
    }

    /// The state objects as the block left them; one that cannot be converted keeps its value from before.
    /// One nested too deeply is refused: it keeps its value from before, and the error says so.
    fn read_state(&mut self, context_object: &JsObject) -> (JsonBlockState, Option<BlockError>) {
        let before = &self.request.state;
        let mut refused = None;
        let mut read = |key: &str, before: &JsonText| -> JsonText {
            let Ok(value) = context_object.get(PropertyKey::from(js_string!(key)), self.context)
            else {
                return before.clone();
            };
            match self.js_to_json(&value) {
                Ok(converted) => converted.map_or_else(null_text, |c| text_of_owned(c.text)),
                Err(Unconvertible::TooDeep(refusal)) => {
                    refused.get_or_insert_with(|| {
                        nesting_refused(format!(
                            "{}. The {key} from before this run is kept; keep a flatter value in it.",
                            refusal.describe(key)
                        ))
                    });
                    before.clone()
                }
                Err(Unconvertible::Block(_)) => before.clone(),
            }
        };
        let state = JsonBlockState {
            instance_state: read(STATE_KEYS[0], &before.instance_state),
            cross_flow_state: read(STATE_KEYS[1], &before.cross_flow_state),
            execution_state: read(STATE_KEYS[2], &before.execution_state),
            integration_state: read(STATE_KEYS[3], &before.integration_state),
        };
        (state, refused)
    }
}

/// A failure of the engine's own JSON handling (not the block's).
fn internal_error(error: &crate::error::Error) -> BlockError {
    BlockError {
        name: "InternalError".to_owned(),
        message: error.to_string(),
        line: None,
        column: None,
        stack: None,
    }
}

fn not_a_function(found: &str) -> BlockError {
    let message = format!("module.exports must be a function (the block exported {found})");
    BlockError {
        stack: Some(format!("TypeError: {message}")),
        name: "TypeError".to_owned(),
        message,
        line: None,
        column: None,
    }
}

fn never_settled() -> BlockError {
    let message =
        "The block's promise never settled: nothing was left that could settle it (no pending \
                   timer or request). Check for a promise that is never resolved or rejected.";
    BlockError {
        stack: Some(format!("Error: {message}")),
        name: "Error".to_owned(),
        message: message.to_owned(),
        line: None,
        column: None,
    }
}
