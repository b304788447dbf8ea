//! `blocksmith serve`: the local webhook listener from the command line. Each flow of the workspace (or the
//! one `--flow`) answers at `http://127.0.0.1:PORT/<token>/<flow-slug>`, where the token is the workspace's own
//! (kept in `.blocksmith/local.json` on this machine, never in the manifest); a call runs the flow in a worker
//! process, exactly as `blocksmith run --flow` does, and the caller receives the trigger's `response`.
//!
//! Stdout carries one JSON line first, `{"listening", "flows"}` (the flows' URLs, token included), then one
//! line per call (`crate::host::call_line`). Ctrl+C ends it.

use std::path::PathBuf;

use blocksmith_session::webhook::DEFAULT_PORT;
use blocksmith_session::WebhookRequest;
use clap::Args;

use crate::error::{Error, Result};
use crate::host::{print_line, session_in, Warm};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The workspace folder whose flows to serve.
    #[arg(long, value_name = "DIR")]
    pub workspace: PathBuf,

    /// Serve only this flow [default: every flow of the workspace].
    #[arg(long, value_name = "NAME")]
    pub flow: Option<String>,

    /// The port on 127.0.0.1 to listen on; 0 picks a free one.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_PORT)]
    pub port: u16,
}

/// Starts the listener, prints where it listens, and serves until the process is ended (Ctrl+C).
pub fn serve(args: &ServeArgs) -> Result<()> {
    let session = session_in(&args.workspace, true, Warm::One)?;
    let listening = session
        .start_webhooks(&WebhookRequest {
            flows: args.flow.iter().cloned().collect(),
            port: args.port,
            any_port_if_taken: false,
        })
        .map_err(|source| match source {
            // A flow that is not in the workspace.
            blocksmith_session::Error::Workspace(_) => Error::Workspace {
                path: args.workspace.clone(),
                source,
            },
            other => Error::Session(other),
        })?;
    print_line(&serde_json::to_string(&listening).expect("the listener's URLs always serialise"));
    // The listener's own threads answer the calls; this one only keeps the process alive until Ctrl+C.
    loop {
        std::thread::park();
    }
}
