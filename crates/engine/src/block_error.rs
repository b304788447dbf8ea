//! Turns what a block threw (or a parse error) into the report's `BlockError`, with the line and column
//! in the person's own file.

use boa_engine::error::{EngineError, RuntimeLimitError};
use boa_engine::{js_string, Context, JsError, JsValue};

use crate::contract::BlockError;
use crate::preludes::Internals;

/// Where in a frame or message the engine names a position: `file.js:LINE:COLUMN`.
struct Position {
    line: u32,
    column: u32,
}

/// The block's source sits after this prefix on line 1, so columns on line 1 are shifted by its length.
pub const WRAPPER_PREFIX: &str = "(function (module, exports) {";

fn in_user_file(line: u32, column: u32) -> Position {
    let prefix = u32::try_from(WRAPPER_PREFIX.len()).unwrap_or(0);
    let column = if line == 1 {
        column.saturating_sub(prefix).max(1)
    } else {
        column
    };
    Position { line, column }
}

/// The first stack frame in `file_name`: `    at name (file.js:3:12)`, or `    at file.js:3:12` for a function
/// without a name, as V8 prints them.
fn position_in_stack(stack: &str, file_name: &str) -> Option<Position> {
    let named = format!("({file_name}:");
    let anonymous = format!("    at {file_name}:");
    stack.lines().find_map(|frame| {
        let start = match frame.find(&named) {
            Some(at) => at + named.len(),
            None => frame.strip_prefix(&anonymous).map(|_| anonymous.len())?,
        };
        let rest = &frame[start..];
        let rest = rest.strip_suffix(')').unwrap_or(rest);
        let (line, column) = rest.split_once(':')?;
        Some(in_user_file(line.parse().ok()?, column.parse().ok()?))
    })
}

/// A Node-like stack: `Name: message` then the frames.
fn node_like_stack(name: &str, message: &str, frames: &str) -> String {
    let frames = frames.trim_end();
    if frames.is_empty() {
        format!("{name}: {message}")
    } else {
        format!("{name}: {message}\n{frames}")
    }
}

/// The error a runtime limit stands for; Node's wording where Node has the same limit.
fn limit_error(error: &EngineError) -> BlockError {
    let (name, message) = match error {
        EngineError::RuntimeLimit(RuntimeLimitError::Recursion | RuntimeLimitError::StackSize) => {
            ("RangeError", "Maximum call stack size exceeded".to_owned())
        }
        other => ("InternalError", other.to_string()),
    };
    BlockError {
        name: name.to_owned(),
        message: message.clone(),
        line: None,
        column: None,
        stack: Some(node_like_stack(name, &message, "")),
    }
}

/// Describes an error that escaped the block (thrown, rejected, or from a timer).
pub fn describe(
    error: JsError,
    file_name: &str,
    internals: &Internals,
    context: &mut Context,
) -> BlockError {
    if let Some(engine_error) = error.as_engine() {
        return limit_error(engine_error);
    }
    match error.into_opaque(context) {
        Ok(value) => describe_value(&value, file_name, internals, context),
        Err(error) => match error.as_engine() {
            Some(engine_error) => limit_error(engine_error),
            None => unreadable(),
        },
    }
}

/// Describes a thrown value. A non-Error value is reported with the name `Error` and the value, formatted
/// as a log argument, as its message; it carries no position.
pub fn describe_value(
    value: &JsValue,
    file_name: &str,
    internals: &Internals,
    context: &mut Context,
) -> BlockError {
    let Ok(description) = internals.call("describeError", std::slice::from_ref(value), context)
    else {
        return unreadable();
    };
    let Some(description) = description.as_object() else {
        return unreadable();
    };
    let mut text = |key: &'static str| {
        description
            .get(js_string!(key), context)
            .ok()
            .and_then(|value| value.as_string().map(|text| text.to_std_string_lossy()))
            .unwrap_or_default()
    };
    let name = text("name");
    let message = text("message");
    // The prelude's `stack` already starts with "Name: message", as in Node.
    let stack = text("stack");
    let position = position_in_stack(&stack, file_name);
    BlockError {
        stack: Some(if stack.is_empty() {
            node_like_stack(&name, &message, "")
        } else {
            stack
        }),
        line: position.as_ref().map(|p| p.line),
        column: position.as_ref().map(|p| p.column),
        name,
        message,
    }
}

/// A syntax error found while parsing the block; the parser ends its message with `at line L, col C`.
pub fn describe_parse_error(error: &JsError, file_name: &str) -> BlockError {
    let text = error
        .as_native()
        .map_or_else(|| error.to_string(), |native| native.message().to_owned());
    let (message, position) = match text.rfind(" at line ") {
        Some(at) => {
            let position = text[at + " at line ".len()..]
                .split_once(", col ")
                .and_then(|(line, column)| {
                    Some(in_user_file(
                        line.trim().parse().ok()?,
                        column.trim().parse().ok()?,
                    ))
                });
            (text[..at].to_owned(), position)
        }
        None => (text, None),
    };
    let frames = position
        .as_ref()
        .map(|p| format!("    at {file_name}:{}:{}", p.line, p.column))
        .unwrap_or_default();
    BlockError {
        name: "SyntaxError".to_owned(),
        stack: Some(node_like_stack("SyntaxError", &message, &frames)),
        message,
        line: position.as_ref().map(|p| p.line),
        column: position.as_ref().map(|p| p.column),
    }
}

fn unreadable() -> BlockError {
    let message = "the block failed with an error that could not be read".to_owned();
    BlockError {
        name: "Error".to_owned(),
        stack: Some(node_like_stack("Error", &message, "")),
        message,
        line: None,
        column: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_frame_in_the_users_file() {
        let stack = "    at inner (blocksmith:fetch.js:10:3)\n    at go (block.js:4:9)\n    at <main> (block.js:7:1)\n";
        let position = position_in_stack(stack, "block.js").unwrap();
        assert_eq!((position.line, position.column), (4, 9));
    }

    #[test]
    fn finds_a_frame_of_a_function_without_a_name() {
        let stack = "Error: x\n    at inner (blocksmith:fetch.js:10:3)\n    at block.js:6:14\n    at go (block.js:4:9)";
        let position = position_in_stack(stack, "block.js").unwrap();
        assert_eq!((position.line, position.column), (6, 14));
        assert!(position_in_stack("    at other-block.js:2:2", "block.js").is_none());
    }

    #[test]
    fn line_one_columns_skip_the_wrapper() {
        let column = u32::try_from(WRAPPER_PREFIX.len()).unwrap() + 5;
        let position = in_user_file(1, column);
        assert_eq!((position.line, position.column), (1, 5));
    }

    #[test]
    fn stacks_start_with_name_and_message() {
        assert_eq!(node_like_stack("TypeError", "boom", ""), "TypeError: boom");
        assert_eq!(
            node_like_stack("Error", "x", "    at f (a.js:1:1)\n"),
            "Error: x\n    at f (a.js:1:1)"
        );
    }
}
