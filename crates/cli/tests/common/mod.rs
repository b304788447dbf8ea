//! Running the real `blocksmith` binary from the integration tests.
// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `blocksmith ARGS` with `stdin` on its standard input and waits for it.
pub fn blocksmith(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_blocksmith"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Exit 2 (a bad invocation), nothing on stdout, and a message on stderr containing each of `expected`.
pub fn assert_refused(output: &Output, expected: &[&str]) {
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "nothing on stdout");
    let stderr = text(&output.stderr);
    for part in expected {
        assert!(stderr.contains(part), "stderr {stderr:?} names {part:?}");
    }
}

/// `connections add` of an API key connection `name` to the workspace `ws`, the key given on standard input as
/// a person pipes it in.
pub fn add_api_key_connection(ws: &str, name: &str, api_key: &str) -> Output {
    blocksmith(
        &[
            "connections",
            "add",
            "--workspace",
            ws,
            "--name",
            name,
            "--kind",
            "apikey",
        ],
        &format!("apiKey={api_key}\n"),
    )
}
