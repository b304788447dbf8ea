//! `context.invokeFlow`'s data: the call a block makes (a flow's name, a JSON body, headers) and the answer
//! it gets (an HTTP answer, as the flow's webhook caller would receive it), or why there is none. The engine
//! hands the call to a [`FlowInvoker`] on an I/O thread, as `fetch` hands a request to its transport; the
//! runner's worker passes it on to its host, which runs the flow in other workers.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// One `context.invokeFlow(flowName, data, config, source)` call, as the host receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FlowInvocation {
    pub flow_name: String,
    /// The request body: `data` as JSON text, or empty when the block gave none.
    pub body: String,
    /// `config.headers`, names as the block gave them, plus `Content-Type: application/json` for a body
    /// unless the block set one (as Axios sends an object).
    pub headers: Vec<(String, String)>,
    /// The call's `source` argument (the platform's label for who invoked the flow), if given.
    pub source: Option<String>,
}

/// What the invoked flow's webhook caller would receive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvokedFlowAnswer {
    pub status: u16,
    pub status_text: String,
    /// Every header of the answer, names lower-cased as Axios gives them, in order.
    pub headers: Vec<(String, String)>,
    /// The body as text (the listener's answers are JSON or the trigger's own text).
    pub body: String,
}

/// Why a flow could not be invoked: a block can catch it and branch on `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvokeFlowFailure {
    /// `ERR_BLOCKSMITH_UNKNOWN_FLOW`, `ERR_BLOCKSMITH_FLOW_CYCLE`, `ERR_BLOCKSMITH_FLOW_DEPTH`,
    /// `ERR_BLOCKSMITH_INVOKE_FAILED` (the flow could not be started) or `ERR_BLOCKSMITH_INVOKE_UNAVAILABLE`.
    pub code: String,
    /// One sentence naming the flow and what to do.
    pub message: String,
}

impl InvokeFlowFailure {
    /// No host runs flows for this run (an engine used on its own, or a run without a workspace).
    pub fn unavailable(why: &str) -> Self {
        InvokeFlowFailure {
            code: UNAVAILABLE.to_owned(),
            message: format!("context.invokeFlow cannot run a flow here: {why}"),
        }
    }
}

/// The code of a call no host can serve.
pub const UNAVAILABLE: &str = "ERR_BLOCKSMITH_INVOKE_UNAVAILABLE";

/// The outcome of one invocation.
pub type InvocationResult = Result<InvokedFlowAnswer, InvokeFlowFailure>;

/// Runs an invoked flow to its end, on the call's own I/O thread (it may block for as long as the flow runs).
#[derive(Clone)]
pub struct FlowInvoker(pub Arc<dyn Fn(FlowInvocation) -> InvocationResult + Send + Sync>);

impl fmt::Debug for FlowInvoker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FlowInvoker(..)")
    }
}

impl PartialEq for FlowInvoker {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for FlowInvoker {}
