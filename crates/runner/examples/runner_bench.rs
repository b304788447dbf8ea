//! Measures the runner's speed figures (issue 3): click-to-result through the warm pool, the same
//! through a whole `blocksmith run` process, and Stop-to-stopped. Run by `bench/runner.sh` on release
//! builds: `runner_bench <worker program> <blocksmith program> <action block file> <looping block file>`.

use std::path::PathBuf;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use blocksmith_engine::{BlockKind, RunRequest};
use blocksmith_runner::{fresh_state, RunLimits, Supervisor, SupervisorOptions, WorkerCommand};
use serde_json::json;

const WARM_RUNS: usize = 300;
const CLI_RUNS: usize = 50;
const STOPS: usize = 30;
const CLICK_GAP: Duration = Duration::from_millis(50);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [worker, cli, action, looping] = args.as_slice() else {
        eprintln!("usage: runner_bench <worker program> <blocksmith program> <action block> <looping block>");
        std::process::exit(2);
    };
    let supervisor = Supervisor::new(
        WorkerCommand::new(worker, Vec::<String>::new()),
        SupervisorOptions::default(),
    );
    supervisor.warm_up().expect("the worker starts");
    let action_request = request(action);
    let loop_request = request(looping);

    // The first run in a fresh worker pays one-time engine set-up; a warm pool has paid it already.
    let first = time(|| run(&supervisor, &action_request));
    let warm: Vec<Duration> = (0..WARM_RUNS)
        .map(|_| time(|| run(&supervisor, &action_request)))
        .collect();
    report("warm pool, click-to-result, back to back", &warm);
    println!("  (first run in a new worker: {:.2} ms)", ms(first));
    // A person's clicks are seconds apart, long enough for the worker to build its next context meanwhile.
    let paced: Vec<Duration> = (0..WARM_RUNS)
        .map(|_| {
            thread::sleep(CLICK_GAP);
            time(|| run(&supervisor, &action_request))
        })
        .collect();
    report("warm pool, click-to-result, clicks 50 ms apart", &paced);

    let whole_process: Vec<Duration> = (0..CLI_RUNS)
        .map(|_| {
            time(|| {
                let output = Command::new(cli)
                    .args(["run", action.as_str()])
                    .output()
                    .expect("blocksmith runs");
                assert!(output.status.success(), "blocksmith run failed");
            })
        })
        .collect();
    report("`blocksmith run` whole process", &whole_process);

    let stops: Vec<Duration> = (0..STOPS)
        .map(|_| {
            let run_id = supervisor.next_run_id();
            let running = {
                let supervisor = supervisor.clone();
                let request = loop_request.clone();
                thread::spawn(move || {
                    let report = supervisor
                        .run(run_id, request, RunLimits::default())
                        .expect("the run ends");
                    (report, Instant::now())
                })
            };
            thread::sleep(Duration::from_millis(100));
            let pressed = Instant::now();
            assert!(supervisor.stop(run_id), "the run was in progress");
            let (report, stopped) = running.join().expect("the run thread ends");
            assert_eq!(
                report.outcome.error.map(|error| error.name).as_deref(),
                Some("StoppedError")
            );
            // Let the pool replace the killed worker, as it would between a person's clicks.
            thread::sleep(Duration::from_millis(50));
            stopped - pressed
        })
        .collect();
    report("Stop-to-stopped", &stops);
}

fn request(path: &str) -> RunRequest {
    let path = PathBuf::from(path);
    RunRequest {
        source: std::fs::read_to_string(&path).expect("the block file is readable"),
        file_name: path.file_name().unwrap().to_string_lossy().into_owned(),
        kind: BlockKind::Action,
        config_vars: json!({}),
        input: json!({}),
        context: json!({}),
        state: fresh_state(),
        debug_mode: false,
    }
}

fn run(supervisor: &Supervisor, request: &RunRequest) {
    let report = supervisor
        .run(
            supervisor.next_run_id(),
            request.clone(),
            RunLimits::default(),
        )
        .expect("the run happens");
    assert!(report.outcome.ok, "the block succeeds");
}

fn time(work: impl FnOnce()) -> Duration {
    let started = Instant::now();
    work();
    started.elapsed()
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn report(what: &str, samples: &[Duration]) {
    let mut sorted = samples.to_vec();
    sorted.sort();
    let at = |fraction: f64| ms(sorted[((sorted.len() - 1) as f64 * fraction).round() as usize]);
    println!(
        "{what}: median {:.2} ms, p90 {:.2} ms, min {:.2} ms, max {:.2} ms ({} runs)",
        at(0.5),
        at(0.9),
        at(0.0),
        at(1.0),
        sorted.len()
    );
}
