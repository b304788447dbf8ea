//! The host half of `context.invokeFlow`: the call goes to the run's `FlowInvoker` on an I/O thread of its
//! own (an invoked flow runs for as long as its steps take), and the event loop sleeps until it answers.

use boa_engine::object::builtins::{JsArray, JsPromise};
use boa_engine::{Context, JsResult, JsValue};
use serde_json::json;

use super::{arg, state, string_arg};
use crate::invoke_flow::{FlowInvocation, InvokeFlowFailure};

/// `invokeFlow(flowName, body, flatHeaders, source)` → a promise of `{ status, statusText, headers, body }`
/// (headers as `[name, value]` pairs), or of `{ code, message }` when the flow could not be invoked; the
/// prelude turns the one into an Axios response and the other into the error the block catches.
pub(super) fn invoke_flow(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let flow_name = string_arg(args, 0, context)?;
    let body = string_arg(args, 1, context)?;
    let mut headers = Vec::new();
    if let Some(array) = arg(args, 2).as_object() {
        let array = JsArray::from_object(array)?;
        let length = array.length(context)?;
        for index in (0..length).step_by(2) {
            let name = array.get(index, context)?.to_string(context)?;
            let value = array.get(index + 1, context)?.to_string(context)?;
            headers.push((name.to_std_string_lossy(), value.to_std_string_lossy()));
        }
    }
    let source = match arg(args, 3) {
        value if value.is_null_or_undefined() => None,
        value => Some(value.to_string(context)?.to_std_string_lossy()),
    };
    let invocation = FlowInvocation {
        flow_name,
        body,
        headers,
        source,
    };
    let invoker = state(context).flow_invoker.clone();
    let (promise, resolvers) = JsPromise::new_pending(context);
    let (_, completion) = state(context).event_loop.start_io(resolvers);
    std::thread::spawn(move || {
        let outcome = match invoker {
            Some(invoker) => (invoker.0)(invocation),
            None => Err(InvokeFlowFailure::unavailable(
                "this engine runs outside Blocksmith's runner, which runs flows in worker processes.",
            )),
        };
        let settled = match outcome {
            Ok(answer) => json!({
                "status": answer.status,
                "statusText": answer.status_text,
                "headers": answer.headers,
                "body": answer.body,
            }),
            Err(failure) => json!({ "code": failure.code, "message": failure.message }),
        };
        completion.complete(Box::new(move |context| {
            JsValue::from_json(&settled, context)
        }));
    });
    Ok(promise.into())
}
