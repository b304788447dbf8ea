//! Connections: the manifest holds each one's kind and non-secret inputs, the OS keyring its secret inputs
//! and OAuth token. Every change here keeps the two in agreement — when the second half of a change fails,
//! the first half is undone — and no secret value is ever returned unless the person asks to reveal it.

use std::collections::BTreeMap;
use std::time::SystemTime;

use blocksmith_cassette::SecretPlaceholder;
use blocksmith_secrets::{Redactor, SecretId, SecretStore, Sensitive};
use blocksmith_workspace::{
    connection_kind, ConnectionDefinition, ConnectionKind, InputFormat, Workspace,
};
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::error::{Error, Result};
use crate::host_binding;
use crate::validation::check_input;

/// A connection as the person submits it: non-secret values, and the secret values they typed. A secret
/// input left out keeps its stored value (the form's "Replace" field was left empty).
#[derive(Debug, Clone, Default)]
pub struct ConnectionDraft {
    pub name: String,
    pub kind: String,
    pub values: BTreeMap<String, String>,
    pub secrets: BTreeMap<String, Sensitive<String>>,
}

/// A connection as the UI and `connections list` show it: no secret values, only whether each is stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ConnectionView {
    pub name: String,
    pub kind: String,
    pub inputs: BTreeMap<String, String>,
    /// Each secret input's key and whether a value is stored in the keyring.
    pub secrets: BTreeMap<String, bool>,
    pub has_token: bool,
    /// The provider refused to refresh the stored token: only Connect (a new consent) helps.
    pub needs_consent: bool,
    /// The connection has secret inputs but nothing at all is stored for it in this folder on this machine, as in
    /// a cloned or copied workspace: the person has to enter its secrets here.
    pub no_secrets_here: bool,
}

/// Creates or edits a connection. `original` is the connection's current name when editing (renaming
/// moves its keyring entries). Nothing is saved unless every input is valid. An OAuth connection's secrets are
/// bound to the hosts of its endpoints as saved; an edit that moves an endpoint to another host while secrets or
/// a token are stored is refused with [`Error::HostChanged`] (see [`save_connection_confirming_host_change`]).
pub fn save_connection(
    workspace: &mut Workspace,
    store: &SecretStore,
    original: Option<&str>,
    draft: ConnectionDraft,
) -> Result<()> {
    save(
        workspace,
        store,
        original,
        draft,
        HostChangeConsent::Refused,
    )
}

/// [`save_connection`] after the person confirmed that the connection's endpoints move to other hosts: the
/// stored token (granted at the old host) is dropped, so consent is needed again, and the new hosts are bound.
pub fn save_connection_confirming_host_change(
    workspace: &mut Workspace,
    store: &SecretStore,
    original: Option<&str>,
    draft: ConnectionDraft,
) -> Result<()> {
    save(workspace, store, original, draft, HostChangeConsent::Given)
}

/// Whether the person agreed that a save moves a connection's endpoints to other hosts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HostChangeConsent {
    Refused,
    Given,
}

fn save(
    workspace: &mut Workspace,
    store: &SecretStore,
    original: Option<&str>,
    draft: ConnectionDraft,
    host_change: HostChangeConsent,
) -> Result<()> {
    let name = blocksmith_workspace::clean_name("connection", &draft.name)?;
    let kind = connection_kind(&draft.kind)
        .ok_or_else(|| Error::UnknownConnectionKind(draft.kind.clone()))?;
    let manifest = workspace.manifest();
    if original != Some(name.as_str()) && manifest.connections.iter().any(|c| c.name == name) {
        return Err(blocksmith_workspace::Error::DuplicateName {
            what: "A connection",
            name,
        }
        .into());
    }
    if let Some(original) = original {
        if !manifest.connections.iter().any(|c| c.name == original) {
            return Err(Error::UnknownConnection(original.to_string()));
        }
    }
    let workspace_id = workspace.local_identity().secrets_id.clone();
    let inputs = check_draft(&kind, &draft, |key| {
        let stored_under = original.unwrap_or(&name);
        store
            .has(&SecretId::input(&workspace_id, stored_under, key))
            .unwrap_or(false)
    })?;
    let definition = ConnectionDefinition {
        name: name.clone(),
        kind: kind.key.to_string(),
        inputs,
    };
    let moved_hosts = if kind.oauth {
        host_binding::changes_for(store, &workspace_id, original.unwrap_or(&name), &definition)?
    } else {
        Vec::new()
    };
    if !moved_hosts.is_empty() && host_change == HostChangeConsent::Refused {
        return Err(Error::HostChanged {
            connection: name,
            changes: moved_hosts,
        });
    }

    // Keyring first (each step undone if a later one fails), the manifest last.
    let secret_keys = secret_keys(&kind);
    if let Some(original) = original.filter(|original| *original != name) {
        store.rename_connection(&workspace_id, original, &name, &secret_keys)?;
    }
    let mut written: Vec<(String, Option<Sensitive<String>>)> = Vec::new();
    let mut result = Ok(());
    for (key, value) in &draft.secrets {
        let id = SecretId::input(&workspace_id, &name, key);
        let previous = match store.get(&id) {
            Ok(previous) => previous,
            Err(err) => {
                result = Err(err.into());
                break;
            }
        };
        if let Err(err) = store.set(&id, value) {
            result = Err(err.into());
            break;
        }
        written.push((key.clone(), previous));
    }
    if result.is_ok() {
        result = match original {
            Some(original) => workspace.replace_connection(original, definition),
            None => workspace.put_connection(definition),
        }
        .map_err(Error::from);
    }
    if result.is_err() {
        for (key, previous) in written.iter().rev() {
            let id = SecretId::input(&workspace_id, &name, key);
            let _ = match previous {
                Some(previous) => store.set(&id, previous),
                None => store.delete(&id),
            };
        }
        if let Some(original) = original.filter(|original| *original != name) {
            let _ = store.rename_connection(&workspace_id, &name, original, &secret_keys);
        }
        return result;
    }
    if kind.oauth {
        // After the manifest, so a failure here leaves the old binding, and the next use asks again.
        if !moved_hosts.is_empty() {
            store.delete(&SecretId::token(&workspace_id, &name))?;
        }
        host_binding::bind_hosts(workspace, store, &name)?;
    }
    Ok(())
}

