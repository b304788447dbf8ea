//! The one error shape the UI sees: `{ code, message }`. `code` is the session crate's `ErrorCode` (a typed union
//! in the generated bindings) for the UI to branch on; `message` is a sentence for the person. Each crate's error
//! becomes one here through the code the session crate gives it.

use blocksmith_session::ErrorCode;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError {
            code,
            message: message.into(),
        }
    }

    /// A failure of the app itself (a task that panicked, a thread that could not be joined).
    pub fn internal(message: impl Into<String>) -> Self {
        AppError::new(ErrorCode::Internal, message)
    }
}

/// Every crate error whose code the session crate knows.
macro_rules! app_error_from {
    ($($error:ty),* $(,)?) => {
        $(impl From<$error> for AppError {
            fn from(err: $error) -> Self {
                AppError::new(ErrorCode::from(&err), err.to_string())
            }
        })*
    };
}

app_error_from!(
    blocksmith_workspace::Error,
    blocksmith_workspace::export::ExportError,
    blocksmith_session::Error,
    blocksmith_session::webhook::WebhookError,
    blocksmith_runner::Error,
    blocksmith_secrets::Error,
    blocksmith_oauth::Error,
);

pub type AppResult<T> = Result<T, AppError>;
