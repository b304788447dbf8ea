//! Reading an import file into the neutral [`Incoming`] shape, whichever format it is in.

use crate::transfer::error::{ExportError, ExportResult};
use crate::transfer::incoming::Incoming;
use crate::transfer::{bundle, yaml};

/// Reads either format: a JSON object is a bundle (or, holding `definitionVersion`, an integration in YAML's
/// JSON form); anything else is read as YAML.
pub(crate) fn read_incoming(file: &str, text: &str) -> ExportResult<Incoming> {
    if text.trim().is_empty() {
        return Err(ExportError::NotAnImport {
            file: file.to_string(),
            reason: "it is empty".to_string(),
        });
    }
    if text.trim_start().starts_with('{') {
        let json = bundle::parse_json(file, text)?;
        if json.get("definitionVersion").is_some() && json.get(bundle::VERSION_FIELD).is_none() {
            return yaml::parse_integration(file, text);
        }
        return bundle::parse_bundle(file, json, text);
    }
    yaml::parse_integration(file, text)
}
