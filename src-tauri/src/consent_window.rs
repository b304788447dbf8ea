//! The OAuth consent window: a Blocksmith window at the provider's authorize URL that catches the navigation
//! to the redirect URI, so that URI never needs a listener. It has no access to the app's commands (no
//! capability names its label). By default it is private (incognito) and keeps no cookies; with "remember
//! provider login" it keeps the provider's cookies in a data directory of its own — never the main window's
//! store — so the next Connect skips the provider's login page. Closing it, or Cancel, cancels.
//!
//! The window has no address bar, so its title names the host of the page it shows, updated on every page
//! load (`Connect Acme — login.acme.com`): a person can tell the provider's login page from a look-alike on
//! another host before typing a password.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use blocksmith_session::{ConsentRequest, ConsentVia, Error, Result};
use tauri::{AppHandle, Manager, Url, WebviewUrl, WebviewWindowBuilder, WindowEvent};
use tokio::sync::oneshot;

/// The window's label; no capability lists it, so its pages cannot call the app.
pub const CONSENT_WINDOW: &str = "oauth";
/// How long the person has to consent before Blocksmith gives up.
pub const CONSENT_TIMEOUT: Duration = Duration::from_secs(10 * 60);
/// The folder, under the app's data folder, where a remembering consent window keeps the provider's cookies.
const REMEMBERED_LOGINS_DIR: &str = "consent-browser";

/// How the consent window treats the provider's cookies.
pub enum Cookies {
    /// Private window: nothing is kept after it closes.
    Forget,
    /// Kept in this folder between connects (and restarts).
    RememberIn(PathBuf),
}

/// Where remembering consent windows keep cookies: beside the app's settings when the settings folder is given
/// (`BLOCKSMITH_CONFIG_DIR`, as the tests do, so each test starts with none), else the app's local data folder.
pub fn remembered_logins_dir(app: &AppHandle) -> Result<PathBuf> {
    let base = match std::env::var_os("BLOCKSMITH_CONFIG_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => app.path().app_local_data_dir().map_err(|err| {
            Error::ConsentWindow(format!(
                "The app's data folder, where the provider's login is remembered, is unknown: {err}."
            ))
        })?,
    };
    Ok(base.join(REMEMBERED_LOGINS_DIR))
}

/// Closes the consent window if one is open; its flow then ends as cancelled. True when one was open.
pub fn close(app: &AppHandle) -> bool {
    match app.get_webview_window(CONSENT_WINDOW) {
        Some(window) => window.destroy().is_ok(),
        None => false,
    }
}

/// Opens the consent window at the request's authorize URL and answers with the URL the provider redirected to.
pub async fn wait_for_consent(
    app: &AppHandle,
    request: &ConsentRequest,
    cookies: Cookies,
) -> Result<String> {
    close(app);
    let name = request.connection.as_str();
    let redirect_uri = request.redirect_uri.as_str();
    let url: Url = request
        .authorize_url
        .parse()
        .map_err(|_| Error::InvalidInput("The Authorize URL is not a valid URL.".into()))?;
    let (sender, receiver) = oneshot::channel::<Option<String>>();
    let sender = Arc::new(Mutex::new(Some(sender)));
    let redirect_prefix = redirect_uri
        .split(['?', '#'])
        .next()
        .unwrap_or(redirect_uri)
        .to_string();

    let on_redirect = sender.clone();
    let title = consent_title(name, &url);
    let connection = name.to_string();
    let builder = WebviewWindowBuilder::new(app, CONSENT_WINDOW, WebviewUrl::External(url))
        .title(title)
        .inner_size(520.0, 720.0)
        .on_page_load(move |window, payload| {
            // Best effort: a window that is closing cannot be retitled, and needs no title.
            let _ = window.set_title(&consent_title(&connection, payload.url()));
        })
        .on_navigation(move |target| {
            let target = target.as_str();
            if target.starts_with(&redirect_prefix) {
                if let Some(sender) = on_redirect.lock().ok().and_then(|mut s| s.take()) {
                    let _ = sender.send(Some(target.to_string()));
                }
                return false;
            }
            true
        });
    let builder = match cookies {
        Cookies::Forget => builder.incognito(true),
        Cookies::RememberIn(dir) => {
            std::fs::create_dir_all(&dir).map_err(|err| {
                Error::ConsentWindow(format!(
                    "The folder {} for the remembered provider login could not be created: {err}.",
                    dir.display()
                ))
            })?;
            builder.data_directory(dir)
        }
    };
    let window = builder.build().map_err(|err| {
        Error::ConsentWindow(format!("The consent window could not be opened: {err}."))
    })?;
    let on_close = sender.clone();
    window.on_window_event(move |event| {
        if matches!(
            event,
            WindowEvent::CloseRequested { .. } | WindowEvent::Destroyed
        ) {
            if let Some(sender) = on_close.lock().ok().and_then(|mut s| s.take()) {
                let _ = sender.send(None);
            }
        }
    });

    let outcome = tokio::time::timeout(CONSENT_TIMEOUT, receiver).await;
    let _ = window.destroy();
    match outcome {
        Ok(Ok(Some(redirect))) => Ok(redirect),
        Ok(_) => Err(Error::ConsentCancelled(ConsentVia::Window)),
        Err(_) => Err(Error::ConsentTimeout(CONSENT_TIMEOUT)),
    }
}

/// The consent window's title: the connection and the host of the page shown. The host is the URL's own
/// (punycode for an international name, so a look-alike spelt with other alphabets shows as `xn--…`), with
/// its port when it is not the default; a page not on https shows its scheme too, since it is not the
/// encrypted page a provider's login should be.
pub fn consent_title(connection: &str, page: &Url) -> String {
    let host = match (page.host_str(), page.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_string(),
        (None, _) => page.as_str().to_string(),
    };
    let shown = if page.scheme() == "https" || page.host_str().is_none() {
        host
    } else {
        format!("{}://{host}", page.scheme())
    };
    format!("Connect {connection} \u{2014} {shown}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(url: &str) -> String {
        consent_title("Acme", &url.parse().unwrap())
    }

    #[test]
    fn the_title_names_the_host_of_the_page_shown() {
        assert_eq!(
            title("https://login.acme.com/oauth/authorize?client_id=x&state=y"),
            "Connect Acme \u{2014} login.acme.com"
        );
        assert_eq!(
            title("https://login.acme.com:8443/login"),
            "Connect Acme \u{2014} login.acme.com:8443"
        );
    }

    #[test]
    fn a_page_off_https_shows_its_scheme_and_a_look_alike_host_its_punycode() {
        assert_eq!(
            title("http://127.0.0.1:4010/auth"),
            "Connect Acme \u{2014} http://127.0.0.1:4010"
        );
        assert_eq!(
            title("https://\u{0430}cme.com/login"),
            "Connect Acme \u{2014} xn--cme-5cd.com"
        );
        assert_eq!(title("about:blank"), "Connect Acme \u{2014} about:blank");
    }
}
