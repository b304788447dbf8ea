//! A bare worker process (the same loop as `blocksmith __worker`), for the runner's tests and benchmark.

fn main() -> std::process::ExitCode {
    blocksmith_runner::worker_main()
}
