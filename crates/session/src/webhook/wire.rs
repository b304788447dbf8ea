//! HTTP/1.1 on the wire: one request read off a connection within limits, and one answer written back.
//!
//! Why not a server crate: the listener must bound everything a caller controls, because any local process and
//! any web page can reach 127.0.0.1. `tiny_http` (used before) reads header lines of any length and any number,
//! and reads with no timeout, so one caller could fill memory or hold the listener forever; it offers no way to
//! limit either. hyper would bring an async runtime into this blocking crate. So the listener reads the head
//! itself with `httparse` (hyper's own parser) into a buffer of bounded size, and every read of a connection
//! waits at most `idle_timeout` for the next bytes and never past the request's deadline.
//!
//! Each connection carries one request: every answer says `Connection: close`, so no connection outlives its
//! call (or the listener's `stop`).

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant, SystemTime};

use super::response::HttpAnswer;

/// The bounds on what one caller may send and how long it may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestLimits {
    /// The largest request body; a larger one answers 413 (a webhook is not an upload endpoint).
    pub max_body_bytes: u64,
    /// The largest request head (request line and headers); a larger one answers 431.
    pub max_head_bytes: usize,
    /// The most header lines; more answer 431.
    pub max_headers: usize,
    /// The longest wait for a caller's next bytes (and for it to take the answer).
    pub idle_timeout: Duration,
    /// The longest time a whole request may take to arrive, however steadily it trickles in.
    pub request_timeout: Duration,
    /// The most connections read at once; more are answered 503 at once.
    pub max_connections: usize,
}

/// 10 MB: webhook payloads are documents and events, not uploads.
pub const MAX_BODY_BYTES: u64 = 10 * 1024 * 1024;

impl Default for RequestLimits {
    fn default() -> Self {
        RequestLimits {
            max_body_bytes: MAX_BODY_BYTES,
            max_head_bytes: 32 * 1024,
            max_headers: 100,
            idle_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_connections: 64,
        }
    }
}

/// A request the listener will not take, with the status and the sentence it is answered with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Refusal {
    pub status: u16,
    pub message: String,
    /// Headers the status calls for (`Allow` with a 405).
    pub headers: Vec<(String, String)>,
}

impl Refusal {
    pub fn new(status: u16, message: impl Into<String>) -> Self {
        Refusal {
            status,
            message: message.into(),
            headers: Vec::new(),
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn answer(&self) -> HttpAnswer {
        HttpAnswer {
            headers: self.headers.clone(),
            ..HttpAnswer::json(self.status, &serde_json::json!({ "error": self.message }))
        }
    }
}

/// The request line and headers of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Head {
    pub method: String,
    /// The request target as sent (`/token/flow/x?y=1`).
    pub target: String,
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    pub minor_version: u8,
    /// Names and values as sent, in order (values that are not UTF-8 are read as Latin-1, as HTTP/1.1 allows).
    pub headers: Vec<(String, String)>,
}

impl Head {
    /// Every value of the header `name` (any case), in order.
    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(field, _)| field.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The path of the target, without its query.
    pub fn path(&self) -> &str {
        self.target
            .split_once('?')
            .map_or(self.target.as_str(), |(path, _)| path)
    }
}

/// How far reading a head got: a whole head, a refusal (with whatever of the request line was read, for the
/// caller's log), or a connection that sent nothing at all (closed, or silent until the timeout): nothing to
/// answer or log.
#[derive(Debug)]
pub(super) enum HeadRead {
    Head(Head),
    Refused {
        refusal: Refusal,
        method: String,
        target: String,
    },
    Nothing,
}

/// A connection's bytes as read: each read waits at most `idle` for data and never past `deadline`.
pub(super) struct DeadlineReader {
    stream: TcpStream,
    idle: Duration,
    deadline: Instant,
}

impl DeadlineReader {
    pub fn new(stream: TcpStream, idle: Duration, deadline: Instant) -> Self {
        DeadlineReader {
            stream,
            idle,
            deadline,
        }
    }
}

impl Read for DeadlineReader {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        // A zero timeout means "wait forever" to the socket: never pass one.
        let wait = left.min(self.idle).max(Duration::from_millis(1));
        self.stream.set_read_timeout(Some(wait))?;
        match self.stream.read(buffer) {
            // A timed-out socket read reports WouldBlock on Unix and TimedOut on Windows.
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => {
                Err(io::ErrorKind::TimedOut.into())
            }
            other => other,
        }
    }
}

