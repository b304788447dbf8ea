//! The `context` members a run request carries as JSON (those `blocksmith_context` marks `RunValue`) and the
//! trigger `payload` a run gets when nobody says otherwise: the values the platform would pass
//! (`executionId`, `startedAt`, `customer`, `webhookUrls`, `executionFrame`, …), filled with local stand-ins.
//! The CLI and the app share these, with the workspace's execution settings laid over them.

use std::time::{SystemTime, UNIX_EPOCH};

use blocksmith_engine::{BlockKind, BlockState};
use serde_json::{json, Map, Value};

use crate::derived_names::{camel_case, flow_slug};

/// Where the local webhook listener is expected unless the workspace's execution settings say otherwise.
pub const DEFAULT_WEBHOOK_BASE_URL: &str = "http://127.0.0.1:8787";

/// What varies between runs; the caller passes the clock's time and the id, so tests can pin them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunIdentity {
    pub execution_id: String,
    pub started_at: SystemTime,
    pub integration_name: String,
    pub flow_name: String,
    pub step_name: String,
    /// Whether the step is the flow's trigger or an action: it names the Code connector's action in
    /// `executionFrame.componentActionKey`.
    pub kind: BlockKind,
    /// Where the local webhook listener listens, e.g. `http://127.0.0.1:8787`; each flow is at `/<flow-slug>`.
    pub webhook_base_url: String,
    /// `flowSchemas`: each workspace flow that declares schemas, by flow name (an empty object for none).
    pub flow_schemas: Value,
}

/// The Code connector's actions, as the platform's integration YAML names them.
const TRIGGER_ACTION_KEY: &str = "runCodeTrigger";
const STEP_ACTION_KEY: &str = "runCode";

/// The run's `context` members: the defaults for `identity`, the workspace's execution settings (`overrides`)
/// laid over them, and an `executionFrame` that names the run's final `executionId` and `startedAt`.
pub fn run_context(identity: &RunIdentity, overrides: &Value) -> Value {
    let mut context = default_context(identity);
    apply_overrides(&mut context, overrides);
    let (execution_id, started_at) = (context["executionId"].clone(), context["startedAt"].clone());
    if let Some(frame) = context
        .get_mut("executionFrame")
        .and_then(Value::as_object_mut)
    {
        frame.insert("executionId".into(), execution_id);
        frame.insert("executionStartedAt".into(), started_at);
    }
    context
}

/// Points `context` at another step of the same execution (a flow's steps share the rest).
pub fn set_step(context: &mut Value, step_name: &str, kind: BlockKind) {
    let Value::Object(members) = context else {
        return;
    };
    members.insert("stepId".into(), json!(camel_case(step_name)));
    if let Some(frame) = members
        .get_mut("executionFrame")
        .and_then(Value::as_object_mut)
    {
        frame.insert("stepName".into(), json!(step_name));
        frame.insert("componentActionKey".into(), json!(action_key(kind)));
    }
}

fn action_key(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Trigger => TRIGGER_ACTION_KEY,
        BlockKind::Action => STEP_ACTION_KEY,
    }
}

/// The `context` members the run request carries, with their defaults.
pub fn default_context(identity: &RunIdentity) -> Value {
    let flow_id = camel_case(&identity.flow_name);
    let invoke_url = format!(
        "{}/{}",
        identity.webhook_base_url.trim_end_matches('/'),
        flow_slug(&identity.flow_name)
    );
    let started_at = format_timestamp(identity.started_at);
    json!({
        "stepId": camel_case(&identity.step_name),
        "executionId": identity.execution_id,
        "startedAt": started_at,
        "webhookUrls": { identity.flow_name.clone(): invoke_url },
        "webhookApiKeys": { identity.flow_name.clone(): [] },
        "invokeUrl": invoke_url,
        "customer": { "id": "local-customer", "externalId": "local-customer", "name": "Local Customer" },
        "instance": { "id": "local-instance", "name": format!("{} (local)", identity.integration_name) },
        "user": {
            "id": "local-user",
            "email": "developer@localhost",
            "name": "Local Developer",
            "externalId": "local-user"
        },
        "integration": {
            "id": "local-integration",
            "name": identity.integration_name,
            "versionSequenceId": "local-integration-version",
            "externalVersion": ""
        },
        "flow": {
            "id": flow_id,
            "name": identity.flow_name,
            "stableId": flow_slug(&identity.flow_name)
        },
        // Not invoked by another flow: the platform's type has the invoker's fields, empty.
        "executionFrame": {
            "componentActionKey": action_key(identity.kind),
            "executionId": identity.execution_id,
            "executionStartedAt": started_at,
            "stepName": identity.step_name,
            "loopPath": "",
            "invokedByExecutionJWT": "",
            "invokedByExecutionStartedAt": ""
        },
        "flowSchemas": identity.flow_schemas,
    })
}

/// The state objects of a run that starts from nothing: four empty objects.
pub fn fresh_state() -> BlockState {
    BlockState {
        instance_state: json!({}),
        cross_flow_state: json!({}),
        execution_state: json!({}),
        integration_state: json!({}),
    }
}

/// A trigger's `payload` for an empty request to the flow's webhook, carrying the context's values as
/// the platform's payload does.
pub fn default_trigger_payload(context: &Value) -> Value {
    let mut payload = Map::new();
    payload.insert("headers".into(), json!({}));
    payload.insert("queryParameters".into(), json!({}));
    payload.insert(
        "rawBody".into(),
        json!({ "data": null, "contentType": "application/json" }),
    );
    payload.insert(
        "body".into(),
        json!({ "data": null, "contentType": "application/json" }),
    );
    payload.insert("pathFragment".into(), json!(""));
    for key in [
        "webhookUrls",
        "webhookApiKeys",
        "invokeUrl",
        "executionId",
        "customer",
        "instance",
        "user",
        "integration",
        "flow",
        "startedAt",
    ] {
        payload.insert(key.into(), context.get(key).cloned().unwrap_or(Value::Null));
    }
    Value::Object(payload)
}

