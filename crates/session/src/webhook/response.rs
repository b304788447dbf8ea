//! What the webhook caller receives. The trigger's `response` (`statusCode`, `contentType`, `body`, optional
//! `headers`) when it gave one: a string body is sent as is, any other body as JSON. Without one, `200` with
//! `{"executionId": "…"}` as JSON, as the platform answers. A failed flow answers `500` with a JSON error
//! naming the step and its error; so does a `response` the listener cannot send (a status outside
//! 200–599: a 1xx status cannot end an HTTP answer). A path that is not a served flow's URL answers `404`
//! and names nothing: the flows' URLs carry the workspace's token, so listing them would hand it to anyone.

use blocksmith_runner::FlowOutcome;
use serde_json::{json, Map, Value};

/// An HTTP answer, ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpAnswer {
    pub status: u16,
    pub content_type: String,
    /// Extra headers (the trigger's `headers`), in order, names as given.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpAnswer {
    pub fn json(status: u16, body: &Value) -> Self {
        HttpAnswer {
            status,
            content_type: "application/json".to_string(),
            headers: Vec::new(),
            body: body.to_string().into_bytes(),
        }
    }
}

/// The answer for a flow run that produced `outcome` under `execution_id`.
pub fn answer_for_outcome(outcome: &FlowOutcome, execution_id: &str) -> HttpAnswer {
    if let Some(failed) = outcome.steps.iter().find(|step| !step.ok) {
        let error = failed.error.as_ref();
        return HttpAnswer::json(
            500,
            &json!({
                "error": {
                    "step": failed.name,
                    "name": error.map(|e| e.name.as_str()),
                    "message": error.map_or("The step failed.", |e| e.message.as_str()),
                    "line": error.and_then(|e| e.line),
                },
                "executionId": execution_id,
            }),
        );
    }
    match &outcome.response {
        Value::Null => HttpAnswer::json(200, &json!({ "executionId": execution_id })),
        Value::Object(response) => trigger_answer(response, execution_id),
        other => invalid_response(
            &format!(
                "The trigger's response must be an object with statusCode, contentType and body; it returned {other}."
            ),
            execution_id,
        ),
    }
}

/// The answer when the flow could not be run at all (`message` says why).
pub fn answer_for_failure(message: &str, execution_id: &str) -> HttpAnswer {
    HttpAnswer::json(
        500,
        &json!({ "error": { "message": message }, "executionId": execution_id }),
    )
}

/// The answer to a path no flow is served at: it names no flow, URL or token, and does not echo the path.
pub fn answer_not_found() -> HttpAnswer {
    HttpAnswer::json(
        404,
        &json!({
            "error": "No flow is served at this URL. Call the flow's URL as Blocksmith shows it, token included."
        }),
    )
}

fn trigger_answer(response: &Map<String, Value>, execution_id: &str) -> HttpAnswer {
    let status = match response.get("statusCode") {
        None | Some(Value::Null) => 200,
        Some(code) => match code.as_u64().filter(|code| (200..=599).contains(code)) {
            Some(code) => code as u16,
            None => {
                return invalid_response(
                    &format!(
                    "The trigger's response has statusCode {code}; give a number from 200 to 599."
                ),
                    execution_id,
                )
            }
        },
    };
    let body = response.get("body").unwrap_or(&Value::Null);
    let content_type = match response.get("contentType") {
        Some(Value::String(given)) if !given.is_empty() => given.clone(),
        _ if body.is_string() => "text/plain".to_string(),
        _ => "application/json".to_string(),
    };
    let body = match body {
        Value::Null => Vec::new(),
        Value::String(text) => text.clone().into_bytes(),
        other => other.to_string().into_bytes(),
    };
    let headers = match response.get("headers") {
        Some(Value::Object(headers)) => headers
            .iter()
            // `contentType` names the content type; a second one in `headers` would contradict it.
            .filter(|(name, _)| !name.eq_ignore_ascii_case("content-type"))
            .filter_map(|(name, value)| header_value(value).map(|value| (name.clone(), value)))
            .collect(),
        _ => Vec::new(),
    };
    HttpAnswer {
        status,
        content_type,
        headers,
        body,
    }
}

/// A header's value: strings as they are, numbers and booleans as text, an array as repeated values
/// joined with `", "`; `null` drops the header.
fn header_value(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) => Some(text.clone()),
        Value::Array(items) => Some(
            items
                .iter()
                .filter_map(header_value)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        other => Some(other.to_string()),
    }
}

