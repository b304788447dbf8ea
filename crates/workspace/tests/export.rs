//! Export and import: round trips give the same file, the integration YAML has the platform's structure
//! (read back as data), no export carries a secret, clashes are refused or renamed, and a bad file is
//! refused with a clear error while the workspace stays exactly as it was. Imported into a folder with no
//! workspace, a file becomes the workspace, with nothing else in it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use blocksmith_workspace::transfer::{
    export, export_block_source, export_bundle, export_integration_yaml, find_block, import_file,
    import_file_into_folder, import_str, ClashKind, ExportError, ExportFormat, ExportRequest,
    ExportResult, ImportFormat, ImportOptions, OnClash,
};
use blocksmith_workspace::{connection_kinds, ConnectionDefinition, FlowSchema, Workspace};
use serde_json::json;
use serde_norway::Value as Yaml;

const FETCH_SOURCE: &str = r#"module.exports = async ({ logger, configVars }, stepResults) => {
  const base = configVars["App Base URL"];
  const { fields } = configVars["Acme API"];
  logger.info("fetching", base);
  return { data: { base, key: fields.apiKey.length } };
};
"#;

const NOTIFY_SOURCE: &str = r#"module.exports = async (context, stepResults) => {
  const token = context.configVars.AcmeOAuth.token;
  return { data: stepResults.fetchOrders.results };
};
"#;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export")
        .join(name)
}

fn fixture_text(name: &str) -> String {
    fs::read_to_string(fixture(name)).unwrap()
}

fn connection(name: &str, kind: &str, inputs: &[(&str, &str)]) -> ConnectionDefinition {
    ConnectionDefinition {
        name: name.to_string(),
        kind: kind.to_string(),
        inputs: inputs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    }
}

/// Two flows, a config variable, two connections (one used by a step by bracket, one by dot access), a
/// block time limit and saved samples.
fn demo_workspace(parent: &Path) -> Workspace {
    let mut ws = Workspace::create(&parent.join("Demo"), "source-id").unwrap();
    ws.set_config_var("App Base URL", "https://api.example.com")
        .unwrap();
    ws.put_connection(connection("Acme API", "apikey", &[]))
        .unwrap();
    ws.put_connection(connection(
        "AcmeOAuth",
        "authorizationcode",
        &[
            ("authorizeUrl", "https://auth.example.com/authorize"),
            ("tokenUrl", "https://auth.example.com/token"),
            ("clientId", "blocksmith-demo"),
            ("scopes", "read write"),
        ],
    ))
    .unwrap();
    let fetch = ws.add_step("Flow 1", "Fetch Orders").unwrap();
    ws.save_block_source(&fetch, FETCH_SOURCE).unwrap();
    ws.set_block_timeout(&fetch, Some(5_000)).unwrap();
    ws.save_sample(
        &fetch,
        &json!({ "codeBlockTrigger": { "results": { "id": 7 } } }),
    )
    .unwrap();
    ws.add_flow("Nightly Sync").unwrap();
    let notify = ws.add_step("Nightly Sync", "Notify").unwrap();
    ws.save_block_source(&notify, NOTIFY_SOURCE).unwrap();
    ws
}

/// A workspace with no flow at all, named like the demo so whole-file comparisons hold.
fn empty_workspace(parent: &Path) -> Workspace {
    let mut ws = Workspace::create(&parent.join("Demo"), "target-id").unwrap();
    ws.delete_flow("Flow 1").unwrap();
    ws
}

/// Every file under the workspace folder with its bytes, to prove a refused import changed nothing.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.insert(
                    path.strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(&path).unwrap(),
                );
            }
        }
    }
    files
}

fn rename() -> ImportOptions {
    ImportOptions {
        on_clash: OnClash::Rename,
    }
}

#[test]
fn a_bundle_round_trip_gives_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let source = demo_workspace(&dir.path().join("a"));
    let bundle = export_bundle(&source, None).unwrap();

    let mut target = empty_workspace(&dir.path().join("b"));
    let report = import_str(
        &mut target,
        "demo.blocksmith.json",
        &bundle,
        ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(report.format, ImportFormat::Bundle);
    assert_eq!(report.flows, vec!["Flow 1", "Nightly Sync"]);
    assert_eq!(export_bundle(&target, None).unwrap(), bundle);

    // What the bundle carried is really in the workspace, reopened from disk.
    let reopened = Workspace::open(target.root()).unwrap();
    let fetch = find_block(reopened.manifest(), None, "Fetch Orders").unwrap();
    assert_eq!(fetch.timeout_ms, Some(5_000));
    assert_eq!(reopened.read_block_source(&fetch.id).unwrap(), FETCH_SOURCE);
    assert_eq!(
        reopened.read_sample(&fetch.id).unwrap(),
        json!({ "codeBlockTrigger": { "results": { "id": 7 } } })
    );
}

