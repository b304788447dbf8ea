//! Redaction of what a run leaves behind: the one [`Redactor`] of a run, built by [`config_vars`] from the
//! workspace's secrets (every secret input, each value of a connection's Headers, every string of a stored
//! token but its type and scopes), applied to everything that is shown or kept — outcomes (results,
//! responses, logs, errors with their stacks), the run history, the webhook's answers and exports.
//!
//! It fails closed: an outcome that cannot be checked is replaced by [`WITHHELD`], never passed on as it is,
//! and a redactor that cannot be built stops the run before it starts.
//!
//! [`config_vars`]: crate::config_vars

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::time::SystemTime;

use blocksmith_engine::{BlockError, JsonRunOutcome, JsonText, LogLine, RunOutcome};
use blocksmith_runner::{FlowOutcome, StepOutcome};
use blocksmith_secrets::{too_short_to_redact, SecretStore, Sensitive, MIN_REDACTED_CHARS};
use blocksmith_workspace::{connection_kind, Workspace};
use serde::Serialize;
use serde_json::{json, Value};

pub use blocksmith_secrets::{Redactor, REDACTION_MARKER};

use crate::error::Result;

/// What is shown or kept in place of output that could not be checked for secrets.
pub const WITHHELD: &str =
    "This output was withheld: it could not be checked for secrets, so it is not \
                            shown or kept.";

/// Something a run produced that may hold a secret a block logged, returned or threw.
pub trait Redact {
    /// Replaces every form of every secret `redactor` knows in each string of `self`.
    fn redact(&mut self, redactor: &Redactor);
}

/// The outcome with every form of every secret replaced, for showing, printing and answering: a block may
/// log, return or throw a secret it was given.
pub fn redact_outcome<T: Redact>(mut outcome: T, redactor: &Redactor) -> T {
    outcome.redact(redactor);
    outcome
}

/// `value` as JSON with every secret redacted; [`WITHHELD`] (as an error outcome) when it cannot be turned
/// into JSON, so nothing unchecked is ever kept.
pub fn redacted_json<T: Serialize>(value: &T, redactor: &Redactor) -> Value {
    match serde_json::to_value(value) {
        Ok(mut value) => {
            redactor.redact_json(&mut value);
            value
        }
        Err(_) => json!({
            "ok": false,
            "error": { "name": "Withheld", "message": WITHHELD, "line": null, "column": null, "stack": null },
        }),
    }
}

/// The redactor for the workspace's secrets outside a run (exports): the keyring (`open_store`) is only
/// opened when the workspace has connections.
pub fn workspace_redactor(
    workspace: &Workspace,
    open_store: impl FnOnce() -> blocksmith_secrets::Result<SecretStore>,
    now: SystemTime,
) -> Result<Redactor> {
    if workspace.manifest().connections.is_empty() {
        return Ok(Redactor::none());
    }
    let store = open_store()?;
    let (_, redactor) = crate::config_vars(workspace, Some(&store), now)?;
    Ok(redactor)
}

/// A sentence for each secret value of a connection of `kind` that is too short to be redacted (each
/// header value on its own), to show when the connection is saved.
pub fn short_secret_warnings(
    kind: &str,
    secrets: &BTreeMap<String, Sensitive<String>>,
) -> Vec<String> {
    let kind = connection_kind(kind);
    let label = |key: &str| {
        kind.iter()
            .flat_map(|kind| kind.inputs.iter())
            .find(|input| input.key == key)
            .map_or_else(|| key.to_string(), |input| input.label.to_string())
    };
    let mut warnings = Vec::new();
    for (key, value) in secrets {
        let value = value.expose();
        if key == "headers" {
            if let Ok(Value::Object(headers)) = serde_json::from_str::<Value>(value) {
                for (name, header) in headers {
                    if header.as_str().is_some_and(too_short_to_redact) {
                        warnings.push(too_short_sentence(&format!("The {name} header's value")));
                    }
                }
            }
        } else if too_short_to_redact(value) {
            warnings.push(too_short_sentence(&label(key)));
        }
    }
    warnings
}

fn too_short_sentence(what: &str) -> String {
    format!(
        "{what} is shorter than {MIN_REDACTED_CHARS} characters, so it is not redacted from logs, results \
         or history (hiding every occurrence of so short a text would give it away). Use a longer value, or \
         keep it out of what your blocks log and return."
    )
}

