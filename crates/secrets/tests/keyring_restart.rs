//! The desktop keyring daemon can restart under a running app (gnome-keyring aborts on an upstream
//! race now and then, and the desktop starts it again). A store opened before the restart must keep
//! working afterwards, not fail until the app is restarted. Runs in its own test binary, inside
//! `scripts/with-keyring.sh`, whose D-Bus starts the daemon again unlocked, as a desktop login does.

use std::process::Command;
use std::time::{Duration, Instant};

use blocksmith_secrets::{Backend, SecretId, SecretStore, Sensitive};

/// The process id of whoever owns the Secret Service's name on the session bus.
fn secret_service_pid() -> Option<u32> {
    let output = Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.GetConnectionUnixProcessID",
            "string:org.freedesktop.secrets",
        ])
        .output()
        .expect("dbus-send runs");
    let reply = String::from_utf8_lossy(&output.stdout);
    reply
        .split_whitespace()
        .skip_while(|word| *word != "uint32")
        .nth(1)
        .and_then(|pid| pid.parse().ok())
}

/// Stops the running daemon and waits until its name is free, so the next call meets a new one.
fn restart_keyring_daemon() {
    let pid = secret_service_pid().expect("a Secret Service owns its name");
    let status = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill {pid}");
    let deadline = Instant::now() + Duration::from_secs(5);
    while secret_service_pid() == Some(pid) {
        assert!(Instant::now() < deadline, "the daemon {pid} did not stop");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_store_opened_before_the_keyring_daemon_restarted_keeps_working() {
    let service = format!("blocksmith-test-{}-restart", std::process::id());
    let store = SecretStore::connect(&service, Backend::SecretService).unwrap();
    store.probe().unwrap();
    let id = SecretId::input("8d1f-workspace", "Stripe", "apiKey");
    store
        .set(&id, &Sensitive::new("sk_test_before".to_owned()))
        .unwrap();

    restart_keyring_daemon();

    let read = store.get(&id).expect("reading after the daemon restarted");
    assert_eq!(
        read.map(|value| value.expose().clone()).as_deref(),
        Some("sk_test_before")
    );
    store
        .set(&id, &Sensitive::new("sk_test_after".to_owned()))
        .expect("writing after the daemon restarted");
    let read = store.get(&id).unwrap();
    assert_eq!(
        read.map(|value| value.expose().clone()).as_deref(),
        Some("sk_test_after")
    );
    store.delete(&id).unwrap();
    assert!(!store.has(&id).unwrap());
}
