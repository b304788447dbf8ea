//! `blocksmith export` and `blocksmith import`: the app's Export menu and import, for scripts. Exports go to
//! stdout unless `-o` names a file; nothing exported ever holds a secret: the workspace model has none to
//! give, and a secret value pasted into a block or a sample is redacted (in every form) on the way out.

use std::path::PathBuf;
use std::time::SystemTime;

use blocksmith_secrets::{SecretStore, SERVICE};
use blocksmith_session::workspace_redactor;

use blocksmith_workspace::export::{self, ExportFormat, ExportRequest, ImportOptions, OnClash};
use blocksmith_workspace::{write_atomic, Workspace};
use clap::Args;

use crate::connections::WorkspaceArg;
use crate::error::{Error, Result};

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    workspace: WorkspaceArg,
    /// js (one block's source), yaml (the platform's integration YAML) or bundle (everything, for a colleague).
    #[arg(long)]
    format: ExportFormat,
    /// Only this flow (yaml, bundle), or the flow the --block is in.
    #[arg(long)]
    flow: Option<String>,
    /// The block to export as JavaScript, by its display name.
    #[arg(long)]
    block: Option<String>,
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    workspace: WorkspaceArg,
    /// A bundle (.blocksmith.json) or integration YAML file.
    file: PathBuf,
    /// Rename incoming flows, config variables and connections whose names are taken, instead of refusing.
    #[arg(long)]
    rename: bool,
}

pub fn export(args: ExportArgs) -> Result<()> {
    let workspace = open(&args.workspace)?;
    let mut exported = export::export(
        &workspace,
        &ExportRequest {
            format: args.format,
            flow: args.flow,
            block: args.block,
        },
    )?;
    let redactor =
        workspace_redactor(&workspace, || SecretStore::open(SERVICE), SystemTime::now())?;
    if redactor.finds_in(&exported.contents) {
        redactor.redact_string(&mut exported.contents);
        eprintln!(
            "The export held secret values of this workspace's connections (in a block or a sample); each \
             was replaced by {}.",
            blocksmith_session::REDACTION_MARKER
        );
    }
    match args.output {
        Some(path) => {
            write_atomic(&path, exported.contents.as_bytes()).map_err(|source| {
                Error::Workspace {
                    path: path.clone(),
                    source,
                }
            })?;
            eprintln!("Exported to {}.", path.display());
        }
        None => print!("{}", exported.contents),
    }
    Ok(())
}

pub fn import(args: ImportArgs) -> Result<()> {
    let mut workspace = open(&args.workspace)?;
    let options = ImportOptions {
        on_clash: if args.rename {
            OnClash::Rename
        } else {
            OnClash::Refuse
        },
    };
    let report = export::import_file(&mut workspace, &args.file, options)?;
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

fn open(arg: &WorkspaceArg) -> Result<Workspace> {
    Workspace::open_or_create(&arg.dir).map_err(|source| Error::Workspace {
        path: arg.dir.clone(),
        source,
    })
}
