//! The listener: an HTTP/1.1 server on 127.0.0.1 that turns each request to a flow's URL into a run of that
//! flow (through the caller's `WebhookHandler`) and answers with what the trigger returned.
//!
//! Why `tiny_http`: the listener is a local developer tool that runs one flow per request in a worker
//! process; it needs plain blocking HTTP/1.1, not an async stack. `tiny_http` is small (four light
//! dependencies), maintained, parses HTTP/1.1 (keep-alive, chunked bodies, `Expect: 100-continue`) on its
//! own threads and hands complete requests to one loop; hyper would bring an executor and body plumbing
//! for no gain here.
//!
//! Requests are handled one at a time, in arrival order: a flow run loads the workspace's persisted state
//! (`instanceState`, `crossFlowState`) and saves what it leaves, so two concurrent runs would overwrite each
//! other's state; the platform's synchronous webhook also answers calls in turn. Calls that arrive during a
//! run wait in the server's queue (their connections stay open) until it ends.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use blocksmith_runner::FlowOutcome;
use serde::Serialize;
use serde_json::{Map, Value};

use super::error::{Error, Result};
use super::payload::{request_payload, IncomingRequest};
use super::response::{answer_for_failure, answer_for_outcome, answer_not_found, HttpAnswer};
use super::routes::{match_route, routes_for, FlowRoute};

/// The largest request body read; a larger one answers 413 (a webhook is not an upload endpoint).
pub const MAX_BODY_BYTES: u64 = 32 * 1024 * 1024;

/// One call to a flow's URL, for the handler to run.
#[derive(Debug, Clone, PartialEq)]
pub struct WebhookCall {
    pub flow: String,
    /// The request fields of the trigger's `payload` (`headers`, `body`, `pathFragment`, …).
    pub payload: Value,
    /// Every served flow's local URL by flow name: the run's `webhookUrls`.
    pub webhook_urls: Map<String, Value>,
    /// This flow's local URL: the run's `invokeUrl`.
    pub invoke_url: String,
    pub execution_id: String,
    pub started_at: SystemTime,
}

/// What one request came to, for the caller's log or UI.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServedCall {
    pub method: String,
    pub path: String,
    /// The flow the path reached, if any.
    pub flow: Option<String>,
    pub status: u16,
    pub duration_ms: f64,
    pub execution_id: Option<String>,
    /// The flow's outcome (as the handler gave it: secrets already redacted), when the flow ran.
    pub outcome: Option<FlowOutcome>,
    /// Why no flow ran, when none did (unknown path, unreadable body, the handler's error).
    pub error: Option<String>,
}

/// Runs the flows the listener serves. Called on the listener's thread, one call at a time.
pub trait WebhookHandler: Send + 'static {
    /// Runs `call.flow` with the call's payload; the outcome should have secrets redacted, since it is
    /// answered to the caller. An `Err` (a sentence) answers 500: the flow could not be run at all.
    fn run(&mut self, call: &WebhookCall) -> std::result::Result<FlowOutcome, String>;

    /// Told after each request is answered.
    fn served(&mut self, _call: &ServedCall) {}
}

/// A running listener. Dropping it (or `stop`) closes the port.
pub struct WebhookServer {
    address: SocketAddr,
    server: Arc<tiny_http::Server>,
    stopping: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    flow_urls: Map<String, Value>,
}

