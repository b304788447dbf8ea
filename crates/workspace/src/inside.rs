//! Keeping every file the workspace touches inside its folder. A workspace folder comes from others (a clone, a
//! zip), so any name in it may be a symbolic link: `blocks/` linked to `~/.ssh`, or `blocks/step.js` linked to
//! `~/.docker/config.json`. Every path the workspace reads, writes or deletes goes through
//! [`path_inside_workspace`] first, which resolves the links on the way and refuses a path that ends up
//! outside the folder.
//!
//! The folder a person opens is trusted (they chose it, links and all); what is inside it is not. The check
//! guards against files as they were handed over, not against another local process swapping links between
//! the check and the use.

use std::fs;
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

/// What is about to be done with a path; it decides whether a link at its last name may be followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// Reading or writing follows a link at the last name, so that link must stay inside too.
    ReadOrWrite,
    /// Removing a link removes the link itself, never what it points to, so only the folders on the way are
    /// checked.
    Remove,
}

/// `root/relative`, once it is proven to stay inside `root` (a canonical path) after every symbolic link on
/// the way is resolved. Names that do not exist yet are fine: whatever creates them creates them inside.
pub(crate) fn path_inside_workspace(
    root: &Path,
    relative: &Path,
    access: Access,
) -> Result<PathBuf> {
    let mut path = root.to_path_buf();
    let mut components = relative.components().peekable();
    while let Some(component) = components.next() {
        let Component::Normal(name) = component else {
            // Callers build paths from checked ids and fixed names; anything else is a bug, refused all the same.
            return Err(Error::OutsideWorkspace {
                path: root.join(relative),
                root: root.to_path_buf(),
                reason: "its name leaves the workspace folder".to_string(),
            });
        };
        path.push(name);
        let is_last = components.peek().is_none();
        let metadata = match fs::symlink_metadata(&path) {
            Ok(metadata) => metadata,
            // Nothing further exists, so nothing further can be a link.
            Err(err) if err.kind() == ErrorKind::NotFound => break,
            Err(err) => return Err(Error::io("read", &path, err)),
        };
        if !metadata.file_type().is_symlink() || (is_last && access == Access::Remove) {
            continue;
        }
        let target = fs::read_link(&path).unwrap_or_default();
        match fs::canonicalize(&path) {
            Ok(resolved) if resolved.starts_with(root) => {}
            Ok(resolved) => {
                return Err(Error::OutsideWorkspace {
                    path,
                    root: root.to_path_buf(),
                    reason: format!(
                        "it is a symbolic link to {}, outside the workspace folder",
                        resolved.display()
                    ),
                })
            }
            Err(_) => {
                return Err(Error::OutsideWorkspace {
                    path,
                    root: root.to_path_buf(),
                    reason: format!(
                        "it is a symbolic link to {}, which does not exist, so Blocksmith cannot tell whether it stays inside the workspace folder",
                        target.display()
                    ),
                })
            }
        }
    }
    Ok(root.join(relative))
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::symlink;

    use super::*;

    struct Folders {
        _temp: tempfile::TempDir,
        root: PathBuf,
        outside: PathBuf,
    }

    fn folders() -> Folders {
        let temp = tempfile::tempdir().unwrap();
        let base = fs::canonicalize(temp.path()).unwrap();
        let root = base.join("workspace");
        let outside = base.join("outside");
        fs::create_dir_all(root.join("blocks")).unwrap();
        fs::create_dir_all(&outside).unwrap();
        fs::write(outside.join("secret.js"), "outside").unwrap();
        Folders {
            _temp: temp,
            root,
            outside,
        }
    }

    #[test]
    fn plain_and_not_yet_existing_paths_are_inside() {
        let f = folders();
        for relative in ["blocks/a.js", "samples/a.json", ".blocksmith/state.json"] {
            assert_eq!(
                path_inside_workspace(&f.root, Path::new(relative), Access::ReadOrWrite).unwrap(),
                f.root.join(relative)
            );
        }
    }

    #[test]
    fn a_link_that_stays_inside_is_followed() {
        let f = folders();
        fs::write(f.root.join("blocks/real.js"), "inside").unwrap();
        symlink("real.js", f.root.join("blocks/alias.js")).unwrap();
        symlink("blocks", f.root.join("samples")).unwrap();
        for relative in ["blocks/alias.js", "samples/real.js", "samples/new.json"] {
            path_inside_workspace(&f.root, Path::new(relative), Access::ReadOrWrite).unwrap();
        }
    }

    #[test]
    fn a_link_out_of_the_folder_is_refused_at_any_depth() {
        let f = folders();
        symlink(f.outside.join("secret.js"), f.root.join("blocks/step.js")).unwrap();
        symlink(&f.outside, f.root.join("samples")).unwrap();
        symlink("../../outside", f.root.join("blocks/nested")).unwrap();
        for relative in ["blocks/step.js", "samples/step.json", "blocks/nested/x.js"] {
            let err = path_inside_workspace(&f.root, Path::new(relative), Access::ReadOrWrite)
                .unwrap_err();
            assert!(
                matches!(err, crate::Error::OutsideWorkspace { .. }),
                "{relative}"
            );
            assert!(err.to_string().contains("outside"), "{err}");
        }
        // A folder on the way that leads out is refused for a removal too; the link itself may be removed.
        assert!(
            path_inside_workspace(&f.root, Path::new("samples/step.json"), Access::Remove).is_err()
        );
        path_inside_workspace(&f.root, Path::new("blocks/step.js"), Access::Remove).unwrap();
    }

    #[test]
    fn a_dangling_link_is_refused() {
        let f = folders();
        symlink(f.outside.join("missing.js"), f.root.join("blocks/step.js")).unwrap();
        let err = path_inside_workspace(&f.root, Path::new("blocks/step.js"), Access::ReadOrWrite)
            .unwrap_err();
        assert!(err.to_string().contains("does not exist"), "{err}");
    }

    #[test]
    fn a_name_that_climbs_out_is_refused() {
        let f = folders();
        for relative in ["../outside/secret.js", "/etc/passwd"] {
            assert!(
                path_inside_workspace(&f.root, Path::new(relative), Access::ReadOrWrite).is_err(),
                "{relative}"
            );
        }
    }
}
