//! "Open in system browser" (RFC 8252): for providers that refuse embedded browsers, the authorize URL opens in
//! the person's own browser (`$BROWSER`, else the desktop's opener) and a one-shot listener on 127.0.0.1 waits
//! for the redirect. One such wait at a time; Cancel ends it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use blocksmith_oauth::{Error as OAuthError, LoopbackListener};
use blocksmith_session::ErrorCode;

use crate::consent_window::CONSENT_TIMEOUT;
use crate::error::{AppError, AppResult};

/// The flag of the wait in progress, set by Cancel.
static WAITING: Mutex<Option<Arc<AtomicBool>>> = Mutex::new(None);

/// Ends the wait in progress, if any; true when there was one.
pub fn cancel() -> bool {
    match WAITING.lock().ok().and_then(|mut waiting| waiting.take()) {
        Some(flag) => {
            flag.store(true, Ordering::SeqCst);
            true
        }
        None => false,
    }
}

/// Opens `authorize_url` in the system browser and waits on `listener` for the redirect carrying `state`;
/// answers with the URL the browser was redirected to. A wait already in progress is cancelled first.
pub async fn wait_for_consent(
    listener: LoopbackListener,
    authorize_url: &str,
    state: &str,
) -> AppResult<String> {
    cancel();
    blocksmith_oauth::open_in_system_browser(authorize_url).map_err(oauth_error)?;
    let flag = Arc::new(AtomicBool::new(false));
    if let Ok(mut waiting) = WAITING.lock() {
        *waiting = Some(flag.clone());
    }
    let waited = flag.clone();
    let state = state.to_owned();
    let outcome = tauri::async_runtime::spawn_blocking(move || {
        listener.wait_for_redirect_unless(&state, CONSENT_TIMEOUT, &waited)
    })
    .await
    .map_err(|err| AppError::internal(format!("Waiting for the browser failed: {err}.")))?;
    if let Ok(mut waiting) = WAITING.lock() {
        if waiting
            .as_ref()
            .is_some_and(|current| Arc::ptr_eq(current, &flag))
        {
            *waiting = None;
        }
    }
    outcome.map_err(|err| match err {
        OAuthError::RedirectCancelled { .. } => AppError::new(
            ErrorCode::ConsentCancelled,
            "Connecting in the system browser was cancelled; nothing was stored.",
        ),
        other => oauth_error(other),
    })
}

/// An OAuth error as the UI sees it: the same code and message as through the session crate.
pub fn oauth_error(err: OAuthError) -> AppError {
    err.into()
}
