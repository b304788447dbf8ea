//! The workspace on disk: creation from the seed templates, every edit surviving a reopen, and bad folders
//! giving clear errors while leaving files untouched.

use std::fs;

use blocksmith_workspace::{
    BlockKind, Error, Workspace, ACTION_TEMPLATE, MANIFEST_FILE, TRIGGER_TEMPLATE,
};

fn seed_template(name: &str) -> String {
    fs::read_to_string(format!("{}/templates/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn a_new_workspace_holds_one_flow_with_the_seed_templates_verbatim() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open_or_create(&dir.path().join("new")).unwrap();
    let manifest = ws.manifest();
    assert_eq!(manifest.flows.len(), 1);
    let flow = &manifest.flows[0];
    let trigger = manifest.block(&flow.trigger).unwrap();
    assert_eq!(
        (trigger.name.as_str(), trigger.kind),
        ("Code Block Trigger", BlockKind::Trigger)
    );
    assert_eq!(flow.steps.len(), 1);
    let step = manifest.block(&flow.steps[0]).unwrap();
    assert_eq!(
        (step.name.as_str(), step.kind),
        ("Code Block", BlockKind::Action)
    );

    assert_eq!(
        ws.read_block_source(&flow.trigger).unwrap(),
        seed_template("code-block-trigger.js")
    );
    assert_eq!(
        ws.read_block_source(&flow.steps[0]).unwrap(),
        seed_template("code-block.js")
    );
    assert!(ACTION_TEMPLATE
        .contains("module.exports = async ({ logger, configVars }, stepResults) => {"));
    assert!(TRIGGER_TEMPLATE.starts_with("/*\n Access config variables"));
}

#[test]
fn an_empty_existing_folder_becomes_a_workspace() {
    let dir = tempfile::tempdir().unwrap();
    Workspace::open_or_create(dir.path()).unwrap();
    assert!(dir.path().join(MANIFEST_FILE).exists());
}

#[test]
fn every_edit_is_there_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open_or_create(dir.path()).unwrap();
    let flow = ws.manifest().flows[0].name.clone();
    let first = ws.manifest().flows[0].steps[0].clone();

    let second = ws.add_step(&flow, "Get Data from API").unwrap();
    assert_eq!(second, "get-data-from-api");
    ws.save_block_source(&second, "module.exports = () => ({ data: 1 });\n")
        .unwrap();
    ws.rename_block(&first, "Transform").unwrap();
    ws.move_step(&flow, &second, 0).unwrap();
    ws.set_config_var("App Base URL", "https://example.test")
        .unwrap();
    ws.set_block_timeout(&second, Some(5_000)).unwrap();
    ws.add_flow("Nightly sync").unwrap();

    let reopened = Workspace::open(dir.path()).unwrap();
    assert_eq!(reopened.manifest(), ws.manifest());
    let manifest = reopened.manifest();
    assert_eq!(manifest.flows[0].steps, vec![second.clone(), first.clone()]);
    assert_eq!(manifest.block(&first).unwrap().name, "Transform");
    assert_eq!(manifest.block(&second).unwrap().timeout_ms, Some(5_000));
    assert_eq!(manifest.config_vars[0].value, "https://example.test");
    assert_eq!(manifest.flows[1].name, "Nightly sync");
    assert_eq!(
        reopened.read_block_source(&second).unwrap(),
        "module.exports = () => ({ data: 1 });\n"
    );
}

#[test]
fn deleting_a_step_removes_its_file_and_keeps_the_trigger() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open_or_create(dir.path()).unwrap();
    let flow = ws.manifest().flows[0].clone();
    let step = flow.steps[0].clone();
    ws.delete_step(&flow.name, &step).unwrap();
    assert!(!ws.block_path(&step).exists());
    assert!(ws.manifest().block(&step).is_none());
    let err = ws.delete_step(&flow.name, &flow.trigger).unwrap_err();
    assert!(matches!(err, Error::TriggerNotRemovable(_)), "{err}");
}

#[test]
fn step_names_are_unique_within_a_flow() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open_or_create(dir.path()).unwrap();
    let flow = ws.manifest().flows[0].name.clone();
    let err = ws.add_step(&flow, "Code Block").unwrap_err();
    assert!(matches!(
        err,
        blocksmith_workspace::Error::DuplicateName { .. }
    ));
    assert!(err.to_string().contains("Code Block"), "{err}");
}

#[test]
fn a_corrupt_manifest_is_a_clear_error_and_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let broken = fs::read(format!(
        "{}/tests/fixtures/truncated-manifest.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    fs::write(dir.path().join(MANIFEST_FILE), &broken).unwrap();

    let err = Workspace::open_or_create(dir.path()).unwrap_err();
    assert!(matches!(
        err,
        blocksmith_workspace::Error::ManifestInvalid { .. }
    ));
    let message = err.to_string();
    assert!(
        message.contains("blocksmith.json") && message.contains("not valid"),
        "{message}"
    );
    assert_eq!(fs::read(dir.path().join(MANIFEST_FILE)).unwrap(), broken);
}

#[test]
fn a_folder_with_other_files_is_not_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let err = Workspace::open_or_create(dir.path()).unwrap_err();
    assert!(matches!(
        err,
        blocksmith_workspace::Error::NotAWorkspace { .. }
    ));
    assert!(!dir.path().join(MANIFEST_FILE).exists());
}