#[test]
fn a_bundle_is_pretty_json_with_a_stable_key_order() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo_workspace(dir.path());
    let text = export_bundle(&ws, None).unwrap();
    let bundle: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<&str> = bundle
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "blocksmithBundle",
            "name",
            "configVars",
            "connections",
            "execution",
            "blocks",
            "flows"
        ]
    );
    assert_eq!(bundle["blocksmithBundle"], 1);
    assert_eq!(bundle["name"], "Demo");
    assert_eq!(bundle["blocks"].as_array().unwrap().len(), 5);
    assert!(text.contains("\n  \"blocks\": [\n"), "pretty-printed");
    assert_eq!(
        export_bundle(&ws, None).unwrap(),
        text,
        "two exports are the same file"
    );
}

#[test]
fn a_yaml_round_trip_gives_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let source = demo_workspace(&dir.path().join("a"));
    let yaml = export_integration_yaml(&source, None).unwrap();

    let mut target = empty_workspace(&dir.path().join("b"));
    let report = import_str(&mut target, "demo.yml", &yaml, ImportOptions::default()).unwrap();
    assert_eq!(report.format, ImportFormat::IntegrationYaml);
    assert_eq!(export_integration_yaml(&target, None).unwrap(), yaml);
}

#[test]
fn flow_schemas_survive_a_bundle_and_a_yaml_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let mut source = demo_workspace(&dir.path().join("a"));
    let invoke: FlowSchema = serde_json::from_value(json!({
        "title": "Nightly Sync input",
        "properties": { "since": { "description": "Sync orders changed since", "type": "string" } },
        "required": ["since"]
    }))
    .unwrap();
    let schemas = BTreeMap::from([("invoke".to_string(), invoke)]);
    source
        .set_flow_schemas("Nightly Sync", schemas.clone())
        .unwrap();
    let reopened = Workspace::open(source.root()).unwrap();
    assert_eq!(
        reopened.manifest().flow("Nightly Sync").unwrap().schemas,
        schemas
    );

    let bundle = export_bundle(&source, None).unwrap();
    let mut from_bundle = empty_workspace(&dir.path().join("b"));
    import_str(
        &mut from_bundle,
        "demo.blocksmith.json",
        &bundle,
        ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(
        from_bundle.manifest().flow("Nightly Sync").unwrap().schemas,
        schemas
    );
    assert_eq!(export_bundle(&from_bundle, None).unwrap(), bundle);

    let yaml = export_integration_yaml(&source, None).unwrap();
    assert!(yaml.contains("schemas:"), "{yaml}");
    let mut from_yaml = empty_workspace(&dir.path().join("c"));
    import_str(&mut from_yaml, "demo.yml", &yaml, ImportOptions::default()).unwrap();
    assert_eq!(
        from_yaml.manifest().flow("Nightly Sync").unwrap().schemas,
        schemas
    );
    assert_eq!(export_integration_yaml(&from_yaml, None).unwrap(), yaml);
}

#[test]
fn the_context_types_export_is_the_generated_declaration_file() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo_workspace(dir.path());
    let exported = export(
        &ws,
        &ExportRequest {
            format: ExportFormat::ContextTypes,
            flow: None,
            block: None,
            include_tests: false,
        },
    )
    .unwrap();
    assert_eq!(exported.file_name, "blocksmith-context.d.ts");
    assert_eq!(exported.contents, blocksmith_context::declaration_file());
    assert!(exported
        .contents
        .contains("export interface BlocksmithContext {"));
}

#[test]
fn the_documented_yaml_fixture_imports_and_exports_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = empty_workspace(dir.path());
    import_file(
        &mut ws,
        &fixture("integration.yml"),
        ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(
        export_integration_yaml(&ws, None).unwrap(),
        fixture_text("integration.yml")
    );
}

