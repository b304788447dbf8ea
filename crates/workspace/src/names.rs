//! Display names and the file-safe ids derived from them, and the check that an id read from an untrusted
//! file (a shared manifest, an imported bundle) is one Blocksmith could have made: a block's id becomes the
//! file names `blocks/<id>.js` and `samples/<id>.json`, so an id like `../../.docker/config` or `/etc/x` would
//! otherwise name a file outside the workspace.

use crate::error::{Error, Result};

const MAX_NAME_CHARS: usize = 100;
/// The longest block id accepted: the slug of the longest display name with room for a `-N` counter.
pub const MAX_BLOCK_ID_CHARS: usize = MAX_NAME_CHARS + 20;

/// Trims a display name and checks it is usable: not empty, not too long, no control characters.
pub fn clean_name(what: &str, name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::InvalidName(format!(
            "A {what} name cannot be empty."
        )));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(Error::InvalidName(format!(
            "A {what} name can have at most {MAX_NAME_CHARS} characters."
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::InvalidName(format!(
            "A {what} name cannot contain control characters such as line breaks or tabs."
        )));
    }
    Ok(name.to_string())
}

/// A lowercase, dash-separated id for file names: "Get Data from API" → "get-data-from-api".
pub fn slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for ch in name.chars() {
        if ch.is_ascii_alphanumeric() {
            slug.push(ch.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("block");
    }
    slug
}

/// `slug(name)`, or `slug(name)-2`, `-3`, … when that id is already taken.
pub fn unique_id(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = slug(name);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .expect("an unbounded counter always finds a free id")
}

/// Why a block id is not a plain file-name stem of the shape Blocksmith makes (see [`check_block_id`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BlockIdProblem {
    #[error("it is empty")]
    Empty,
    #[error("it contains a NUL character")]
    Nul,
    #[error("it contains a control character")]
    ControlCharacter,
    #[error("it is an absolute path")]
    AbsolutePath,
    #[error("it starts with a drive letter")]
    DriveLetter,
    #[error("it contains a path separator")]
    Separator,
    #[error("it contains \"..\"")]
    ParentDirectory,
    #[error("it starts with a dot")]
    LeadingDot,
    #[error("it is longer than {MAX_BLOCK_ID_CHARS} characters")]
    TooLong,
    #[error(
        "it holds characters other than lowercase letters, digits and single dashes between them"
    )]
    NotASlug,
}

/// Checks that `id` is a block id of the shape [`unique_id`] makes (`code-block`, `code-block-2`): lowercase
/// ASCII letters and digits joined by single dashes, at most [`MAX_BLOCK_ID_CHARS`] long. That shape alone
/// rules out every way out of the workspace folder; the more specific problems are named first so the error
/// says what is wrong with a hostile id rather than only that it is not a slug.
pub fn check_block_id(id: &str) -> std::result::Result<(), BlockIdProblem> {
    let mut chars = id.chars();
    let drive_letter = matches!(
        (chars.next(), chars.next()),
        (Some(letter), Some(':')) if letter.is_ascii_alphabetic()
    );
    let problem = if id.is_empty() {
        BlockIdProblem::Empty
    } else if id.contains('\0') {
        BlockIdProblem::Nul
    } else if id.chars().any(char::is_control) {
        BlockIdProblem::ControlCharacter
    } else if id.starts_with(['/', '\\']) {
        BlockIdProblem::AbsolutePath
    } else if drive_letter {
        BlockIdProblem::DriveLetter
    } else if id.contains(['/', '\\']) {
        BlockIdProblem::Separator
    } else if id.contains("..") {
        BlockIdProblem::ParentDirectory
    } else if id.starts_with('.') {
        BlockIdProblem::LeadingDot
    } else if id.chars().count() > MAX_BLOCK_ID_CHARS {
        BlockIdProblem::TooLong
    } else if slug(id) != id {
        BlockIdProblem::NotASlug
    } else {
        return Ok(());
    };
    Err(problem)
}

