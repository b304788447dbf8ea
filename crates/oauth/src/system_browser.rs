//! Opening the authorization URL in the person's own browser (RFC 8252's "external user-agent"),
//! for providers that refuse embedded browsers and for the CLI. `$BROWSER` wins when set, as
//! command-line tools on Unix agree; otherwise the desktop's opener (`xdg-open`, `open`).

use std::process::{Command, Stdio};
use std::thread;

use crate::error::{Error, Result};

/// The command that opens `url`: program and arguments. `$BROWSER` (given as `browser_env`) is a
/// `:`-separated list of commands of which the first is used; a `%s` in it stands for the URL,
/// otherwise the URL is its last argument. Without it, the platform's opener.
pub fn browser_command(browser_env: Option<&str>, url: &str) -> Vec<String> {
    let chosen = browser_env.and_then(|list| {
        list.split(':')
            .map(str::trim)
            .find(|entry| !entry.is_empty())
    });
    if let Some(command) = chosen {
        let mut words: Vec<String> = command.split_whitespace().map(str::to_owned).collect();
        if words.iter().any(|word| word.contains("%s")) {
            for word in &mut words {
                *word = word.replace("%s", url);
            }
        } else {
            words.push(url.to_owned());
        }
        return words;
    }
    let opener: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["rundll32", "url.dll,FileProtocolHandler"]
    } else {
        &["xdg-open"]
    };
    opener
        .iter()
        .map(|word| (*word).to_owned())
        .chain([url.to_owned()])
        .collect()
}

/// Starts the browser on `url` (see [`browser_command`], reading `$BROWSER`) and returns at once;
/// the browser process is waited for in the background so it leaves no zombie behind.
pub fn open_in_system_browser(url: &str) -> Result<()> {
    spawn_detached(&browser_command(
        std::env::var("BROWSER").ok().as_deref(),
        url,
    ))
}

fn spawn_detached(words: &[String]) -> Result<()> {
    let (program, args) = words
        .split_first()
        .expect("a browser command has a program");
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|source| Error::BrowserNotOpened {
            command: program.clone(),
            source,
        })?;
    thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "http://127.0.0.1:9/auth?client_id=a&state=b";

    #[test]
    fn browser_env_is_used_with_the_url_as_last_argument() {
        assert_eq!(
            browser_command(Some("firefox --new-window"), URL),
            ["firefox", "--new-window", URL]
        );
    }

    #[test]
    fn the_first_entry_of_a_browser_list_is_used_and_percent_s_is_the_url() {
        assert_eq!(
            browser_command(Some(":chromium --app=%s:firefox"), URL),
            ["chromium", &format!("--app={URL}")]
        );
    }

    #[test]
    fn without_browser_env_the_platform_opener_is_used() {
        for unset in [None, Some(""), Some(" : ")] {
            let command = browser_command(unset, URL);
            assert_eq!(command.last().map(String::as_str), Some(URL));
            #[cfg(target_os = "linux")]
            assert_eq!(command[0], "xdg-open");
        }
    }

    #[test]
    fn a_missing_browser_is_a_clear_error() {
        let error = spawn_detached(&["/nonexistent/browser".into(), URL.into()]).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("/nonexistent/browser"), "{message}");
        assert!(message.contains("set $BROWSER"), "{message}");
        assert!(matches!(error, crate::Error::BrowserNotOpened { .. }));
    }

    #[cfg(unix)]
    #[test]
    fn a_browser_that_starts_is_left_running_in_the_background() {
        spawn_detached(&["sleep".into(), "0.1".into()]).unwrap();
    }
}