impl Redact for String {
    fn redact(&mut self, redactor: &Redactor) {
        redactor.redact_string(self);
    }
}

impl Redact for Value {
    fn redact(&mut self, redactor: &Redactor) {
        redactor.redact_json(self);
    }
}

impl Redact for LogLine {
    fn redact(&mut self, redactor: &Redactor) {
        self.message.redact(redactor);
    }
}

impl Redact for BlockError {
    fn redact(&mut self, redactor: &Redactor) {
        self.name.redact(redactor);
        self.message.redact(redactor);
        if let Some(stack) = &mut self.stack {
            stack.redact(redactor);
        }
    }
}

impl<T: Redact> Redact for Vec<T> {
    fn redact(&mut self, redactor: &Redactor) {
        self.iter_mut().for_each(|item| item.redact(redactor));
    }
}

impl<T: Redact> Redact for Option<T> {
    fn redact(&mut self, redactor: &Redactor) {
        if let Some(item) = self {
            item.redact(redactor);
        }
    }
}

/// A run's outcome, with its values as JSON trees ([`RunOutcome`]) or as JSON text ([`JsonRunOutcome`]): the same
/// fields are redacted either way.
macro_rules! redact_run_outcome {
    ($($outcome:ty),*) => {
        $(impl Redact for $outcome {
            fn redact(&mut self, redactor: &Redactor) {
                if redactor.is_empty() {
                    return;
                }
                self.returned.redact(redactor);
                self.result.redact(redactor);
                self.response.redact(redactor);
                self.logs.redact(redactor);
                self.error.redact(redactor);
                self.debug_results.redact(redactor);
            }
        })*
    };
}

redact_run_outcome!(RunOutcome, JsonRunOutcome);

/// JSON kept as text (a result on its way from the worker to the window or stdout): searched as text, and read
/// and redacted value by value only when it may hold a secret (see [`Redactor::redact_json_text`]);
/// [`WITHHELD`] when it cannot be read (not JSON, or nested deeper than the JSON reader allows), because then
/// it cannot be checked.
impl Redact for JsonText {
    fn redact(&mut self, redactor: &Redactor) {
        let redacted = match redactor.redact_json_text(self.get()) {
            Ok(Cow::Borrowed(_)) => return,
            Ok(Cow::Owned(text)) => serde_json::value::RawValue::from_string(text),
            Err(error) => Err(error),
        };
        *self = redacted.unwrap_or_else(|_| {
            serde_json::value::to_raw_value(WITHHELD).expect("a text always prints as JSON")
        });
    }
}

impl Redact for StepOutcome {
    fn redact(&mut self, redactor: &Redactor) {
        self.name.redact(redactor);
        self.result.redact(redactor);
        self.logs.redact(redactor);
        self.error.redact(redactor);
        self.debug_results.redact(redactor);
    }
}

