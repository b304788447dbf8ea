//! Atomic file writes: a crash or a full disk mid-save leaves either the old file or the new one, never half
//! of each. Write a temporary file beside the target, flush it to disk, then rename it over the target.
//!
//! The temporary file is made with `create_new` (O_CREAT|O_EXCL) under a name with a random suffix. A workspace
//! folder comes from others, and a name it can predict (the old `.<name>.<pid>.tmp`) could be planted as a
//! symbolic link to a file outside; `create_new` never opens an existing name, link or not, and a fresh random
//! name is tried instead. The rename replaces a link at the target itself rather than writing through it.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// How many random names to try before giving up: a clash of 128 random bits means something is wrong.
const TEMPORARY_NAME_ATTEMPTS: usize = 8;

pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (temp, mut file) =
        create_temporary(dir, &file_name).map_err(|source| Error::io("write", path, source))?;

    let written = file.write_all(contents).and_then(|()| file.sync_all());
    drop(file);
    if let Err(source) = written {
        let _ = fs::remove_file(&temp);
        return Err(Error::io("write", path, source));
    }
    if let Err(source) = fs::rename(&temp, path) {
        let _ = fs::remove_file(&temp);
        return Err(Error::io("replace", path, source));
    }
    // Persist the rename itself; a directory fsync is not supported everywhere, so a failure is not fatal.
    if let Ok(dir_handle) = File::open(dir) {
        let _ = dir_handle.sync_all();
    }
    Ok(())
}

/// A new, empty file in `dir` that nobody else had: `.<file_name>.<32 random hex digits>.tmp`.
fn create_temporary(dir: &Path, file_name: &str) -> io::Result<(PathBuf, File)> {
    let mut last_clash = None;
    for _ in 0..TEMPORARY_NAME_ATTEMPTS {
        let temp = dir.join(format!(".{file_name}.{}.tmp", random_suffix()?));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => last_clash = Some(err),
            Err(err) => return Err(err),
        }
    }
    Err(last_clash.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists)))
}

fn random_suffix() -> io::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|err| {
        io::Error::other(format!(
            "the system gave no random numbers for a temporary name ({err})"
        ))
    })?;
    Ok(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(dir: &Path) -> Vec<std::ffi::OsString> {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_contents_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("file.json");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "second");
        assert_eq!(
            names_in(dir.path()),
            vec![std::ffi::OsString::from("file.json")]
        );
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("file.json");
        write_atomic(&path, b"kept").unwrap();
        // A target inside a missing folder cannot be written; the error names the file.
        let err = write_atomic(&dir.path().join("missing/file.json"), b"x").unwrap_err();
        assert!(err.to_string().contains("missing/file.json"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "kept");
    }

    #[test]
    fn each_write_uses_a_new_unpredictable_temporary_name() {
        let dir = tempfile::tempdir().unwrap();
        let names: std::collections::BTreeSet<PathBuf> = (0..50)
            .map(|_| {
                let (temp, _file) = create_temporary(dir.path(), "file.json").unwrap();
                temp
            })
            .collect();
        assert_eq!(names.len(), 50);
        for name in &names {
            let name = name.file_name().unwrap().to_string_lossy().into_owned();
            let suffix = name
                .strip_prefix(".file.json.")
                .and_then(|rest| rest.strip_suffix(".tmp"))
                .unwrap();
            assert_eq!(suffix.len(), 32, "{name}");
            assert_ne!(suffix, std::process::id().to_string());
        }
    }
}
