//! A flow's JSON schemas, as the platform's flow definition declares them (`invoke`: what the flow takes when
//! another flow or an AI agent invokes it), and their completed form: what the platform's convert layer
//! makes of them and a block reads in `context.flowSchemas`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// The JSON Schema dialect a schema that names none is in (the platform's default).
pub const DEFAULT_JSON_SCHEMA_VERSION: &str = "https://json-schema.org/draft/2020-12/schema";

/// One of a flow's schemas, as written: only `properties` is required; the rest is completed on use.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FlowSchema {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(rename = "$comment", default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub dialect: Option<String>,
    /// Each property's own JSON schema (at least a `description`), kept as written.
    pub properties: BTreeMap<String, Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<String>,
}

impl FlowSchema {
    /// The schema completed as the platform completes it: the title `<flow key>-<schema name>` unless it has
    /// one, `type: "object"`, the default dialect unless it names one, and `required` only when non-empty.
    pub fn completed(&self, flow_key: &str, schema_name: &str) -> Value {
        let mut completed = Map::new();
        let title = self
            .title
            .clone()
            .filter(|title| !title.is_empty())
            .unwrap_or_else(|| format!("{flow_key}-{schema_name}"));
        completed.insert("title".into(), json!(title));
        completed.insert("type".into(), json!("object"));
        if let Some(comment) = &self.comment {
            completed.insert("$comment".into(), json!(comment));
        }
        completed.insert("properties".into(), json!(self.properties));
        let dialect = self
            .dialect
            .clone()
            .filter(|dialect| !dialect.is_empty())
            .unwrap_or_else(|| DEFAULT_JSON_SCHEMA_VERSION.to_string());
        completed.insert("$schema".into(), json!(dialect));
        if !self.required.is_empty() {
            completed.insert("required".into(), json!(self.required));
        }
        Value::Object(completed)
    }
}

/// A flow's schemas by name, completed (see [`FlowSchema::completed`]).
pub fn completed_schemas(schemas: &BTreeMap<String, FlowSchema>, flow_key: &str) -> Value {
    Value::Object(
        schemas
            .iter()
            .map(|(name, schema)| (name.clone(), schema.completed(flow_key, name)))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_schema_is_completed_as_the_platform_completes_it() {
        let schema: FlowSchema = serde_json::from_value(json!({
            "properties": { "orderId": { "description": "The order", "type": "string" } }
        }))
        .unwrap();
        assert_eq!(
            schema.completed("sync-orders", "invoke"),
            json!({
                "title": "sync-orders-invoke",
                "type": "object",
                "properties": { "orderId": { "description": "The order", "type": "string" } },
                "$schema": DEFAULT_JSON_SCHEMA_VERSION
            })
        );
    }

    #[test]
    fn what_a_schema_says_is_kept() {
        let schema: FlowSchema = serde_json::from_value(json!({
            "title": "Order", "$comment": "for agents", "$schema": "https://json-schema.org/draft-07/schema",
            "properties": {}, "required": ["orderId"]
        }))
        .unwrap();
        let completed = schema.completed("sync-orders", "invoke");
        assert_eq!(completed["title"], "Order");
        assert_eq!(completed["$comment"], "for agents");
        assert_eq!(
            completed["$schema"],
            "https://json-schema.org/draft-07/schema"
        );
        assert_eq!(completed["required"], json!(["orderId"]));
    }

    #[test]
    fn a_schema_without_properties_is_refused() {
        let error = serde_json::from_value::<FlowSchema>(json!({ "title": "x" })).unwrap_err();
        assert!(error.to_string().contains("properties"), "{error}");
    }
}
