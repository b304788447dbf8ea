//! `blocksmith connections`, `config-vars`, `export` and `import` through the real binary, with the real OS
//! keyring (run under `scripts/with-keyring.sh`).

mod common;

use std::path::Path;

use common::{add_api_key_connection, assert_refused, blocksmith, text};

fn all_files_text(dir: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            text.push_str(&all_files_text(&path));
        } else {
            text.push_str(&String::from_utf8_lossy(&std::fs::read(&path).unwrap()));
        }
    }
    text
}

#[test]
fn config_vars_are_set_listed_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let ws = ws.to_str().unwrap();
    assert!(blocksmith(
        &[
            "config-vars",
            "set",
            "--workspace",
            ws,
            "App Base URL",
            "https://x.test"
        ],
        ""
    )
    .status
    .success());
    let listed = blocksmith(&["config-vars", "list", "--workspace", ws, "--json"], "");
    assert_eq!(
        text(&listed.stdout).trim(),
        r#"{"App Base URL":"https://x.test"}"#
    );
    assert!(blocksmith(
        &["config-vars", "remove", "--workspace", ws, "App Base URL"],
        ""
    )
    .status
    .success());
    let missing = blocksmith(
        &["config-vars", "remove", "--workspace", ws, "App Base URL"],
        "",
    );
    assert_refused(&missing, &["App Base URL"]);
}

#[test]
fn connection_secrets_come_from_stdin_and_never_reach_files_or_output() {
    let dir = tempfile::tempdir().unwrap();
    let ws_path = dir.path().join("ws");
    let ws = ws_path.to_str().unwrap();
    let secret = "cli-secret-4f1a9c";

    let refused = blocksmith(
        &[
            "connections",
            "add",
            "--workspace",
            ws,
            "--name",
            "Stripe",
            "--kind",
            "apikey",
            "--set",
            &format!("apiKey={secret}"),
        ],
        "",
    );
    assert_refused(&refused, &["standard input"]);

    let added = add_api_key_connection(ws, "Stripe", secret);
    assert!(added.status.success(), "{}", text(&added.stderr));

    let listed = blocksmith(&["connections", "list", "--workspace", ws, "--json"], "");
    let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(listed[0]["name"], "Stripe");
    assert_eq!(listed[0]["secrets"]["apiKey"], true);

    let block = dir.path().join("block.js");
    std::fs::write(
        &block,
        "module.exports = ({ logger, configVars }) => {\n  const { apiKey } = configVars.Stripe.fields;\n  logger.info(apiKey);\n  return { data: { key: configVars.Stripe.key, apiKey, length: apiKey.length } };\n};\n",
    )
    .unwrap();
    let run = blocksmith(&["run", block.to_str().unwrap(), "--workspace", ws], "");
    let line: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(line["ok"], true, "{line}");
    assert_eq!(line["result"]["key"], "apikey");
    assert_eq!(
        line["result"]["length"],
        secret.len(),
        "the block sees its connection's secret"
    );
    // What the block logged or returned is printed with the secret redacted.
    assert_eq!(line["result"]["apiKey"], "«redacted»");
    assert_eq!(line["logs"][0]["message"], "«redacted»");
    assert!(!text(&run.stdout).contains(secret));

    for format in ["yaml", "bundle"] {
        let exported = blocksmith(&["export", "--workspace", ws, "--format", format], "");
        assert!(exported.status.success(), "{}", text(&exported.stderr));
        assert!(text(&exported.stdout).contains("Stripe"));
        assert!(!text(&exported.stdout).contains(secret));
    }
    assert!(
        !all_files_text(&ws_path).contains(secret),
        "a secret reached the workspace folder"
    );

    let removed = blocksmith(
        &[
            "connections",
            "remove",
            "--workspace",
            ws,
            "--name",
            "Stripe",
        ],
        "",
    );
    assert!(removed.status.success(), "{}", text(&removed.stderr));
    let listed = blocksmith(&["connections", "list", "--workspace", ws, "--json"], "");
    assert_eq!(text(&listed.stdout).trim(), "[]");
}

#[test]
fn an_exported_bundle_imports_into_another_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let from = dir.path().join("from");
    let to = dir.path().join("to");
    let bundle = dir.path().join("out.blocksmith.json");
    assert!(blocksmith(
        &[
            "config-vars",
            "set",
            "--workspace",
            from.to_str().unwrap(),
            "Region",
            "eu"
        ],
        ""
    )
    .status
    .success());
    let exported = blocksmith(
        &[
            "export",
            "--workspace",
            from.to_str().unwrap(),
            "--format",
            "bundle",
            "-o",
            bundle.to_str().unwrap(),
        ],
        "",
    );
    assert!(exported.status.success(), "{}", text(&exported.stderr));

    // The new workspace already has a "Flow 1": without --rename the clash changes nothing.
    let refused = blocksmith(
        &[
            "import",
            "--workspace",
            to.to_str().unwrap(),
            bundle.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused.stderr));
    let imported = blocksmith(
        &[
            "import",
            "--workspace",
            to.to_str().unwrap(),
            bundle.to_str().unwrap(),
            "--rename",
        ],
        "",
    );
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    let report: serde_json::Value = serde_json::from_slice(&imported.stdout).unwrap();
    assert!(
        report["renamed"].as_array().is_some_and(|r| !r.is_empty()),
        "{report}"
    );
    let listed = blocksmith(
        &[
            "config-vars",
            "list",
            "--workspace",
            to.to_str().unwrap(),
            "--json",
        ],
        "",
    );
    assert_eq!(text(&listed.stdout).trim(), r#"{"Region":"eu"}"#);

    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{ \"blocksmithBundle\": 1, ").unwrap();
    let failed = blocksmith(
        &[
            "import",
            "--workspace",
            to.to_str().unwrap(),
            broken.to_str().unwrap(),
        ],
        "",
    );
    assert_refused(&failed, &["broken.json"]);
}