fn invalid_response(message: &str, execution_id: &str) -> HttpAnswer {
    HttpAnswer::json(
        500,
        &json!({ "error": { "step": null, "message": message }, "executionId": execution_id }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use blocksmith_engine::BlockError;
    use blocksmith_runner::StepOutcome;

    fn step(name: &str, ok: bool) -> StepOutcome {
        StepOutcome {
            name: name.into(),
            ok,
            result: Value::Null,
            logs: Vec::new(),
            error: (!ok).then(|| BlockError {
                name: "Error".into(),
                message: "no orders".into(),
                line: Some(3),
                column: Some(9),
                stack: None,
            }),
            duration_ms: 1.0,
            debug_results: None,
        }
    }

    fn outcome(response: Value, steps: Vec<StepOutcome>) -> FlowOutcome {
        FlowOutcome {
            ok: steps.iter().all(|s| s.ok),
            steps,
            response,
        }
    }

    fn body_json(answer: &HttpAnswer) -> Value {
        serde_json::from_slice(&answer.body).unwrap()
    }

    #[test]
    fn the_trigger_response_is_what_the_caller_receives() {
        let answer = answer_for_outcome(
            &outcome(
                json!({
                    "statusCode": 201,
                    "contentType": "text/csv",
                    "body": "hello,world",
                    "headers": { "X-Request-Id": "r-1", "Content-Type": "text/html", "X-Count": 2 },
                }),
                vec![step("Code Block Trigger", true), step("Code Block", true)],
            ),
            "exec-1",
        );
        assert_eq!(answer.status, 201);
        assert_eq!(answer.content_type, "text/csv");
        assert_eq!(answer.body, b"hello,world");
        assert_eq!(
            answer.headers,
            vec![
                ("X-Request-Id".to_string(), "r-1".to_string()),
                ("X-Count".to_string(), "2".to_string())
            ]
        );
    }

    #[test]
    fn an_object_body_is_sent_as_json() {
        let answer = answer_for_outcome(
            &outcome(
                json!({ "body": { "received": true } }),
                vec![step("T", true)],
            ),
            "e",
        );
        assert_eq!(answer.status, 200);
        assert_eq!(answer.content_type, "application/json");
        assert_eq!(body_json(&answer), json!({ "received": true }));

        let text = answer_for_outcome(
            &outcome(json!({ "body": "ok" }), vec![step("T", true)]),
            "e",
        );
        assert_eq!(text.content_type, "text/plain");
        assert_eq!(text.body, b"ok");
    }

    #[test]
    fn no_response_answers_with_the_execution_id() {
        let answer = answer_for_outcome(&outcome(Value::Null, vec![step("T", true)]), "exec-9");
        assert_eq!(answer.status, 200);
        assert_eq!(answer.content_type, "application/json");
        assert_eq!(body_json(&answer), json!({ "executionId": "exec-9" }));
    }

    #[test]
    fn a_failed_step_answers_500_naming_it() {
        let answer = answer_for_outcome(
            &outcome(
                json!({ "statusCode": 200, "body": "hello" }),
                vec![step("Code Block Trigger", true), step("Get Orders", false)],
            ),
            "exec-2",
        );
        assert_eq!(answer.status, 500);
        let body = body_json(&answer);
        assert_eq!(body["error"]["step"], "Get Orders");
        assert_eq!(body["error"]["message"], "no orders");
        assert_eq!(body["error"]["line"], 3);
        assert_eq!(body["executionId"], "exec-2");
    }

    #[test]
    fn an_unsendable_response_answers_500_saying_why() {
        let bad_status = answer_for_outcome(
            &outcome(
                json!({ "statusCode": 42, "body": "x" }),
                vec![step("T", true)],
            ),
            "e",
        );
        assert_eq!(bad_status.status, 500);
        assert!(body_json(&bad_status)["error"]["message"]
            .as_str()
            .unwrap()
            .contains("statusCode 42"));
        let not_object = answer_for_outcome(&outcome(json!("hi"), vec![step("T", true)]), "e");
        assert_eq!(not_object.status, 500);
    }

    #[test]
    fn unknown_paths_name_nothing() {
        let answer = answer_not_found();
        assert_eq!(answer.status, 404);
        assert_eq!(answer.content_type, "application/json");
        let body = body_json(&answer);
        assert_eq!(body.as_object().unwrap().len(), 1, "{body}");
        assert!(!body["error"].as_str().unwrap().contains("http"));
    }
}