/// Removes a connection and its keyring entries (secret inputs and token).
pub fn remove_connection(workspace: &mut Workspace, store: &SecretStore, name: &str) -> Result<()> {
    let definition = workspace
        .manifest()
        .connections
        .iter()
        .find(|c| c.name == name)
        .cloned()
        .ok_or_else(|| Error::UnknownConnection(name.to_string()))?;
    let keys = connection_kind(&definition.kind)
        .map(|kind| secret_keys(&kind))
        .unwrap_or_default();
    let workspace_id = workspace.local_identity().secrets_id.clone();
    workspace.remove_connection(name)?;
    if let Err(err) = store.delete_connection(&workspace_id, name, &keys) {
        // Put the definition back so the manifest still names what the keyring holds.
        let _ = workspace.put_connection(definition);
        return Err(err.into());
    }
    Ok(())
}

/// Every connection with which of its secrets are stored.
pub fn list_connections(workspace: &Workspace, store: &SecretStore) -> Result<Vec<ConnectionView>> {
    let workspace_id = &workspace.local_identity().secrets_id;
    workspace
        .manifest()
        .connections
        .iter()
        .map(|connection| {
            let kind = connection_kind(&connection.kind);
            let secrets = kind
                .iter()
                .flat_map(|kind| secret_keys(kind))
                .map(|key| {
                    let stored =
                        store.has(&SecretId::input(workspace_id, &connection.name, key))?;
                    Ok((key.to_string(), stored))
                })
                .collect::<Result<BTreeMap<_, _>>>()?;
            let token = store.get(&SecretId::token(workspace_id, &connection.name))?;
            // An unreadable token is reported when it is used; the list still shows it is there.
            let needs_consent = token.as_ref().is_some_and(|json| {
                blocksmith_oauth::Token::from_keyring_json(json.expose())
                    .is_ok_and(|token| token.needs_consent())
            });
            let no_secrets_here =
                !secrets.is_empty() && !secrets.values().any(|stored| *stored) && token.is_none();
            Ok(ConnectionView {
                name: connection.name.clone(),
                kind: connection.kind.clone(),
                inputs: connection.inputs.clone(),
                secrets,
                has_token: token.is_some(),
                needs_consent,
                no_secrets_here,
            })
        })
        .collect()
}

/// A sentence for when some connections have nothing stored in this folder on this machine (see
/// [`ConnectionView::no_secrets_here`]): it names them and says why and what to do. `None` when all is stored.
pub fn no_secrets_here_notice(connections: &[ConnectionView]) -> Option<String> {
    let names: Vec<String> = connections
        .iter()
        .filter(|connection| connection.no_secrets_here)
        .map(|connection| format!("\"{}\"", connection.name))
        .collect();
    if names.is_empty() {
        return None;
    }
    let (subject, verb) = match names.len() {
        1 => ("Connection", "has"),
        _ => ("Connections", "have"),
    };
    Some(format!(
        "{subject} {} {verb} no secrets stored for this folder on this machine; a cloned or copied workspace \
         starts without them. Enter them in the app's connection form or with `blocksmith connections add`.",
        names.join(", ")
    ))
}