#[test]
fn the_yaml_has_the_platform_structure() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo_workspace(dir.path());
    let text = export_integration_yaml(&ws, None).unwrap();
    let yaml: Yaml = serde_norway::from_str(&text).unwrap();

    assert_eq!(yaml["definitionVersion"], Yaml::from(7));
    assert_eq!(yaml["name"], Yaml::from("Demo"));
    assert!(yaml["description"].is_string());
    let code_component =
        serde_norway::from_str::<Yaml>("{key: code, isPublic: true, version: LATEST}").unwrap();

    let flows = yaml["flows"].as_sequence().unwrap();
    assert_eq!(flows.len(), 2);
    let flow = &flows[0];
    assert_eq!(flow["name"], Yaml::from("Flow 1"));
    let steps = flow["steps"].as_sequence().unwrap();
    let names: Vec<&str> = steps.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Code Block Trigger", "Code Block", "Fetch Orders"]);

    let trigger = &steps[0];
    assert_eq!(trigger["isTrigger"], Yaml::from(true));
    assert_eq!(trigger["action"]["component"], code_component);
    assert_eq!(trigger["action"]["key"], Yaml::from("runCodeTrigger"));
    let trigger_id = &ws.manifest().flows[0].trigger;
    assert_eq!(trigger["inputs"]["code"]["type"], Yaml::from("value"));
    assert_eq!(
        trigger["inputs"]["code"]["value"].as_str().unwrap(),
        ws.read_block_source(trigger_id).unwrap()
    );

    for action in &steps[1..] {
        assert!(
            action.get("isTrigger").is_none(),
            "only the trigger is marked"
        );
        assert_eq!(action["action"]["component"], code_component);
        assert_eq!(action["action"]["key"], Yaml::from("runCode"));
    }
    let fetch = &steps[2];
    assert_eq!(
        fetch["inputs"]["code"]["value"].as_str().unwrap(),
        FETCH_SOURCE
    );
    // The step reads the connection "Acme API" (and the plain config variable, which needs no reference).
    let expected_reference =
        serde_norway::from_str::<Yaml>("{type: configVar, value: Acme API}").unwrap();
    assert_eq!(fetch["inputs"]["connection"], expected_reference);
    assert_eq!(fetch["inputs"].as_mapping().unwrap().len(), 2);
    assert_eq!(
        steps[1]["inputs"].as_mapping().unwrap().len(),
        1,
        "the template reads no connection"
    );
    let notify = &flows[1]["steps"][1];
    assert_eq!(
        notify["inputs"]["connection"]["value"],
        Yaml::from("AcmeOAuth")
    );

    let required = yaml["requiredConfigVars"].as_sequence().unwrap();
    let keys: Vec<&str> = required
        .iter()
        .map(|v| v["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["App Base URL", "Acme API", "AcmeOAuth"]);
    assert_eq!(required[0]["dataType"], Yaml::from("string"));
    assert_eq!(
        required[0]["defaultValue"],
        Yaml::from("https://api.example.com")
    );
    let oauth = &required[2];
    assert_eq!(oauth["dataType"], Yaml::from("connection"));
    assert_eq!(oauth["connection"]["component"], code_component);
    assert_eq!(oauth["connection"]["key"], Yaml::from("authorizationcode"));
    let inputs = oauth["inputs"].as_mapping().unwrap();
    let input_keys: BTreeSet<&str> = inputs.keys().map(|k| k.as_str().unwrap()).collect();
    assert_eq!(
        input_keys,
        BTreeSet::from(["authorizeUrl", "clientId", "scopes", "tokenUrl"])
    );
    assert_eq!(
        oauth["inputs"]["clientId"],
        serde_norway::from_str::<Yaml>("{type: value, value: blocksmith-demo}").unwrap()
    );

    let page = &yaml["configPages"][0];
    let elements: Vec<&str> = page["elements"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|e| e["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        elements, keys,
        "one config page lists every config variable and connection"
    );
}

#[test]
fn multi_line_code_is_written_as_block_scalars() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo_workspace(dir.path());
    let text = export_integration_yaml(&ws, None).unwrap();
    let code_values = text
        .lines()
        .filter(|line| line.trim_start().starts_with("value: |"))
        .count();
    assert_eq!(
        code_values,
        ws.manifest().blocks.len(),
        "every block's source is a block scalar:\n{text}"
    );
    // The source's lines appear as they are, only indented: a one-line change is a one-line diff.
    let indented: String = FETCH_SOURCE
        .lines()
        .map(|line| format!("          {line}\n"))
        .collect();
    assert!(text.contains(&format!("value: |\n{indented}")), "{text}");
}

#[test]
fn one_flow_exports_alone() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo_workspace(dir.path());
    let yaml: Yaml =
        serde_norway::from_str(&export_integration_yaml(&ws, Some("Nightly Sync")).unwrap())
            .unwrap();
    assert_eq!(yaml["flows"].as_sequence().unwrap().len(), 1);
    assert_eq!(yaml["flows"][0]["name"], Yaml::from("Nightly Sync"));
    let bundle: serde_json::Value =
        serde_json::from_str(&export_bundle(&ws, Some("Nightly Sync")).unwrap()).unwrap();
    assert_eq!(bundle["blocks"].as_array().unwrap().len(), 2);
    let err = export_bundle(&ws, Some("Nope")).unwrap_err();
    assert!(matches!(
        err,
        blocksmith_workspace::transfer::ExportError::Workspace(
            blocksmith_workspace::Error::UnknownFlow(_)
        )
    ));
}