impl WebhookServer {
    /// Listens on 127.0.0.1:`port` (0 for any free port) and serves `flows` at `/<flow-slug>`.
    pub fn start<S: AsRef<str>>(
        port: u16,
        flows: &[S],
        handler: impl WebhookHandler,
    ) -> Result<WebhookServer> {
        let requested = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let server = tiny_http::Server::http(requested).map_err(|source| Error::Bind {
            address: requested,
            reason: source.to_string(),
        })?;
        let address = server
            .server_addr()
            .to_ip()
            .ok_or(Error::NotTcp { address: requested })?;
        let server = Arc::new(server);
        let routes = routes_for(flows);
        let base_url = format!("http://{address}");
        let flow_urls: Map<String, Value> = routes
            .iter()
            .map(|route| {
                (
                    route.flow.clone(),
                    Value::String(format!("{base_url}/{}", route.slug)),
                )
            })
            .collect();
        let stopping = Arc::new(AtomicBool::new(false));
        let serve_loop = ServeLoop {
            server: server.clone(),
            stopping: stopping.clone(),
            routes,
            base_url,
            flow_urls: flow_urls.clone(),
            handler,
            calls: AtomicU64::new(1),
        };
        let thread = std::thread::Builder::new()
            .name("webhook-listener".into())
            .spawn(move || serve_loop.run())
            .map_err(Error::Thread)?;
        Ok(WebhookServer {
            address,
            server,
            stopping,
            thread: Some(thread),
            flow_urls,
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// `http://127.0.0.1:PORT`
    pub fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Each served flow's URL by flow name.
    pub fn flow_urls(&self) -> &Map<String, Value> {
        &self.flow_urls
    }

    /// Stops taking requests, lets a call in progress finish, and closes the port.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for WebhookServer {
    fn drop(&mut self) {
        self.shut_down();
    }
}

struct ServeLoop<H> {
    server: Arc<tiny_http::Server>,
    stopping: Arc<AtomicBool>,
    routes: Vec<FlowRoute>,
    base_url: String,
    flow_urls: Map<String, Value>,
    handler: H,
    calls: AtomicU64,
}

impl<H: WebhookHandler> ServeLoop<H> {
    fn run(mut self) {
        loop {
            match self.server.recv() {
                Ok(request) => self.serve(request),
                // `unblock` (stop) or a failed accept; only the first ends the loop.
                Err(_) if self.stopping.load(Ordering::SeqCst) => break,
                Err(_) => continue,
            }
        }
    }

    fn serve(&mut self, mut request: tiny_http::Request) {
        let started = Instant::now();
        let method = request.method().as_str().to_string();
        let url = request.url().to_string();
        let path = url
            .split_once('?')
            .map_or(url.as_str(), |(p, _)| p)
            .to_string();
        let mut served = ServedCall {
            method: method.clone(),
            path: path.clone(),
            flow: None,
            status: 0,
            duration_ms: 0.0,
            execution_id: None,
            outcome: None,
            error: None,
        };
        let answer = match match_route(&self.routes, &path) {
            None => {
                served.error = Some(format!("No flow is served at {path}."));
                answer_not_found(&path, &self.flow_urls)
            }
            Some(hit) => {
                let flow = hit.route.flow.clone();
                let slug = hit.route.slug.clone();
                let fragment = hit.path_fragment;
                served.flow = Some(flow.clone());
                match read_body(&mut request) {
                    Err(answer) => {
                        served.error = Some(String::from_utf8_lossy(&answer.body).into_owned());
                        answer
                    }
                    Ok(body) => {
                        let incoming = IncomingRequest {
                            method,
                            url: url.clone(),
                            headers: request
                                .headers()
                                .iter()
                                .map(|h| (h.field.as_str().to_string(), h.value.to_string()))
                                .collect(),
                            body,
                        };
                        let now = SystemTime::now();
                        let call = WebhookCall {
                            payload: request_payload(&incoming, &fragment),
                            webhook_urls: self.flow_urls.clone(),
                            invoke_url: format!("{}/{slug}", self.base_url),
                            execution_id: self.next_execution_id(now),
                            started_at: now,
                            flow,
                        };
                        served.execution_id = Some(call.execution_id.clone());
                        match self.handler.run(&call) {
                            Ok(outcome) => {
                                let answer = answer_for_outcome(&outcome, &call.execution_id);
                                served.outcome = Some(outcome);
                                answer
                            }
                            Err(message) => {
                                let answer = answer_for_failure(&message, &call.execution_id);
                                served.error = Some(message);
                                answer
                            }
                        }
                    }
                }
            }
        };
        served.status = answer.status;
        // A caller that hung up does not make the listener fail.
        let _ = write_answer(request, &answer);
        served.duration_ms = started.elapsed().as_secs_f64() * 1000.0;
        self.handler.served(&served);
    }

    /// `local-<milliseconds>-<n>`: unique within the listener and telling when the call came.
    fn next_execution_id(&self, now: SystemTime) -> String {
        let millis = now
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_millis();
        let n = self.calls.fetch_add(1, Ordering::Relaxed);
        format!("local-{millis}-{n}")
    }
}

fn read_body(request: &mut tiny_http::Request) -> std::result::Result<Vec<u8>, HttpAnswer> {
    let mut body = Vec::new();
    let too_large = || {
        HttpAnswer::json(
            413,
            &serde_json::json!({
                "error": format!("The request body is larger than {MAX_BODY_BYTES} bytes.")
            }),
        )
    };
    if request
        .body_length()
        .is_some_and(|length| length as u64 > MAX_BODY_BYTES)
    {
        return Err(too_large());
    }
    match request
        .as_reader()
        .take(MAX_BODY_BYTES + 1)
        .read_to_end(&mut body)
    {
        Ok(_) if body.len() as u64 > MAX_BODY_BYTES => Err(too_large()),
        Ok(_) => Ok(body),
        Err(error) => Err(HttpAnswer::json(
            400,
            &serde_json::json!({ "error": format!("The request body could not be read: {error}.") }),
        )),
    }
}

/// Writes the answer itself rather than through `tiny_http::Response`, to send `Connection: close` (which
/// tiny_http does not let a response set): a caller's kept-alive connection would outlive `stop`, and a
/// request sent on it afterwards would wait for an answer that never comes.
fn write_answer(request: tiny_http::Request, answer: &HttpAnswer) -> std::io::Result<()> {
    let head_only = *request.method() == tiny_http::Method::Head;
    // 204 and 304 carry no body, so no length either (RFC 9110 §8.6).
    let bodiless = matches!(answer.status, 204 | 304);
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nDate: {}\r\nConnection: close\r\n",
        answer.status,
        tiny_http::StatusCode(answer.status).default_reason_phrase(),
        httpdate::fmt_http_date(SystemTime::now()),
    );
    if !bodiless {
        if is_header_value(&answer.content_type) {
            head.push_str(&format!("Content-Type: {}\r\n", answer.content_type));
        }
        head.push_str(&format!("Content-Length: {}\r\n", answer.body.len()));
    }
    for (name, value) in &answer.headers {
        // A name or value HTTP cannot carry (a newline, a space in a name) is left out rather than failing the
        // call; the framing headers are the listener's own.
        let framing = [
            "content-length",
            "connection",
            "transfer-encoding",
            "date",
            "content-type",
        ]
        .iter()
        .any(|own| name.eq_ignore_ascii_case(own));
        if !framing && is_header_name(name) && is_header_value(value) {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    head.push_str("\r\n");
    let mut writer = request.into_writer();
    writer.write_all(head.as_bytes())?;
    if !head_only && !bodiless {
        writer.write_all(&answer.body)?;
    }
    writer.flush()
}

/// An HTTP token (RFC 9110 §5.1): visible ASCII without separators.
fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Visible ASCII, spaces and tabs: no line breaks that would end the header early.
fn is_header_value(value: &str) -> bool {
    value
        .bytes()
        .all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_and_values_that_would_break_the_message_are_refused() {
        assert!(is_header_name("X-Request-Id"));
        assert!(!is_header_name("X Request"));
        assert!(!is_header_name("X:Y"));
        assert!(!is_header_name(""));
        assert!(is_header_value("text/csv; charset=utf-8"));
        assert!(!is_header_value("a\r\nSet-Cookie: x"));
        assert!(!is_header_value("caf\u{e9}"));
    }
}
