//! `blocksmith export` and `blocksmith import`: the app's Export menu and import, for scripts. Exports go to
//! stdout unless `-o` names a file; nothing exported ever holds a secret: the workspace model has none to
//! give, and a secret value pasted into a block or a sample is redacted (in every form) on the way out.

use std::path::PathBuf;

use blocksmith_session::types::{write_atomic, ExportFormat, ExportRequest};
use clap::Args;

use crate::connections::WorkspaceArg;
use crate::error::{Error, Result};
use crate::host::{session, Warm};

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    workspace: WorkspaceArg,
    /// js (one block's source), yaml (the platform's integration YAML), bundle (everything, for a colleague) or
    /// dts (the TypeScript declarations of a block's `context`).
    #[arg(long)]
    format: ExportFormat,
    /// Only this flow (yaml, bundle), or the flow the --block is in.
    #[arg(long)]
    flow: Option<String>,
    /// The block to export as JavaScript, by its display name.
    #[arg(long)]
    block: Option<String>,
    /// Bundle only: carry each block's test cases and their cassettes (which never hold a secret).
    #[arg(long)]
    include_tests: bool,
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The workspace folder; a missing or empty one becomes a new workspace holding only what is imported.
    #[arg(long = "workspace", value_name = "DIR")]
    workspace: PathBuf,
    /// A bundle (.blocksmith.json) or integration YAML file.
    file: PathBuf,
    /// Rename incoming flows, config variables and connections whose names are taken, instead of refusing.
    #[arg(long)]
    rename: bool,
}

pub fn export(args: ExportArgs) -> Result<()> {
    let session = args.workspace.session()?;
    let outcome = session.export(&ExportRequest {
        format: args.format,
        flow: args.flow,
        block: args.block,
        include_tests: args.include_tests,
    })?;
    if outcome.secrets_redacted {
        eprintln!(
            "The export held secret values of this workspace's connections (in a block or a sample); each \
             was replaced by {}.",
            blocksmith_session::REDACTION_MARKER
        );
    }
    match args.output {
        Some(path) => {
            write_atomic(&path, outcome.exported.contents.as_bytes()).map_err(|source| {
                Error::Workspace {
                    path: path.clone(),
                    source: source.into(),
                }
            })?;
            eprintln!("Exported to {}.", path.display());
        }
        None => print!("{}", outcome.exported.contents),
    }
    Ok(())
}

/// Imports into the workspace; a folder with no workspace yet becomes one holding only what is imported.
pub fn import(args: ImportArgs) -> Result<()> {
    let report = session(Warm::None)?
        .open_with_import(&args.workspace, &args.file, args.rename)
        .map_err(|source| Error::Workspace {
            path: args.workspace.clone(),
            source,
        })?;
    println!(
        "{}",
        serde_json::to_string(&report).expect("an import report always serialises")
    );
    for needed in &report.connections_needing_secrets {
        eprintln!(
            "Connection \"{}\" was imported without its secrets: add them with `blocksmith connections add` or in the app.",
            needed.name
        );
    }
    Ok(())
}
