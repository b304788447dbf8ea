//! The one error shape the UI sees: `{ code, message }`. The UI branches on `code`; `message` is a sentence
//! for the person. Each crate's typed error maps into it here, and nowhere else.

use serde::Serialize;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppError {
    pub code: String,
    pub message: String,
}

impl AppError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        AppError {
            code: code.to_string(),
            message: message.into(),
        }
    }
}

impl From<blocksmith_workspace::Error> for AppError {
    fn from(err: blocksmith_workspace::Error) -> Self {
        AppError::new(err.code(), err.to_string())
    }
}

impl From<blocksmith_session::Error> for AppError {
    fn from(err: blocksmith_session::Error) -> Self {
        AppError::new(err.code(), err.to_string())
    }
}

impl From<blocksmith_runner::Error> for AppError {
    fn from(err: blocksmith_runner::Error) -> Self {
        AppError::new(err.code(), err.to_string())
    }
}

impl From<blocksmith_secrets::Error> for AppError {
    fn from(err: blocksmith_secrets::Error) -> Self {
        AppError::new("keyring", err.to_string())
    }
}

pub type AppResult<T> = Result<T, AppError>;
