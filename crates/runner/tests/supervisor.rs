//! The supervisor with real worker processes: normal runs, inputs, the warm pool, Stop, the reply cap,
//! and a worker that cannot start.

mod common;

use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use blocksmith_engine::{BlockKind, FailureKind, LiveLogs, LogLevel, LogLine};
use blocksmith_runner::{
    Error, RunConditions, RunLimits, Supervisor, SupervisorOptions, WorkerCommand,
};
use serde_json::json;

#[test]
fn the_action_template_runs_and_returns_its_data() {
    let supervisor = common::supervisor();
    let report = supervisor
        .run(
            supervisor.next_run_id(),
            common::action_template(),
            RunLimits::default(),
        )
        .unwrap();
    assert!(report.outcome.ok, "{:?}", report.outcome.error);
    assert_eq!(report.outcome.returned, json!({ "data": null }));
    assert_eq!(report.outcome.result, json!(null));
    assert_eq!(report.failure, None);
}

#[test]
fn a_caller_without_use_for_returned_gets_the_result_alone() {
    let supervisor = common::supervisor();
    let request = common::request(
        "greet.js",
        BlockKind::Action,
        json!({ "codeBlock": { "results": 2 } }),
        json!({ "Name": "Ada" }),
    );
    let conditions = RunConditions {
        leave_out_returned: true,
        ..RunConditions::default()
    };
    let (report, _) = supervisor
        .run_under(
            supervisor.next_run_id(),
            request,
            RunLimits::default(),
            conditions,
        )
        .unwrap();
    assert!(report.outcome.ok, "{:?}", report.outcome.error);
    assert_eq!(report.outcome.returned, json!(null));
    assert_eq!(
        report.outcome.result,
        json!({ "greeting": "Hello, Ada!", "steps": ["codeBlock"] })
    );
}

#[test]
fn inputs_reach_the_block_and_the_warm_worker_serves_again() {
    let supervisor = common::supervisor();
    for name in ["Ada", "Grace"] {
        let request = common::request(
            "greet.js",
            BlockKind::Action,
            json!({ "getDataFromApi": { "results": 1 }, "codeBlock": { "results": 2 } }),
            json!({ "Name": name }),
        );
        let report = supervisor
            .run(supervisor.next_run_id(), request, RunLimits::default())
            .unwrap();
        assert_eq!(
            report.outcome.result,
            json!({ "greeting": format!("Hello, {name}!"), "steps": ["getDataFromApi", "codeBlock"] })
        );
        assert_eq!(report.outcome.logs[0].message, format!("greeting {name}"));
    }
    assert_eq!(
        supervisor.idle_workers(),
        1,
        "the worker went back to the pool"
    );
}

#[test]
fn the_warm_worker_serves_runs_under_tight_and_loose_memory_limits_in_turn() {
    // The worker builds each run's context before the run's limit is set, and the next one after lifting it:
    // neither may leave the allocator holding address space that a small budget then lacks (with a second
    // malloc arena, 24 MB failed every time and 48 to 80 MB now and then), nor bring down the worker.
    let supervisor = common::supervisor();
    for memory_limit_mb in [24, 512, 48, 72, 256, 512] {
        let report = supervisor
            .run(
                supervisor.next_run_id(),
                common::action("greet.js"),
                RunLimits::new(10_000, memory_limit_mb),
            )
            .unwrap();
        assert!(
            report.outcome.ok,
            "under {memory_limit_mb} MB: {:?}",
            report.outcome.error
        );
        assert_eq!(supervisor.idle_workers(), 1, "under {memory_limit_mb} MB");
    }
}

#[test]
fn stop_ends_a_run_at_once_and_the_next_run_works() {
    let supervisor = common::supervisor();
    let run_id = supervisor.next_run_id();
    let running = {
        let supervisor = supervisor.clone();
        thread::spawn(move || {
            let report = supervisor.run(run_id, common::action("slow.js"), RunLimits::default());
            (report, Instant::now())
        })
    };
    thread::sleep(Duration::from_millis(300));
    let stop_pressed = Instant::now();
    assert!(supervisor.stop(run_id), "the run was in progress");
    let (report, stopped_at) = running.join().unwrap();
    let report = report.unwrap();
    assert!(stopped_at - stop_pressed < Duration::from_millis(500));
    assert!(!report.outcome.ok);
    assert_eq!(report.outcome.error.unwrap().name, "StoppedError");
    assert_eq!(report.failure, Some(FailureKind::Limit));

    assert!(
        !supervisor.stop(run_id),
        "a finished run cannot be stopped again"
    );
    let next = supervisor
        .run(
            supervisor.next_run_id(),
            common::action_template(),
            RunLimits::default(),
        )
        .unwrap();
    assert!(next.outcome.ok);
}

