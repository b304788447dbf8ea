//! `blocksmith`: runs blocks and flows, manages connections, serves webhooks, exports and imports from the
//! command line. Each subcommand is a few lines over the same `Session` calls the app makes. Stdout carries
//! only the result line; stderr only says what went wrong.

mod block_tests;
mod connections;
mod dap_codec;
mod debug;
mod error;
mod examples;
mod export;
mod host;
mod inputs;
mod interrupt;
mod run;
mod serve;

use std::process::ExitCode;

use blocksmith_session::types::{fork_worker_for, worker_main};
use clap::{CommandFactory, Parser, Subcommand};

use crate::run::RunArgs;

/// The exit statuses `blocksmith run` promises.
mod exit {
    pub const BLOCK_FAILED: u8 = 1;
    pub const BAD_INVOCATION: u8 = 2;
    pub const LIMIT: u8 = 3;
    /// Stopped by Ctrl+C (SIGINT): 128 + 2, as shells report a command that signal ended.
    pub const INTERRUPTED: u8 = 130;
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
    /// 3 a time or memory limit was hit, 130 stopped by Ctrl+C (the line still prints, with what was logged).
    #[command(after_help = examples::RUN)]
    Run(RunArgs),

    /// Debug a block over the Debug Adapter Protocol on stdin/stdout (for VS Code or any DAP client).
    ///
    /// `launch` takes `program` (the block's file) and, as `run` does, `trigger`, `configVars`, `stepResults`,
    /// `payload` and `workspace`; also `stopOnEntry` and `timeoutMs`.
    #[command(after_help = examples::DEBUG)]
    Debug,
    /// Replay a workspace's block test cases offline (recorded HTTP, frozen time) and compare outcomes;
    /// `test add` records a new case.
    ///
    /// Exit status: 0 every case passed (or was updated), 1 a case failed, 2 bad invocation.
    #[command(after_help = examples::TEST)]
    Test(block_tests::TestArgs),

    /// Manage a workspace's connections (secrets go to the OS keyring, read from standard input).
    #[command(subcommand, after_help = examples::CONNECTIONS)]
    Connections(connections::ConnectionsCommand),

    /// Manage a workspace's config variables.
    #[command(subcommand, name = "config-vars", after_help = examples::CONFIG_VARS)]
    ConfigVars(connections::ConfigVarsCommand),

    /// Export a block (js), a flow or the workspace (yaml, bundle); never with a secret inside.
    #[command(after_help = examples::EXPORT)]
    Export(export::ExportArgs),

    /// Import a bundle or integration YAML into a workspace, or make a new folder a workspace holding just that.
    #[command(after_help = examples::IMPORT)]
    Import(export::ImportArgs),

    /// Serve the workspace's flows as local webhooks: each call runs the flow and gets the trigger's response.
    #[command(after_help = examples::SERVE)]
    Serve(serve::ServeArgs),

    /// Print a completion script for your shell, to source from its startup file.
    #[command(after_help = examples::COMPLETIONS)]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the manual page (roff), e.g. for `man -l -` or to install as blocksmith.1.
    #[command(after_help = examples::MAN)]
    Man,
}

fn main() -> ExitCode {
    // `run` needs one worker, at once: forked first thing, while this process has one thread and has copied
    // none of its arguments, it warms up while the arguments are parsed and the block is read. Without it
    // (another command, or a refused fork) a run starts its worker as usual.
    let forked_worker = fork_worker_for("run");
    // A worker (this program started with `__worker` by the supervisor, not by people) serves runs on stdin/stdout.
    // It starts for every run, so it skips building the whole command-line parser, which does not know it.
    if std::env::args_os()
        .nth(1)
        .is_some_and(|arg| arg == host::WORKER_ARG)
    {
        return worker_main();
    }
    let cli = Cli::parse();
    match cli.command {
        Command::Run(args) => match run::run(&args, forked_worker) {
            Ok(status) => ExitCode::from(status),
            Err(error) => {
                eprintln!("blocksmith run: {error}");
                ExitCode::from(exit::BAD_INVOCATION)
            }
        },
        Command::Debug => match debug::debug() {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("blocksmith debug: {error}");
                ExitCode::from(exit::BAD_INVOCATION)
            }
        },
        Command::Test(args) => match block_tests::test(args) {
            Ok(status) => ExitCode::from(status),
            Err(error) => {
                eprintln!("blocksmith test: {error}");
                ExitCode::from(if error.is_bad_input() {
                    exit::BAD_INVOCATION
                } else {
                    exit::BLOCK_FAILED
                })
            }
        },
        Command::Connections(command) => finish("connections", connections::connections(command)),
        Command::ConfigVars(command) => finish("config-vars", connections::config_vars(command)),
        Command::Export(args) => finish("export", export::export(args)),
        Command::Import(args) => finish("import", export::import(args)),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "blocksmith",
                &mut std::io::stdout(),
            );
            ExitCode::SUCCESS
        }
        Command::Man => {
            match clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("blocksmith man: the manual page could not be written: {error}.");
                    ExitCode::from(exit::BLOCK_FAILED)
                }
            }
        }
        Command::Serve(args) => match serve::serve(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("blocksmith serve: {error}");
                ExitCode::from(exit::BAD_INVOCATION)
            }
        },
    }
}

/// Exit status of the management commands: 0 done, 2 bad invocation or input (nothing was changed),
/// 1 anything else that went wrong (the keyring, the provider, the disk).
fn finish(command: &str, outcome: error::Result<()>) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("blocksmith {command}: {error}");
            ExitCode::from(if error.is_bad_input() {
                exit::BAD_INVOCATION
            } else {
                exit::BLOCK_FAILED
            })
        }
    }
}