/// The stored value of one secret input, for the person who pressed Reveal.
pub fn reveal_secret(
    workspace: &Workspace,
    store: &SecretStore,
    connection: &str,
    input_key: &str,
) -> Result<Option<Sensitive<String>>> {
    if !workspace
        .manifest()
        .connections
        .iter()
        .any(|c| c.name == connection)
    {
        return Err(Error::UnknownConnection(connection.to_string()));
    }
    Ok(store.get(&SecretId::input(
        &workspace.local_identity().secrets_id,
        connection,
        input_key,
    ))?)
}

/// `configVars` for a run: expired OAuth tokens are refreshed first, and the keyring (`open_store`) is only
/// opened when the workspace has connections, so a workspace without any runs on a machine without one.
pub fn config_vars_for_run(
    workspace: &Workspace,
    open_store: impl FnOnce() -> blocksmith_secrets::Result<SecretStore>,
    now: SystemTime,
) -> Result<(Value, Redactor)> {
    if workspace.manifest().connections.is_empty() {
        return config_vars(workspace, None, now);
    }
    let store = open_store()?;
    crate::oauth::refresh_expired(workspace, &store, now)?;
    config_vars(workspace, Some(&store), now)
}

/// [`config_vars_for_run`] with each secret and its placeholder, for a run whose HTTP is recorded or replayed.
pub fn config_vars_and_secrets_for_run(
    workspace: &Workspace,
    open_store: impl FnOnce() -> blocksmith_secrets::Result<SecretStore>,
    now: SystemTime,
) -> Result<(Value, Vec<SecretPlaceholder>)> {
    if workspace.manifest().connections.is_empty() {
        return config_vars_and_secrets(workspace, None, now);
    }
    let store = open_store()?;
    crate::oauth::refresh_expired(workspace, &store, now)?;
    config_vars_and_secrets(workspace, Some(&store), now)
}

/// The redactor for `secrets` (each replaced by the redaction marker wherever a run's output shows it).
pub fn redactor_for(secrets: &[SecretPlaceholder]) -> Result<Redactor> {
    Ok(Redactor::new(secrets.iter().map(|secret| &secret.value))?)
}

/// The `configVars` object blocks see: config variables by name, and each connection as
/// `{ key, fields, token }` with its secrets filled from the keyring. Also returns the run's redactor for
/// every secret value put into it, so the caller can redact them from what the run leaves behind.
pub fn config_vars(
    workspace: &Workspace,
    store: Option<&SecretStore>,
    now: SystemTime,
) -> Result<(Value, Redactor)> {
    let (vars, secrets) = config_vars_and_secrets(workspace, store, now)?;
    Ok((vars, redactor_for(&secrets)?))
}

/// [`config_vars`], with each secret value put into it and the placeholder that names it in a recorded
/// request (`{{Acme.apiKey}}`, `{{Acme.headers.X-Key}}`, `{{Acme.token.access_token}}`).
pub fn config_vars_and_secrets(
    workspace: &Workspace,
    store: Option<&SecretStore>,
    now: SystemTime,
) -> Result<(Value, Vec<SecretPlaceholder>)> {
    let manifest = workspace.manifest();
    let mut vars: Map<String, Value> = manifest.config_vars_json();
    let mut secrets = Vec::new();
    for connection in &manifest.connections {
        let name = &connection.name;
        let mut fields: Map<String, Value> = connection
            .inputs
            .iter()
            .map(|(key, value)| (key.clone(), Value::String(value.clone())))
            .collect();
        let mut token = Value::Null;
        if let (Some(store), Some(kind)) = (store, connection_kind(&connection.kind)) {
            for key in secret_keys(&kind) {
                if let Some(value) = store.get(&SecretId::input(
                    &workspace.local_identity().secrets_id,
                    name,
                    key,
                ))? {
                    secrets.push(placeholder(&format!("{name}.{key}"), value.expose()));
                    let field = if key == "headers" {
                        serde_json::from_str(value.expose())
                            .unwrap_or_else(|_| Value::String(value.expose().clone()))
                    } else {
                        Value::String(value.expose().clone())
                    };
                    // Each header value is a secret on its own (a block sends one header, not the JSON).
                    collect_strings(&field, &format!("{name}.{key}"), &mut secrets);
                    fields.insert(key.to_string(), field);
                }
            }
            secrets.extend(credential_pairs(name, &kind, &fields));
            if let Some(stored) = crate::oauth::stored_token(workspace, store, name)? {
                token = stored.to_block_value(now);
                secrets.push(placeholder(
                    &format!("{name}.token.access_token"),
                    stored.access_token(),
                ));
                if let Some(refresh_token) = stored.refresh_token() {
                    secrets.push(placeholder(
                        &format!("{name}.token.refresh_token"),
                        refresh_token,
                    ));
                }
                // Every other field of the token response too (an `id_token`, a provider's own tokens).
                for (field, value) in stored.extra_fields() {
                    collect_strings(value, &format!("{name}.token.{field}"), &mut secrets);
                }
            }
        }
        vars.insert(
            name.clone(),
            json!({ "key": connection.kind, "fields": fields, "token": token }),
        );
    }
    Ok((Value::Object(vars), secrets))
}

