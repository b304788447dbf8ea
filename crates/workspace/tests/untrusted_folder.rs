//! A workspace folder from someone else: a manifest whose block ids climb out of the folder or are absolute
//! paths, and symbolic links (a block file, `blocks/`, `samples/`, `.blocksmith/`) that lead outside. Opening,
//! reading, saving, deleting and importing must never read, write or delete a file outside the folder, and the
//! refusals name what is wrong and where.
#![cfg(unix)]

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use blocksmith_workspace::history::{RunHistory, HISTORY_FILE};
use blocksmith_workspace::transfer::{import_str, ImportOptions};
use blocksmith_workspace::{Error, Workspace, LOCAL_DIR, MANIFEST_FILE};
use serde_json::{json, Value};

const OUTSIDE_SOURCE: &str = "module.exports = () => ({ data: 'OUTSIDE-SECRET-SOURCE' });\n";
const OUTSIDE_SAMPLE: &str = "{\"marker\": \"OUTSIDE-SECRET-SAMPLE\"}\n";

/// A workspace made by Blocksmith beside a folder `outside/` holding `victim.js` and `victim.json`.
struct Setup {
    _temp: tempfile::TempDir,
    root: PathBuf,
    outside: PathBuf,
}

fn setup() -> Setup {
    let temp = tempfile::tempdir().unwrap();
    let base = fs::canonicalize(temp.path()).unwrap();
    let root = base.join("workspace");
    let outside = base.join("outside");
    Workspace::open_or_create(&root).unwrap();
    fs::create_dir_all(root.join("samples")).unwrap();
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("victim.js"), OUTSIDE_SOURCE).unwrap();
    fs::write(outside.join("victim.json"), OUTSIDE_SAMPLE).unwrap();
    Setup {
        _temp: temp,
        root,
        outside,
    }
}

impl Setup {
    fn manifest(&self) -> Value {
        serde_json::from_str(&fs::read_to_string(self.root.join(MANIFEST_FILE)).unwrap()).unwrap()
    }

    fn write_manifest(&self, manifest: &Value) {
        fs::write(
            self.root.join(MANIFEST_FILE),
            serde_json::to_string_pretty(manifest).unwrap(),
        )
        .unwrap();
    }

    /// Renames the first flow's step (id and reference) to `id`, as a hostile manifest would.
    fn with_step_id(&self, id: &str) {
        let mut manifest = self.manifest();
        let old = manifest["flows"][0]["steps"][0]
            .as_str()
            .unwrap()
            .to_string();
        manifest["flows"][0]["steps"][0] = json!(id);
        for block in manifest["blocks"].as_array_mut().unwrap() {
            if block["id"] == old {
                block["id"] = json!(id);
            }
        }
        self.write_manifest(&manifest);
    }

    fn step_id(&self) -> String {
        self.manifest()["flows"][0]["steps"][0]
            .as_str()
            .unwrap()
            .to_string()
    }
}

/// Every entry under `dir` without following links: a file's bytes, a link's target.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut entries = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let kind = fs::symlink_metadata(&path).unwrap().file_type();
            let relative = path.strip_prefix(dir).unwrap().to_path_buf();
            if kind.is_symlink() {
                let target = fs::read_link(&path).unwrap();
                entries.insert(relative, format!("link to {}", target.display()));
            } else if kind.is_dir() {
                pending.push(path);
            } else {
                entries.insert(
                    relative,
                    String::from_utf8_lossy(&fs::read(&path).unwrap()).into(),
                );
            }
        }
    }
    entries
}

/// Opens the hostile folder and, when that succeeds, deletes the step as a person would: before this fix the
/// open succeeded and the delete removed `outside/victim.js` and `outside/victim.json`.
fn open_then_delete_step(setup: &Setup, step: &str) -> Result<Workspace, Error> {
    let mut ws = Workspace::open(&setup.root)?;
    let flow = ws.manifest().flows[0].name.clone();
    ws.delete_step(&flow, step)?;
    Ok(ws)
}

