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

/// `blocksmith export --format bundle` of the workspace `ws` to `bundle`.
fn export_bundle_to(ws: &Path, bundle: &Path) {
    let exported = blocksmith(
        &[
            "export",
            "--workspace",
            ws.to_str().unwrap(),
            "--format",
            "bundle",
            "-o",
            bundle.to_str().unwrap(),
        ],
        "",
    );
    assert!(exported.status.success(), "{}", text(&exported.stderr));
}

fn import(ws: &Path, file: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "import",
        "--workspace",
        ws.to_str().unwrap(),
        file.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    blocksmith(&args, "")
}

/// A workspace with a config variable, a connection whose secret is in the keyring, a second flow and an edited
/// block: everything a bundle carries.
fn workspace_worth_sharing(ws: &Path, secret: &str) {
    let ws_arg = ws.to_str().unwrap();
    assert!(blocksmith(
        &["config-vars", "set", "--workspace", ws_arg, "Region", "eu"],
        ""
    )
    .status
    .success());
    let added = add_api_key_connection(ws_arg, "Stripe", secret);
    assert!(added.status.success(), "{}", text(&added.stderr));
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(ws.join("blocksmith.json")).unwrap()).unwrap();
    let action = manifest["flows"][0]["steps"][0]
        .as_str()
        .unwrap()
        .to_string();
    std::fs::write(
        ws.join("blocks").join(format!("{action}.js")),
        "module.exports = async ({ configVars }) => ({ data: configVars.Region });\n",
    )
    .unwrap();
    std::fs::write(
        ws.join("blocks/nightly-trigger.js"),
        "module.exports = async () => ({ payload: { nightly: true } });\n",
    )
    .unwrap();
    manifest["blocks"].as_array_mut().unwrap().push(
        serde_json::json!({ "id": "nightly-trigger", "name": "Nightly Trigger", "kind": "trigger" }),
    );
    manifest["flows"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({ "name": "Nightly", "trigger": "nightly-trigger", "steps": [] }));
    std::fs::write(
        ws.join("blocksmith.json"),
        serde_json::to_string_pretty(&manifest).unwrap(),
    )
    .unwrap();
}

/// A bundle's content without the workspace's name (taken from its folder's name).
fn bundle_content(bundle: &Path) -> serde_json::Value {
    let mut content: serde_json::Value =
        serde_json::from_slice(&std::fs::read(bundle).unwrap()).unwrap();
    content.as_object_mut().unwrap().remove("name");
    content
}

#[test]
fn a_bundle_imported_into_a_new_folder_becomes_that_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let from = dir.path().join("from");
    let secret = "import-secret-7c2e91";
    workspace_worth_sharing(&from, secret);
    let bundle = dir.path().join("from.blocksmith.json");
    export_bundle_to(&from, &bundle);

    // A folder that does not exist, and one that exists and is empty.
    let missing = dir.path().join("missing");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    for to in [missing, empty] {
        let imported = import(&to, &bundle, &[]);
        assert!(imported.status.success(), "{}", text(&imported.stderr));
        let report: serde_json::Value = serde_json::from_slice(&imported.stdout).unwrap();
        assert_eq!(report["flows"], serde_json::json!(["Flow 1", "Nightly"]));
        assert_eq!(report["renamed"], serde_json::json!([]));
        assert!(
            text(&imported.stderr).contains("\"Stripe\" was imported without its secrets"),
            "{}",
            text(&imported.stderr)
        );

        // The same blocks, flows, config variables and connection definitions, nothing more.
        let round_trip = dir.path().join("round-trip.blocksmith.json");
        export_bundle_to(&to, &round_trip);
        assert_eq!(bundle_content(&round_trip), bundle_content(&bundle));
        let listed = blocksmith(
            &[
                "connections",
                "list",
                "--workspace",
                to.to_str().unwrap(),
                "--json",
            ],
            "",
        );
        let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
        assert_eq!(listed[0]["name"], "Stripe");
        assert_eq!(listed[0]["secrets"]["apiKey"], false, "no secret travels");
        assert!(!all_files_text(&to).contains(secret));

        // The imported workspace runs its flow.
        let run = blocksmith(
            &[
                "run",
                "--workspace",
                to.to_str().unwrap(),
                "--flow",
                "Flow 1",
            ],
            "",
        );
        let line: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
        assert_eq!(line["ok"], true, "{line}");
        assert_eq!(line["steps"][1]["result"], "eu", "{line}");
    }
}

#[test]
fn a_bad_file_imported_into_a_new_folder_leaves_no_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{ \"blocksmithBundle\": 1, ").unwrap();
    let to = dir.path().join("to");
    assert_refused(&import(&to, &broken, &[]), &["broken.json"]);
    assert!(!to.exists(), "no workspace was created");
}

#[test]
fn an_exported_bundle_imports_into_an_existing_workspace() {
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
    export_bundle_to(&from, &bundle);
    // Any command makes `to` a workspace with the templates' "Flow 1".
    let listed = blocksmith(
        &["config-vars", "list", "--workspace", to.to_str().unwrap()],
        "",
    );
    assert!(listed.status.success(), "{}", text(&listed.stderr));

    // Without --rename the clash with its "Flow 1" changes nothing.
    let manifest_before = std::fs::read(to.join("blocksmith.json")).unwrap();
    let refused = import(&to, &bundle, &[]);
    assert_refused(&refused, &["Flow 1"]);
    assert_eq!(
        std::fs::read(to.join("blocksmith.json")).unwrap(),
        manifest_before
    );
    let imported = import(&to, &bundle, &["--rename"]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    let report: serde_json::Value = serde_json::from_slice(&imported.stdout).unwrap();
    assert_eq!(
        report["renamed"][0],
        serde_json::json!({ "kind": "flow", "from": "Flow 1", "to": "Flow 1 (2)" }),
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
    assert_refused(&import(&to, &broken, &[]), &["broken.json"]);
}