/// `value` named `{{path}}`.
fn placeholder(path: &str, value: &str) -> SecretPlaceholder {
    SecretPlaceholder {
        placeholder: format!("{{{{{path}}}}}"),
        value: value.to_owned(),
    }
}

/// Every string in `value`, at any depth, each named by its path under `path` (`Acme.headers.X-Key`).
fn collect_strings(value: &Value, path: &str, strings: &mut Vec<SecretPlaceholder>) {
    let mut pending = vec![(value, path.to_owned())];
    while let Some((value, path)) = pending.pop() {
        match value {
            Value::String(text) => strings.push(placeholder(&path, text)),
            Value::Array(items) => pending.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| (item, format!("{path}.{index}"))),
            ),
            Value::Object(members) => pending.extend(
                members
                    .iter()
                    .map(|(key, member)| (member, format!("{path}.{key}"))),
            ),
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
}

/// `user:secret` as a block builds it for Basic authentication (`username:password`, `apiKey:apiSecret`,
/// `clientId:clientSecret`), so the pair is redacted whole, the name with it. A pair whose secret is too
/// short to redact is left out: redacting the pair would point at the secret.
/// Each is named by both inputs, `{{Acme.username:password}}`.
fn credential_pairs(
    connection: &str,
    kind: &ConnectionKind,
    fields: &Map<String, Value>,
) -> Vec<SecretPlaceholder> {
    let pair = |name_key: &str, secret_key: &str| {
        let name = fields.get(name_key).and_then(Value::as_str)?;
        let secret = fields.get(secret_key).and_then(Value::as_str)?;
        (!name.is_empty() && !blocksmith_secrets::too_short_to_redact(secret)).then(|| {
            placeholder(
                &format!("{connection}.{name_key}:{secret_key}"),
                &format!("{name}:{secret}"),
            )
        })
    };
    match kind.key {
        "basic" => pair("username", "password").into_iter().collect(),
        "apikeysecret" => pair("apiKey", "apiSecret").into_iter().collect(),
        _ if kind.oauth => pair("clientId", "clientSecret").into_iter().collect(),
        _ => Vec::new(),
    }
}

fn secret_keys(kind: &ConnectionKind) -> Vec<&'static str> {
    kind.inputs
        .iter()
        .filter(|input| input.secret)
        .map(|input| input.key)
        .collect()
}

/// Checks every input of the draft against its kind; returns the non-secret inputs to keep in the manifest.
fn check_draft(
    kind: &ConnectionKind,
    draft: &ConnectionDraft,
    secret_is_stored: impl Fn(&str) -> bool,
) -> Result<BTreeMap<String, String>> {
    let known: Vec<&str> = kind
        .inputs
        .iter()
        .chain(&kind.settings)
        .map(|input| input.key)
        .collect();
    if let Some(unknown) = draft
        .values
        .keys()
        .chain(draft.secrets.keys())
        .find(|key| !known.contains(&key.as_str()))
    {
        return Err(Error::InvalidInput(format!(
            "A {} connection has no input \"{unknown}\"; its inputs are {}.",
            kind.label,
            known.join(", ")
        )));
    }
    let mut inputs = BTreeMap::new();
    for input in &kind.inputs {
        if input.secret {
            if draft.values.contains_key(input.key) {
                return Err(Error::SecretOutsideKeyring(input.label.to_string()));
            }
            match draft.secrets.get(input.key) {
                Some(value) => check_input(input, value.expose()).map_err(Error::InvalidInput)?,
                None if input.required && !secret_is_stored(input.key) => {
                    return Err(Error::InvalidInput(format!("{} is required.", input.label)));
                }
                None => {}
            }
        } else {
            let value = draft.values.get(input.key).map(|v| v.trim()).unwrap_or("");
            if value.is_empty() {
                if input.required {
                    return Err(Error::InvalidInput(format!("{} is required.", input.label)));
                }
                continue;
            }
            check_input(input, value).map_err(Error::InvalidInput)?;
            inputs.insert(input.key.to_string(), value.to_string());
        }
    }
    for setting in &kind.settings {
        let value = draft
            .values
            .get(setting.key)
            .map(|v| v.trim())
            .unwrap_or("");
        if value.is_empty() {
            continue;
        }
        check_input(setting, value).map_err(Error::InvalidInput)?;
        // A toggle's default (off) is not written down.
        if setting.format == InputFormat::Toggle && value == "false" {
            continue;
        }
        inputs.insert(setting.key.to_string(), value.to_string());
    }
    Ok(inputs)
}
