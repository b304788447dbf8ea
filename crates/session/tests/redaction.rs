//! The run history keeps no form of any secret: a block that logs, returns and throws every secret of the
//! workspace (a password holding `"` and `\`, a Headers value, a stored token's access, refresh and id token and
//! a provider's own field) as is, JSON-escaped, base64, base64url, URL-encoded, hex and in Basic credentials is
//! recorded, and none of what it printed is found in the history database; what is shown is redacted the same
//! way. Runs against the real OS keyring (`scripts/with-keyring.sh`).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use blocksmith_engine::{run_block, EngineOptions, JsonRunReport};
use blocksmith_secrets::{Backend, SecretId, SecretStore, Sensitive};
use blocksmith_session::{
    config_vars, prepare_block_run, record_block_run, redact_outcome, save_connection,
    ConnectionDraft, RunClock, REDACTION_MARKER,
};
use blocksmith_workspace::history::{RunHistory, HISTORY_FILE};
use blocksmith_workspace::Workspace;

const PASSWORD: &str = r#"pa"ss\word-7Qz!"#;
const HEADER_VALUE: &str = "tenant-header-secret-91";
const ID_TOKEN: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.c2lnbmF0dXJlLXNlY3JldA";
const PROVIDER_FIELD: &str = "ps-1234567890-session";

/// Logs each form of each secret on a line of its own, returns them, and throws them.
const EVERY_FORM_BLOCK: &str = r#"module.exports = async ({ logger, configVars }) => {
  const { Basic, Machine } = configVars;
  const secrets = [Basic.fields.password, Machine.fields.clientSecret, Machine.fields.headers["X-Tenant"],
    Machine.token.access_token, Machine.token.refresh_token, Machine.token.id_token, Machine.token.provider_session];
  const forms = [JSON.stringify(configVars), "Basic " + btoa(Basic.fields.username + ":" + Basic.fields.password)];
  for (const s of secrets) {
    forms.push(s, JSON.stringify({ s }), Buffer.from(s).toString("base64"), Buffer.from(s).toString("base64url"),
      encodeURIComponent(s), new URLSearchParams({ s }).toString(), Buffer.from(s).toString("hex"),
      Buffer.from(s).toString("hex").toUpperCase(), btoa("x:" + s));
  }
  for (const form of forms) logger.info(form);
  throw new Error("leaking " + forms.join(" "));
};
"#;

#[test]
fn the_history_and_the_shown_outcome_hold_no_form_of_any_secret() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open_or_create(dir.path()).unwrap();
    let store = SecretStore::connect(
        &format!("blocksmith-test-redaction-{}", std::process::id()),
        Backend::SecretService,
    )
    .expect("a keyring session (run under scripts/with-keyring.sh)");
    let secret = |key: &str, value: &str| (key.to_string(), Sensitive::new(value.to_string()));
    save_connection(
        &mut ws,
        &store,
        None,
        ConnectionDraft {
            name: "Basic".into(),
            kind: "basic".into(),
            values: [("username".to_string(), "ann".to_string())].into(),
            secrets: [secret("password", PASSWORD)].into(),
        },
    )
    .unwrap();
    save_connection(
        &mut ws,
        &store,
        None,
        ConnectionDraft {
            name: "Machine".into(),
            kind: "clientcredentials".into(),
            values: [
                ("tokenUrl".to_string(), "https://id.test/token".to_string()),
                ("clientId".to_string(), "svc".to_string()),
            ]
            .into(),
            secrets: [
                secret("clientSecret", "cs+secret/value=42"),
                secret("headers", &format!(r#"{{"X-Tenant":"{HEADER_VALUE}"}}"#)),
            ]
            .into(),
        },
    )
    .unwrap();
    let token = serde_json::json!({
        "accessToken": "at-3f9c1e77aa-access", "tokenType": "Bearer", "refreshToken": "rt-88d1c0ffee-refresh",
        "expiresAt": 1_900_003_600u64, "scopes": ["read"],
        "extraFields": { "id_token": ID_TOKEN, "provider_session": PROVIDER_FIELD },
    });
    store
        .set(
            &SecretId::token(&ws.local_identity().secrets_id, "Machine"),
            &Sensitive::new(token.to_string()),
        )
        .unwrap();

    let now = UNIX_EPOCH + Duration::from_secs(1_900_000_000);
    let (vars, redactor) = config_vars(&ws, Some(&store), now).unwrap();
    assert_eq!(vars["Machine"]["token"]["id_token"], ID_TOKEN);
    let step = ws.manifest().flows[0].steps[0].clone();
    let clock = RunClock {
        now: SystemTime::now(),
        execution_id: "redaction-check".into(),
    };
    let run = prepare_block_run(
        &ws,
        &step,
        Some(EVERY_FORM_BLOCK.into()),
        None,
        vars,
        &clock,
    )
    .unwrap();
    let report = run_block(&run.request, &EngineOptions::default());
    let printed: Vec<String> = report
        .outcome
        .logs
        .iter()
        .map(|line| line.message.clone())
        .collect();
    assert_eq!(printed.len(), 2 + 7 * 9, "the block printed every form");

    let history = RunHistory::open(ws.root()).unwrap();
    record_block_run(
        &ws,
        &history,
        &run,
        &JsonRunReport::from(&report),
        &redactor,
    )
    .unwrap();
    let shown = serde_json::to_string(&redact_outcome(report.outcome.clone(), &redactor)).unwrap();
    drop(history);
    let mut stored = String::new();
    for file in [HISTORY_FILE.to_string(), format!("{HISTORY_FILE}-wal")] {
        stored.push_str(&String::from_utf8_lossy(
            &std::fs::read(dir.path().join(file)).unwrap_or_default(),
        ));
    }
    for form in &printed {
        // Stored and shown as JSON: a form holding `"` or `\` is there escaped.
        let escaped = serde_json::Value::from(form.as_str()).to_string();
        let escaped = &escaped[1..escaped.len() - 1];
        for text in [&stored, &shown] {
            assert!(
                !text.contains(form.as_str()) && !text.contains(escaped),
                "{form} was kept or shown"
            );
        }
    }
    assert!(stored.contains(REDACTION_MARKER) && shown.contains(REDACTION_MARKER));

    for name in ["Basic", "Machine"] {
        blocksmith_session::remove_connection(&mut ws, &store, name).unwrap();
    }
}