#[test]
fn a_folder_that_cannot_be_created_names_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    fs::write(&file, "x").unwrap();
    // A folder inside a regular file cannot exist, even for root.
    let err = Workspace::open_or_create(&file.join("ws")).unwrap_err();
    assert!(matches!(err, blocksmith_workspace::Error::Io { .. }));
    assert!(err.to_string().contains("a-file/ws"), "{err}");
}

#[test]
fn a_block_file_deleted_behind_our_back_is_reported_and_can_be_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open_or_create(dir.path()).unwrap();
    let step = ws.manifest().flows[0].steps[0].clone();
    fs::remove_file(ws.block_path(&step)).unwrap();

    let err = ws.read_block_source(&step).unwrap_err();
    assert!(matches!(
        err,
        blocksmith_workspace::Error::BlockFileMissing { .. }
    ));
    assert!(err.to_string().contains("Code Block"), "{err}");
    ws.save_block_source(&step, "module.exports = () => 1;\n")
        .unwrap();
    assert_eq!(
        ws.read_block_source(&step).unwrap(),
        "module.exports = () => 1;\n"
    );
}

#[test]
fn samples_default_by_kind_and_persist() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open_or_create(dir.path()).unwrap();
    let flow = ws.manifest().flows[0].clone();
    assert_eq!(
        ws.read_sample(&flow.steps[0]).unwrap(),
        serde_json::json!({})
    );
    assert!(ws
        .read_sample(&flow.trigger)
        .unwrap()
        .get("headers")
        .is_some());
    let sample = serde_json::json!({ "codeBlockTrigger": { "results": [1, 2] } });
    ws.save_sample(&flow.steps[0], &sample).unwrap();
    assert_eq!(ws.read_sample(&flow.steps[0]).unwrap(), sample);
}

/// Makes `dir` refuse new files until the guard is dropped: `chmod` for a normal user; for root, whom
/// permissions do not stop, the immutable attribute. `None` when neither is possible here.
struct Unwritable {
    dir: std::path::PathBuf,
    as_root: bool,
}

impl Unwritable {
    fn make(dir: &std::path::Path) -> Option<Unwritable> {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let probe = dir.join(".owner-probe");
        fs::write(&probe, "").unwrap();
        let as_root = fs::metadata(&probe).unwrap().uid() == 0;
        fs::remove_file(&probe).unwrap();
        if as_root {
            let status = std::process::Command::new("chattr")
                .arg("+i")
                .arg(dir)
                .status()
                .ok()?;
            status.success().then(|| Unwritable {
                dir: dir.to_path_buf(),
                as_root,
            })
        } else {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).unwrap();
            Some(Unwritable {
                dir: dir.to_path_buf(),
                as_root,
            })
        }
    }
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.as_root {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.dir)
                .status();
        } else {
            let _ = fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o755));
        }
    }
}

#[test]
fn a_folder_that_is_not_writable_is_named_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    let mut ws = Workspace::open_or_create(&root).unwrap();
    let block = ws.manifest().flows[0].steps[0].clone();
    ws.save_block_source(&block, "// saved before\n").unwrap();
    let manifest_before = fs::read_to_string(root.join(MANIFEST_FILE)).unwrap();

    let blocks_dir = root.join("blocks");
    let Some(_blocks_locked) = Unwritable::make(&blocks_dir) else {
        eprintln!(
            "skipped: this machine can make no folder unwritable (no chattr, not root-capable)"
        );
        return;
    };
    let _root_locked = Unwritable::make(&root).expect("the workspace folder can be locked too");

    let err = ws.save_block_source(&block, "// the edit\n").unwrap_err();
    assert!(
        matches!(err, blocksmith_workspace::Error::NotWritable { .. }),
        "{err}"
    );
    let message = err.to_string();
    assert!(message.contains("not writable"), "{message}");
    assert!(
        message.contains(&block),
        "the message names the file: {message}"
    );

    let flow = ws.manifest().flows[0].name.clone();
    let err = ws.rename_flow(&flow, "Renamed").unwrap_err();
    assert!(
        matches!(err, blocksmith_workspace::Error::NotWritable { .. }),
        "{err}"
    );
    assert_eq!(
        ws.manifest().flows[0].name,
        flow,
        "the failed rename is undone in memory"
    );

    assert_eq!(ws.read_block_source(&block).unwrap(), "// saved before\n");
    assert_eq!(
        fs::read_to_string(root.join(MANIFEST_FILE)).unwrap(),
        manifest_before
    );
    let names: Vec<_> = fs::read_dir(&blocks_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "no temporary file is left behind: {names:?}"
    );
}
