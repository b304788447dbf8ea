//! The listener: an HTTP/1.1 server on 127.0.0.1 that turns each request to a flow's URL into a run of that
//! flow (through the caller's `WebhookHandler`) and answers with what the trigger returned.
//!
//! Three kinds of threads, so that no caller can hold up another:
//!
//! - one accepts connections and gives each to a thread of its own (at most `max_connections` at once);
//! - a connection's thread reads its one request within the limits (`wire`), refuses what may not reach a flow
//!   (`access`, the token in `routes`) and answers refusals itself, then queues the complete request for a run
//!   and writes the answer it gets back. A stalled or trickling caller only ever holds its own thread, until
//!   its read times out;
//! - one runs the queued calls, one at a time in arrival order: a flow run loads the workspace's persisted state
//!   (`instanceState`, `crossFlowState`) and saves what it leaves, so two concurrent runs would overwrite each
//!   other's state; the platform's synchronous webhook also answers calls in turn. It never touches a socket.
//!
//! `stop` closes the port at once, answers queued calls 503, lets a run in progress finish and returns; threads
//! still reading a slow request end by their own timeouts.

use std::io::BufReader;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use blocksmith_runner::FlowOutcome;
use serde::Serialize;
use serde_json::{Map, Value};

use super::access::check_caller;
use super::error::{Error, Result};
use super::payload::{request_payload, IncomingRequest};
use super::response::{answer_for_failure, answer_for_outcome, answer_not_found, HttpAnswer};
use super::routes::{check_token, flow_path, match_route, routes_for, strip_token, FlowRoute};
use super::wire::{
    body_framing, close_gently, read_body, read_head, write_answer, write_continue, BodyFraming,
    DeadlineReader, HeadRead, Refusal, RequestLimits,
};

/// How long a connection stays open after its answer, so the caller reads the answer before the close.
const LINGER: Duration = Duration::from_secs(2);

/// One call to a flow's URL, for the handler to run.
#[derive(Debug, Clone, PartialEq)]
pub struct WebhookCall {
    pub flow: String,
    /// The request fields of the trigger's `payload` (`headers`, `body`, `pathFragment`, …).
    pub payload: Value,
    /// Every served flow's local URL by flow name (token included): the run's `webhookUrls`.
    pub webhook_urls: Map<String, Value>,
    /// This flow's local URL (token included): the run's `invokeUrl`.
    pub invoke_url: String,
    pub execution_id: String,
    pub started_at: SystemTime,
}

/// What one request came to, for the caller's log or UI.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServedCall {
    pub method: String,
    /// The request's path without its query. When it carries the listener's token, the path after it
    /// (`/flow-1/orders`): the token is the key to the flows and is not repeated in every log line.
    pub path: String,
    /// The flow the path reached, if any.
    pub flow: Option<String>,
    pub status: u16,
    pub duration_ms: f64,
    pub execution_id: Option<String>,
    /// The flow's outcome (as the handler gave it: secrets already redacted), when the flow ran.
    pub outcome: Option<FlowOutcome>,
    /// Why no flow ran, when none did (refused, unknown path, unreadable body, the handler's error).
    pub error: Option<String>,
}

/// Runs the flows the listener serves. Called on the listener's run thread, one call at a time.
pub trait WebhookHandler: Send + 'static {
    /// Runs `call.flow` with the call's payload; the outcome should have secrets redacted, since it is
    /// answered to the caller. An `Err` (a sentence) answers 500: the flow could not be run at all.
    fn run(&mut self, call: &WebhookCall) -> std::result::Result<FlowOutcome, String>;

    /// Told about each request once its answer is decided, refusals included.
    fn served(&mut self, _call: &ServedCall) {}
}

/// Where and how the listener listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenerSettings {
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// The first segment of every flow's URL (the workspace's `LocalIdentity::webhook_token`).
    pub token: String,
    pub limits: RequestLimits,
}

impl ListenerSettings {
    /// `port` and `token` with the default limits.
    pub fn new(port: u16, token: impl Into<String>) -> Self {
        ListenerSettings {
            port,
            token: token.into(),
            limits: RequestLimits::default(),
        }
    }
}

/// A running listener. Dropping it (or `stop`) closes the port.
pub struct WebhookServer {
    address: SocketAddr,
    stopping: Arc<AtomicBool>,
    queue: Sender<Queued>,
    accept_thread: Option<JoinHandle<()>>,
    run_thread: Option<JoinHandle<()>>,
    flow_urls: Map<String, Value>,
}