#[test]
fn a_block_exports_as_its_source_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo_workspace(dir.path());
    let request = ExportRequest {
        format: ExportFormat::JavaScript,
        flow: None,
        block: Some("Fetch Orders".to_string()),
        include_tests: false,
    };
    let exported = export(&ws, &request).unwrap();
    assert_eq!(exported.contents, FETCH_SOURCE);
    assert_eq!(exported.file_name, "fetch-orders.js");
    let id = &ws.manifest().flows[0].trigger;
    assert_eq!(
        export_block_source(&ws, id).unwrap(),
        ws.read_block_source(id).unwrap()
    );

    // Both flows have a "Code Block Trigger": the flow must be named.
    let ambiguous = ExportRequest {
        block: Some("Code Block Trigger".to_string()),
        include_tests: false,
        ..request.clone()
    };
    let err = export(&ws, &ambiguous).unwrap_err();
    assert!(
        matches!(&err, ExportError::AmbiguousBlock { flows, .. } if flows == &["Flow 1", "Nightly Sync"]),
        "{err}"
    );
    let in_flow = ExportRequest {
        flow: Some("Nightly Sync".to_string()),
        ..ambiguous
    };
    assert_eq!(
        export(&ws, &in_flow).unwrap().file_name,
        format!("{}.js", ws.manifest().flows[1].trigger)
    );

    let yaml_with_block = ExportRequest {
        format: ExportFormat::IntegrationYaml,
        ..request
    };
    assert!(matches!(
        export(&ws, &yaml_with_block).unwrap_err(),
        blocksmith_workspace::transfer::ExportError::BlockNotAllowed(_)
    ));
    let yaml = ExportRequest {
        format: ExportFormat::IntegrationYaml,
        flow: None,
        block: None,
        include_tests: false,
    };
    assert_eq!(export(&ws, &yaml).unwrap().file_name, "demo.yml");
}

#[test]
fn exports_are_made_from_the_workspace_alone_and_carry_no_secret() {
    // The export functions' only inputs: the workspace (manifest, block files, samples) and a selection.
    // Neither holds a secret; the keyring is out of their reach.
    let _: fn(&Workspace, Option<&str>) -> ExportResult<String> = export_bundle;
    let _: fn(&Workspace, Option<&str>) -> ExportResult<String> = export_integration_yaml;
    let _: fn(&Workspace, &str) -> ExportResult<String> = export_block_source;

    // Even a secret written into the manifest by mistake stays out: exports keep only non-secret inputs.
    let dir = tempfile::tempdir().unwrap();
    let mut ws = demo_workspace(dir.path());
    let mut secrets = Vec::new();
    for kind in connection_kinds() {
        let inputs: Vec<(String, String)> = kind
            .inputs
            .iter()
            .map(|input| {
                let value = format!(
                    "{}-{}-{}",
                    if input.secret { "SECRET" } else { "plain" },
                    kind.key,
                    input.key
                );
                if input.secret {
                    secrets.push(value.clone());
                }
                (input.key.to_string(), value)
            })
            .collect();
        let inputs: Vec<(&str, &str)> = inputs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        ws.put_connection(connection(
            &format!("Leaky {}", kind.key),
            kind.key,
            &inputs,
        ))
        .unwrap();
    }
    assert_eq!(secrets.len(), 9);
    let fetch = find_block(ws.manifest(), None, "Fetch Orders")
        .unwrap()
        .id
        .clone();
    let files = [
        export_bundle(&ws, None).unwrap(),
        export_integration_yaml(&ws, None).unwrap(),
        export_block_source(&ws, &fetch).unwrap(),
    ];
    for file in &files {
        for secret in &secrets {
            assert!(!file.contains(secret), "{secret} leaked");
        }
    }
    assert!(
        files[0].contains("plain-basic-username") && files[1].contains("plain-privatekey-username")
    );
}

