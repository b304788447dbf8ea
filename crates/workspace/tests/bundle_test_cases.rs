//! Test cases in a bundle: only when the export asks for them, never in the integration YAML, and an import
//! writes them back under the blocks' new ids; a bundle whose case id would leave `tests/` is refused.

use std::fs;
use std::path::Path;

use blocksmith_workspace::transfer::{
    export, import_str, ExportError, ExportFormat, ExportRequest, ImportOptions,
};
use blocksmith_workspace::{CaseOwner, Workspace};
use serde_json::{json, Value};

/// A case as the session writes it (its fields are the session's business; here it is any JSON object).
fn case_file(name: &str) -> Value {
    json!({
        "formatVersion": 1,
        "name": name,
        "inputs": { "input": {}, "configVars": {} },
        "frozen": { "nowMs": 1_764_770_000_123_i64, "randomSeed": 7 },
        "cassette": { "exchanges": [{
            "request": { "method": "GET", "url": "https://api.acme.test/orders?key={{Acme.apiKey}}", "headers": [] },
            "response": { "status": 200, "headers": [], "body": { "json": [{ "id": "o-17" }] } }
        }] },
        "expected": { "ok": true, "result": { "count": 1 }, "response": null, "logs": [], "errorName": null },
        "ignore": []
    })
}

/// A workspace with one step holding two cases.
fn workspace_with_cases(parent: &Path) -> (Workspace, String) {
    let mut ws = Workspace::create(&parent.join("Shop"), "shop-id").unwrap();
    let step = ws.add_step("Flow 1", "Get Orders").unwrap();
    let owner = CaseOwner::Block(&step);
    ws.save_test_case(owner, "open-orders", &case_file("Open orders"))
        .unwrap();
    ws.save_test_case(owner, "empty-page", &case_file("Empty page"))
        .unwrap();
    (ws, step)
}

fn request(format: ExportFormat, include_tests: bool) -> ExportRequest {
    ExportRequest {
        format,
        flow: None,
        block: None,
        include_tests,
    }
}

#[test]
fn a_bundle_carries_the_cases_only_when_asked_and_an_import_brings_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let (source, step) = workspace_with_cases(dir.path());

    let plain = export(&source, &request(ExportFormat::Bundle, false)).unwrap();
    assert!(
        !plain.contents.contains("Open orders"),
        "{}",
        plain.contents
    );

    let with_tests = export(&source, &request(ExportFormat::Bundle, true)).unwrap();
    let bundle: Value = serde_json::from_str(&with_tests.contents).unwrap();
    let block = bundle["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|block| block["id"] == step.as_str())
        .unwrap();
    let ids: Vec<&str> = block["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|test| test["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["empty-page", "open-orders"]);

    // Into a workspace whose template already uses the step's id: the block gets a new id, its cases follow.
    let mut target = Workspace::create(&dir.path().join("Other"), "other-id").unwrap();
    target.add_step("Flow 1", "Get Orders").unwrap();
    let report = import_str(
        &mut target,
        "shop.blocksmith.json",
        &with_tests.contents,
        ImportOptions {
            on_clash: blocksmith_workspace::transfer::OnClash::Rename,
        },
    )
    .unwrap();
    let imported_flow = report.flows.first().unwrap();
    let manifest = target.manifest();
    let imported_step = manifest
        .flow(imported_flow)
        .unwrap()
        .steps
        .iter()
        .find(|id| manifest.block(id).unwrap().name == "Get Orders")
        .unwrap()
        .clone();
    assert_ne!(imported_step, step, "the clashing id was replaced");
    assert_eq!(
        target
            .test_case_ids(CaseOwner::Block(&imported_step))
            .unwrap(),
        ["empty-page", "open-orders"]
    );
    assert_eq!(
        target
            .read_test_case(CaseOwner::Block(&imported_step), "open-orders")
            .unwrap(),
        case_file("Open orders")
    );
    // Exported again with its tests, the imported flow's block carries the same cases.
    let again = export(&target, &request(ExportFormat::Bundle, true)).unwrap();
    assert!(again.contents.contains("\"open-orders\""));
}

#[test]
fn the_integration_yaml_never_carries_cases() {
    let dir = tempfile::tempdir().unwrap();
    let (source, _) = workspace_with_cases(dir.path());
    let yaml = export(&source, &request(ExportFormat::IntegrationYaml, false)).unwrap();
    assert!(!yaml.contents.contains("Open orders"));
    assert!(!yaml.contents.contains("cassette"));
    let refused = export(&source, &request(ExportFormat::IntegrationYaml, true)).unwrap_err();
    assert!(
        matches!(refused, ExportError::TestsNotAllowed("yaml")),
        "{refused}"
    );
    assert!(
        refused.to_string().contains("only in a bundle"),
        "{refused}"
    );
}

#[test]
fn a_case_id_that_would_leave_the_tests_folder_is_refused_and_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let (source, step) = workspace_with_cases(dir.path());
    let with_tests = export(&source, &request(ExportFormat::Bundle, true)).unwrap();
    let hostile = with_tests
        .contents
        .replace("\"open-orders\"", "\"../../blocks/evil\"");
    let mut target = Workspace::create(&dir.path().join("Target"), "target-id").unwrap();
    target.delete_flow("Flow 1").unwrap();
    let manifest_before = fs::read(target.root().join("blocksmith.json")).unwrap();
    let refused = import_str(
        &mut target,
        "hostile.blocksmith.json",
        &hostile,
        ImportOptions::default(),
    )
    .unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("not a file name inside the workspace"),
        "{refused}"
    );
    assert_eq!(
        fs::read(target.root().join("blocksmith.json")).unwrap(),
        manifest_before
    );
    assert!(!target.root().join("blocks/evil.json").exists());
    assert!(!target.root().join("tests").join(step).exists());
}