impl WebhookServer {
    /// Listens on 127.0.0.1:`settings.port` and serves `flows` at `/<token>/<flow-slug>`.
    pub fn start<S: AsRef<str>>(
        settings: ListenerSettings,
        flows: &[S],
        handler: impl WebhookHandler,
    ) -> Result<WebhookServer> {
        check_token(&settings.token)?;
        let requested = SocketAddr::from((Ipv4Addr::LOCALHOST, settings.port));
        let listener = TcpListener::bind(requested).map_err(|source| Error::Bind {
            address: requested,
            reason: source.to_string(),
        })?;
        let address = listener
            .local_addr()
            .map_err(|_| Error::NotTcp { address: requested })?;
        let routes = routes_for(flows);
        let base_url = format!("http://{address}");
        let flow_urls: Map<String, Value> = routes
            .iter()
            .map(|route| {
                let path = flow_path(&settings.token, &route.slug);
                (
                    route.flow.clone(),
                    Value::String(format!("{base_url}{path}")),
                )
            })
            .collect();
        let stopping = Arc::new(AtomicBool::new(false));
        let (queue, inbox) = channel();
        let run_queue = RunQueue {
            inbox,
            stopping: stopping.clone(),
            flow_urls: flow_urls.clone(),
            handler,
            calls: AtomicU64::new(1),
        };
        let run_thread = std::thread::Builder::new()
            .name("webhook-runs".into())
            .spawn(move || run_queue.run())
            .map_err(Error::Thread)?;
        let reception = Arc::new(Reception {
            port: address.port(),
            token: settings.token,
            limits: settings.limits,
            routes,
            base_url,
            open_connections: AtomicUsize::new(0),
        });
        let accept = {
            let stopping = stopping.clone();
            let queue = queue.clone();
            move || accept_loop(listener, reception, queue, stopping)
        };
        let accept_thread = match std::thread::Builder::new()
            .name("webhook-accept".into())
            .spawn(accept)
        {
            Ok(thread) => thread,
            Err(error) => {
                let _ = queue.send(Queued::Stop);
                let _ = run_thread.join();
                return Err(Error::Thread(error));
            }
        };
        Ok(WebhookServer {
            address,
            stopping,
            queue,
            accept_thread: Some(accept_thread),
            run_thread: Some(run_thread),
            flow_urls,
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// `http://127.0.0.1:PORT`: where the listener is, not a URL that answers (those carry the token).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Each served flow's URL by flow name: `http://127.0.0.1:PORT/<token>/<flow-slug>`.
    pub fn flow_urls(&self) -> &Map<String, Value> {
        &self.flow_urls
    }

    /// Stops taking requests, lets a call in progress finish, and closes the port.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        if self.stopping.swap(true, Ordering::SeqCst) {
            return;
        }
        // The accept thread waits in accept(): a connection of our own wakes it to see `stopping`.
        let woken = TcpStream::connect_timeout(&self.address, Duration::from_secs(1)).is_ok();
        let _ = self.queue.send(Queued::Stop);
        if let Some(thread) = self.accept_thread.take() {
            // Without the wake-up the join could wait for the next caller; the thread then ends on its own.
            if woken {
                let _ = thread.join();
            }
        }
        if let Some(thread) = self.run_thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for WebhookServer {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// What the connection threads send the run thread.
enum Queued {
    /// A complete request for a flow, to run.
    Call(QueuedCall),
    /// A request answered without a run, for the handler's log.
    Served(ServedCall),
    Stop,
}

struct QueuedCall {
    flow: String,
    invoke_url: String,
    fragment: String,
    request: IncomingRequest,
    /// What the log shows of the request.
    method: String,
    shown_path: String,
    received_at: Instant,
    answer: Sender<HttpAnswer>,
}

/// What the connection threads share: how to read and route a request.
struct Reception {
    port: u16,
    token: String,
    limits: RequestLimits,
    routes: Vec<FlowRoute>,
    base_url: String,
    open_connections: AtomicUsize,
}

fn accept_loop(
    listener: TcpListener,
    reception: Arc<Reception>,
    queue: Sender<Queued>,
    stopping: Arc<AtomicBool>,
) {
    for incoming in listener.incoming() {
        if stopping.load(Ordering::SeqCst) {
            break;
        }
        let mut stream = match incoming {
            Ok(stream) => stream,
            // Out of file descriptors and the like: wait a little rather than spin.
            Err(_) => {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        let Some(open) = OpenConnection::count(&reception) else {
            let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
            let busy = Refusal::new(
                503,
                "The webhook listener is busy with other callers; call again shortly.",
            );
            let _ = write_answer(&mut stream, &busy.answer(), false);
            continue;
        };
        let queue = queue.clone();
        // A thread that cannot be started drops its connection (and its count) with the closure.
        let _ = std::thread::Builder::new()
            .name("webhook-request".into())
            .spawn(move || receive(stream, &open.0, &queue));
    }
}

/// Counts a connection as open for as long as it lives, however its thread ends.
struct OpenConnection(Arc<Reception>);

impl OpenConnection {
    /// Counts a new connection, or counts nothing and gives `None` when `max_connections` are open already.
    fn count(reception: &Arc<Reception>) -> Option<OpenConnection> {
        let before = reception.open_connections.fetch_add(1, Ordering::SeqCst);
        let open = OpenConnection(reception.clone());
        (before < reception.limits.max_connections).then_some(open)
    }
}

impl Drop for OpenConnection {
    fn drop(&mut self) {
        self.0.open_connections.fetch_sub(1, Ordering::SeqCst);
    }
}

/// What became of a connection's request before any run.
enum Admission {
    /// The caller sent nothing at all: nothing to answer or log.
    Nothing,
    Refused {
        method: String,
        shown_path: String,
        flow: Option<String>,
        answer: HttpAnswer,
        error: String,
    },
    Call(Box<AdmittedCall>),
}

struct AdmittedCall {
    method: String,
    shown_path: String,
    flow: String,
    invoke_url: String,
    fragment: String,
    request: IncomingRequest,
}

/// Reads, checks and answers the one request of a connection.
fn receive(stream: TcpStream, reception: &Reception, queue: &Sender<Queued>) {
    let received_at = Instant::now();
    let limits = &reception.limits;
    let _ = stream.set_nodelay(true);
    if stream.set_write_timeout(Some(limits.idle_timeout)).is_err() {
        return;
    }
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(DeadlineReader::new(
        read_half,
        limits.idle_timeout,
        received_at + limits.request_timeout,
    ));
    let mut writer = stream;
    match admit(&mut reader, &mut writer, reception) {
        Admission::Nothing => {}
        Admission::Refused {
            method,
            shown_path,
            flow,
            answer,
            error,
        } => {
            let head_only = method.eq_ignore_ascii_case("HEAD");
            let _ = write_answer(&mut writer, &answer, head_only);
            close_gently(writer, LINGER, limits.max_body_bytes * 2);
            let _ = queue.send(Queued::Served(ServedCall {
                method,
                path: shown_path,
                flow,
                status: answer.status,
                duration_ms: received_at.elapsed().as_secs_f64() * 1000.0,
                execution_id: None,
                outcome: None,
                error: Some(error),
            }));
        }
        Admission::Call(call) => {
            let head_only = call.method.eq_ignore_ascii_case("HEAD");
            let (answer_to, answer_from) = channel();
            let queued = queue.send(Queued::Call(QueuedCall {
                flow: call.flow,
                invoke_url: call.invoke_url,
                fragment: call.fragment,
                request: call.request,
                method: call.method,
                shown_path: call.shown_path,
                received_at,
                answer: answer_to,
            }));
            let answer = queued
                .ok()
                .and_then(|()| answer_from.recv().ok())
                .unwrap_or_else(stopped_answer);
            let _ = write_answer(&mut writer, &answer, head_only);
            close_gently(writer, LINGER, limits.max_body_bytes * 2);
        }
    }
}

fn stopped_answer() -> HttpAnswer {
    Refusal::new(
        503,
        "The webhook listener was stopped before this call ran; turn it on and call again.",
    )
    .answer()
}

/// Reads the request and decides whether it may run a flow: the caller's checks, then the token and the
/// route, then the body within its cap. Nothing of the body is read for a request that is refused.
fn admit(
    reader: &mut BufReader<DeadlineReader>,
    writer: &mut TcpStream,
    reception: &Reception,
) -> Admission {
    let limits = &reception.limits;
    let refused =
        |method: &str, path: &str, flow: Option<&str>, refusal: Refusal| Admission::Refused {
            method: method.to_string(),
            shown_path: reception.shown_path(path).to_string(),
            flow: flow.map(str::to_string),
            answer: refusal.answer(),
            error: refusal.message,
        };
    let head = match read_head(reader, limits) {
        HeadRead::Head(head) => head,
        HeadRead::Nothing => return Admission::Nothing,
        HeadRead::Refused {
            refusal,
            method,
            target,
        } => {
            let path = target.split_once('?').map_or(target.as_str(), |(p, _)| p);
            return refused(&method, path, None, refusal);
        }
    };
    let method = head.method.clone();
    let path = head.path().to_string();
    if let Err(refusal) = check_caller(&head, reception.port) {
        return refused(&method, &path, None, refusal);
    }
    let hit = strip_token(&path, &reception.token)
        .and_then(|local| match_route(&reception.routes, local));
    let Some(hit) = hit else {
        return Admission::Refused {
            method,
            shown_path: reception.shown_path(&path).to_string(),
            flow: None,
            answer: answer_not_found(),
            error: format!("No flow is served at {}.", reception.shown_path(&path)),
        };
    };
    let flow = hit.route.flow.clone();
    let framing = match body_framing(&head, limits) {
        Ok(framing) => framing,
        Err(refusal) => return refused(&method, &path, Some(&flow), refusal),
    };
    let expects: Vec<&str> = head.values("expect").collect();
    if !expects.is_empty() {
        if expects.len() > 1 || !expects[0].trim().eq_ignore_ascii_case("100-continue") {
            let refusal = Refusal::new(
                417,
                "The webhook listener only understands Expect: 100-continue.",
            );
            return refused(&method, &path, Some(&flow), refusal);
        }
        // The caller waits for this before sending the body it announced (curl does, for large bodies).
        if head.minor_version >= 1
            && framing != BodyFraming::Length(0)
            && write_continue(writer).is_err()
        {
            return Admission::Nothing;
        }
    }
    let body = match read_body(reader, framing, limits) {
        Ok(body) => body,
        Err(refusal) => return refused(&method, &path, Some(&flow), refusal),
    };
    let local_target = head
        .target
        .strip_prefix(&format!("/{}", reception.token))
        .unwrap_or(&head.target)
        .to_string();
    Admission::Call(Box::new(AdmittedCall {
        shown_path: reception.shown_path(&path).to_string(),
        invoke_url: format!(
            "{}{}",
            reception.base_url,
            flow_path(&reception.token, &hit.route.slug)
        ),
        fragment: hit.path_fragment,
        request: IncomingRequest {
            method: method.clone(),
            url: local_target,
            headers: head.headers,
            body,
        },
        method,
        flow,
    }))
}

impl Reception {
    /// `path` as the log shows it: without the token when it carries it.
    fn shown_path<'a>(&self, path: &'a str) -> &'a str {
        match strip_token(path, &self.token) {
            Some("") => "/",
            Some(rest) => rest,
            None => path,
        }
    }
}

/// The run thread: runs queued calls in turn and tells the handler about every request.
struct RunQueue<H> {
    inbox: Receiver<Queued>,
    stopping: Arc<AtomicBool>,
    flow_urls: Map<String, Value>,
    handler: H,
    calls: AtomicU64,
}

impl<H: WebhookHandler> RunQueue<H> {
    fn run(mut self) {
        while let Ok(message) = self.inbox.recv() {
            match message {
                Queued::Stop => break,
                Queued::Served(call) => self.handler.served(&call),
                Queued::Call(call) => self.run_call(call),
            }
        }
    }

    fn run_call(&mut self, queued: QueuedCall) {
        let mut served = ServedCall {
            method: queued.method.clone(),
            path: queued.shown_path.clone(),
            flow: Some(queued.flow.clone()),
            status: 0,
            duration_ms: 0.0,
            execution_id: None,
            outcome: None,
            error: None,
        };
        let answer = if self.stopping.load(Ordering::SeqCst) {
            let answer = stopped_answer();
            served.error = Some("The listener was stopped before this call ran.".to_string());
            answer
        } else {
            let now = SystemTime::now();
            let call = WebhookCall {
                payload: request_payload(&queued.request, &queued.fragment),
                webhook_urls: self.flow_urls.clone(),
                invoke_url: queued.invoke_url,
                execution_id: self.next_execution_id(now),
                started_at: now,
                flow: queued.flow,
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
        };
        served.status = answer.status;
        // A caller that hung up meanwhile does not matter: the run is done and logged all the same.
        let _ = queued.answer.send(answer);
        served.duration_ms = queued.received_at.elapsed().as_secs_f64() * 1000.0;
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
