//! The CLI's side of the session: how it starts its workers, and what it does for the session (`SessionHost`):
//! print the authorize URL and each webhook call on stdout, and say what it waits for on stderr.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use blocksmith_session::webhook::ServedCall;
use blocksmith_session::{Session, SessionHost, Workers};
use serde_json::{json, Map, Value};

use crate::error::{Error, Result};

/// The argument that makes this binary a block worker (see `main`).
pub const WORKER_ARG: &str = "__worker";

/// How many idle workers a session keeps ready.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warm {
    /// A one-shot command: the process ends after the run.
    None,
    /// A long-lived listener: each call should start at once.
    One,
}

/// A session whose workers are this same program, started with [`WORKER_ARG`].
pub fn session(warm: Warm) -> Result<Session> {
    new_session(CliHost::default(), warm)
}

/// A session with the workspace at `dir` open; with `create`, a missing or empty folder becomes a new workspace.
pub fn session_in(dir: &Path, create: bool, warm: Warm) -> Result<Session> {
    open_in(session(warm)?, dir, create)
}

/// A session in the workspace at `dir` for a connect in the system browser that waits up to `consent_wait`.
pub fn session_waiting_for_consent(dir: &Path, consent_wait: Duration) -> Result<Session> {
    let host = CliHost {
        consent_wait: Some(consent_wait),
    };
    open_in(new_session(host, Warm::None)?, dir, true)
}

fn new_session(host: CliHost, warm: Warm) -> Result<Session> {
    let program = std::env::current_exe().map_err(Error::OwnExecutable)?;
    Ok(Session::new(
        host,
        Workers {
            program,
            arg: WORKER_ARG.to_string(),
            warm: match warm {
                Warm::None => 0,
                Warm::One => 1,
            },
        },
    ))
}

fn open_in(session: Session, dir: &Path, create: bool) -> Result<Session> {
    session
        .open(dir, create)
        .map_err(|source| Error::Workspace {
            path: dir.to_path_buf(),
            source,
        })?;
    Ok(session)
}

#[derive(Default)]
struct CliHost {
    /// How long a connect in the system browser waits, to say so.
    consent_wait: Option<Duration>,
}

impl SessionHost for CliHost {
    fn waiting_for_consent(&self, authorize_url: &str) {
        print_line(authorize_url);
        match self.consent_wait {
            Some(wait) => eprintln!(
                "Waiting for consent in the browser (up to {} s)…",
                wait.as_secs()
            ),
            None => eprintln!("Waiting for consent in the browser…"),
        }
    }

    fn browser_not_opened(&self, reason: &str) {
        // Best effort: the URL is printed either way, and a headless machine has no browser.
        eprintln!("{reason}");
    }

    fn webhook_call_served(&self, call: &ServedCall) {
        print_line(&call_line(call).to_string());
    }
}

/// The line `serve` prints for one call: the flow's outcome line (as `run --flow` prints it) with the request's
/// `method`, `path`, HTTP `status` and `executionId` added, or with `error` when no flow ran.
pub fn call_line(call: &ServedCall) -> Value {
    let mut line = Map::new();
    line.insert("method".into(), json!(call.method));
    line.insert("path".into(), json!(call.path));
    line.insert("status".into(), json!(call.status));
    if let Some(flow) = &call.flow {
        line.insert("flow".into(), json!(flow));
    }
    if let Some(id) = &call.execution_id {
        line.insert("executionId".into(), json!(id));
    }
    match &call.outcome {
        Some(outcome) => {
            if let Ok(Value::Object(fields)) = serde_json::to_value(outcome) {
                line.extend(fields);
            }
        }
        None => {
            line.insert("ok".into(), json!(false));
            line.insert("error".into(), json!(call.error));
        }
    }
    line.insert("durationMs".into(), json!(call.duration_ms));
    Value::Object(line)
}

/// One line on stdout, flushed at once so a script reading it line by line sees each as it happens. A closed
/// stdout (`| head -1`) is not worth failing for.
pub fn print_line(text: &str) {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let _ = writeln!(out, "{text}").and_then(|()| out.flush());
}

#[cfg(test)]
mod tests {
    use super::*;
    use blocksmith_session::types::FlowOutcome;

    #[test]
    fn a_call_line_is_the_outcome_with_the_request_added() {
        let line = call_line(&ServedCall {
            method: "POST".into(),
            path: "/orders".into(),
            flow: Some("Orders".into()),
            status: 201,
            duration_ms: 3.5,
            execution_id: Some("local-1-1".into()),
            outcome: Some(FlowOutcome {
                ok: true,
                steps: Vec::new(),
                response: json!({ "statusCode": 201 }),
            }),
            error: None,
        });
        assert_eq!(
            line,
            json!({
                "method": "POST", "path": "/orders", "status": 201, "flow": "Orders",
                "executionId": "local-1-1", "ok": true, "steps": [],
                "response": { "statusCode": 201 }, "durationMs": 3.5,
            })
        );
    }

    #[test]
    fn a_call_no_flow_ran_for_says_why() {
        let line = call_line(&ServedCall {
            method: "GET".into(),
            path: "/nope".into(),
            flow: None,
            status: 404,
            duration_ms: 0.1,
            execution_id: None,
            outcome: None,
            error: Some("No flow is served at /nope.".into()),
        });
        assert_eq!(line["ok"], false);
        assert_eq!(line["status"], 404);
        assert_eq!(line["error"], "No flow is served at /nope.");
        assert!(line.get("flow").is_none());
    }
}