#[test]
fn blocksmith_settings_stay_out_of_the_integration_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = demo_workspace(dir.path());
    let mut settings = Vec::new();
    for kind in connection_kinds()
        .iter()
        .filter(|kind| !kind.settings.is_empty())
    {
        let mut inputs: Vec<(String, String)> = kind
            .inputs
            .iter()
            .filter(|input| !input.secret)
            .map(|input| (input.key.to_string(), format!("input-{}", input.key)))
            .collect();
        for setting in &kind.settings {
            let value = format!("setting-{}-{}", kind.key, setting.key);
            settings.push((setting.key, value.clone()));
            inputs.push((setting.key.to_string(), value));
        }
        let inputs: Vec<(&str, &str)> = inputs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        ws.put_connection(connection(
            &format!("Configured {}", kind.key),
            kind.key,
            &inputs,
        ))
        .unwrap();
    }
    let keys: BTreeSet<&str> = settings.iter().map(|(key, _)| *key).collect();
    assert!(keys.is_superset(&BTreeSet::from([
        "authorizeParams",
        "tokenParams",
        "clientAuthentication",
        "issuer",
    ])));

    let yaml = export_integration_yaml(&ws, None).unwrap();

    for (key, value) in &settings {
        assert!(!yaml.contains(value.as_str()), "{key} exported: {value}");
    }
    let document: Yaml = serde_norway::from_str(&yaml).unwrap();
    let exported_inputs: Vec<String> = document["requiredConfigVars"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter(|var| {
            var["key"]
                .as_str()
                .is_some_and(|key| key.starts_with("Configured"))
        })
        .flat_map(|var| var["inputs"].as_mapping().unwrap().keys())
        .map(|key| key.as_str().unwrap().to_owned())
        .collect();
    assert!(
        exported_inputs.contains(&"tokenUrl".to_owned()),
        "{exported_inputs:?}"
    );
    for key in &keys {
        assert!(
            !exported_inputs.iter().any(|input| input == key),
            "{key} in {exported_inputs:?}"
        );
    }
}

#[test]
fn a_clash_is_refused_by_default_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let source = demo_workspace(&dir.path().join("a"));
    let bundle = export_bundle(&source, None).unwrap();
    let mut target = demo_workspace(&dir.path().join("b"));
    target
        .set_config_var("App Base URL", "https://other.example.com")
        .unwrap();
    let before = snapshot(target.root());

    let err = import_str(
        &mut target,
        "demo.blocksmith.json",
        &bundle,
        ImportOptions::default(),
    )
    .unwrap_err();
    let ExportError::Clashes { clashes } = &err else {
        panic!("{err}")
    };
    let named: Vec<(ClashKind, &str)> = clashes.iter().map(|c| (c.kind, c.name.as_str())).collect();
    assert_eq!(
        named,
        [
            (ClashKind::ConfigVar, "App Base URL"),
            (ClashKind::Flow, "Flow 1"),
            (ClashKind::Flow, "Nightly Sync")
        ]
    );
    let message = err.to_string();
    assert!(
        message.contains("a flow named \"Flow 1\" already exists") && message.contains("--rename"),
        "{message}"
    );
    assert!(matches!(
        err,
        blocksmith_workspace::transfer::ExportError::Clashes { .. }
    ));
    assert_eq!(snapshot(target.root()), before);
    assert_eq!(
        Workspace::open(target.root()).unwrap().manifest(),
        target.manifest()
    );
}

