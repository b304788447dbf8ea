//! The HTTP half of `fetch`: one request, run on its own thread with a blocking reqwest client, so the
//! event loop can sleep until the answer arrives.

use std::error::Error as _;
use std::time::Duration;

use reqwest::blocking::Client;
use reqwest::redirect::Policy;

/// Node follows at most 20 redirects.
const MAX_REDIRECTS: usize = 20;

/// What `fetch` does with a 3xx answer (the `redirect` option of a `Request`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirectMode {
    Follow,
    /// Hand the 3xx response to the block as it is.
    Manual,
    /// A 3xx response fails the fetch.
    Error,
}

impl RedirectMode {
    pub fn named(name: &str) -> Option<Self> {
        Some(match name {
            "follow" => Self::Follow,
            "manual" => Self::Manual,
            "error" => Self::Error,
            _ => return None,
        })
    }
}

/// One request a block's `fetch` makes, as it goes out.
#[derive(Debug, Clone)]
pub struct FetchRequest {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    pub redirect: RedirectMode,
    pub timeout: Duration,
}

/// The answer to a request, its body read whole.
#[derive(Debug, Clone)]
pub struct FetchedResponse {
    pub status: u16,
    pub status_text: String,
    pub url: String,
    pub redirected: bool,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// Why a request got no HTTP answer; the prelude turns it into `TypeError: fetch failed` with this as
/// the `cause`. Never holds the URL as sent (it may carry a key in its query); a replay's missing-request
/// message names it with each secret as its placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchFailure {
    pub cause: String,
}

/// Sends the request over the network and reads the whole body. Blocks the calling (I/O) thread.
pub fn perform(request: FetchRequest) -> Result<FetchedResponse, FetchFailure> {
    let policy = match request.redirect {
        RedirectMode::Follow => Policy::limited(MAX_REDIRECTS),
        RedirectMode::Manual | RedirectMode::Error => Policy::none(),
    };
    let client = Client::builder()
        .redirect(policy)
        .timeout(request.timeout)
        .build()
        .map_err(|error| failure(&error, request.timeout))?;
    let method =
        reqwest::Method::from_bytes(request.method.as_bytes()).map_err(|_| FetchFailure {
            cause: format!("`{}` is not a valid HTTP method", request.method),
        })?;
    let mut builder = client.request(method, &request.url);
    let mut has_accept = false;
    let mut has_user_agent = false;
    for (name, value) in &request.headers {
        has_accept |= name.eq_ignore_ascii_case("accept");
        has_user_agent |= name.eq_ignore_ascii_case("user-agent");
        builder = builder.header(name, value);
    }
    // Node's fetch (undici) sends these two when the block does not.
    if !has_accept {
        builder = builder.header("accept", "*/*");
    }
    if !has_user_agent {
        builder = builder.header("user-agent", "node");
    }
    if let Some(body) = request.body {
        builder = builder.body(body);
    }
    let response = builder
        .send()
        .map_err(|error| failure(&error, request.timeout))?;
    let status = response.status();
    if request.redirect == RedirectMode::Error && status.is_redirection() {
        return Err(FetchFailure {
            cause: "unexpected redirect (the request's redirect mode is \"error\")".to_owned(),
        });
    }
    let url = response.url().to_string();
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            (name.as_str().to_owned(), value)
        })
        .collect();
    // Compared parsed, since parsing normalises (`http://host` becomes `http://host/`).
    let redirected = reqwest::Url::parse(&request.url).is_ok_and(|asked| asked.as_str() != url);
    let body = response
        .bytes()
        .map_err(|error| failure(&error, request.timeout))?
        .to_vec();
    Ok(FetchedResponse {
        status: status.as_u16(),
        status_text: status.canonical_reason().unwrap_or_default().to_owned(),
        url,
        redirected,
        headers,
        body,
    })
}

fn failure(error: &reqwest::Error, timeout: Duration) -> FetchFailure {
    if error.is_timeout() {
        return FetchFailure {
            cause: format!(
                "the request did not finish within {} ms",
                timeout.as_millis()
            ),
        };
    }
    // reqwest's own text names the URL; the innermost source (e.g. "Connection refused") is what helps.
    let mut cause = String::from("request failed");
    let mut source = error.source();
    while let Some(inner) = source {
        cause = inner.to_string();
        source = inner.source();
    }
    FetchFailure { cause }
}
