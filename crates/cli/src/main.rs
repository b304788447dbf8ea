//! `blocksmith`: runs blocks and flows from the command line through the same supervisor and worker
//! processes the app uses. Stdout carries only the result line; stderr only says what went wrong.

mod error;
mod inputs;
mod run;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::run::RunArgs;

/// The exit statuses `blocksmith run` promises.
mod exit {
    pub const BLOCK_FAILED: u8 = 1;
    pub const BAD_INVOCATION: u8 = 2;
    pub const LIMIT: u8 = 3;
}

#[derive(Debug, Parser)]
#[command(
    name = "blocksmith",
    version,
    about = "Write, run and export integration code blocks."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run a block (or a workspace's flow) in a worker process and print the outcome as one line of JSON.
    ///
    /// Exit status: 0 the run succeeded, 1 the block failed, 2 bad invocation or unreadable input,
    /// 3 a time or memory limit was hit.
    Run(RunArgs),

    /// Serve runs on stdin/stdout as a worker process (started by the supervisor, not by people).
    #[command(name = "__worker", hide = true)]
    Worker,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Worker => blocksmith_runner::worker_main(),
        Command::Run(args) => match run::run(&args) {
            Ok(status) => ExitCode::from(status),
            Err(error) => {
                eprintln!("blocksmith run: {error}");
                ExitCode::from(exit::BAD_INVOCATION)
            }
        },
    }
}
