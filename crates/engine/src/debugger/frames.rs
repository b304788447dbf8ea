//! A paused frame's variables and the expressions evaluated against them (watches, the debug console,
//! hovers, breakpoint conditions and logpoints).
//!
//! The variables are read from the VM by name (`Context::frame_bindings`, a patch of the vendored Boa) rather
//! than through a direct `eval` in the block's own functions: a direct `eval` anywhere in a function makes
//! Boa keep all of its variables in heap environments, which made a debugged loop ten times slower. An
//! expression is evaluated by a function whose parameters are the frame's variable names, called with their
//! values, that hands the expression to a direct `eval`: it reads every variable the paused frame sees, but
//! assigning one only changes the evaluator's copy.

use std::collections::HashMap;

use boa_engine::vm::FrameBinding;
use boa_engine::{Context, JsObject, JsResult, JsString, JsValue, Source};

/// The parameter the evaluator's outer function receives the expression in; a frame variable of this name
/// is left out.
const EXPRESSION_PARAMETER: &str = "__bsDebugExpression";

/// Names a function parameter cannot take (or, for `eval`, must not: the evaluator calls `eval` itself).
const NOT_PARAMETERS: &[&str] = &[
    "eval",
    "arguments",
    "let",
    "yield",
    "await",
    "static",
    "implements",
    "interface",
    "package",
    "private",
    "protected",
    "public",
    EXPRESSION_PARAMETER,
];

/// The variables one frame sees, its own first: what the Local and Closure scopes list and what
/// expressions in that frame read.
#[derive(Debug, Clone, Default)]
pub struct FrameVariables {
    pub local: Vec<(String, JsValue)>,
    pub closure: Vec<(String, JsValue)>,
}

impl FrameVariables {
    /// The variables of the JavaScript frame `depth` frames below the innermost one, as the VM holds them
    /// now; `None` when there is no such frame. A binding not initialised yet (a `let` before its line) is
    /// left out.
    pub fn read(depth: usize, context: &Context) -> Option<Self> {
        Some(Self::from_bindings(context.frame_bindings(depth)?))
    }

    /// The variables of the `index`th async caller suspended in an `await` (as `Context::async_stack_trace`
    /// counts them), as it left them; `None` when there is no such caller.
    pub fn read_suspended(index: usize, context: &Context) -> Option<Self> {
        Some(Self::from_bindings(context.async_caller_bindings(index)?))
    }

    fn from_bindings(bindings: Vec<FrameBinding>) -> Self {
        let mut variables = FrameVariables::default();
        for binding in bindings {
            let Some(value) = binding.value else {
                continue;
            };
            let entry = (binding.name.to_std_string_lossy(), value);
            if binding.closure {
                variables.closure.push(entry);
            } else {
                variables.local.push(entry);
            }
        }
        variables
    }

    /// Every variable, each name once (a local hides a closure variable of the same name), that can be a
    /// parameter of the evaluator.
    fn parameters(&self) -> Vec<&(String, JsValue)> {
        let mut seen: Vec<&str> = Vec::new();
        let mut parameters = Vec::new();
        for entry in self.local.iter().chain(&self.closure) {
            let name = entry.0.as_str();
            if seen.contains(&name) || !is_parameter_name(name) {
                continue;
            }
            seen.push(name);
            parameters.push(entry);
        }
        parameters
    }
}

/// Whether `name` can be written as a parameter of a sloppy-mode function.
fn is_parameter_name(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let starts_well = first.is_alphabetic() || first == '_' || first == '$';
    starts_well
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        && !NOT_PARAMETERS.contains(&name)
}

/// The evaluators compiled so far in a run, by their parameter list: a conditional breakpoint in a loop
/// compiles its evaluator once.
#[derive(Default)]
pub struct Evaluators {
    by_parameters: HashMap<String, JsObject>,
}

impl Evaluators {
    /// Evaluates `expression` (an expression or statements, as a debug console takes them) with `frame`'s
    /// variables in scope; its completion value, or what it throws.
    pub fn evaluate(
        &mut self,
        expression: &str,
        frame: &FrameVariables,
        context: &mut Context,
    ) -> JsResult<JsValue> {
        let parameters = frame.parameters();
        let names: Vec<&str> = parameters.iter().map(|(name, _)| name.as_str()).collect();
        let maker = self.maker(&names.join(", "), context)?;
        let evaluator = maker
            .call(
                &JsValue::undefined(),
                &[JsString::from(expression).into()],
                context,
            )?
            .as_callable()
            .ok_or_else(|| {
                boa_engine::JsNativeError::typ()
                    .with_message("the debugger's evaluator did not compile to a function")
            })?;
        let values: Vec<JsValue> = parameters.iter().map(|(_, value)| value.clone()).collect();
        evaluator.call(&JsValue::undefined(), &values, context)
    }

    /// `(expression) => function (a, b, …) { return eval(expression); }` for these parameters.
    fn maker(&mut self, parameters: &str, context: &mut Context) -> JsResult<JsObject> {
        if let Some(maker) = self.by_parameters.get(parameters) {
            return Ok(maker.clone());
        }
        let source = format!(
            "(function ({EXPRESSION_PARAMETER}) {{ return function ({parameters}) {{ return eval({EXPRESSION_PARAMETER}); }}; }})"
        );
        let maker = context
            .eval(Source::from_bytes(&source))?
            .as_callable()
            .ok_or_else(|| {
                boa_engine::JsNativeError::typ()
                    .with_message("the debugger's evaluator did not compile to a function")
            })?;
        self.by_parameters
            .insert(parameters.to_owned(), maker.clone());
        Ok(maker)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_a_parameter_can_take_become_parameters() {
        assert!(is_parameter_name("order"));
        assert!(is_parameter_name("$el_2"));
        assert!(!is_parameter_name("eval"));
        assert!(!is_parameter_name("arguments"));
        assert!(!is_parameter_name("2x"));
        assert!(!is_parameter_name("*default*"));
        assert!(!is_parameter_name(""));
    }

    #[test]
    fn an_expression_reads_the_frames_variables_and_a_local_hides_a_closure_variable() {
        let mut context = crate::intl_data::test_context();
        let frame = FrameVariables {
            local: vec![
                ("total".to_owned(), JsValue::from(3)),
                ("eval".to_owned(), JsValue::from(0)),
            ],
            closure: vec![
                ("total".to_owned(), JsValue::from(100)),
                ("rate".to_owned(), JsValue::from(2)),
            ],
        };
        let mut evaluators = Evaluators::default();
        let value = evaluators
            .evaluate("total * rate", &frame, &mut context)
            .unwrap();
        assert_eq!(value, JsValue::from(6));
        let statements = evaluators
            .evaluate("let doubled = total * 2; doubled + 1", &frame, &mut context)
            .unwrap();
        assert_eq!(statements, JsValue::from(7));
        let missing = evaluators.evaluate("missing.value", &frame, &mut context);
        assert!(missing.is_err());
        assert_eq!(evaluators.by_parameters.len(), 1, "compiled once");
    }
}