#[test]
fn with_renaming_the_incoming_ones_get_free_names() {
    let dir = tempfile::tempdir().unwrap();
    let source = demo_workspace(&dir.path().join("a"));
    let bundle = export_bundle(&source, None).unwrap();
    let mut target = demo_workspace(&dir.path().join("b"));
    target
        .set_config_var("App Base URL", "https://other.example.com")
        .unwrap();
    let old_blocks: Vec<String> = target
        .manifest()
        .blocks
        .iter()
        .map(|b| b.id.clone())
        .collect();

    let report = import_str(&mut target, "demo.blocksmith.json", &bundle, rename()).unwrap();
    assert_eq!(report.flows, vec!["Flow 1 (2)", "Nightly Sync (2)"]);
    let renamed: Vec<(&str, &str)> = report
        .renamed
        .iter()
        .map(|r| (r.from.as_str(), r.to.as_str()))
        .collect();
    assert_eq!(
        renamed,
        [
            ("App Base URL", "App Base URL (2)"),
            ("Flow 1", "Flow 1 (2)"),
            ("Nightly Sync", "Nightly Sync (2)")
        ]
    );
    // Identical connections are kept, not duplicated.
    assert_eq!(report.already_present, vec!["Acme API", "AcmeOAuth"]);
    assert!(report.connections.is_empty() && report.connections_needing_secrets.is_empty());

    let ws = Workspace::open(target.root()).unwrap();
    let manifest = ws.manifest();
    assert_eq!(manifest.flows.len(), 4);
    assert_eq!(manifest.config_vars.len(), 2);
    let copy = manifest.flow("Flow 1 (2)").unwrap();
    for id in std::iter::once(&copy.trigger).chain(&copy.steps) {
        assert!(!old_blocks.contains(id), "{id} is a new block");
    }
    let fetch = find_block(manifest, Some("Flow 1 (2)"), "Fetch Orders").unwrap();
    assert_eq!(ws.read_block_source(&fetch.id).unwrap(), FETCH_SOURCE);
    // The originals are untouched.
    let original = find_block(manifest, Some("Flow 1"), "Fetch Orders").unwrap();
    assert_ne!(original.id, fetch.id);
    assert_eq!(ws.read_block_source(&original.id).unwrap(), FETCH_SOURCE);
}

#[test]
fn imported_connections_come_without_secrets_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = empty_workspace(dir.path());
    let report = import_file(
        &mut ws,
        &fixture("with-secret-values.yml"),
        ImportOptions::default(),
    )
    .unwrap();

    let needing: Vec<(&str, Vec<&str>, bool)> = report
        .connections_needing_secrets
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.secret_inputs.iter().map(String::as_str).collect(),
                c.needs_authorization,
            )
        })
        .collect();
    assert_eq!(
        needing,
        [
            ("Billing", vec!["password"], false),
            ("Partner OAuth", vec!["clientSecret", "headers"], true)
        ]
    );
    assert_eq!(
        report.dropped_secret_values,
        vec!["Billing.password", "Partner OAuth.clientSecret"]
    );
    let billing = ws
        .manifest()
        .connections
        .iter()
        .find(|c| c.name == "Billing")
        .unwrap();
    assert_eq!(
        billing.inputs,
        BTreeMap::from([("username".to_string(), "billing-bot".to_string())])
    );
    let files = snapshot(ws.root());
    for (path, bytes) in files {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("hunter2") && !text.contains("s3cr3t"),
            "a secret reached {}",
            path.display()
        );
    }
}

