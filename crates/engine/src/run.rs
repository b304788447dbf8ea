//! One run of one block: set up a fresh engine, evaluate the block through the CommonJS shim, call
//! `module.exports(context, input)`, run the event loop until its promise settles, and convert the result.

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;
use std::time::{Duration, Instant};

use boa_engine::builtins::promise::PromiseState;
use boa_engine::context::ContextBuilder;
use boa_engine::object::builtins::JsPromise;
use boa_engine::property::PropertyKey;
use boa_engine::{js_string, Context, JsObject, JsValue, Source};
use serde_json::Value;

use crate::contract::{
    BlockError, BlockKind, BlockState, FailureKind, RunOutcome, RunReport, RunRequest,
};
use crate::event_loop::{EventLoop, LoopStop};
use crate::failure::{self, WRAPPER_PREFIX};
use crate::host::HostState;
use crate::logs::LogCollector;
use crate::options::EngineOptions;
use crate::preludes::Internals;
use crate::result_json::{self, Unconverted};

/// Value-stack slots before Boa reports a stack overflow; generous, since the call-depth limit is the
/// one meant to trip first.
const VALUE_STACK_LIMIT: usize = 4 * 1024 * 1024;

const STATE_KEYS: [&str; 4] = [
    "instanceState",
    "crossFlowState",
    "executionState",
    "integrationState",
];

pub fn run(request: &RunRequest, options: &EngineOptions) -> RunReport {
    let started = Instant::now();
    let event_loop = Rc::new(EventLoop::default());
    let mut context = match ContextBuilder::new()
        .job_executor(event_loop.clone())
        .build()
    {
        Ok(context) => context,
        Err(error) => return engine_failure(request, &error.to_string(), started),
    };
    let limits = context.runtime_limits_mut();
    limits.set_recursion_limit(options.max_call_depth);
    limits.set_stack_size_limit(VALUE_STACK_LIMIT);
    context.insert_data(HostState {
        event_loop: event_loop.clone(),
        logs: RefCell::new(LogCollector::new(
            options.max_log_lines,
            options.max_log_line_chars,
        )),
        started,
        fetch_timeout: Duration::from_millis(options.fetch_timeout_ms),
    });
    let internals = match Internals::install(&mut context) {
        Ok(internals) => internals,
        Err(error) => return engine_failure(request, &error.to_string(), started),
    };
    context.insert_data(internals.clone());

    let mut block = Block {
        request,
        context: &mut context,
        internals: &internals,
        event_loop: &event_loop,
    };
    let (returned, state) = block.run();
    let logs = context
        .remove_data::<HostState>()
        .map(|host| host.logs.into_inner().finish())
        .unwrap_or_default();
    let (ok, returned, error) = match returned {
        Ok(returned) => (true, returned, None),
        Err(error) => (false, Value::Null, Some(error)),
    };
    let (result, response) = result_and_response(request.kind, &returned);
    RunReport {
        outcome: RunOutcome {
            ok,
            returned,
            result,
            response,
            logs,
            error,
            duration_ms: started.elapsed().as_secs_f64() * 1000.0,
        },
        state,
        failure: (!ok).then_some(FailureKind::Block),
    }
}

/// An action's step result is `returned.data`, a trigger's is `returned.payload`; a trigger's
/// `returned.response` goes to the webhook caller.
fn result_and_response(kind: BlockKind, returned: &Value) -> (Value, Value) {
    let field = match kind {
        BlockKind::Action => "data",
        BlockKind::Trigger => "payload",
    };
    let Value::Object(object) = returned else {
        return (returned.clone(), Value::Null);
    };
    let result = object.get(field).unwrap_or(returned).clone();
    let response = match kind {
        BlockKind::Trigger => object.get("response").cloned().unwrap_or(Value::Null),
        BlockKind::Action => Value::Null,
    };
    (result, response)
}

/// A report for a run the engine itself could not set up (a bug in the engine, not in the block).
fn engine_failure(request: &RunRequest, message: &str, started: Instant) -> RunReport {
    RunReport {
        outcome: RunOutcome {
            ok: false,
            returned: Value::Null,
            result: Value::Null,
            response: Value::Null,
            logs: Vec::new(),
            error: Some(BlockError {
                name: "InternalError".to_owned(),
                message: message.to_owned(),
                line: None,
                column: None,
                stack: None,
            }),
            duration_ms: started.elapsed().as_secs_f64() * 1000.0,
        },
        state: request.state.clone(),
        failure: Some(FailureKind::Block),
    }
}

struct Block<'a> {
    request: &'a RunRequest,
    context: &'a mut Context,
    internals: &'a Internals,
    event_loop: &'a EventLoop,
}