#[test]
fn a_run_ended_by_the_time_limit_or_stop_keeps_what_it_logged() {
    let supervisor = common::supervisor();
    let expected = [
        (LogLevel::Info, "fetching page 1"),
        (LogLevel::Warn, "the API is slow"),
    ];
    let logged = |report: &blocksmith_engine::RunReport| {
        report
            .outcome
            .logs
            .iter()
            .map(|line| (line.level, line.message.clone()))
            .collect::<Vec<_>>()
    };
    let expected: Vec<_> = expected
        .iter()
        .map(|(level, message)| (*level, message.to_string()))
        .collect();

    let timed_out = supervisor
        .run(
            supervisor.next_run_id(),
            common::action("logs_then_hangs.js"),
            RunLimits::new(700, 512),
        )
        .unwrap();
    assert_eq!(
        timed_out.outcome.error.as_ref().unwrap().name,
        "TimeoutError"
    );
    assert_eq!(logged(&timed_out), expected);

    let run_id = supervisor.next_run_id();
    let running = {
        let supervisor = supervisor.clone();
        thread::spawn(move || {
            supervisor.run(
                run_id,
                common::action("logs_then_hangs.js"),
                RunLimits::default(),
            )
        })
    };
    thread::sleep(Duration::from_millis(400));
    assert!(supervisor.stop(run_id), "the run was in progress");
    let stopped = running.join().unwrap().unwrap();
    assert_eq!(stopped.outcome.error.as_ref().unwrap().name, "StoppedError");
    assert_eq!(
        logged(&stopped),
        expected,
        "the warm worker's earlier run left no lines behind"
    );
}

#[test]
fn a_log_listener_hears_each_line_while_the_block_still_runs() {
    let supervisor = common::supervisor();
    let run_id = supervisor.next_run_id();
    let (heard_sender, heard) = mpsc::channel();
    let heard_sender = Mutex::new(heard_sender);
    let listening = supervisor.listen_to_logs(
        run_id,
        LiveLogs(Arc::new(move |line: &LogLine| {
            let _ = heard_sender.lock().unwrap().send(line.clone());
        })),
    );
    let running = {
        let supervisor = supervisor.clone();
        thread::spawn(move || {
            supervisor.run(
                run_id,
                common::action("logs_then_hangs.js"),
                RunLimits::default(),
            )
        })
    };
    // The block loops forever after logging: both lines arrive while it is still running.
    let first = heard.recv_timeout(Duration::from_secs(20)).unwrap();
    let second = heard.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(
        (first.level, first.message.as_str()),
        (LogLevel::Info, "fetching page 1")
    );
    assert_eq!(
        (second.level, second.message.as_str()),
        (LogLevel::Warn, "the API is slow")
    );
    assert!(!running.is_finished(), "the block is still looping");

    assert!(supervisor.stop(run_id));
    let stopped = running.join().unwrap().unwrap();
    assert_eq!(stopped.outcome.logs, vec![first, second]);
    drop(listening);
}

#[test]
fn a_pooled_worker_forgets_the_listener_of_its_last_run() {
    let supervisor = common::supervisor();
    let greet = || {
        common::request(
            "greet.js",
            BlockKind::Action,
            json!({}),
            json!({ "Name": "Ada" }),
        )
    };
    let listened_id = supervisor.next_run_id();
    let (heard_sender, heard) = mpsc::channel();
    let heard_sender = Mutex::new(heard_sender);
    let _listening = supervisor.listen_to_logs(
        listened_id,
        LiveLogs(Arc::new(move |line: &LogLine| {
            let _ = heard_sender.lock().unwrap().send(line.message.clone());
        })),
    );
    let listened = supervisor
        .run(listened_id, greet(), RunLimits::default())
        .unwrap();
    assert!(listened.outcome.ok, "{:?}", listened.outcome.error);
    assert_eq!(
        heard.recv_timeout(Duration::from_secs(5)).unwrap(),
        "greeting Ada"
    );

    // The same warm worker runs the next block, under another id that nobody listens to.
    let unheard = supervisor
        .run(supervisor.next_run_id(), greet(), RunLimits::default())
        .unwrap();
    assert_eq!(unheard.outcome.logs.len(), 1);
    assert!(
        heard.recv_timeout(Duration::from_millis(300)).is_err(),
        "the finished run's listener heard a later run"
    );
}

#[test]
fn a_result_larger_than_a_reply_may_be_is_a_limit() {
    let supervisor = Supervisor::new(
        common::worker_command(),
        SupervisorOptions {
            max_reply_bytes: 1024 * 1024,
            ..SupervisorOptions::default()
        },
    );
    let report = supervisor
        .run(
            supervisor.next_run_id(),
            common::action("two_megabyte_result.js"),
            RunLimits::default(),
        )
        .unwrap();
    let error = report.outcome.error.expect("an error");
    assert_eq!(error.name, "ResultTooLargeError", "{}", error.message);
    assert!(
        error.message.contains("a run may return at most 1 MB"),
        "{}",
        error.message
    );
    assert_eq!(report.failure, Some(FailureKind::Limit));

    let next = supervisor
        .run(
            supervisor.next_run_id(),
            common::action_template(),
            RunLimits::default(),
        )
        .unwrap();
    assert!(
        next.outcome.ok,
        "the worker that refused the result still serves"
    );
}

#[test]
fn a_worker_that_cannot_start_is_an_error_naming_the_program() {
    let supervisor = Supervisor::new(
        WorkerCommand::new("/nonexistent/blocksmith-worker", Vec::<String>::new()),
        SupervisorOptions::default(),
    );
    let error = supervisor
        .run(
            supervisor.next_run_id(),
            common::action_template(),
            RunLimits::default(),
        )
        .unwrap_err();
    assert!(matches!(error, Error::WorkerSpawn { .. }));
    assert!(error.to_string().contains("/nonexistent/blocksmith-worker"));
}
