//! The loopback redirect listener of RFC 8252 (OAuth for native apps): a one-shot HTTP server on
//! 127.0.0.1 that receives the provider's redirect in the system browser and answers with a
//! "you can close this window" page. Used by the CLI and by the app's "Open in system browser".
//!
//! Any program or web page on this machine can send a request to the listener's port. Only the redirect that
//! carries the state of the authorization being waited for ends the wait; a request with another state (or
//! none) is answered with a short page and ignored, so a stray or hostile request cannot cut the wait short.

use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use url::{Host, Url};

use crate::error::{Error, Result};

/// The path of a redirect URI made by [`LoopbackListener::bind`].
pub const DEFAULT_REDIRECT_PATH: &str = "/callback";

/// How often the listener looks for a connection while waiting.
const POLL_INTERVAL: Duration = Duration::from_millis(25);
/// How long one browser connection may take to send its request line and headers.
const REQUEST_READ_TIMEOUT: Duration = Duration::from_secs(5);
/// A request head longer than this is not a redirect.
const MAX_REQUEST_HEAD: usize = 16 * 1024;
/// A browser's redirect carries a dozen or two headers; a request with more is not one.
const MAX_REQUEST_HEADERS: usize = 64;

const RECEIVED_PAGE: &str = include_str!("redirect_received.html");
const IGNORED_PAGE: &str =
    "This response does not belong to the sign-in Blocksmith is waiting for, so it was \
                            ignored. Blocksmith keeps waiting for the provider's answer.";

/// A listener bound to a loopback address, waiting for one redirect.
#[derive(Debug)]
pub struct LoopbackListener {
    listener: TcpListener,
    redirect_uri: Url,
}

impl LoopbackListener {
    /// Listens on 127.0.0.1 at `port` (0 picks a free one); the redirect URI is
    /// `http://127.0.0.1:PORT/callback`.
    pub fn bind(port: u16) -> Result<Self> {
        let address = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port);
        let redirect_uri = Url::parse(&format!("http://{address}{DEFAULT_REDIRECT_PATH}"))
            .expect("a loopback address and a fixed path make a valid URL");
        Self::listen(address, redirect_uri)
    }

    /// Listens for a given loopback redirect URI, e.g. a connection's `redirectUri` of
    /// `http://127.0.0.1:8765/callback` (`localhost` and `[::1]` work too). Port 0, or none,
    /// picks a free port, and the redirect URI then names it.
    pub fn for_redirect_uri(redirect_uri: &str) -> Result<Self> {
        let not_loopback = || Error::NotLoopbackRedirectUri(redirect_uri.to_owned());
        let url = Url::parse(redirect_uri.trim()).map_err(|_| not_loopback())?;
        if url.scheme() != "http" {
            return Err(not_loopback());
        }
        let ip = match url.host() {
            Some(Host::Domain("localhost")) => IpAddr::V4(Ipv4Addr::LOCALHOST),
            Some(Host::Ipv4(ip)) if ip.is_loopback() => IpAddr::V4(ip),
            Some(Host::Ipv6(ip)) if ip == Ipv6Addr::LOCALHOST => IpAddr::V6(ip),
            _ => return Err(not_loopback()),
        };
        Self::listen(SocketAddr::new(ip, url.port().unwrap_or(0)), url)
    }

    fn listen(address: SocketAddr, mut redirect_uri: Url) -> Result<Self> {
        let listener = TcpListener::bind(address).map_err(|source| Error::LoopbackBind {
            address: address.to_string(),
            source,
        })?;
        let port = listener.local_addr().map_err(Error::Loopback)?.port();
        redirect_uri
            .set_port(Some(port))
            .expect("an http URL can carry a port");
        listener.set_nonblocking(true).map_err(Error::Loopback)?;
        Ok(Self {
            listener,
            redirect_uri,
        })
    }

    /// The redirect URI to register with the provider and to start the authorization with.
    pub fn redirect_uri(&self) -> &str {
        self.redirect_uri.as_str()
    }

    /// Waits for the browser's request to the redirect URI with `state` (the pending
    /// authorization's, [`crate::PendingAuthorization::state`]) and returns the full URL it asked
    /// for (with `code`, `state`, …), after answering it with a page saying the window can be
    /// closed. Requests for other paths (a browser's `/favicon.ico`) get a 404, and requests with
    /// another state or none a 400; waiting goes on after either. After `timeout` without the
    /// redirect, [`Error::RedirectTimeout`].
    pub fn wait_for_redirect(&self, state: &str, timeout: Duration) -> Result<String> {
        self.wait_for_redirect_unless(state, timeout, &AtomicBool::new(false))
    }

    /// [`LoopbackListener::wait_for_redirect`], giving up with [`Error::RedirectCancelled`]
    /// within one poll interval of `cancelled` being set (the person pressed Cancel).
    pub fn wait_for_redirect_unless(
        &self,
        state: &str,
        timeout: Duration,
        cancelled: &AtomicBool,
    ) -> Result<String> {
        let deadline = Instant::now() + timeout;
        loop {
            if cancelled.load(Ordering::SeqCst) {
                return Err(Error::RedirectCancelled {
                    redirect_uri: self.redirect_uri.to_string(),
                });
            }
            match self.listener.accept() {
                Ok((stream, _)) => {
                    if let Some(url) = self.answer(stream, state) {
                        return Ok(url);
                    }
                }
                Err(error) if error.kind() == ErrorKind::WouldBlock => {
                    let now = Instant::now();
                    if now >= deadline {
                        return Err(Error::RedirectTimeout {
                            redirect_uri: self.redirect_uri.to_string(),
                            waited: timeout,
                        });
                    }
                    thread::sleep(POLL_INTERVAL.min(deadline - now));
                }
                Err(error) if error.kind() == ErrorKind::Interrupted => {}
                Err(error) => return Err(Error::Loopback(error)),
            }
        }
    }

    /// Answers one connection; the redirect URL when it was the awaited redirect. A connection
    /// that breaks or sends no request (a browser's speculative pre-connect) is skipped.
    fn answer(&self, mut stream: TcpStream, state: &str) -> Option<String> {
        let target = read_request_target(&mut stream)?;
        let url = self.redirect_uri.join(&target).ok()?;
        if url.path() != self.redirect_uri.path() {
            respond(&mut stream, "404 Not Found", "text/plain", "Not found");
            return None;
        }
        let carries_state = url
            .query_pairs()
            .find(|(name, _)| name == "state")
            .is_some_and(|(_, value)| value == state);
        if !carries_state {
            respond(
                &mut stream,
                "400 Bad Request",
                "text/plain; charset=utf-8",
                IGNORED_PAGE,
            );
            return None;
        }
        respond(
            &mut stream,
            "200 OK",
            "text/html; charset=utf-8",
            RECEIVED_PAGE,
        );
        Some(url.into())
    }
}

