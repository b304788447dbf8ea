//! [`Session`]: the one API of Blocksmith. The app's commands and the `blocksmith` subcommands are each a few
//! lines over one of its methods, so a run, a connect or an export is the same thing from either. What only a
//! front end can do (show a consent window, tell its window about a webhook call or a line a run just logged,
//! print a notice) goes through the small [`SessionHost`] trait the front end implements.
//!
//! Locking: the open workspace sits behind a lock held only to read or change the workspace itself. Anything
//! that waits on the network, a worker or the person (runs, token requests, consent) works on a snapshot taken
//! under the lock, so one slow provider never blocks an edit or autosave.
//!
//! The methods block (keyring calls go over D-Bus, runs wait for a worker): the app calls them off its main
//! thread.

mod block_tests;
mod connections;
mod debug;
mod debug_flow;
mod export;
mod flow_tests;
mod invocations;
mod listener;
mod oauth;
mod recorder;
mod runs;
mod workspace;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

use blocksmith_oauth::TokenExchange;
use blocksmith_runner::{ForkedWorker, RunId, Supervisor, SupervisorOptions, WorkerCommand};
use blocksmith_secrets::{SecretStore, SERVICE};
use blocksmith_workspace::history::RunHistory;
use blocksmith_workspace::Workspace;

use crate::error::{Error, Result};
use crate::webhook::ServedCall;

pub use block_tests::{NewTestCase, TestCaseRef, TestRunMode, TestSelection};
pub use debug::{breakpoint_spec, BlockDebugRequest, DebugListener, DebugNotice, FileDebugRequest};
pub use debug_flow::FlowDebugRequest;
pub use export::ExportOutcome;
pub use flow_tests::NewFlowTestCase;
pub use invocations::{InvokeRefusal, MAX_INVOKED_DEPTH};
pub use listener::{Listening, WebhookRequest, WebhookStatus};
pub use oauth::{BrowserConsent, ConsentRequest, ListenOn};
pub use runs::{
    BlockOutcome, BlockRunRequest, FileRunRequest, FlowRunRequest, LimitOverrides, LiveLogLine, Ran,
};

/// What a front end does for the session that the session cannot do itself. Every method has a default, so a
/// front end implements only what it has.
pub trait SessionHost: Send + Sync + 'static {
    /// Shows the provider's consent page in the front end's own window and answers with the URL the provider
    /// redirected to (the page is never loaded). Front ends without such a window keep the default, and Connect
    /// there goes through the system browser.
    fn consent_in_window(&self, _request: &ConsentRequest) -> Result<String> {
        Err(Error::NoConsentWindow)
    }

    /// Closes the consent window if one is open (its wait then ends as cancelled).
    fn close_consent_window(&self) {}

    /// The system browser is about to be sent to `authorize_url`, and the session now waits for the redirect.
    fn waiting_for_consent(&self, _authorize_url: &str) {}

    /// The system browser could not be opened (`reason`), and the session goes on waiting for the person to open
    /// the URL given to [`SessionHost::waiting_for_consent`] themselves.
    fn browser_not_opened(&self, _reason: &str) {}

    /// A call to the webhook listener was answered.
    fn webhook_call_served(&self, _call: &ServedCall) {}

    /// A run in progress logged `line` (called from a thread that reads the run's worker, as each line
    /// arrives). The run's outcome holds every line again, so a front end that shows only outcomes loses
    /// nothing by keeping the default.
    fn run_logged(&self, _line: &LiveLogLine) {}
}

/// A host that needs nothing: for tests and tools that only run.
pub struct QuietHost;

impl SessionHost for QuietHost {}

/// How the session starts block workers: `program` run with `arg` (the app and the CLI are their own workers).
#[derive(Debug, Clone)]
pub struct Workers {
    pub program: PathBuf,
    pub arg: String,
    /// Idle workers kept ready: one for a long-lived app or listener, none for a one-shot command.
    pub warm: usize,
}

/// A workspace opened for work, with its runs, connections, listener and history. Cheap to clone: clones share
/// one session.
#[derive(Clone)]
pub struct Session {
    shared: Arc<Shared>,
}

struct Shared {
    host: Box<dyn SessionHost>,
    supervisor: Supervisor,
    workspace: Mutex<Option<Workspace>>,
    /// The open workspace's run history, opened on first use.
    history: recorder::HistorySlot,
    /// Writes runs' records after they answered.
    recorder: recorder::Recorder,
    /// Opened and probed on first use; a failure is retried next time (the person may unlock the keyring).
    keyring: Mutex<Option<SecretStore>>,
    /// The runs in progress, by the front end's run id, so Stop can name them.
    runs: Mutex<HashMap<String, RunId>>,
    /// Each OAuth connection's last token request and response, secrets masked, for the inspector.
    exchanges: Mutex<HashMap<String, TokenExchange>>,
    listener: Mutex<Option<listener::RunningListener>>,
    /// The flag of the system-browser consent being waited for, which Cancel sets.
    browser_wait: Mutex<Option<Arc<AtomicBool>>>,
    /// The flows being debugged, by the front end's run id: what each next step starts with.
    flow_debug_plans: Mutex<HashMap<String, Arc<Mutex<debug_flow::FlowDebugPlan>>>>,
}