/// Reads a request head of at most `limits.max_head_bytes` and `limits.max_headers` lines from `source`.
pub(super) fn read_head<R: BufRead>(source: &mut R, limits: &RequestLimits) -> HeadRead {
    let mut buffer: Vec<u8> = Vec::with_capacity(4096);
    loop {
        let available = match source.fill_buf() {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => {
                if buffer.is_empty() {
                    return HeadRead::Nothing;
                }
                return refused_partway(&buffer, limits, read_refusal(&error, "request head"));
            }
        };
        if available.is_empty() {
            if buffer.is_empty() {
                return HeadRead::Nothing;
            }
            return refused_partway(
                &buffer,
                limits,
                Refusal::new(400, "The request ended before its head did."),
            );
        }
        // Take only up to the end of the head, so the body's first bytes stay in `source` for the body reader.
        let scan_from = buffer.len().saturating_sub(3);
        let room = limits.max_head_bytes + 1 - buffer.len();
        let taken = available.len().min(room);
        buffer.extend_from_slice(&available[..taken]);
        let end = head_end(&buffer, scan_from);
        let consumed = match end {
            Some(end) => taken - (buffer.len() - end),
            None => taken,
        };
        source.consume(consumed);
        if let Some(end) = end {
            buffer.truncate(end);
            return parse_head(&buffer, limits);
        }
        if buffer.len() > limits.max_head_bytes {
            return refused_partway(
                &buffer,
                limits,
                Refusal::new(
                    431,
                    format!(
                        "The request's head (request line and headers) is larger than {} bytes.",
                        limits.max_head_bytes
                    ),
                ),
            );
        }
    }
}

/// The length of the head in `buffer` (through its blank line), looking at bytes from `from` on. HTTP/1.1 ends
/// lines with CRLF; a bare LF is accepted as httparse accepts it.
fn head_end(buffer: &[u8], from: usize) -> Option<usize> {
    (from..buffer.len()).find_map(|i| {
        if buffer[i] != b'\n' {
            return None;
        }
        if i >= 1 && buffer[i - 1] == b'\n' {
            return Some(i + 1);
        }
        (i >= 2 && buffer[i - 1] == b'\r' && buffer[i - 2] == b'\n').then_some(i + 1)
    })
}

fn parse_head(bytes: &[u8], limits: &RequestLimits) -> HeadRead {
    let mut headers = vec![httparse::EMPTY_HEADER; limits.max_headers];
    let mut request = httparse::Request::new(&mut headers);
    match request.parse(bytes) {
        Ok(httparse::Status::Complete(_)) => HeadRead::Head(Head {
            method: request.method.unwrap_or_default().to_string(),
            target: request.path.unwrap_or_default().to_string(),
            minor_version: request.version.unwrap_or(1),
            headers: request
                .headers
                .iter()
                .map(|header| (header.name.to_string(), latin1_or_utf8(header.value)))
                .collect(),
        }),
        Ok(httparse::Status::Partial) => refused(
            &request,
            Refusal::new(400, "The request ended before its head did."),
        ),
        Err(httparse::Error::TooManyHeaders) => refused(
            &request,
            Refusal::new(
                431,
                format!(
                    "The request has more than {} header lines.",
                    limits.max_headers
                ),
            ),
        ),
        Err(error) => refused(
            &request,
            Refusal::new(400, format!("The request is not valid HTTP/1.1: {error}.")),
        ),
    }
}

/// A refusal for a head that was cut short, with what its request line said if that much arrived.
fn refused_partway(bytes: &[u8], limits: &RequestLimits, refusal: Refusal) -> HeadRead {
    let mut headers = vec![httparse::EMPTY_HEADER; limits.max_headers];
    let mut request = httparse::Request::new(&mut headers);
    let _ = request.parse(bytes);
    refused(&request, refusal)
}

