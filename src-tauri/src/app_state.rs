//! What the app holds between commands: the open workspace, its run history, the worker supervisor and the
//! runs in progress (by the UI's run id, so Stop can name them).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use blocksmith_oauth::OAuthClient;
use blocksmith_oauth::TokenExchange;
use blocksmith_runner::{RunId, Supervisor};
use blocksmith_secrets::{SecretStore, SERVICE};
use blocksmith_session::ErrorCode;
use blocksmith_workspace::history::RunHistory;
use blocksmith_workspace::Workspace;

use crate::error::{AppError, AppResult};

pub struct AppState {
    pub config_dir: PathBuf,
    pub supervisor: Supervisor,
    workspace: Mutex<Option<Workspace>>,
    /// The open workspace's run history, opened on first use: `(workspace root, history)`.
    history: Mutex<Option<(PathBuf, RunHistory)>>,
    runs: Mutex<HashMap<String, RunId>>,
    /// Opened and probed on first use; a failure is retried next time (the person may unlock the keyring).
    secrets: Mutex<Option<SecretStore>>,
    /// Each OAuth connection's last token request and response, secrets masked, for the inspector.
    exchanges: Mutex<HashMap<String, TokenExchange>>,
    /// The local webhook listener, while it is on.
    pub webhook: Mutex<Option<crate::commands::webhook::RunningListener>>,
}

impl AppState {
    pub fn new(config_dir: PathBuf, supervisor: Supervisor) -> Self {
        AppState {
            config_dir,
            supervisor,
            workspace: Mutex::new(None),
            history: Mutex::new(None),
            runs: Mutex::new(HashMap::new()),
            secrets: Mutex::new(None),
            exchanges: Mutex::new(HashMap::new()),
            webhook: Mutex::new(None),
        }
    }

    pub fn set_workspace(&self, workspace: Workspace) {
        *lock(&self.workspace) = Some(workspace);
    }

    /// Runs `f` with the open workspace; an error when none is open.
    pub fn with_workspace<T>(
        &self,
        f: impl FnOnce(&mut Workspace) -> AppResult<T>,
    ) -> AppResult<T> {
        match lock(&self.workspace).as_mut() {
            Some(workspace) => f(workspace),
            None => Err(AppError::new(
                ErrorCode::NoWorkspace,
                "No workspace is open. Open a workspace folder first.",
            )),
        }
    }

    /// Runs `f` with the run history of `workspace`, opened on first use and kept while it stays open.
    pub fn with_history<T>(
        &self,
        workspace: &Workspace,
        f: impl FnOnce(&RunHistory) -> AppResult<T>,
    ) -> AppResult<T> {
        let mut slot = lock(&self.history);
        if slot
            .as_ref()
            .is_none_or(|(root, _)| root != workspace.root())
        {
            *slot = Some((
                workspace.root().to_path_buf(),
                RunHistory::open(workspace.root())?,
            ));
        }
        let (_, history) = slot.as_ref().expect("the history was opened above");
        f(history)
    }

    /// The OS keyring, probed when first opened; its failure is one clear message on what to do.
    pub fn secret_store(&self) -> blocksmith_secrets::Result<SecretStore> {
        let mut slot = lock(&self.secrets);
        if let Some(store) = slot.as_ref() {
            return Ok(store.clone());
        }
        let store = SecretStore::open(SERVICE)?;
        *slot = Some(store.clone());
        Ok(store)
    }

    /// Keeps `client`'s last token exchange (already masked) for connection `name`'s inspector.
    pub fn remember_exchange(&self, name: &str, client: &OAuthClient) {
        if let Some(exchange) = client.last_exchange() {
            lock(&self.exchanges).insert(name.to_string(), exchange.clone());
        }
    }

    pub fn last_exchange(&self, name: &str) -> Option<TokenExchange> {
        lock(&self.exchanges).get(name).cloned()
    }

    /// Registers a run the UI named `run_id`, for `stop_run`.
    pub fn begin_run(&self, run_id: &str) -> RunId {
        let id = self.supervisor.next_run_id();
        lock(&self.runs).insert(run_id.to_string(), id);
        id
    }

    pub fn end_run(&self, run_id: &str) {
        lock(&self.runs).remove(run_id);
    }

    pub fn stop_run(&self, run_id: &str) -> bool {
        let id = lock(&self.runs).get(run_id).copied();
        id.is_some_and(|id| self.supervisor.stop(id))
    }
}

/// A poisoned lock only means another command panicked mid-way; the data is still the best there is.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
