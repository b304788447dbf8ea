//! What the app holds between commands: the open workspace and where its settings live.

use std::path::PathBuf;
use std::sync::Mutex;

use blocksmith_workspace::Workspace;

use crate::error::{AppError, AppResult};

pub struct AppState {
    pub config_dir: PathBuf,
    workspace: Mutex<Option<Workspace>>,
}

impl AppState {
    pub fn new(config_dir: PathBuf) -> Self {
        AppState {
            config_dir,
            workspace: Mutex::new(None),
        }
    }

    pub fn set_workspace(&self, workspace: Workspace) {
        *self.workspace.lock().unwrap_or_else(|p| p.into_inner()) = Some(workspace);
    }

    /// Runs `f` with the open workspace; an error when none is open.
    pub fn with_workspace<T>(&self, f: impl FnOnce(&mut Workspace) -> AppResult<T>) -> AppResult<T> {
        let mut guard = self.workspace.lock().unwrap_or_else(|p| p.into_inner());
        match guard.as_mut() {
            Some(workspace) => f(workspace),
            None => Err(AppError::new(
                "no_workspace",
                "No workspace is open. Open a workspace folder first.",
            )),
        }
    }
}
