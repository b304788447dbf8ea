//! Comparing a case's expected outcome with a run's: the paths the case ignores are blanked on both sides,
//! then every place where the two JSON values differ is listed with its path and both values, which is the
//! diff a person reads when a case fails.

use serde::Serialize;
use serde_json::Value;
use serde_json_path::JsonPath;

use crate::error::{Error, Result};

/// What an ignored value reads as on both sides of the comparison.
const IGNORED: &str = "(ignored)";

/// One place where the run's outcome differs from the expected one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Difference {
    /// Where, as a JSON path: `$.result.items[0].name`.
    pub path: String,
    /// The expected value; `None` when the expected outcome has nothing there.
    #[cfg_attr(feature = "specta", specta(type = Option<serde_json::Value>))]
    pub expected: Option<Value>,
    /// The run's value; `None` when the run has nothing there.
    #[cfg_attr(feature = "specta", specta(type = Option<serde_json::Value>))]
    pub actual: Option<Value>,
}

/// The parsed `ignore` list of a case; a path that is not valid JSONPath is refused with the reason.
pub fn ignore_paths(case_name: &str, paths: &[String]) -> Result<Vec<JsonPath>> {
    paths
        .iter()
        .map(|path| {
            JsonPath::parse(path).map_err(|error| {
                Error::TestCaseInvalid(format!(
                    "The test case \"{case_name}\" ignores \"{path}\", which is not a JSON path ({error}). \
                     Write paths like `$.result.fetchedAt` or `$.logs[*].message`."
                ))
            })
        })
        .collect()
}

/// Where `actual` differs from `expected` once the `ignore` paths are blanked in both.
pub fn differences(expected: &Value, actual: &Value, ignore: &[JsonPath]) -> Vec<Difference> {
    let expected = blank(expected, ignore);
    let actual = blank(actual, ignore);
    let mut found = Vec::new();
    compare("$".to_owned(), Some(&expected), Some(&actual), &mut found);
    found
}

/// `value` with every node an ignore path selects replaced by `"(ignored)"`: what the comparison compares, and
/// what a front end that draws its own diff of the two outcomes is given.
pub fn blank(value: &Value, ignore: &[JsonPath]) -> Value {
    let mut blanked = value.clone();
    for path in ignore {
        let pointers: Vec<String> = path
            .query_located(value)
            .locations()
            .map(|location| location.to_json_pointer())
            .collect();
        for pointer in pointers {
            if let Some(node) = blanked.pointer_mut(&pointer) {
                *node = Value::String(IGNORED.to_owned());
            }
        }
    }
    blanked
}

fn compare(
    path: String,
    expected: Option<&Value>,
    actual: Option<&Value>,
    found: &mut Vec<Difference>,
) {
    match (expected, actual) {
        (Some(Value::Object(expected)), Some(Value::Object(actual))) => {
            for (key, value) in expected {
                compare(member_path(&path, key), Some(value), actual.get(key), found);
            }
            for (key, value) in actual {
                if !expected.contains_key(key) {
                    compare(member_path(&path, key), None, Some(value), found);
                }
            }
        }
        (Some(Value::Array(expected)), Some(Value::Array(actual))) => {
            for index in 0..expected.len().max(actual.len()) {
                compare(
                    format!("{path}[{index}]"),
                    expected.get(index),
                    actual.get(index),
                    found,
                );
            }
        }
        (expected, actual) if expected == actual => {}
        (expected, actual) => found.push(Difference {
            path,
            expected: expected.cloned(),
            actual: actual.cloned(),
        }),
    }
}

/// `$.name`, or `$['odd key']` for a key that is not a plain name.
fn member_path(path: &str, key: &str) -> String {
    let plain = key
        .chars()
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        format!("{path}.{key}")
    } else {
        let quoted = key.replace('\\', "\\\\").replace('\'', "\\'");
        format!("{path}['{quoted}']")
    }
}

/// The differences as lines a person reads under a failed case:
/// `  $.result.total: expected 3, got 4`.
pub fn describe(differences: &[Difference]) -> String {
    let shown = |value: &Option<Value>| match value {
        Some(value) => value.to_string(),
        None => "nothing".to_owned(),
    };
    differences
        .iter()
        .map(|difference| {
            format!(
                "  {}: expected {}, got {}\n",
                difference.path,
                shown(&difference.expected),
                shown(&difference.actual)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_difference_is_listed_by_its_path_with_both_values() {
        let expected =
            json!({"ok": true, "result": {"total": 3, "items": ["a", "b"], "odd key": 1}});
        let actual =
            json!({"ok": true, "result": {"total": 4, "items": ["a"], "odd key": 2, "new": null}});
        let found = differences(&expected, &actual, &[]);
        let lines = describe(&found);
        assert_eq!(
            lines,
            "  $.result.total: expected 3, got 4\n  $.result.items[1]: expected \"b\", got nothing\n  \
             $.result['odd key']: expected 1, got 2\n  $.result.new: expected nothing, got null\n"
        );
    }

    #[test]
    fn ignored_paths_are_not_compared_and_key_order_does_not_matter() {
        let expected = json!({"result": {"at": 1, "rows": [{"id": 1, "seen": "x"}], "n": 1}});
        let actual = json!({"result": {"n": 1, "rows": [{"seen": "y", "id": 1}], "at": 2}});
        let ignore = ignore_paths(
            "case",
            &["$.result.at".to_owned(), "$.result.rows[*].seen".to_owned()],
        )
        .unwrap();
        assert_eq!(differences(&expected, &actual, &ignore), Vec::new());
        assert_eq!(differences(&expected, &actual, &[]).len(), 2);
    }

    #[test]
    fn a_path_that_is_not_json_path_is_refused_naming_it() {
        let error = ignore_paths("orders", &["result..[".to_owned()]).unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains("\"orders\"") && message.contains("result..["),
            "{message}"
        );
    }
}