/// The target of a `GET` request (`/callback?code=…`), once its whole head has arrived and parses as HTTP/1.x
/// (httparse, as the webhook listener reads requests).
fn read_request_target(stream: &mut TcpStream) -> Option<String> {
    stream.set_nonblocking(false).ok()?;
    stream.set_read_timeout(Some(REQUEST_READ_TIMEOUT)).ok()?;
    let mut head = Vec::new();
    let mut buffer = [0u8; 2048];
    loop {
        let read = stream.read(&mut buffer).ok()?;
        if read == 0 || head.len() + read > MAX_REQUEST_HEAD {
            return None;
        }
        head.extend_from_slice(&buffer[..read]);
        let mut headers = [httparse::EMPTY_HEADER; MAX_REQUEST_HEADERS];
        let mut request = httparse::Request::new(&mut headers);
        match request.parse(&head) {
            Ok(httparse::Status::Complete(_)) => {
                return match (request.method, request.path) {
                    (Some("GET"), Some(target)) if target.starts_with('/') => {
                        Some(target.to_owned())
                    }
                    _ => None,
                };
            }
            Ok(httparse::Status::Partial) => continue,
            Err(_) => return None,
        }
    }
}

fn respond(stream: &mut TcpStream, status: &str, content_type: &str, body: &str) {
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    // The browser may already have gone; the redirect was received all the same.
    let _ = stream.write_all(response.as_bytes());
    let _ = stream.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_uri_with_port_zero_names_the_port_picked() {
        let listener = LoopbackListener::for_redirect_uri("http://localhost:0/oauth/done").unwrap();
        let url = Url::parse(listener.redirect_uri()).unwrap();
        assert_eq!(url.host_str(), Some("localhost"));
        assert_ne!(url.port(), Some(0));
        assert_eq!(url.path(), "/oauth/done");
    }

    #[test]
    fn only_loopback_http_redirect_uris_can_be_awaited() {
        for uri in [
            "https://127.0.0.1:8765/callback",
            "http://example.com:8765/callback",
            "http://192.168.1.2:8765/callback",
            "not a url",
        ] {
            assert!(
                matches!(
                    LoopbackListener::for_redirect_uri(uri),
                    Err(Error::NotLoopbackRedirectUri(_))
                ),
                "{uri}"
            );
        }
    }

    #[test]
    fn waiting_stops_soon_after_it_is_cancelled() {
        let listener = LoopbackListener::bind(0).unwrap();
        let cancelled = std::sync::Arc::new(AtomicBool::new(false));
        let canceller = {
            let cancelled = cancelled.clone();
            thread::spawn(move || {
                thread::sleep(Duration::from_millis(200));
                cancelled.store(true, Ordering::SeqCst);
            })
        };
        let started = Instant::now();
        let error = listener
            .wait_for_redirect_unless("state", Duration::from_secs(30), &cancelled)
            .unwrap_err();
        canceller.join().unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
        assert!(matches!(error, Error::RedirectCancelled { .. }), "{error}");
        assert!(
            error.to_string().contains(listener.redirect_uri()),
            "{error}"
        );
    }

    #[test]
    fn a_port_in_use_is_a_clear_error() {
        let first = LoopbackListener::bind(0).unwrap();
        let taken = Url::parse(first.redirect_uri()).unwrap().port().unwrap();
        let error = LoopbackListener::bind(taken).unwrap_err();
        assert!(matches!(error, Error::LoopbackBind { .. }), "{error}");
        assert!(error.to_string().contains(&taken.to_string()), "{error}");
    }
}