#[test]
fn a_manifest_with_a_traversal_id_does_not_open_and_nothing_changes() {
    let setup = setup();
    let id = "../../outside/victim";
    setup.with_step_id(id);
    let before = (snapshot(&setup.root), snapshot(&setup.outside));

    let err = open_then_delete_step(&setup, id).unwrap_err();

    assert!(
        matches!(err, blocksmith_workspace::Error::UnsafeBlockId { .. }),
        "{err}"
    );
    let message = err.to_string();
    assert!(message.contains("\"../../outside/victim\""), "{message}");
    assert!(
        message.contains(&setup.root.join(MANIFEST_FILE).display().to_string()),
        "{message}"
    );
    assert!(
        message.contains("not a file name inside the workspace"),
        "{message}"
    );
    assert_eq!((snapshot(&setup.root), snapshot(&setup.outside)), before);
}

#[test]
fn a_manifest_with_an_absolute_id_does_not_open_and_nothing_changes() {
    let setup = setup();
    let id = setup.outside.join("victim").display().to_string();
    setup.with_step_id(&id);
    let before = (snapshot(&setup.root), snapshot(&setup.outside));

    let err = open_then_delete_step(&setup, &id).unwrap_err();

    assert!(
        matches!(err, blocksmith_workspace::Error::UnsafeBlockId { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("absolute path"), "{err}");
    assert!(err.to_string().contains(&format!("{id:?}")), "{err}");
    assert_eq!((snapshot(&setup.root), snapshot(&setup.outside)), before);
}

#[test]
fn a_flow_naming_an_unsafe_step_is_refused_even_without_such_a_block() {
    let setup = setup();
    let mut manifest = setup.manifest();
    manifest["flows"][0]["steps"]
        .as_array_mut()
        .unwrap()
        .push(json!("../outside"));
    setup.write_manifest(&manifest);
    let before = snapshot(&setup.outside);

    let err = open_then_delete_step(&setup, "../outside").unwrap_err();
    assert!(
        err.to_string()
            .contains("has a flow \"Flow 1\" with the step \"../outside\""),
        "{err}"
    );
    assert_eq!(snapshot(&setup.outside), before);
}

#[test]
fn a_block_file_linked_outside_is_not_read_written_or_followed_by_a_delete() {
    let setup = setup();
    let step = setup.step_id();
    let link = setup.root.join("blocks").join(format!("{step}.js"));
    fs::remove_file(&link).unwrap();
    symlink(setup.outside.join("victim.js"), &link).unwrap();
    let mut ws = Workspace::open(&setup.root).unwrap();
    let before = snapshot(&setup.outside);

    let err = ws.read_block_source(&step).unwrap_err();
    assert!(matches!(
        err,
        blocksmith_workspace::Error::OutsideWorkspace { .. }
    ));
    assert!(
        err.to_string().contains(&link.display().to_string()),
        "{err}"
    );
    assert!(!err.to_string().contains("OUTSIDE-SECRET"), "{err}");

    let err = ws.save_block_source(&step, "// overwritten\n").unwrap_err();
    assert!(matches!(
        err,
        blocksmith_workspace::Error::OutsideWorkspace { .. }
    ));
    assert_eq!(snapshot(&setup.outside), before);

    let flow = ws.manifest().flows[0].name.clone();
    ws.delete_step(&flow, &step).unwrap();
    assert!(fs::symlink_metadata(&link).is_err(), "the link itself goes");
    assert_eq!(snapshot(&setup.outside), before);
}

#[test]
fn a_blocks_folder_linked_outside_is_never_read_written_or_deleted_through() {
    let setup = setup();
    let step = setup.step_id();
    let trigger = setup.manifest()["flows"][0]["trigger"]
        .as_str()
        .unwrap()
        .to_string();
    fs::rename(
        setup.root.join("blocks").join(format!("{step}.js")),
        setup.outside.join(format!("{step}.js")),
    )
    .unwrap();
    fs::rename(
        setup.root.join("blocks").join(format!("{trigger}.js")),
        setup.outside.join(format!("{trigger}.js")),
    )
    .unwrap();
    fs::remove_dir(setup.root.join("blocks")).unwrap();
    symlink(&setup.outside, setup.root.join("blocks")).unwrap();
    let mut ws = Workspace::open(&setup.root).unwrap();
    let before = snapshot(&setup.outside);

    assert!(matches!(
        ws.read_block_source(&step).unwrap_err(),
        blocksmith_workspace::Error::OutsideWorkspace { .. }
    ));
    assert!(matches!(
        ws.save_block_source(&step, "// overwritten\n").unwrap_err(),
        blocksmith_workspace::Error::OutsideWorkspace { .. }
    ));
    let flow = ws.manifest().flows[0].name.clone();
    let err = ws.add_step(&flow, "Victim").unwrap_err();
    assert!(matches!(
        err,
        blocksmith_workspace::Error::OutsideWorkspace { .. }
    ));
    ws.delete_step(&flow, &step).unwrap();
    ws.delete_flow(&flow).unwrap();
    assert_eq!(snapshot(&setup.outside), before);
}

#[test]
fn a_samples_folder_linked_outside_is_neither_read_nor_written() {
    let setup = setup();
    let trigger = setup.manifest()["flows"][0]["trigger"]
        .as_str()
        .unwrap()
        .to_string();
    fs::write(
        setup.outside.join(format!("{trigger}.json")),
        OUTSIDE_SAMPLE,
    )
    .unwrap();
    fs::remove_dir(setup.root.join("samples")).unwrap();
    symlink(&setup.outside, setup.root.join("samples")).unwrap();
    let ws = Workspace::open(&setup.root).unwrap();
    let before = snapshot(&setup.outside);

    let err = ws.read_sample(&trigger).unwrap_err();
    assert!(matches!(
        err,
        blocksmith_workspace::Error::OutsideWorkspace { .. }
    ));
    assert!(!err.to_string().contains("OUTSIDE-SECRET"), "{err}");
    let err = ws.save_sample(&trigger, &json!({ "x": 1 })).unwrap_err();
    assert!(matches!(
        err,
        blocksmith_workspace::Error::OutsideWorkspace { .. }
    ));
    assert_eq!(snapshot(&setup.outside), before);
}

#[test]
fn a_local_folder_linked_outside_is_refused_before_anything_is_written_there() {
    let setup = setup();
    fs::remove_dir_all(setup.root.join(LOCAL_DIR)).unwrap();
    let elsewhere = setup.outside.join("local");
    fs::create_dir_all(&elsewhere).unwrap();
    symlink(&elsewhere, setup.root.join(LOCAL_DIR)).unwrap();

    let err = Workspace::open(&setup.root).unwrap_err();
    assert!(matches!(
        err,
        blocksmith_workspace::Error::OutsideWorkspace { .. }
    ));
    assert!(err.to_string().contains(LOCAL_DIR), "{err}");
    let err = RunHistory::open(&setup.root).unwrap_err();
    assert!(matches!(
        err,
        blocksmith_workspace::Error::OutsideWorkspace { .. }
    ));
    assert!(
        snapshot(&elsewhere).is_empty(),
        "{:?}",
        snapshot(&elsewhere)
    );
}

#[test]
fn a_history_database_linked_outside_is_refused() {
    let setup = setup();
    let victim = setup.outside.join("victim.sqlite");
    fs::write(&victim, "not a database").unwrap();
    symlink(&victim, setup.root.join(HISTORY_FILE)).unwrap();
    let err = RunHistory::open(&setup.root).unwrap_err();
    assert!(matches!(
        err,
        blocksmith_workspace::Error::OutsideWorkspace { .. }
    ));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "not a database");
}

#[test]
fn state_lives_under_the_local_folder_and_an_old_root_state_file_is_moved_there() {
    let setup = setup();
    let state = json!({ "instanceState": { "Flow 1": { "n": 3 } }, "crossFlowState": {} });
    fs::write(setup.root.join("state.json"), state.to_string()).unwrap();

    let ws = Workspace::open(&setup.root).unwrap();
    assert!(!setup.root.join("state.json").exists());
    assert_eq!(ws.read_state().unwrap(), state);
    let saved = json!({ "instanceState": {}, "crossFlowState": { "k": 1 } });
    ws.save_state(&saved).unwrap();
    let stored: Value = serde_json::from_str(
        &fs::read_to_string(setup.root.join(LOCAL_DIR).join("state.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(stored, saved);
    assert!(!setup.root.join("state.json").exists());
}

#[test]
fn a_state_file_linked_outside_is_neither_read_nor_written() {
    let setup = setup();
    let victim = setup.outside.join("victim.json");
    symlink(&victim, setup.root.join(LOCAL_DIR).join("state.json")).unwrap();
    let ws = Workspace::open(&setup.root).unwrap();
    assert!(matches!(
        ws.read_state().unwrap_err(),
        blocksmith_workspace::Error::OutsideWorkspace { .. }
    ));
    assert!(matches!(
        ws.save_state(&json!({})).unwrap_err(),
        blocksmith_workspace::Error::OutsideWorkspace { .. }
    ));
    assert_eq!(fs::read_to_string(&victim).unwrap(), OUTSIDE_SAMPLE);
}

#[test]
fn a_bundle_with_a_traversal_block_id_is_refused_and_imports_nothing() {
    let setup = setup();
    let mut ws = Workspace::open(&setup.root).unwrap();
    let before = (snapshot(&setup.root), snapshot(&setup.outside));
    let bundle = json!({
        "blocksmithBundle": 1,
        "name": "Shared",
        "configVars": [],
        "connections": [],
        "execution": {},
        "blocks": [{
            "id": "../../outside/planted",
            "name": "Planted",
            "kind": "trigger",
            "source": "module.exports = () => ({});\n",
            "sample": {}
        }],
        "flows": [{ "name": "Imported", "trigger": "../../outside/planted", "steps": [] }]
    });

    let err = import_str(
        &mut ws,
        "shared.blocksmith.json",
        &bundle.to_string(),
        ImportOptions::default(),
    )
    .unwrap_err();

    assert!(matches!(
        err,
        blocksmith_workspace::transfer::ExportError::InvalidContent { .. }
    ));
    let message = err.to_string();
    assert!(message.contains("shared.blocksmith.json"), "{message}");
    assert!(message.contains("\"../../outside/planted\""), "{message}");
    assert_eq!((snapshot(&setup.root), snapshot(&setup.outside)), before);
}

#[test]
fn an_import_into_a_blocks_folder_linked_outside_writes_nothing_there() {
    let setup = setup();
    let ws = Workspace::open(&setup.root).unwrap();
    let bundle = blocksmith_workspace::transfer::export_bundle(&ws, None).unwrap();
    let elsewhere = setup.outside.join("blocks");
    fs::rename(setup.root.join("blocks"), &elsewhere).unwrap();
    symlink(&elsewhere, setup.root.join("blocks")).unwrap();
    let mut ws = Workspace::open(&setup.root).unwrap();
    let before = (snapshot(&setup.root), snapshot(&setup.outside));

    let err = import_str(
        &mut ws,
        "shared.blocksmith.json",
        &bundle,
        ImportOptions {
            on_clash: blocksmith_workspace::transfer::OnClash::Rename,
        },
    )
    .unwrap_err();

    assert!(
        matches!(
            err,
            blocksmith_workspace::transfer::ExportError::Workspace(
                blocksmith_workspace::Error::OutsideWorkspace { .. }
            )
        ),
        "{err}"
    );
    assert_eq!((snapshot(&setup.root), snapshot(&setup.outside)), before);
}

#[test]
fn an_integration_yaml_step_named_like_a_path_lands_in_a_file_inside_the_workspace() {
    let setup = setup();
    let mut ws = Workspace::open(&setup.root).unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export/integration.yml");
    let yaml = fs::read_to_string(fixture)
        .unwrap()
        .replace("- name: Post To Ledger", "- name: ../../outside/planted");
    let before = snapshot(&setup.outside);

    import_str(&mut ws, "shared.yml", &yaml, ImportOptions::default()).unwrap();

    let planted = ws
        .manifest()
        .blocks
        .iter()
        .find(|block| block.name == "../../outside/planted")
        .expect("the step was imported under its display name");
    assert_eq!(planted.id, "outside-planted");
    assert!(ws.block_path(&planted.id).is_file());
    assert_eq!(snapshot(&setup.outside), before);
    // The workspace it left behind opens again: every id in it passes the check.
    Workspace::open(&setup.root).unwrap();
}
