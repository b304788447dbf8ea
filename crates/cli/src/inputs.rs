//! Reading the files `blocksmith run` is given, with errors that name the file and the problem.

use std::fmt;
use std::fs;
use std::path::Path;

use blocksmith_session::types::{write_atomic, Cassette, JsonText};
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
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

/// Reads a cassette `blocksmith run --record` wrote.
pub fn read_cassette(path: &Path) -> Result<Cassette> {
    let value = read_json("cassette file", path)?;
    serde_json::from_value(value).map_err(|error| Error::NotJson {
        what: "cassette file",
        path: path.to_path_buf(),
        reason: format!("it is not a cassette ({error})"),
    })
}

/// Writes a cassette, pretty-printed and atomically.
pub fn write_cassette(path: &Path, cassette: &Cassette) -> Result<()> {
    let mut text =
        serde_json::to_string_pretty(cassette).expect("a cassette of JSON values serialises");
    text.push('\n');
    write_atomic(path, text.as_bytes()).map_err(|error| Error::Unwritable {
        what: "cassette file",
        path: path.to_path_buf(),
        reason: error.to_string(),
    })
}

/// Reads a JSON file as its text, to pass on unparsed: checked exactly as `read_json` checks it (same
/// errors, same place), without building the tree.
pub fn read_json_text(what: &'static str, path: &Path) -> Result<JsonText> {
    let text = fs::read_to_string(path).map_err(|source| Error::Unreadable {
        what,
        path: path.to_path_buf(),
        source,
    })?;
    check_json(&text).map_err(|error| Error::NotJson {
        what,
        path: path.to_path_buf(),
        reason: error.to_string(),
    })?;
    // The worker protocol is one request per line; a line break outside a string is only whitespace
    // (inside a string JSON allows it only escaped), so it becomes a space.
    let text = if text.contains('\n') {
        text.replace('\n', " ")
    } else {
        text
    };
    let trimmed = text.trim();
    let text = if trimmed.len() == text.len() {
        text
    } else {
        trimmed.to_owned()
    };
    // SAFETY: not a memory-safety matter: the text was just checked to be one JSON value, and it has no
    // surrounding whitespace, as `from_string_unchecked` requires; checking again would scan it twice.
    Ok(unsafe { RawValue::from_string_unchecked(text) })
}

/// Reads a JSON file that must hold an object (`configVars`, `stepResults`) as its text.
pub fn read_json_object_text(what: &'static str, path: &Path) -> Result<JsonText> {
    let text = read_json_text(what, path)?;
    // The text is valid JSON, so its first character says what it holds.
    let found = match text.get().as_bytes().first() {
        Some(b'{') => return Ok(text),
        Some(b'n') => "null",
        Some(b't' | b'f') => "a boolean",
        Some(b'"') => "a string",
        Some(b'[') => "an array",
        _ => "a number",
    };
    Err(Error::NotAnObject {
        what,
        path: path.to_path_buf(),
        found,
    })
}

/// Parses `text` as `serde_json::from_str::<Value>` would (numbers read as numbers, so one out of range
/// fails here as it fails there), keeping nothing.
fn check_json(text: &str) -> serde_json::Result<()> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    Check::deserialize(&mut deserializer)?;
    deserializer.end()
}

/// A JSON value read in full and dropped.
struct Check;

impl<'de> Deserialize<'de> for Check {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        deserializer.deserialize_any(Check)
    }
}

impl<'de> Visitor<'de> for Check {
    type Value = Check;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> std::result::Result<Check, E> {
        Ok(Check)
    }

    fn visit_i64<E>(self, _: i64) -> std::result::Result<Check, E> {
        Ok(Check)
    }

    fn visit_u64<E>(self, _: u64) -> std::result::Result<Check, E> {
        Ok(Check)
    }

    fn visit_f64<E>(self, _: f64) -> std::result::Result<Check, E> {
        Ok(Check)
    }

    fn visit_str<E>(self, _: &str) -> std::result::Result<Check, E> {
        Ok(Check)
    }

    fn visit_unit<E>(self) -> std::result::Result<Check, E> {
        Ok(Check)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> std::result::Result<Check, A::Error> {
        while items.next_element::<Check>()?.is_some() {}
        Ok(Check)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> std::result::Result<Check, A::Error> {
        while members.next_key::<IgnoredKey>()?.is_some() {
            members.next_value::<Check>()?;
        }
        Ok(Check)
    }
}

/// An object's key, read as a string (as `Value` reads it).
struct IgnoredKey;

impl<'de> Deserialize<'de> for IgnoredKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        deserializer
            .deserialize_string(IgnoredAny)
            .map(|_| IgnoredKey)
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
        let value = read_json("config variables file", &path).unwrap();
        assert_eq!(value.to_string(), r#"{"b":1,"a":{"z":2,"y":3}}"#);
        let text = read_json_object_text("config variables file", &path).unwrap();
        assert_eq!(text.get(), r#"{"b": 1, "a": {"z": 2, "y": 3}}"#);
    }

    #[test]
    fn an_array_where_an_object_belongs_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("steps.json");
        fs::write(&path, "[1, 2]").unwrap();
        let error = read_json_object_text("step results file", &path).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "The step results file {} must hold a JSON object (like {{\"name\": \"value\"}}), but it holds an array.",
                path.display()
            )
        );
    }

    /// The text reader refuses exactly what the tree reader refuses, with the same words.
    #[test]
    fn the_text_reader_checks_as_the_tree_reader_does() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("payload.json");
        let cases = [
            "{\"a\": }",
            "[1, 2,]",
            "{\"a\": 1e400}",
            "[[[1e999]]]",
            "{\"k\": \"\\ud800\"}",
            "\"tab\there\"",
            "{\"a\": 1} x",
            "",
            "-",
            "01",
            "{1: 2}",
            &format!("{}1{}", "[".repeat(200), "]".repeat(200)),
        ];
        for case in cases {
            fs::write(&path, case).unwrap();
            let tree = read_json("payload file", &path)
                .map(|_| ())
                .map_err(|e| e.to_string());
            let text = read_json_text("payload file", &path)
                .map(|_| ())
                .map_err(|e| e.to_string());
            assert_eq!(text, tree, "{case}");
            assert!(text.is_err(), "{case}");
        }
    }

    #[test]
    fn text_keeps_the_json_as_given_on_one_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("vars.json");
        fs::write(&path, "{\"b\": 1,\n \"a\": {\"z\": \"x\\ny\", \"y\": 3}}\n").unwrap();
        let text = read_json_object_text("config variables file", &path).unwrap();
        assert_eq!(
            text.get(),
            "{\"b\": 1,  \"a\": {\"z\": \"x\\ny\", \"y\": 3}}"
        );
        fs::write(&path, " [1]").unwrap();
        let error = read_json_object_text("step results file", &path).unwrap_err();
        assert!(
            error.to_string().ends_with("but it holds an array."),
            "{error}"
        );
        for (json, found) in [
            ("null", "null"),
            ("false", "a boolean"),
            ("\"s\"", "a string"),
            ("-1", "a number"),
        ] {
            fs::write(&path, json).unwrap();
            let error = read_json_object_text("step results file", &path).unwrap_err();
            assert!(
                error
                    .to_string()
                    .ends_with(&format!("but it holds {found}.")),
                "{error}"
            );
        }
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