/// Lays `overrides` (the workspace's execution settings) over `base`: objects merge member by member,
/// anything else replaces.
pub fn apply_overrides(base: &mut Value, overrides: &Value) {
    match (base, overrides) {
        (Value::Object(base), Value::Object(overrides)) => {
            for (key, value) in overrides {
                match base.get_mut(key) {
                    Some(existing) => apply_overrides(existing, value),
                    None => {
                        base.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (base, overrides) => *base = overrides.clone(),
    }
}

/// An ISO 8601 UTC timestamp with milliseconds, as JavaScript's `Date.prototype.toISOString` writes it.
pub fn format_timestamp(time: SystemTime) -> String {
    let at = time::OffsetDateTime::from(time.max(UNIX_EPOCH));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        at.millisecond()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn identity() -> RunIdentity {
        RunIdentity {
            execution_id: "exec-1".into(),
            started_at: UNIX_EPOCH + Duration::from_millis(1_764_341_455_123),
            integration_name: "Orders".into(),
            flow_name: "Sync Orders".into(),
            step_name: "Get Data from API".into(),
            kind: BlockKind::Action,
            webhook_base_url: "http://127.0.0.1:8787/".into(),
            flow_schemas: json!({}),
        }
    }

    #[test]
    fn timestamps_read_like_to_iso_string() {
        assert_eq!(format_timestamp(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            format_timestamp(UNIX_EPOCH + Duration::from_millis(1_764_341_455_123)),
            "2025-11-28T14:50:55.123Z"
        );
        // A leap day.
        assert_eq!(
            format_timestamp(UNIX_EPOCH + Duration::from_secs(951_782_400)),
            "2000-02-29T00:00:00.000Z"
        );
    }

    #[test]
    fn the_default_context_names_the_run_and_its_flow() {
        let context = default_context(&identity());
        assert_eq!(context["executionId"], "exec-1");
        assert_eq!(context["startedAt"], "2025-11-28T14:50:55.123Z");
        assert_eq!(context["stepId"], "getDataFromApi");
        assert_eq!(context["invokeUrl"], "http://127.0.0.1:8787/sync-orders");
        assert_eq!(context["webhookUrls"]["Sync Orders"], context["invokeUrl"]);
        assert_eq!(context["flow"]["name"], "Sync Orders");
        assert_eq!(context["integration"]["name"], "Orders");
        for key in ["customer", "instance", "user", "webhookApiKeys"] {
            assert!(context[key].is_object(), "{key} is an object");
        }
    }

    #[test]
    fn the_default_context_carries_every_member_the_definition_says_the_request_carries() {
        let context = default_context(&identity());
        let carried: Vec<&str> = context
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let defined: Vec<&str> = blocksmith_context::run_value_members()
            .map(|member| member.name)
            .collect();
        let mut sorted_carried = carried.clone();
        let mut sorted_defined = defined.clone();
        sorted_carried.sort_unstable();
        sorted_defined.sort_unstable();
        assert_eq!(sorted_carried, sorted_defined);
    }

    #[test]
    fn the_execution_frame_names_the_run_and_the_step() {
        let context = default_context(&identity());
        let frame = &context["executionFrame"];
        assert_eq!(frame["executionId"], context["executionId"]);
        assert_eq!(frame["executionStartedAt"], context["startedAt"]);
        assert_eq!(frame["stepName"], "Get Data from API");
        assert_eq!(frame["componentActionKey"], "runCode");
        assert_eq!(frame["loopPath"], "");
        assert_eq!(frame["invokedByExecutionJWT"], "");
    }

    #[test]
    fn overridden_ids_reach_the_execution_frame() {
        let context = run_context(
            &identity(),
            &json!({ "executionId": "fixed", "startedAt": "2020-01-01T00:00:00.000Z" }),
        );
        assert_eq!(context["executionFrame"]["executionId"], "fixed");
        assert_eq!(
            context["executionFrame"]["executionStartedAt"],
            "2020-01-01T00:00:00.000Z"
        );
    }

    #[test]
    fn another_step_of_the_flow_gets_its_own_step_id_and_frame() {
        let mut context = default_context(&identity());
        set_step(&mut context, "Code Block Trigger", BlockKind::Trigger);
        assert_eq!(context["stepId"], "codeBlockTrigger");
        assert_eq!(context["executionFrame"]["stepName"], "Code Block Trigger");
        assert_eq!(
            context["executionFrame"]["componentActionKey"],
            "runCodeTrigger"
        );
        assert_eq!(context["executionFrame"]["executionId"], "exec-1");
    }

    #[test]
    fn the_default_payload_is_an_empty_request_with_the_context_values() {
        let context = default_context(&identity());
        let payload = default_trigger_payload(&context);
        assert_eq!(payload["headers"], json!({}));
        assert_eq!(payload["body"]["data"], Value::Null);
        assert_eq!(payload["executionId"], "exec-1");
        assert_eq!(payload["customer"], context["customer"]);
    }

    #[test]
    fn overrides_merge_into_objects_and_replace_values() {
        let mut context = default_context(&identity());
        apply_overrides(
            &mut context,
            &json!({ "customer": { "name": "Acme" }, "executionId": "fixed", "extra": 1 }),
        );
        assert_eq!(context["customer"]["name"], "Acme");
        assert_eq!(context["customer"]["id"], "local-customer");
        assert_eq!(context["executionId"], "fixed");
        assert_eq!(context["extra"], 1);
    }
}
