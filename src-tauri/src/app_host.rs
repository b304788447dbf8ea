//! What the session asks of the app (`SessionHost`): the consent window, and telling the window about each
//! webhook call and each line a run logs. Everything else the app does goes through the session.

use blocksmith_session::webhook::ServedCall;
use blocksmith_session::{ConsentRequest, LiveLogLine, SessionHost};
use tauri::AppHandle;
use tauri_specta::Event;

use crate::commands::runs::RunLogEvent;
use crate::commands::webhook::WebhookCallEvent;
use crate::consent_window::{self, Cookies};

pub struct AppHost {
    pub app: AppHandle,
}

impl SessionHost for AppHost {
    /// The session calls this on a blocking thread, so waiting here holds neither the window nor the workspace.
    fn consent_in_window(&self, request: &ConsentRequest) -> blocksmith_session::Result<String> {
        let cookies = if request.remember_login {
            Cookies::RememberIn(consent_window::remembered_logins_dir(&self.app)?)
        } else {
            Cookies::Forget
        };
        tauri::async_runtime::block_on(consent_window::wait_for_consent(
            &self.app, request, cookies,
        ))
    }

    fn close_consent_window(&self) {
        consent_window::close(&self.app);
    }

    fn webhook_call_served(&self, call: &ServedCall) {
        // A window that is closing cannot be told; the call was answered all the same.
        let _ = WebhookCallEvent::from(call).emit(&self.app);
    }

    fn run_logged(&self, line: &LiveLogLine) {
        // A window that is closing cannot be told; the run's outcome keeps the line all the same.
        let _ = RunLogEvent::from(line).emit(&self.app);
    }
}
