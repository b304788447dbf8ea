//! A worker holds the run's secrets while untrusted block code runs: it must say it is not dumpable and has
//! core dumps off, and a running worker must show exactly that to the system, with none of the host's own
//! environment beyond the locale, the time zone and `HOME`.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use blocksmith_engine::BlockKind;
use blocksmith_runner::{decode_status, Hardening, RunLimits};
use serde_json::json;

#[test]
fn the_worker_reports_itself_not_dumpable_and_without_core_dumps() {
    // With its input closed at once, the worker hardens itself, says so, and exits.
    let output = Command::new(env!("CARGO_BIN_EXE_blocksmith-worker"))
        .stdin(Stdio::null())
        .output()
        .expect("the worker binary starts");
    assert!(output.status.success(), "{output:?}");
    let status = output
        .stderr
        .split_inclusive(|&byte| byte == b'\n')
        .find_map(decode_status)
        .unwrap_or_else(|| {
            panic!(
                "no status line in {:?}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
    assert_eq!(
        status,
        Hardening {
            dumpable: false,
            core_limit_bytes: 0,
            core_hard_limit_bytes: 0,
        }
    );
}

/// The live worker processes this test process started.
fn own_workers() -> Vec<u32> {
    let worker = Path::new(env!("CARGO_BIN_EXE_blocksmith-worker"))
        .canonicalize()
        .expect("the worker binary exists");
    let me = std::process::id().to_string();
    std::fs::read_dir("/proc")
        .expect("/proc is readable")
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            // `pid (name) state ppid …`: the name may hold spaces, so read after its closing parenthesis.
            let parent = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1).map(str::to_owned));
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok();
            parent.as_deref() == Some(me.as_str()) && exe.as_deref() == Some(worker.as_path())
        })
        .collect()
}

#[test]
fn a_running_worker_has_core_dumps_off_and_only_the_environment_it_needs() {
    let supervisor = common::supervisor();
    let running = supervisor.clone();
    let run_id = supervisor.next_run_id();
    let run = thread::spawn(move || {
        let block =
            "module.exports = async () => { await new Promise((r) => setTimeout(r, 20000)); \
                     return { data: 1 }; };";
        let mut request = common::request("slow.js", BlockKind::Action, json!({}), json!({}));
        request.source = block.to_owned();
        running.run(run_id, request, RunLimits::default())
    });
    // The run's worker is the pooled one; give the request a moment to reach it.
    thread::sleep(Duration::from_millis(300));
    let deadline = Instant::now() + Duration::from_secs(10);
    let workers = loop {
        let workers = own_workers();
        if !workers.is_empty() || Instant::now() > deadline {
            break workers;
        }
        thread::sleep(Duration::from_millis(50));
    };
    assert!(!workers.is_empty(), "no worker process found");
    for pid in &workers {
        let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).unwrap();
        let core = limits
            .lines()
            .find(|line| line.starts_with("Max core file size"))
            .expect("a core file size line");
        assert_eq!(
            core.split_whitespace().collect::<Vec<_>>()[4..6],
            ["0", "0"],
            "{core}"
        );
        let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap();
        let names: Vec<String> = environ
            .split(|&byte| byte == 0)
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                let entry = String::from_utf8_lossy(entry);
                entry.split('=').next().unwrap_or_default().to_owned()
            })
            .collect();
        for name in &names {
            assert!(
                ["LANG", "TZ", "HOME", "MALLOC_ARENA_MAX"].contains(&name.as_str())
                    || name.starts_with("LC_"),
                "worker {pid} has {name} in its environment: {names:?}"
            );
        }
        // This test process has these; its workers must not.
        assert!(std::env::var_os("PATH").is_some());
        assert!(!names.iter().any(|name| name == "PATH"));
    }
    assert!(supervisor.stop(run_id));
    let report = run.join().unwrap().unwrap();
    assert_eq!(report.outcome.error.unwrap().name, "StoppedError");
}
