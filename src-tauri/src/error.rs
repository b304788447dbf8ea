//! The one error shape the UI sees: `{ code, message }`. `code` is the session crate's `ErrorCode` (a typed union
//! in the generated bindings) for the UI to branch on; `message` is a sentence for the person.

use blocksmith_session::ErrorCode;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl AppError {
    /// A failure of the app itself (a task that panicked, a thread that could not be joined).
    pub fn internal(message: impl Into<String>) -> Self {
        AppError {
            code: ErrorCode::Internal,
            message: message.into(),
        }
    }
}

impl From<blocksmith_session::Error> for AppError {
    fn from(err: blocksmith_session::Error) -> Self {
        AppError {
            code: err.code(),
            message: err.to_string(),
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;