/// Each bad file gives its own clear error, naming the file, and leaves the workspace exactly as it was.
#[test]
fn bad_files_are_refused_and_change_nothing() {
    let cases = [
        (
            "not-an-import.txt",
            "NotAnImport",
            "neither a Blocksmith bundle nor an integration YAML",
        ),
        ("not-yaml.yml", "NotAnImport", "not valid YAML"),
        ("truncated.blocksmith.json", "Truncated", "ends early"),
        ("truncated.yml", "Truncated", "ends early"),
        (
            "newer-bundle.blocksmith.json",
            "UnsupportedVersion",
            "bundle version 2",
        ),
        (
            "definition-version-6.yml",
            "UnsupportedVersion",
            "definitionVersion 6",
        ),
        (
            "block-without-source.blocksmith.json",
            "InvalidContent",
            "missing field `source`",
        ),
        (
            "flow-names-missing-block.blocksmith.json",
            "InvalidContent",
            "does not hold",
        ),
        (
            "step-without-name.yml",
            "InvalidContent",
            "missing field `name`",
        ),
        (
            "webhook-trigger.yml",
            "InvalidContent",
            "Code connector flows only",
        ),
        (
            "schedule-config-var.yml",
            "InvalidContent",
            "data type \"schedule\"",
        ),
        (
            "unknown-connection-kind.yml",
            "InvalidContent",
            "\"bearer\"",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut ws = demo_workspace(dir.path());
    let before = snapshot(ws.root());
    let manifest = ws.manifest().clone();
    // Each case names the kind of failure (the ExportError variant) it must be.
    for (file, kind, phrase) in cases {
        let err = import_file(&mut ws, &fixture(file), rename()).unwrap_err();
        let message = err.to_string();
        assert!(format!("{err:?}").starts_with(kind), "{file}: {err:?}");
        assert!(message.contains(phrase), "{file}: {message}");
        assert!(
            message.contains(file) && message.contains("Nothing was imported"),
            "{file}: {message}"
        );
        assert_eq!(ws.manifest(), &manifest, "{file}");
        assert_eq!(snapshot(ws.root()), before, "{file}");
    }
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = empty_workspace(dir.path());
    let err = import_file(
        &mut ws,
        &dir.path().join("nope.yml"),
        ImportOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(
        err,
        blocksmith_workspace::transfer::ExportError::ReadFile { .. }
    ));
    assert!(err.to_string().contains("nope.yml"), "{err}");
}

#[test]
fn a_bundle_imported_into_a_new_folder_becomes_the_whole_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let source = demo_workspace(&dir.path().join("a"));
    let bundle_path = dir.path().join("demo.blocksmith.json");
    let bundle = export_bundle(&source, None).unwrap();
    fs::write(&bundle_path, &bundle).unwrap();

    // A folder that does not exist yet, and one that exists but is empty.
    let missing = dir.path().join("b").join("Demo");
    let empty = dir.path().join("c").join("Demo");
    fs::create_dir_all(&empty).unwrap();
    for folder in [missing, empty] {
        // Refusing clashes (the default) still imports: the new workspace has no template flow to clash with.
        let (workspace, report) =
            import_file_into_folder(&folder, &bundle_path, ImportOptions::default()).unwrap();
        assert_eq!(report.flows, vec!["Flow 1", "Nightly Sync"]);
        assert!(report.renamed.is_empty(), "{:?}", report.renamed);
        assert_eq!(export_bundle(&workspace, None).unwrap(), bundle);
        let reopened = Workspace::open(&folder).unwrap();
        assert_eq!(export_bundle(&reopened, None).unwrap(), bundle);
        assert_ne!(
            reopened.manifest().id,
            source.manifest().id,
            "the new workspace has an id of its own"
        );
    }
}

#[test]
fn a_bad_file_imported_into_a_new_folder_leaves_no_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("new");
    let err = import_file_into_folder(
        &missing,
        &fixture("truncated.blocksmith.json"),
        ImportOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, ExportError::Truncated { .. }), "{err:?}");
    assert!(!missing.exists(), "the folder was not created");

    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    import_file_into_folder(&empty, &dir.path().join("nope.yml"), rename()).unwrap_err();
    assert!(snapshot(&empty).is_empty(), "the empty folder stays empty");
}

#[test]
fn importing_into_a_folder_that_is_already_a_workspace_merges_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let source = demo_workspace(&dir.path().join("a"));
    let bundle_path = dir.path().join("demo.blocksmith.json");
    fs::write(&bundle_path, export_bundle(&source, None).unwrap()).unwrap();
    let target = Workspace::create(&dir.path().join("b"), "target-id").unwrap();
    let before = snapshot(target.root());

    let err =
        import_file_into_folder(target.root(), &bundle_path, ImportOptions::default()).unwrap_err();
    assert!(matches!(err, ExportError::Clashes { .. }), "{err:?}");
    assert_eq!(
        snapshot(target.root()),
        before,
        "a refused import changes nothing"
    );

    let (merged, report) = import_file_into_folder(target.root(), &bundle_path, rename()).unwrap();
    assert_eq!(report.flows, vec!["Flow 1 (2)", "Nightly Sync"]);
    let flows: Vec<&str> = merged
        .manifest()
        .flows
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(flows, ["Flow 1", "Flow 1 (2)", "Nightly Sync"]);
}

#[test]
fn a_folder_with_other_files_is_not_made_a_workspace_by_an_import() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("notes");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("todo.txt"), "buy milk").unwrap();
    let err = import_file_into_folder(&folder, &fixture("integration.yml"), rename()).unwrap_err();
    assert!(
        err.to_string().contains("is not a Blocksmith workspace"),
        "{err}"
    );
    assert_eq!(snapshot(&folder).len(), 1, "nothing was written");
}
