//! No secret leaks: every connection kind with distinct secret values (and an OAuth token), a block that
//! logs and returns all of them, its run recorded, the workspace exported in every format — and then no
//! secret value is found in the workspace folder, the run history database, the exports or the outcome
//! shown to the person; and a test case recorded from a block that sends every secret to a local server holds
//! none of them either. Runs against the real OS keyring (`scripts/with-keyring.sh`).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use blocksmith_cassette::{HttpMode, HttpPlan, HttpTape};
use blocksmith_engine::{run_block, EngineOptions, FrozenInputs, JsonRunReport};
use blocksmith_secrets::{Backend, SecretId, SecretStore, Sensitive};
use blocksmith_session::block_tests::{CaseInputs, ExpectedOutcome, TestCase, CASE_FORMAT_VERSION};
use blocksmith_session::{
    config_vars, config_vars_and_secrets, prepare_block_run, record_block_run, redact_outcome,
    save_connection, ConnectionDraft, RunClock,
};
use blocksmith_workspace::history::RunHistory;
use blocksmith_workspace::transfer::{export, ExportFormat, ExportRequest};
use blocksmith_workspace::Workspace;
use serde_json::Value;

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
    record_block_run(&ws, &history, &run, &JsonRunReport::from(&report), &secrets).unwrap();
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
                    include_tests: false,
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

    // A recorded test case: the block sends every secret out (headers, query, body, Basic credentials) to a
    // local server that echoes each request back; the cassette and case hold none of them.
    let (vars, placeholders) = config_vars_and_secrets(&ws, Some(&store), now).unwrap();
    let server = echo_server();
    let mut vars = vars;
    vars["Echo"] = Value::String(server);
    let run =
        prepare_block_run(&ws, &step, Some(SENDING_BLOCK.into()), None, vars, &clock).unwrap();
    let tape = HttpTape::new(HttpPlan {
        secrets: placeholders,
        mode: HttpMode::Record,
    })
    .unwrap();
    let report = run_block(
        &run.request,
        &EngineOptions {
            http_transport: Some(tape.transport()),
            ..EngineOptions::default()
        },
    );
    assert!(report.outcome.ok, "{:?}", report.outcome.error);
    let case = TestCase {
        format_version: CASE_FORMAT_VERSION,
        name: "sends everything".into(),
        inputs: CaseInputs {
            input: run.request.input.clone(),
            config_vars: ws.manifest().config_vars_json(),
        },
        frozen: FrozenInputs {
            now_ms: 0,
            random_seed: 1,
        },
        cassette: tape.log().recorded,
        expected: ExpectedOutcome {
            ok: true,
            result: redact_outcome(report.outcome.clone(), &secrets).result,
            response: Value::Null,
            logs: Vec::new(),
            error_name: None,
        },
        ignore: Vec::new(),
    };
    let case_text = serde_json::to_string_pretty(&case).unwrap();
    assert_eq!(
        case.cassette.exchanges.len(),
        6,
        "one request per connection"
    );
    for placeholder in [
        "{{Key.apiKey}}",
        "{{Basic.password}}",
        "{{Auth.token.access_token}}",
    ] {
        assert!(
            case_text.contains(placeholder),
            "{placeholder} names a secret: {case_text}"
        );
    }
    let mut every_secret: Vec<&str> = s.values().map(String::as_str).collect();
    every_secret.push(pem.trim());
    for secret in every_secret {
        assert!(
            !case_text.contains(secret),
            "{secret} leaked into a test case"
        );
    }

    // The case saved in the workspace travels in a bundle exported with its tests, still without a secret.
    ws.save_test_case(
        blocksmith_workspace::CaseOwner::Block(&step),
        "sends-everything",
        &serde_json::to_value(&case).unwrap(),
    )
    .unwrap();
    let bundle = export(
        &ws,
        &ExportRequest {
            format: ExportFormat::Bundle,
            flow: None,
            block: None,
            include_tests: true,
        },
    )
    .unwrap()
    .contents;
    assert!(
        bundle.contains("\"sends-everything\"") && bundle.contains("{{Key.apiKey}}"),
        "the bundle carries the case: {bundle}"
    );
    let mut every_secret: Vec<&str> = s.values().map(String::as_str).collect();
    every_secret.push(pem.trim());
    for secret in every_secret {
        assert!(
            !bundle.contains(secret),
            "{secret} leaked into a bundle carrying tests"
        );
    }

    for name in ["Key", "Pair", "Basic", "Auth", "Machine", "Deploy"] {
        blocksmith_session::remove_connection(&mut ws, &store, name).unwrap();
    }
}

/// Sends each connection's secrets out the ways blocks do: a header, the query, a JSON body, Basic credentials.
const SENDING_BLOCK: &str = r#"module.exports = async ({ configVars: c }) => {
  const echo = c.Echo;
  const sent = [];
  const send = async (path, init) => sent.push(await (await fetch(echo + path, init)).text());
  await send("/key?api_key=" + encodeURIComponent(c.Key.fields.apiKey), {});
  await send("/pair", { headers: { Authorization: "Basic " + btoa(c.Pair.fields.apiKey + ":" + c.Pair.fields.apiSecret) } });
  await send("/basic", { method: "POST", body: JSON.stringify({ password: c.Basic.fields.password }) });
  await send("/auth", { headers: { Authorization: "Bearer " + c.Auth.token.access_token, ...c.Auth.fields.headers },
                        method: "POST", body: "secret=" + c.Auth.fields.clientSecret + "&refresh=" + c.Auth.token.refresh_token });
  await send("/machine", { headers: c.Machine.fields.headers, method: "PUT", body: c.Machine.fields.clientSecret });
  await send("/deploy", { method: "POST", body: JSON.stringify({ key: c.Deploy.fields.privateKey }) });
  return { data: sent.length };
};
"#;

/// A server on 127.0.0.1 that answers each request with its own request line, headers and body.
fn echo_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || echo(stream));
        }
    });
    format!("http://{address}")
}

fn echo(stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut head = String::new();
    let mut content_length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap() == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                content_length = value.trim().parse().unwrap();
            }
        }
        head.push_str(&line);
    }
    let mut body = vec![0; content_length];
    reader.read_exact(&mut body).unwrap();
    let answer = format!("{head}\n{}", String::from_utf8_lossy(&body));
    let mut stream = stream;
    let _ = write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
        answer.len()
    );
}