fn refused(request: &httparse::Request<'_, '_>, refusal: Refusal) -> HeadRead {
    HeadRead::Refused {
        refusal,
        method: request.method.unwrap_or_default().to_string(),
        target: request.path.unwrap_or_default().to_string(),
    }
}

fn latin1_or_utf8(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&byte| byte as char).collect(),
    }
}

/// How the body of a request is framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BodyFraming {
    Length(u64),
    Chunked,
}

/// The body's framing from the head, refusing what would make its end ambiguous (a request both chunked and
/// with a length, or with two different lengths: the classic request-smuggling shapes) and what is too large.
pub(super) fn body_framing(head: &Head, limits: &RequestLimits) -> Result<BodyFraming, Refusal> {
    let encodings: Vec<&str> = head.values("transfer-encoding").collect();
    let lengths: Vec<&str> = head.values("content-length").collect();
    if !encodings.is_empty() {
        if !lengths.is_empty() {
            return Err(Refusal::new(
                400,
                "The request has both Transfer-Encoding and Content-Length; send one.",
            ));
        }
        let codings: Vec<String> = encodings
            .iter()
            .flat_map(|value| value.split(','))
            .map(|coding| coding.trim().to_ascii_lowercase())
            .filter(|coding| !coding.is_empty())
            .collect();
        return if codings == ["chunked"] {
            Ok(BodyFraming::Chunked)
        } else {
            Err(Refusal::new(
                501,
                format!(
                    "The request's Transfer-Encoding {:?} is not supported; send the body as is or chunked.",
                    encodings.join(", ")
                ),
            ))
        };
    }
    let mut length: Option<u64> = None;
    for value in lengths.iter().flat_map(|value| value.split(',')) {
        let value = value.trim();
        let parsed = value
            .bytes()
            .all(|byte| byte.is_ascii_digit())
            .then(|| value.parse::<u64>().ok())
            .flatten()
            .ok_or_else(|| {
                Refusal::new(
                    400,
                    format!("The request's Content-Length {value:?} is not a number."),
                )
            })?;
        if length.is_some_and(|earlier| earlier != parsed) {
            return Err(Refusal::new(
                400,
                "The request has two different Content-Length values.",
            ));
        }
        length = Some(parsed);
    }
    let length = length.unwrap_or(0);
    if length > limits.max_body_bytes {
        return Err(too_large(limits));
    }
    Ok(BodyFraming::Length(length))
}

fn too_large(limits: &RequestLimits) -> Refusal {
    Refusal::new(
        413,
        format!(
            "The request body is larger than {} bytes.",
            limits.max_body_bytes
        ),
    )
}

/// Reads the body framed as `framing`, at most `limits.max_body_bytes` of it: a chunked body that goes past
/// the cap is refused as soon as it does, without reading the rest.
pub(super) fn read_body<R: BufRead>(
    source: &mut R,
    framing: BodyFraming,
    limits: &RequestLimits,
) -> Result<Vec<u8>, Refusal> {
    match framing {
        BodyFraming::Length(length) => {
            // The buffer grows as bytes arrive rather than as announced: a caller that announces 10 MB and sends
            // nothing holds no memory.
            let mut body = Vec::with_capacity(length.min(64 * 1024) as usize);
            source
                .take(length)
                .read_to_end(&mut body)
                .map_err(|error| read_refusal(&error, "request body"))?;
            if (body.len() as u64) < length {
                return Err(Refusal::new(
                    400,
                    format!(
                        "The request body ended after {} of its {length} bytes.",
                        body.len()
                    ),
                ));
            }
            Ok(body)
        }
        BodyFraming::Chunked => {
            let mut body = Vec::new();
            ChunkedBody::new(source, limits.max_head_bytes)
                .take(limits.max_body_bytes + 1)
                .read_to_end(&mut body)
                .map_err(|error| read_refusal(&error, "request body"))?;
            if body.len() as u64 > limits.max_body_bytes {
                return Err(too_large(limits));
            }
            Ok(body)
        }
    }
}