impl Block<'_> {
    /// The JSON the block's promise resolved to (or its error), and the state objects after the run.
    fn run(&mut self) -> (Result<Value, BlockError>, BlockState) {
        let context_object = match self.context_object() {
            Ok(object) => object,
            Err(error) => return (Err(error), self.request.state.clone()),
        };
        let returned = self
            .call(&context_object)
            .and_then(|value| self.js_to_json(&value));
        let state = self.read_state(&context_object);
        (returned, state)
    }

    fn js_error(&mut self, error: boa_engine::JsError) -> BlockError {
        failure::describe(error, &self.request.file_name, self.internals, self.context)
    }

    fn json_to_js(&mut self, value: &Value) -> Result<JsValue, BlockError> {
        JsValue::from_json(value, self.context).map_err(|error| self.js_error(error))
    }

    /// `context`: the request's members, then `logger`, `configVars` and the four state objects.
    fn context_object(&mut self) -> Result<JsObject, BlockError> {
        let members = self.json_to_js(&self.request.context)?;
        let object = match members.as_object() {
            Some(object) => object.clone(),
            None => JsObject::with_object_proto(self.context.intrinsics()),
        };
        let logger = self
            .internals
            .call("makeLogger", &[], self.context)
            .map_err(|error| self.js_error(error))?;
        let config_vars = self.json_to_js(&self.request.config_vars)?;
        let state = &self.request.state;
        let states = [
            &state.instance_state,
            &state.cross_flow_state,
            &state.execution_state,
            &state.integration_state,
        ];
        let mut members = vec![("logger", logger), ("configVars", config_vars)];
        for (key, value) in STATE_KEYS.into_iter().zip(states) {
            // A state the caller left as null starts as an empty object, so blocks can assign into it.
            let value = if value.is_null() {
                &Value::Object(Default::default())
            } else {
                value
            };
            members.push((key, self.json_to_js(value)?));
        }
        for (key, value) in members {
            object
                .create_data_property_or_throw(js_string!(key), value, self.context)
                .map_err(|error| self.js_error(error))?;
        }
        Ok(object)
    }

    /// Evaluates the block, calls its export and runs the event loop until the returned promise settles.
    fn call(&mut self, context_object: &JsObject) -> Result<JsValue, BlockError> {
        let file_name = self.request.file_name.clone();
        let wrapped = format!("{WRAPPER_PREFIX}{}\n}})", self.request.source);
        let source = Source::from_bytes(&wrapped).with_path(Path::new(&file_name));
        let factory = self
            .context
            .eval(source)
            .map_err(|error| failure::describe_parse_error(&error, &file_name))?;
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
            .map_err(|error| self.js_error(error))?;
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
            .map_err(|error| self.js_error(error))?;
        let promise =
            JsPromise::resolve(value, self.context).map_err(|error| self.js_error(error))?;
        match self.event_loop.run_until_settled(&promise, self.context) {
            Ok(()) => {}
            Err(LoopStop::NeverSettles) => return Err(never_settled()),
            Err(LoopStop::Uncaught(error)) => return Err(self.js_error(error)),
        }
        match promise.state() {
            PromiseState::Fulfilled(value) => Ok(value),
            PromiseState::Rejected(reason) => Err(failure::describe_value(
                &reason,
                &self.request.file_name,
                self.internals,
                self.context,
            )),
            PromiseState::Pending => Err(never_settled()),
        }
    }

    /// Converts as the engine's own `JSON.stringify` would; `undefined` (and functions) become `null`.
    /// The walk in Rust is the fast path; what it does not mirror goes through `JSON.stringify` itself.
    fn js_to_json(&mut self, value: &JsValue) -> Result<Value, BlockError> {
        match result_json::to_json(value, self.context) {
            Ok(converted) => Ok(converted.unwrap_or(Value::Null)),
            Err(Unconverted) => self.js_to_json_text(value),
        }
    }

    /// Converts through the engine's `JSON.stringify` and reads the text back.
    fn js_to_json_text(&mut self, value: &JsValue) -> Result<Value, BlockError> {
        let text = self
            .internals
            .call("toJsonText", std::slice::from_ref(value), self.context)
            .map_err(|error| self.js_error(error))?;
        let Some(text) = text.as_string() else {
            return Ok(Value::Null);
        };
        serde_json::from_str(&text.to_std_string_lossy()).map_err(|error| BlockError {
            name: "InternalError".to_owned(),
            message: crate::error::Error::from(error).to_string(),
            line: None,
            column: None,
            stack: None,
        })
    }

    /// The state objects as the block left them; one that cannot be converted keeps its value from before.
    fn read_state(&mut self, context_object: &JsObject) -> BlockState {
        let before = &self.request.state;
        let mut read = |key: &str, before: &Value| -> Value {
            context_object
                .get(PropertyKey::from(js_string!(key)), self.context)
                .ok()
                .and_then(|value| self.js_to_json(&value).ok())
                .unwrap_or_else(|| before.clone())
        };
        BlockState {
            instance_state: read(STATE_KEYS[0], &before.instance_state),
            cross_flow_state: read(STATE_KEYS[1], &before.cross_flow_state),
            execution_state: read(STATE_KEYS[2], &before.execution_state),
            integration_state: read(STATE_KEYS[3], &before.integration_state),
        }
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
