//! The HTTP client handed to the oauth2 crate. The crate has no per-request header API, so this
//! wrapper adds the connection's extra headers to every request it sends, and keeps the raw
//! exchange so a failure can be explained and the inspector can show it.

use std::cell::RefCell;
use std::time::Duration;

use oauth2::{HttpRequest, HttpResponse, SyncHttpClient};

use crate::config::ExtraHeaders;
use crate::error::{Error, Result};
use crate::inspector::{RawExchange, RawOutcome, RawRequest, RawResponse};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Builds the client for token requests. It follows no redirect: a token endpoint that redirects
/// is misconfigured, and following would resend the client's credentials to another URL.
pub(crate) fn token_http_client() -> Result<reqwest::blocking::Client> {
    reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(REQUEST_TIMEOUT)
        .build()
        .map_err(|error| Error::HttpClient(error.to_string()))
}

/// Why no response arrived, free of secrets.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct TransportError(String);

/// Sends one request with the extra headers and records it; the oauth2 crate calls it through
/// [`SyncHttpClient`].
pub(crate) struct RecordingTransport<'a> {
    http: &'a reqwest::blocking::Client,
    extra_headers: &'a ExtraHeaders,
    exchange: RefCell<Option<RawExchange>>,
}

impl<'a> RecordingTransport<'a> {
    pub fn new(http: &'a reqwest::blocking::Client, extra_headers: &'a ExtraHeaders) -> Self {
        Self {
            http,
            extra_headers,
            exchange: RefCell::new(None),
        }
    }

    /// The exchange made, if a request was sent.
    pub fn into_exchange(self) -> Option<RawExchange> {
        self.exchange.into_inner()
    }

    fn send(&self, mut request: HttpRequest) -> std::result::Result<HttpResponse, TransportError> {
        for (name, value) in self.extra_headers.iter() {
            request.headers_mut().insert(name.clone(), value.clone());
        }
        let recorded = RawRequest {
            method: request.method().clone(),
            url: request.uri().to_string(),
            headers: request.headers().clone(),
            body: request.body().clone(),
        };
        let outcome = self.execute(request);
        let result = match &outcome {
            RawOutcome::Response(response) => {
                let mut builder = oauth2::http::Response::builder().status(response.status);
                for (name, value) in &response.headers {
                    builder = builder.header(name, value);
                }
                builder
                    .body(response.body.clone())
                    .map_err(|error| TransportError(error.to_string()))
            }
            RawOutcome::Failed(reason) => Err(TransportError(reason.clone())),
        };
        self.exchange.replace(Some(RawExchange {
            request: recorded,
            outcome,
        }));
        result
    }

    fn execute(&self, request: HttpRequest) -> RawOutcome {
        let request = match reqwest::blocking::Request::try_from(request) {
            Ok(request) => request,
            Err(error) => return RawOutcome::Failed(root_cause(&error)),
        };
        let response = match self.http.execute(request) {
            Ok(response) => response,
            Err(error) => return RawOutcome::Failed(describe_failure(&error)),
        };
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        match response.bytes() {
            Ok(body) => RawOutcome::Response(RawResponse {
                status,
                headers,
                body: body.to_vec(),
            }),
            Err(error) => RawOutcome::Failed(format!(
                "the response body could not be read ({})",
                root_cause(&error)
            )),
        }
    }
}

impl SyncHttpClient for RecordingTransport<'_> {
    type Error = TransportError;

    fn call(&self, request: HttpRequest) -> std::result::Result<HttpResponse, TransportError> {
        self.send(request)
    }
}

/// Why a request got no answer, in words and without the URL (which the caller names).
pub(crate) fn describe_failure(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        "the request timed out".to_owned()
    } else if error.is_connect() {
        format!("the connection failed ({})", root_cause(error))
    } else {
        root_cause(error)
    }
}

/// The innermost cause, e.g. "Connection refused (os error 111)": the outer layers of a reqwest
/// error repeat the URL and say less.
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(source) = cause.source() {
        cause = source;
    }
    cause.to_string()
}