/// The refusal for a read that failed: 408 when the caller was too slow, 400 otherwise.
fn read_refusal(error: &io::Error, what: &str) -> Refusal {
    if error.kind() == io::ErrorKind::TimedOut {
        Refusal::new(
            408,
            format!("The {what} did not arrive in time; send the whole request at once."),
        )
    } else {
        Refusal::new(400, format!("The {what} could not be read: {error}."))
    }
}

/// A chunked body (RFC 9112 §7.1) decoded as it is read. Each size line and trailer line is bounded by
/// `max_line` bytes, and the trailers' total by the same, so the framing cannot grow memory either.
struct ChunkedBody<'a, R> {
    source: &'a mut R,
    max_line: usize,
    /// Bytes left in the current chunk.
    left_in_chunk: u64,
    ended: bool,
}

impl<'a, R: BufRead> ChunkedBody<'a, R> {
    fn new(source: &'a mut R, max_line: usize) -> Self {
        ChunkedBody {
            source,
            max_line,
            left_in_chunk: 0,
            ended: false,
        }
    }

    fn line(&mut self) -> io::Result<Vec<u8>> {
        let mut line = Vec::new();
        (&mut *self.source)
            .take(self.max_line as u64)
            .read_until(b'\n', &mut line)?;
        if line.last() != Some(&b'\n') {
            return Err(invalid(if line.len() >= self.max_line {
                "a chunk line is too long"
            } else {
                "the chunked body ended early"
            }));
        }
        Ok(line)
    }

    fn next_chunk(&mut self) -> io::Result<()> {
        let line = self.line()?;
        let size = match httparse::parse_chunk_size(&line) {
            Ok(httparse::Status::Complete((_, size))) => size,
            _ => return Err(invalid("a chunk size is not valid")),
        };
        if size == 0 {
            // Trailer fields, then the blank line that ends the body.
            let mut trailers = 0usize;
            loop {
                let trailer = self.line()?;
                trailers += trailer.len();
                if trailer == b"\r\n" || trailer == b"\n" {
                    break;
                }
                if trailers > self.max_line {
                    return Err(invalid("the chunked body's trailers are too long"));
                }
            }
            self.ended = true;
        }
        self.left_in_chunk = size;
        Ok(())
    }
}

impl<R: BufRead> Read for ChunkedBody<'_, R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        if buffer.is_empty() {
            return Ok(0);
        }
        if self.left_in_chunk == 0 && !self.ended {
            self.next_chunk()?;
        }
        if self.ended {
            return Ok(0);
        }
        let wanted = buffer.len().min(self.left_in_chunk as usize);
        let read = self.source.read(&mut buffer[..wanted])?;
        if read == 0 {
            return Err(invalid("the chunked body ended early"));
        }
        self.left_in_chunk -= read as u64;
        if self.left_in_chunk == 0 {
            let mut end = [0u8; 1];
            self.source.read_exact(&mut end)?;
            if end[0] == b'\r' {
                self.source.read_exact(&mut end)?;
            }
            if end[0] != b'\n' {
                return Err(invalid("a chunk does not end with a line break"));
            }
        }
        Ok(read)
    }
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

/// The interim answer a caller that sent `Expect: 100-continue` waits for before sending its body.
pub(super) fn write_continue(stream: &mut TcpStream) -> io::Result<()> {
    stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
    stream.flush()
}

/// Headers the listener never sends from a trigger's `response`: its own framing, and every CORS header, so no
/// web page is ever allowed to read an answer (or send what a preflight would have to allow).
fn is_listeners_own(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "content-length" | "connection" | "transfer-encoding" | "date" | "content-type"
    ) || lower.starts_with("access-control-")
}

