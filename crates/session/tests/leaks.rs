//! No secret leaks: every connection kind with distinct secret values (and an OAuth token), a block that
//! logs and returns all of them, its run recorded, the workspace exported in every format — and then no
//! secret value is found in the workspace folder, the run history database, the exports or the outcome
//! shown to the person. Runs against the real OS keyring (`scripts/with-keyring.sh`).

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use blocksmith_engine::{run_block, EngineOptions};
use blocksmith_secrets::{Backend, SecretId, SecretStore, Sensitive};
use blocksmith_session::{
    config_vars, prepare_block_run, record_block_run, redact_outcome, save_connection,
    ConnectionDraft, RunClock,
};
use blocksmith_workspace::history::RunHistory;
use blocksmith_workspace::transfer::{export, ExportFormat, ExportRequest};
use blocksmith_workspace::Workspace;

const LEAKY_BLOCK: &str = r#"module.exports = async ({ logger, configVars }) => {
  for (const [name, value] of Object.entries(configVars)) {
    logger.info(name, JSON.stringify(value));
  }
  throw new Error("leaking " + JSON.stringify(configVars));
};
"#;

fn secret_values() -> BTreeMap<&'static str, String> {
    [
        "apikey-key",
        "pair-key",
        "pair-secret",
        "basic-password",
        "auth-client-secret",
        "auth-header",
        "cc-client-secret",
        "cc-header",
        "access-token",
        "refresh-token",
    ]
    .into_iter()
    .map(|name| (name, format!("LEAK-{name}-7c2e91")))
    .collect()
}

fn files_text(dir: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            text.push_str(&files_text(&path));
        } else {
            text.push_str(&String::from_utf8_lossy(&std::fs::read(&path).unwrap()));
        }
    }
    text
}

#[test]
fn no_secret_reaches_files_history_exports_or_the_shown_outcome() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open_or_create(dir.path()).unwrap();
    let store = SecretStore::connect(
        &format!("blocksmith-test-leaks-{}", std::process::id()),
        Backend::SecretService,
    )
    .expect("a keyring session (run under scripts/with-keyring.sh)");
    let s = secret_values();
    let pem = std::fs::read_to_string(format!(
        "{}/tests/fixtures/keys/pkcs8.pem",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let draft = |name: &str, kind: &str, values: &[(&str, &str)], secrets: &[(&str, &str)]| {
        ConnectionDraft {
            name: name.into(),
            kind: kind.into(),
            values: values
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            secrets: secrets
                .iter()
                .map(|(k, v)| (k.to_string(), Sensitive::new(v.to_string())))
                .collect(),
        }
    };
    let auth_header = format!(r#"{{"X-Tenant":"{}"}}"#, s["auth-header"]);
    let cc_header = format!(r#"{{"X-Tenant":"{}"}}"#, s["cc-header"]);
    for connection in [
        draft("Key", "apikey", &[], &[("apiKey", &s["apikey-key"])]),
        draft(
            "Pair",
            "apikeysecret",
            &[],
            &[("apiKey", &s["pair-key"]), ("apiSecret", &s["pair-secret"])],
        ),
        draft(
            "Basic",
            "basic",
            &[("username", "ann")],
            &[("password", &s["basic-password"])],
        ),
        draft(
            "Auth",
            "authorizationcode",
            &[
                ("authorizeUrl", "https://id.test/auth"),
                ("tokenUrl", "https://id.test/token"),
                ("clientId", "app"),
            ],
            &[
                ("clientSecret", &s["auth-client-secret"]),
                ("headers", &auth_header),
            ],
        ),
        draft(
            "Machine",
            "clientcredentials",
            &[("tokenUrl", "https://id.test/token"), ("clientId", "svc")],
            &[
                ("clientSecret", &s["cc-client-secret"]),
                ("headers", &cc_header),
            ],
        ),
        draft(
            "Deploy",
            "privatekey",
            &[("username", "deploy")],
            &[("privateKey", &pem)],
        ),
    ] {
        save_connection(&mut ws, &store, None, connection).unwrap();
    }
    let now = UNIX_EPOCH + Duration::from_secs(1_900_000_000);
    let token = serde_json::json!({
        "accessToken": s["access-token"], "tokenType": "Bearer", "refreshToken": s["refresh-token"],
        "expiresAt": 1_900_003_600u64, "scopes": ["openid"],
    });
    store
        .set(
            &SecretId::token(&ws.local_identity().secrets_id, "Auth"),
            &Sensitive::new(token.to_string()),
        )
        .unwrap();

    let (vars, secrets) = config_vars(&ws, Some(&store), now).unwrap();
    assert_eq!(
        vars["Auth"]["token"]["access_token"],
        s["access-token"].as_str(),
        "the block gets its token"
    );
    let step = ws.manifest().flows[0].steps[0].clone();
    let clock = RunClock {
        now: SystemTime::now(),
        execution_id: "leak-check".into(),
    };
    let run = prepare_block_run(&ws, &step, Some(LEAKY_BLOCK.into()), None, vars, &clock).unwrap();
    let report = run_block(&run.request, &EngineOptions::default());
    assert!(!report.outcome.ok);
    assert!(
        report
            .outcome
            .logs
            .iter()
            .any(|line| line.message.contains(&s["basic-password"])),
        "the block did see the secret"
    );

    let history = RunHistory::open(ws.root()).unwrap();
    record_block_run(&ws, &history, &run, &report, &secrets).unwrap();
    let shown = serde_json::to_string(&redact_outcome(report.outcome.clone(), &secrets)).unwrap();
    let exports: Vec<String> = [ExportFormat::IntegrationYaml, ExportFormat::Bundle]
        .into_iter()
        .map(|format| {
            export(
                &ws,
                &ExportRequest {
                    format,
                    flow: None,
                    block: None,
                },
            )
            .unwrap()
            .contents
        })
        .collect();

    let workspace_files = files_text(dir.path());
    let mut every_secret: Vec<&str> = s.values().map(String::as_str).collect();
    every_secret.push(pem.trim());
    for secret in every_secret {
        assert!(
            !workspace_files.contains(secret),
            "{secret} leaked into the workspace folder or history database"
        );
        assert!(
            !shown.contains(secret),
            "{secret} leaked into the outcome shown"
        );
        for exported in &exports {
            assert!(!exported.contains(secret), "{secret} leaked into an export");
        }
    }
    assert!(
        shown.contains("«redacted»"),
        "the logged copies are shown redacted: {shown}"
    );

    for name in ["Key", "Pair", "Basic", "Auth", "Machine", "Deploy"] {
        blocksmith_session::remove_connection(&mut ws, &store, name).unwrap();
    }
}
