//! The CLI explains itself: `--version`, an example under every subcommand's `--help`, completion scripts for
//! bash, zsh and fish, and a manual page, from the real binary.

mod common;

use common::{blocksmith, text};

/// Every subcommand a person can call, as its words after `blocksmith`.
const SUBCOMMANDS: &[&[&str]] = &[
    &["run"],
    &["debug"],
    &["test"],
    &["test", "add"],
    &["connections"],
    &["connections", "add"],
    &["connections", "list"],
    &["connections", "remove"],
    &["connections", "authorize"],
    &["connections", "token"],
    &["connections", "presets"],
    &["config-vars"],
    &["config-vars", "set"],
    &["config-vars", "list"],
    &["config-vars", "remove"],
    &["export"],
    &["import"],
    &["serve"],
    &["completions"],
    &["man"],
];

#[test]
fn the_version_is_the_packages() {
    let output = blocksmith(&["--version"], "");
    assert!(output.status.success());
    assert_eq!(
        text(&output.stdout).trim(),
        format!("blocksmith {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn every_subcommand_shows_an_example_of_itself() {
    for words in SUBCOMMANDS {
        let mut args = words.to_vec();
        args.push("--help");
        let output = blocksmith(&args, "");
        assert!(output.status.success(), "{words:?}");
        let help = text(&output.stdout);
        let example_line = help
            .split_once("Example")
            .map(|(_, after)| after)
            .unwrap_or_else(|| panic!("`blocksmith {}` has no example:\n{help}", words.join(" ")));
        assert!(
            example_line.contains(&format!("blocksmith {}", words.join(" "))),
            "the example of `blocksmith {}` does not show it:\n{help}",
            words.join(" ")
        );
    }
}

#[test]
fn completion_scripts_know_the_subcommands() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef blocksmith"),
        ("fish", "complete -c blocksmith"),
    ] {
        let output = blocksmith(&["completions", shell], "");
        assert!(output.status.success(), "{shell}");
        let script = text(&output.stdout);
        assert!(script.contains(marker), "{shell}:\n{script}");
        for subcommand in ["run", "connections", "config-vars", "export", "serve"] {
            assert!(script.contains(subcommand), "{shell} misses {subcommand}");
        }
        assert!(
            !script.contains("__worker"),
            "{shell} offers the hidden worker"
        );
    }
    let unknown = blocksmith(&["completions", "tcsh"], "");
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn the_manual_page_is_roff_naming_the_subcommands() {
    let output = blocksmith(&["man"], "");
    assert!(output.status.success());
    let page = text(&output.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH blocksmith"),
        "{page}"
    );
    assert!(page.contains(".TH blocksmith 1"), "{page}");
    for subcommand in ["run", "connections", "export", "serve"] {
        assert!(page.contains(subcommand), "the page misses {subcommand}");
    }
}