impl Redact for FlowOutcome {
    fn redact(&mut self, redactor: &Redactor) {
        if redactor.is_empty() {
            return;
        }
        self.steps.redact(redactor);
        self.response.redact(redactor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use blocksmith_engine::LogLevel;
    use serde::ser::Error as _;

    const SECRET: &str = "hunter2-hunter2";

    fn outcome() -> RunOutcome {
        RunOutcome {
            ok: false,
            returned: json!({ "data": { "key": SECRET } }),
            result: json!({ "key": SECRET }),
            response: json!({ "body": format!("token={SECRET}") }),
            logs: vec![LogLine {
                level: LogLevel::Info,
                message: format!("using {SECRET}"),
            }],
            error: Some(BlockError {
                name: "Error".into(),
                message: format!("rejected {SECRET}"),
                line: Some(3),
                column: Some(9),
                stack: Some(format!("Error: rejected {SECRET}\n    at block.js:3:9")),
            }),
            duration_ms: 1.5,
            debug_results: None,
        }
    }

    #[test]
    fn every_part_of_an_outcome_is_redacted_and_the_rest_kept() {
        let redactor = Redactor::new([SECRET]).unwrap();
        let redacted = redact_outcome(outcome(), &redactor);
        let shown = serde_json::to_string(&redacted).unwrap();
        assert!(!shown.contains(SECRET), "{shown}");
        assert_eq!(redacted.logs[0].message, "using «redacted»");
        let error = redacted.error.unwrap();
        assert_eq!(error.message, "rejected «redacted»");
        assert_eq!(
            error.stack.as_deref(),
            Some("Error: rejected «redacted»\n    at block.js:3:9")
        );
        assert_eq!(error.line, Some(3));
        assert_eq!(redacted.duration_ms, 1.5);
    }

    #[test]
    fn outcome_fields_are_never_renamed_even_when_a_secret_is_a_field_name() {
        // A secret that happens to be "message" must not break the outcome's own shape.
        let redactor = Redactor::new(["message", "result"]).unwrap();
        let redacted = redact_outcome(outcome(), &redactor);
        let shown = serde_json::to_value(&redacted).unwrap();
        assert!(shown["logs"][0]["message"].is_string(), "{shown}");
        assert!(shown.get("result").is_some(), "{shown}");
    }

    struct Unserialisable;

    impl Serialize for Unserialisable {
        fn serialize<S: serde::Serializer>(&self, _: S) -> std::result::Result<S::Ok, S::Error> {
            Err(S::Error::custom(format!("cannot show {SECRET}")))
        }
    }

    #[test]
    fn what_cannot_be_turned_into_json_is_withheld_not_kept_as_it_is() {
        let redactor = Redactor::new([SECRET]).unwrap();
        let kept = redacted_json(&Unserialisable, &redactor);
        assert_eq!(kept["error"]["message"], WITHHELD);
        assert!(!kept.to_string().contains(SECRET));
        assert_eq!(
            redacted_json(&outcome(), &redactor)["result"]["key"],
            REDACTION_MARKER
        );
    }

    fn json_outcome(result: &str) -> JsonRunOutcome {
        let text = |json: &str| serde_json::value::RawValue::from_string(json.to_owned()).unwrap();
        JsonRunOutcome {
            ok: true,
            returned: text(&format!(r#"{{"data":{result}}}"#)),
            result: text(result),
            response: text("null"),
            logs: Vec::new(),
            error: None,
            duration_ms: 1.0,
            debug_results: None,
        }
    }

    #[test]
    fn json_text_results_are_redacted_and_left_alone_when_they_hold_no_secret() {
        let redactor = Redactor::new([SECRET, "pa\"ss\\word"]).unwrap();
        let redacted = redact_outcome(
            json_outcome(r#"{"key":"hunter2-hunter2","pw":"pa\"ss\\word","n":1}"#),
            &redactor,
        );
        assert_eq!(
            redacted.result.get(),
            r#"{"key":"«redacted»","pw":"«redacted»","n":1}"#
        );
        assert!(!redacted.returned.get().contains("hunter2"));
        let untouched = redact_outcome(json_outcome(r#"{ "plain" : [1, 2] }"#), &redactor);
        assert_eq!(untouched.result.get(), r#"{ "plain" : [1, 2] }"#);
    }

    #[test]
    fn a_json_text_that_cannot_be_read_is_withheld_never_passed_on() {
        let redactor = Redactor::new([SECRET]).unwrap();
        // Deeper than the JSON reader allows, with a secret at the bottom.
        let deep = format!("{}\"{SECRET}\"{}", "[".repeat(200), "]".repeat(200));
        let redacted = redact_outcome(json_outcome(&deep), &redactor);
        assert_eq!(redacted.result.get(), Value::from(WITHHELD).to_string());
        assert_eq!(redacted.returned.get(), Value::from(WITHHELD).to_string());
        // A \u escape may spell a secret the text search cannot see: it is read, and redacted.
        let escaped = redact_outcome(json_outcome(r#""\u0068unter2-hunter2""#), &redactor);
        assert_eq!(escaped.result.get(), r#""«redacted»""#);
    }

    #[test]
    fn short_secret_values_and_header_values_get_a_warning() {
        let secrets = BTreeMap::from([
            ("password".to_string(), Sensitive::new("abc12".to_string())),
            (
                "headers".to_string(),
                Sensitive::new(r#"{"X-Tenant":"t1","X-Long":"long-enough"}"#.to_string()),
            ),
        ]);
        let warnings = short_secret_warnings("basic", &secrets);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].starts_with("The X-Tenant header's value is shorter than 6 characters"));
        assert!(warnings[1].starts_with("Password is shorter than 6 characters"));
        for warning in &warnings {
            assert!(
                !warning.contains("abc12") && !warning.contains("t1\""),
                "{warning}"
            );
        }
        let long = BTreeMap::from([("password".to_string(), Sensitive::new("abc123".to_string()))]);
        assert!(short_secret_warnings("basic", &long).is_empty());
    }
}
