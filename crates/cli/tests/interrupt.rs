//! Ctrl+C during `blocksmith run`: the line still prints with every line the block logged before, stderr says the
//! run was stopped, the exit status is 130, and the worker process is gone. Both ways Ctrl+C arrives: SIGINT to the
//! CLI alone (`kill -INT`), and to its whole process group, as a terminal sends it.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const BLOCK_LINES: [&str; 2] = ["fetched the first page", "the second page is slow"];

fn fixture(name: &str) -> PathBuf {
    [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", name]
        .iter()
        .collect()
}

/// The CLI running the block that logs, then calls `ready` and loops; it leads a process group of its own.
fn start_run(dir: &tempfile::TempDir, ready: &TcpListener) -> Child {
    let config_vars = dir.path().join("config-vars.json");
    let ready_url = format!("http://{}/ready", ready.local_addr().unwrap());
    std::fs::write(
        &config_vars,
        serde_json::json!({ "readyUrl": ready_url }).to_string(),
    )
    .unwrap();
    Command::new(env!("CARGO_BIN_EXE_blocksmith"))
        .arg("run")
        .arg(fixture("logs_then_waits_forever.js"))
        .arg("--config-vars")
        .arg(&config_vars)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .expect("the blocksmith binary runs")
}

/// Waits for the block's request (sent once its lines are logged) and answers it.
fn wait_until_logged(ready: &TcpListener) {
    let (mut stream, _) = ready.accept().unwrap();
    let mut request = [0u8; 1024];
    let _ = stream.read(&mut request).unwrap();
    stream
        .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        .unwrap();
}

/// The process ids of `pid`'s children (its worker).
fn children(pid: u32) -> Vec<u32> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).unwrap();
    tasks
        .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("children")).ok())
        .flat_map(|list| {
            list.split_whitespace()
                .filter_map(|id| id.parse().ok())
                .collect::<Vec<u32>>()
        })
        .collect()
}

/// Whether `pid` is a live process (not gone, not a zombie waiting to be reaped).
fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let after_name = stat.rsplit_once(')')?.1.trim_start().to_owned();
            after_name.chars().next()
        })
        .is_some_and(|state| state != 'Z' && state != 'X')
}

fn send_sigint(target: &str) {
    let status = Command::new("kill")
        .args(["-INT", "--", target])
        .status()
        .unwrap();
    assert!(status.success(), "kill -INT {target}");
}

/// Interrupts the run with `target` (the CLI's pid, or `-pgid` for its group) and checks what it leaves.
fn interrupted_run_keeps_its_logs(signal_group: bool) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let ready = TcpListener::bind("127.0.0.1:0").unwrap();
    let cli = start_run(&dir, &ready);
    wait_until_logged(&ready);
    let workers = children(cli.id());
    assert!(!workers.is_empty(), "the run is in a worker process");

    let started = Instant::now();
    let target = if signal_group {
        format!("-{}", cli.id())
    } else {
        cli.id().to_string()
    };
    send_sigint(&target);
    let output = cli.wait_with_output().unwrap();
    let stopped_in = started.elapsed();

    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "stderr: {stderr}");
    assert!(
        stderr.contains("stopped by Ctrl+C"),
        "stderr says the run was stopped: {stderr}"
    );
    assert!(
        stopped_in < Duration::from_secs(10),
        "stopped in {stopped_in:?}"
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.matches('\n').count(), 1, "one line: {stdout:?}");
    let outcome: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(outcome["ok"], false);
    let messages: Vec<&str> = outcome["logs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| line["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages, BLOCK_LINES, "every line logged before Ctrl+C");

    let gone_by = Instant::now() + Duration::from_secs(5);
    while workers.iter().any(|&worker| alive(worker)) && Instant::now() < gone_by {
        std::thread::sleep(Duration::from_millis(20));
    }
    for worker in workers {
        assert!(!alive(worker), "the worker {worker} was killed");
    }
    outcome
}

#[test]
fn sigint_to_the_cli_stops_the_run_and_prints_what_it_logged() {
    let outcome = interrupted_run_keeps_its_logs(false);
    assert_eq!(outcome["error"]["name"], "StoppedError");
}

#[test]
fn ctrl_c_in_a_terminal_stops_the_run_and_prints_what_it_logged() {
    interrupted_run_keeps_its_logs(true);
}