/// The header fields of `answer` as the listener sends them (sent at `date`), in order: its own framing, then
/// the trigger's headers it may carry. `context.invokeFlow` answers a block with the same fields.
pub fn answer_headers(answer: &HttpAnswer, date: SystemTime) -> Vec<(String, String)> {
    let mut headers = vec![
        ("Date".to_owned(), httpdate::fmt_http_date(date)),
        ("Connection".to_owned(), "close".to_owned()),
    ];
    // 204 and 304 carry no body, so no length either (RFC 9110 §8.6).
    if !matches!(answer.status, 204 | 304) {
        if is_header_value(&answer.content_type) {
            headers.push(("Content-Type".to_owned(), answer.content_type.clone()));
        }
        headers.push(("Content-Length".to_owned(), answer.body.len().to_string()));
    }
    for (name, value) in &answer.headers {
        // A name or value HTTP cannot carry (a newline, a space in a name) is left out rather than failing the
        // call.
        if !is_listeners_own(name) && is_header_name(name) && is_header_value(value) {
            headers.push((name.clone(), value.clone()));
        }
    }
    headers
}

/// Writes `answer` with `Connection: close`. A HEAD request gets the head alone.
pub(super) fn write_answer(
    stream: &mut TcpStream,
    answer: &HttpAnswer,
    head_only: bool,
) -> io::Result<()> {
    let bodiless = matches!(answer.status, 204 | 304);
    let reason = http::StatusCode::from_u16(answer.status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or("");
    let mut head = format!("HTTP/1.1 {} {reason}\r\n", answer.status);
    for (name, value) in answer_headers(answer, SystemTime::now()) {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut message = head.into_bytes();
    if !head_only && !bodiless {
        message.extend_from_slice(&answer.body);
    }
    stream.write_all(&message)?;
    stream.flush()
}

/// After answering, lets the caller read the answer before the connection closes: a socket closed with unread
/// bytes in it is reset, and a reset can destroy the answer before the caller reads it (a caller still sending a
/// refused 11 MB body would see "connection reset" instead of 413). So: stop sending, then read and discard
/// what still arrives, for at most `linger` and `max_bytes`, then close.
pub(super) fn close_gently(stream: TcpStream, linger: Duration, max_bytes: u64) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let deadline = Instant::now() + linger;
    let mut reader = BufReader::new(DeadlineReader::new(stream, linger, deadline));
    let _ = io::copy(&mut (&mut reader).take(max_bytes), &mut io::sink());
}

/// An HTTP token (RFC 9110 §5.1): visible ASCII without separators.
fn is_header_name(name: &str) -> bool {
    http::HeaderName::from_bytes(name.as_bytes()).is_ok()
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
    use std::io::Cursor;

    fn limits() -> RequestLimits {
        RequestLimits {
            max_body_bytes: 64,
            max_head_bytes: 256,
            max_headers: 4,
            ..RequestLimits::default()
        }
    }

    fn head_of(text: &str) -> HeadRead {
        read_head(&mut Cursor::new(text.as_bytes().to_vec()), &limits())
    }

    fn status_of(read: HeadRead) -> u16 {
        match read {
            HeadRead::Refused { refusal, .. } => refusal.status,
            other => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn a_head_is_read_up_to_its_blank_line_and_the_body_stays_unread() {
        let mut source = Cursor::new(
            b"POST /t/flow?x=1 HTTP/1.1\r\nHost: 127.0.0.1:9\r\nContent-Length: 5\r\n\r\nhello"
                .to_vec(),
        );
        let HeadRead::Head(head) = read_head(&mut source, &limits()) else {
            panic!("a head")
        };
        assert_eq!(
            (head.method.as_str(), head.target.as_str(), head.path()),
            ("POST", "/t/flow?x=1", "/t/flow")
        );
        assert_eq!(head.values("HOST").collect::<Vec<_>>(), ["127.0.0.1:9"]);
        let framing = body_framing(&head, &limits()).unwrap();
        assert_eq!(framing, BodyFraming::Length(5));
        assert_eq!(
            read_body(&mut source, framing, &limits()).unwrap(),
            b"hello"
        );
    }

    #[test]
    fn too_many_or_too_large_headers_are_refused_with_431() {
        let many = format!(
            "GET / HTTP/1.1\r\n{}\r\n",
            (0..5).map(|i| format!("X-{i}: x\r\n")).collect::<String>()
        );
        assert_eq!(status_of(head_of(&many)), 431);
        let large = format!("GET / HTTP/1.1\r\nX-Big: {}\r\n\r\n", "y".repeat(300));
        assert_eq!(status_of(head_of(&large)), 431);
        // An endless header line is cut at the cap, not read to its end.
        let mut endless =
            Cursor::new([b"GET /f HTTP/1.1\r\nX: ".as_slice(), &[b'z'; 100_000]].concat());
        let read = read_head(&mut endless, &limits());
        assert!(
            endless.position() <= 257 + 4096,
            "read {}",
            endless.position()
        );
        let HeadRead::Refused {
            refusal,
            method,
            target,
        } = read
        else {
            panic!("refused")
        };
        assert_eq!(
            (refusal.status, method.as_str(), target.as_str()),
            (431, "GET", "/f")
        );
    }

    #[test]
    fn nothing_sent_is_nothing_to_answer_and_garbage_is_400() {
        assert!(matches!(head_of(""), HeadRead::Nothing));
        assert_eq!(status_of(head_of("GET / HTTP/1.1\r\nHost")), 400);
        assert_eq!(status_of(head_of("\x16\x03\x01 hello\r\n\r\n")), 400);
    }

    #[test]
    fn ambiguous_or_oversized_framing_is_refused() {
        let framing = |text: &str| {
            let HeadRead::Head(head) = head_of(text) else {
                panic!("a head")
            };
            body_framing(&head, &limits())
        };
        assert_eq!(
            framing("POST / HTTP/1.1\r\nContent-Length: 65\r\n\r\n")
                .unwrap_err()
                .status,
            413
        );
        assert_eq!(
            framing("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
                .unwrap_err()
                .status,
            400
        );
        assert_eq!(
            framing("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n")
                .unwrap_err()
                .status,
            400
        );
        assert_eq!(
            framing("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
                .unwrap_err()
                .status,
            400
        );
        assert_eq!(
            framing("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
                .unwrap_err()
                .status,
            501
        );
        assert_eq!(
            framing("GET / HTTP/1.1\r\n\r\n").unwrap(),
            BodyFraming::Length(0)
        );
        assert_eq!(
            framing("POST / HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n").unwrap(),
            BodyFraming::Chunked
        );
    }

    #[test]
    fn chunked_bodies_are_decoded_and_cut_at_the_cap() {
        let mut source =
            Cursor::new(b"5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n".to_vec());
        assert_eq!(
            read_body(&mut source, BodyFraming::Chunked, &limits()).unwrap(),
            b"hello world"
        );
        let big: Vec<u8> = (0..10)
            .flat_map(|_| b"10\r\n0123456789abcdef\r\n".to_vec())
            .chain(b"0\r\n\r\n".to_vec())
            .collect();
        assert_eq!(
            read_body(&mut Cursor::new(big), BodyFraming::Chunked, &limits())
                .unwrap_err()
                .status,
            413
        );
        let endless_size = [b"1".repeat(10_000), b"\r\n".to_vec()].concat();
        assert_eq!(
            read_body(
                &mut Cursor::new(endless_size),
                BodyFraming::Chunked,
                &limits()
            )
            .unwrap_err()
            .status,
            400
        );
        assert_eq!(
            read_body(
                &mut Cursor::new(b"5\r\nhel".to_vec()),
                BodyFraming::Chunked,
                &limits()
            )
            .unwrap_err()
            .status,
            400
        );
    }

    #[test]
    fn a_short_body_is_refused() {
        let refusal = read_body(
            &mut Cursor::new(b"abc".to_vec()),
            BodyFraming::Length(10),
            &limits(),
        )
        .unwrap_err();
        assert_eq!(refusal.status, 400);
        assert!(
            refusal.message.contains("3 of its 10"),
            "{}",
            refusal.message
        );
    }

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

    #[test]
    fn cors_and_framing_headers_of_a_trigger_are_never_sent() {
        for name in [
            "Access-Control-Allow-Origin",
            "access-control-allow-credentials",
            "Content-Length",
            "connection",
        ] {
            assert!(is_listeners_own(name), "{name}");
        }
        assert!(!is_listeners_own("X-Request-Id"));
    }
}
