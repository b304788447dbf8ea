//! The Debug Adapter Protocol's wire format: each message is a JSON object after a `Content-Length: N`
//! header and a blank line. Reading is for the requests on stdin; `DapOut` writes responses and events on
//! stdout, from any thread, numbering them as the protocol asks.

use std::io::{self, BufRead, Write};
use std::sync::{Arc, Mutex, PoisonError};

use serde_json::{json, Value};

/// The largest message accepted: requests are small; anything bigger is a broken client.
const MAX_MESSAGE_BYTES: usize = 16 * 1024 * 1024;

/// The next message, or `None` when the input ends between messages.
pub fn read_message(input: &mut impl BufRead) -> io::Result<Option<Value>> {
    let mut length = None;
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return match length {
                None => Ok(None),
                Some(_) => Err(invalid("the input ended inside a message's header")),
            };
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if length.is_some() {
                break;
            }
            continue;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("Content-Length") {
                let parsed: usize = value
                    .trim()
                    .parse()
                    .map_err(|_| invalid("a Content-Length header that is not a number"))?;
                if parsed > MAX_MESSAGE_BYTES {
                    return Err(invalid("a message larger than 16 MB"));
                }
                length = Some(parsed);
            }
        }
    }
    let mut body = vec![0; length.unwrap_or(0)];
    input.read_exact(&mut body)?;
    serde_json::from_slice(&body)
        .map(Some)
        .map_err(|error| invalid(&format!("a message that is not JSON: {error}")))
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("the client sent {what}"),
    )
}

/// Writes one message with its header.
pub fn write_message(output: &mut impl Write, message: &Value) -> io::Result<()> {
    let body = serde_json::to_vec(message).map_err(io::Error::other)?;
    write!(output, "Content-Length: {}\r\n\r\n", body.len())?;
    output.write_all(&body)?;
    output.flush()
}

/// Where the adapter's responses and events go; cheap to clone and shared by the threads that produce them.
#[derive(Clone)]
pub struct DapOut {
    shared: Arc<Mutex<OutState>>,
}

struct OutState {
    output: Box<dyn Write + Send>,
    next_seq: u64,
}

impl DapOut {
    pub fn new(output: impl Write + Send + 'static) -> Self {
        DapOut {
            shared: Arc::new(Mutex::new(OutState {
                output: Box::new(output),
                next_seq: 1,
            })),
        }
    }

    pub fn event(&self, event: &str, body: Value) {
        self.send(json!({"type": "event", "event": event, "body": body}));
    }

    pub fn respond(&self, request_seq: u64, command: &str, body: Value) {
        self.send(json!({
            "type": "response",
            "request_seq": request_seq,
            "success": true,
            "command": command,
            "body": body,
        }));
    }

    pub fn fail(&self, request_seq: u64, command: &str, message: &str) {
        self.send(json!({
            "type": "response",
            "request_seq": request_seq,
            "success": false,
            "command": command,
            "message": message,
            "body": {"error": {"id": 1, "format": message}},
        }));
    }

    /// A client that has gone away cannot be told anything; the run ends when its stdin closes.
    fn send(&self, mut message: Value) {
        let mut state = self.shared.lock().unwrap_or_else(PoisonError::into_inner);
        message["seq"] = json!(state.next_seq);
        state.next_seq += 1;
        let _ = write_message(&mut state.output, &message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_through_the_framing() {
        let mut wire = Vec::new();
        write_message(&mut wire, &json!({"command": "threads", "seq": 4})).unwrap();
        write_message(&mut wire, &json!({"command": "next"})).unwrap();
        let mut input = &wire[..];
        assert_eq!(
            read_message(&mut input).unwrap(),
            Some(json!({"command": "threads", "seq": 4}))
        );
        assert_eq!(
            read_message(&mut input).unwrap(),
            Some(json!({"command": "next"}))
        );
        assert_eq!(read_message(&mut input).unwrap(), None);
    }

    #[test]
    fn a_header_without_a_body_is_an_error() {
        let mut input: &[u8] = b"Content-Length: 10\r\n\r\n{}";
        assert!(read_message(&mut input).is_err());
    }
}