/// An id from an untrusted file as it can be shown in a message: quoted, with control characters escaped, and
/// cut short when it is long enough to flood a terminal.
pub(crate) fn quoted_id(id: &str) -> String {
    const SHOWN_CHARS: usize = 80;
    let shown: String = id.chars().take(SHOWN_CHARS).collect();
    let quoted = format!("{shown:?}");
    if id.chars().count() > SHOWN_CHARS {
        format!("{quoted}…")
    } else {
        quoted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_file_safe() {
        assert_eq!(slug("Get Data from API"), "get-data-from-api");
        assert_eq!(slug("  Ünïcode / stuff!! "), "n-code-stuff");
        assert_eq!(slug("!!!"), "block");
    }

    #[test]
    fn unique_ids_count_up() {
        let taken = ["code-block", "code-block-2"];
        assert_eq!(
            unique_id("Code Block", |id| taken.contains(&id)),
            "code-block-3"
        );
    }

    #[test]
    fn names_are_trimmed_and_checked() {
        assert_eq!(clean_name("step", "  Fetch  ").unwrap(), "Fetch");
        assert!(clean_name("step", "   ").is_err());
        assert!(clean_name("step", "a\nb").is_err());
        assert!(clean_name("step", &"x".repeat(101)).is_err());
    }

    #[test]
    fn every_id_blocksmith_makes_passes_the_check() {
        for name in [
            "Code Block",
            "Code Block Trigger",
            "Get Data from API",
            "!!!",
            &"x".repeat(100),
        ] {
            let base = slug(name);
            assert_eq!(check_block_id(&base), Ok(()), "{base}");
            let counted = unique_id(name, |id| id == base);
            assert_eq!(check_block_id(&counted), Ok(()), "{counted}");
        }
    }

    #[test]
    fn ids_that_leave_the_folder_are_refused_with_their_reason() {
        let cases = [
            ("", BlockIdProblem::Empty),
            ("a\0b", BlockIdProblem::Nul),
            ("a\nb", BlockIdProblem::ControlCharacter),
            ("/etc/passwd", BlockIdProblem::AbsolutePath),
            ("\\\\server\\share", BlockIdProblem::AbsolutePath),
            ("C:evil", BlockIdProblem::DriveLetter),
            ("c:\\windows\\x", BlockIdProblem::DriveLetter),
            ("../../../.docker/config", BlockIdProblem::Separator),
            ("blocks\\..\\x", BlockIdProblem::Separator),
            ("..", BlockIdProblem::ParentDirectory),
            ("a..b", BlockIdProblem::ParentDirectory),
            (".hidden", BlockIdProblem::LeadingDot),
            (".", BlockIdProblem::LeadingDot),
            ("Code Block", BlockIdProblem::NotASlug),
            ("code--block", BlockIdProblem::NotASlug),
            ("-code", BlockIdProblem::NotASlug),
            ("code-", BlockIdProblem::NotASlug),
            ("café", BlockIdProblem::NotASlug),
        ];
        for (id, problem) in cases {
            assert_eq!(check_block_id(id), Err(problem), "{id:?}");
        }
        assert_eq!(
            check_block_id(&"a".repeat(MAX_BLOCK_ID_CHARS + 1)),
            Err(BlockIdProblem::TooLong)
        );
        assert_eq!(check_block_id(&"a".repeat(MAX_BLOCK_ID_CHARS)), Ok(()));
    }

    #[test]
    fn hostile_ids_are_shown_escaped_and_short() {
        assert_eq!(quoted_id("../../a"), "\"../../a\"");
        assert_eq!(quoted_id("a\nb\0"), "\"a\\nb\\0\"");
        let long = quoted_id(&"x".repeat(10_000));
        assert!(long.ends_with("\"…") && long.len() < 100, "{long}");
    }
}