impl Session {
    pub fn new(host: impl SessionHost, workers: Workers) -> Self {
        let supervisor = Supervisor::new(
            WorkerCommand::new(workers.program, [workers.arg]),
            SupervisorOptions {
                warm_workers: workers.warm,
                ..SupervisorOptions::default()
            },
        );
        Session {
            shared: Arc::new(Shared {
                host: Box::new(host),
                supervisor,
                workspace: Mutex::new(None),
                history: Arc::new(Mutex::new(None)),
                recorder: recorder::Recorder::default(),
                keyring: Mutex::new(None),
                runs: Mutex::new(HashMap::new()),
                exchanges: Mutex::new(HashMap::new()),
                listener: Mutex::new(None),
                browser_wait: Mutex::new(None),
                flow_debug_plans: Mutex::new(HashMap::new()),
            }),
        }
    }

    /// Has the next run go to `worker`, which a one-shot command forked from itself as it started
    /// (`types::fork_worker_for`), instead of starting a worker then.
    pub fn adopt_forked_worker(&self, worker: ForkedWorker) -> Result<()> {
        Ok(self.shared.supervisor.adopt_forked_worker(worker)?)
    }

    /// Opens the workspace at `dir` for this session; with `create`, a missing or empty folder becomes a new
    /// workspace seeded with the templates. A listener serving the previous workspace is turned off.
    pub fn open(&self, dir: &Path, create: bool) -> Result<()> {
        let workspace = if create {
            Workspace::open_or_create(dir)?
        } else {
            Workspace::open(dir)?
        };
        self.replace_workspace(workspace);
        Ok(())
    }

    /// Makes `workspace` the open one; a listener serving the previous workspace is turned off.
    fn replace_workspace(&self, workspace: Workspace) {
        *lock(&self.shared.workspace) = Some(workspace);
        self.stop_listener_in_background();
    }

    /// Whether a workspace is open.
    pub fn is_open(&self) -> bool {
        lock(&self.shared.workspace).is_some()
    }

    fn host(&self) -> &dyn SessionHost {
        self.shared.host.as_ref()
    }

    /// Runs `f` with the open workspace, under its lock: for reading it and changing it, never for waiting.
    fn with_workspace<T>(&self, f: impl FnOnce(&mut Workspace) -> Result<T>) -> Result<T> {
        match lock(&self.shared.workspace).as_mut() {
            Some(workspace) => f(workspace),
            None => Err(Error::NoWorkspace),
        }
    }

    /// A copy of the open workspace as it is now, for work that waits (on the network, a worker or the person)
    /// and must not hold the lock meanwhile.
    fn snapshot(&self) -> Result<Workspace> {
        self.with_workspace(|workspace| Ok(workspace.clone()))
    }

    /// The open workspace's snapshot, or `None` when none is open.
    fn snapshot_if_open(&self) -> Option<Workspace> {
        lock(&self.shared.workspace).clone()
    }

    /// Runs `f` with the run history of `workspace`, opened on first use and kept while it stays open, once
    /// every run record queued before is written (see [`recorder`]).
    fn with_history<T>(
        &self,
        workspace: &Workspace,
        f: impl FnOnce(&RunHistory) -> Result<T>,
    ) -> Result<T> {
        self.shared.recorder.wait_until_written()?;
        recorder::with_history_in(&self.shared.history, workspace.root(), f)
    }

    /// Records a run in `workspace`'s history after the run has answered: `f` is called on the recorder's
    /// thread with the history, after every record queued before.
    fn record_later(
        &self,
        workspace: &Workspace,
        f: impl FnOnce(&RunHistory) -> Result<()> + Send + 'static,
    ) {
        let slot = Arc::clone(&self.shared.history);
        let root = workspace.root().to_path_buf();
        self.shared
            .recorder
            .record_later(move || recorder::with_history_in(&slot, &root, f));
    }

    /// The OS keyring, probed when first opened; its failure is one clear message on what to do.
    fn keyring(&self) -> blocksmith_secrets::Result<SecretStore> {
        let mut slot = lock(&self.shared.keyring);
        if let Some(store) = slot.as_ref() {
            return Ok(store.clone());
        }
        let store = SecretStore::open(SERVICE)?;
        *slot = Some(store.clone());
        Ok(store)
    }
}

/// A poisoned lock only means another call panicked mid-way; the data is still the best there is.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
