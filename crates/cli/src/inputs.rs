//! Reading the files `blocksmith run` is given, with errors that name the file and the problem.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::error::{Error, Result};

/// Reads a block's source.
pub fn read_source(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|source| Error::Unreadable {
        what: "block file",
        path: path.to_path_buf(),
        source,
    })
}

/// Reads a JSON file as it is (key order and all), to hand to the block exactly as given.
pub fn read_json(what: &'static str, path: &Path) -> Result<Value> {
    let text = fs::read_to_string(path).map_err(|source| Error::Unreadable {
        what,
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|error| Error::NotJson {
        what,
        path: path.to_path_buf(),
        reason: error.to_string(),
    })
}

/// Reads a JSON file that must hold an object (`configVars`, `stepResults`).
pub fn read_json_object(what: &'static str, path: &Path) -> Result<Value> {
    let value = read_json(what, path)?;
    if value.is_object() {
        return Ok(value);
    }
    Err(Error::NotAnObject {
        what,
        path: path.to_path_buf(),
        found: describe(&value),
    })
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_its_key_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vars.json");
        fs::write(&path, r#"{"b": 1, "a": {"z": 2, "y": 3}}"#).unwrap();
        let value = read_json_object("config variables file", &path).unwrap();
        assert_eq!(value.to_string(), r#"{"b":1,"a":{"z":2,"y":3}}"#);
    }

    #[test]
    fn an_array_where_an_object_belongs_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("steps.json");
        fs::write(&path, "[1, 2]").unwrap();
        let error = read_json_object("step results file", &path).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "The step results file {} must hold a JSON object (like {{\"name\": \"value\"}}), but it holds an array.",
                path.display()
            )
        );
    }

    #[test]
    fn invalid_json_names_the_file_and_the_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("payload.json");
        fs::write(&path, "{\"a\": }").unwrap();
        let message = read_json("payload file", &path).unwrap_err().to_string();
        assert!(message.starts_with(&format!(
            "The payload file {} is not valid JSON",
            path.display()
        )));
        assert!(message.contains("line 1 column 7"), "{message}");
    }
}
