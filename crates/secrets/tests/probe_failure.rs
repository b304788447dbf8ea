//! What the start-up probe tells the user when the keyring cannot be used. Each case runs the
//! probe in a child process (this test binary again, running only
//! `child_probes_the_keyring_and_prints_the_outcome`) whose environment lacks one part of a
//! keyring session: no D-Bus session bus, a bus without a Secret Service, a locked login
//! collection, or no login collection at all. These tests need no keyring session themselves, only the system packages from
//! scripts/system-deps.sh.

use std::path::{Path, PathBuf};
use std::process::Command;

use blocksmith_secrets::{Backend, SecretStore};

const CHILD_TEST: &str = "child_probes_the_keyring_and_prints_the_outcome";
const OUTCOME: &str = "probe outcome: ";

/// Runs inside the child process only; its printed line is what the parent checks.
#[test]
#[ignore = "run as a subprocess, in a broken environment, by the other tests in this file"]
fn child_probes_the_keyring_and_prints_the_outcome() {
    let outcome = SecretStore::connect("blocksmith-test-probe-failure", Backend::SecretService)
        .and_then(|store| store.probe());
    match outcome {
        Ok(()) => println!("{OUTCOME}ok"),
        Err(error) => println!("{OUTCOME}{error}"),
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The child test invocation, appended to `command`, with everything that could reach a real
/// keyring or pop up a password prompt removed from its environment.
fn child(mut command: Command) -> Command {
    command
        .arg(std::env::current_exe().expect("the test binary's path"))
        .args([CHILD_TEST, "--exact", "--ignored", "--nocapture", "--quiet"])
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY");
    command
}

fn probe_outcome(mut command: Command) -> String {
    let output = command.output().expect("starting the child probe");
    let stdout = String::from_utf8_lossy(&output.stdout);
    stdout
        .lines()
        .find_map(|line| line.strip_prefix(OUTCOME))
        .map(str::to_owned)
        .unwrap_or_else(|| {
            panic!(
                "the child printed no outcome; status {:?}\nstdout:\n{stdout}\nstderr:\n{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            )
        })
}

/// A command that runs the child directly, without any bus launcher in between.
fn direct() -> Command {
    let mut command = Command::new("env");
    command.arg("--");
    command
}

#[test]
fn an_unreachable_bus_address_is_named_with_what_to_do() {
    let mut command = child(direct());
    command.env(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/blocksmith-test-bus",
    );
    let message = probe_outcome(command);
    assert!(
        message.starts_with("The OS keyring is not reachable: no D-Bus session bus"),
        "{message}"
    );
    assert!(
        message.contains("DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/blocksmith-test-bus"),
        "{message}"
    );
    assert!(message.contains("dbus-run-session"), "{message}");
}

#[test]
fn a_missing_bus_address_says_it_is_unset() {
    let empty_runtime_dir = tempfile::tempdir().unwrap();
    let mut command = child(direct());
    // Without the variable, D-Bus clients look for $XDG_RUNTIME_DIR/bus: point that at nothing.
    command.env("XDG_RUNTIME_DIR", empty_runtime_dir.path());
    let message = probe_outcome(command);
    assert!(
        message.contains("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset"),
        "{message}"
    );
    assert!(message.contains("desktop session"), "{message}");
}

#[test]
fn a_bus_without_a_secret_service_says_which_service_is_missing() {
    let mut launcher = Command::new("dbus-run-session");
    launcher
        .arg(format!(
            "--config-file={}",
            fixture("session-bus-without-services.conf").display()
        ))
        .arg("--");
    let message = probe_outcome(child(launcher));
    assert!(
        message.contains("the D-Bus session bus has no Secret Service (org.freedesktop.secrets"),
        "{message}"
    );
    assert!(message.contains("gnome-keyring"), "{message}");
}

#[test]
fn a_locked_login_collection_says_to_unlock_it() {
    // A login keyring created with a password nobody types in: gnome-keyring, started on demand
    // by the bus, finds it locked and cannot show its unlock prompt without a display.
    let data_home = tempfile::tempdir().unwrap();
    let keyrings = data_home.path().join("keyrings");
    std::fs::create_dir(&keyrings).unwrap();
    std::fs::copy(
        fixture("locked-login.keyring"),
        keyrings.join("login.keyring"),
    )
    .unwrap();
    let runtime_dir = tempfile::tempdir().unwrap();

    let mut launcher = Command::new("dbus-run-session");
    launcher
        .arg("--")
        .env("XDG_DATA_HOME", data_home.path())
        .env("XDG_RUNTIME_DIR", runtime_dir.path());
    let message = probe_outcome(child(launcher));
    assert!(message.starts_with("The OS keyring is locked"), "{message}");
    assert!(message.contains("Unlock your login keyring"), "{message}");
}

#[test]
fn a_keyring_without_a_login_collection_says_to_create_one() {
    // A first-time user's empty keyring directory: gnome-keyring starts with no login collection
    // and cannot prompt for a password to create one without a display.
    let data_home = tempfile::tempdir().unwrap();
    let runtime_dir = tempfile::tempdir().unwrap();
    let mut launcher = Command::new("dbus-run-session");
    launcher
        .arg("--")
        .env("XDG_DATA_HOME", data_home.path())
        .env("XDG_RUNTIME_DIR", runtime_dir.path());
    let message = probe_outcome(child(launcher));
    assert!(
        message.starts_with("The OS keyring has no default collection"),
        "{message}"
    );
    assert!(
        message.contains("gnome-keyring-daemon --unlock"),
        "{message}"
    );
}
