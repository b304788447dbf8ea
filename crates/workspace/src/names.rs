//! Display names and the file-safe ids derived from them.

use crate::error::{Error, Result};

const MAX_NAME_CHARS: usize = 100;

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
}
