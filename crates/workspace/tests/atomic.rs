//! Atomic writes in a folder someone else prepared: links planted at the names a temporary file could take, or
//! at the target itself, never redirect the write to a file outside.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use blocksmith_workspace::write_atomic;

/// Everything in `dir`, by name, without following links.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn links_planted_at_predictable_temporary_names_do_not_redirect_the_write() {
    let folder = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim");
    fs::write(&victim, "untouched").unwrap();
    let target = folder.path().join("blocksmith.json");
    // Earlier versions named the temporary file `.<name>.<process id>.tmp`: this process's id, and the ids
    // around it, cover every name a write from here could have used.
    let pid = std::process::id();
    for candidate in pid.saturating_sub(50)..=pid + 50 {
        symlink(
            &victim,
            folder
                .path()
                .join(format!(".blocksmith.json.{candidate}.tmp")),
        )
        .unwrap();
    }
    let planted = names_in(folder.path());

    write_atomic(&target, b"{\"saved\": true}\n").unwrap();

    assert_eq!(fs::read_to_string(&victim).unwrap(), "untouched");
    assert_eq!(fs::read_to_string(&target).unwrap(), "{\"saved\": true}\n");
    assert!(!fs::symlink_metadata(&target)
        .unwrap()
        .file_type()
        .is_symlink());
    // The planted links are left alone, and no temporary file of ours stays behind.
    let mut expected = planted;
    expected.push("blocksmith.json".to_string());
    expected.sort();
    assert_eq!(names_in(folder.path()), expected);
}

#[test]
fn a_link_at_the_target_is_replaced_not_written_through() {
    let folder = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim");
    fs::write(&victim, "untouched").unwrap();
    let target = folder.path().join("state.json");
    symlink(&victim, &target).unwrap();

    write_atomic(&target, b"new").unwrap();

    assert_eq!(fs::read_to_string(&victim).unwrap(), "untouched");
    assert!(!fs::symlink_metadata(&target)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read_to_string(&target).unwrap(), "new");
}
