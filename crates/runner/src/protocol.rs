//! The worker protocol: the host writes one JSON line per request to a worker's stdin, the worker writes
//! one JSON line per reply to its stdout. Replies are read with a size cap, so a block that returns a huge
//! value cannot make the host buffer it.
//!
//! While a run goes on, the worker may also ask its host for something only the host can do (run another
//! flow, for `context.invokeFlow`): a `{"hostCall": …}` line on stdout, answered by a `{"hostAnswer": …}`
//! line on stdin with the same `callId`. The run waits for its answer; nothing else on either channel does.

use std::io::{self, BufRead, Read};

use blocksmith_cassette::{HttpLog, HttpPlan};
use blocksmith_engine::debugger::{DebugEvent, DebugLaunch};
use blocksmith_engine::{
    FlowInvocation, FrozenInputs, InvocationResult, JsonRunReport, JsonRunRequest, LogLine,
};
use serde::{Deserialize, Serialize};

/// One run for a worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkerRequest {
    /// Echoed in the reply, so a reply can never be taken for another run's.
    pub id: u64,
    /// The payload, step results and the rest travel as JSON text: neither side parses them into a tree.
    pub run: JsonRunRequest,
    /// The address-space limit the worker puts on itself for this run; `None` for no limit.
    pub memory_limit_bytes: Option<u64>,
    /// The largest reply line the host accepts; the worker replaces a bigger result by a limit error.
    pub max_reply_bytes: u64,
    /// The run's time limit. The host enforces it; the worker only uses it as a backstop to end itself
    /// should the host have died without killing it.
    pub time_limit_ms: u64,
    /// A debug run: the block runs under the debugger, which reads its commands (one `DebugCommand` JSON
    /// line each) from the rest of stdin and writes its events to stderr (`encode_debug_event`). A worker
    /// serves one debug run and then exits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debug: Option<DebugLaunch>,
    /// Records the run's `fetch` requests or answers them from a cassette; `None` to go out live.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http: Option<HttpPlan>,
    /// Pins `Date` and the random values; `None` for the real ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frozen: Option<FrozenInputs>,
    /// The host has no use for the report's `returned`: the reply carries `null` in its place. For an action
    /// `returned` is `{ data: result }` and for a trigger it holds `payload` (the result) too, so without it a
    /// large result crosses the pipe, and is read by the host, once instead of twice.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub leave_out_returned: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkerReply {
    /// The request's id, or 0 when the request could not be read far enough to know it.
    pub id: u64,
    pub outcome: ReplyOutcome,
    /// What the run's `fetch` recorded or missed, when the request had an `http` plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http: Option<HttpLog>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReplyOutcome {
    /// The run happened (successfully or not): its report.
    Report(Box<JsonRunReport>),
    /// The request line was not a valid request; why.
    Rejected(String),
}

/// A worker's call on its host during a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HostCall {
    /// Names the call in its answer; unique within the worker.
    pub call_id: u64,
    /// `context.invokeFlow`: run this flow and answer with what its webhook caller would receive.
    pub invoke_flow: FlowInvocation,
}

/// The host's answer to a [`HostCall`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HostAnswer {
    pub call_id: u64,
    pub invoked: InvocationResult,
}

/// How a host call's line starts; a reply line always starts `{"id":`, so the two are told apart without
/// parsing a (possibly huge) reply.
const HOST_CALL_START: &[u8] = br#"{"hostCall":"#;
/// How a host answer's line starts; a request line always starts `{"id":`.
const HOST_ANSWER_START: &[u8] = br#"{"hostAnswer":"#;

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct HostCallLine {
    host_call: HostCall,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct HostAnswerLine {
    host_answer: HostAnswer,
}

/// A host call as the worker writes it on its reply channel, `\n` included.
pub fn encode_host_call(call: &HostCall) -> Vec<u8> {
    let line = HostCallLine {
        host_call: call.clone(),
    };
    let mut bytes = serde_json::to_vec(&line).expect("a host call always serialises");
    bytes.push(b'\n');
    bytes
}

/// The host call in one stdout line, or `None` for a reply (or a host call that is not valid JSON, which the
/// host then treats as a broken reply).
pub fn decode_host_call(line: &[u8]) -> Option<HostCall> {
    if !line.starts_with(HOST_CALL_START) {
        return None;
    }
    serde_json::from_slice::<HostCallLine>(line)
        .ok()
        .map(|line| line.host_call)
}

/// A host answer as the host writes it on the worker's stdin, `\n` included.
pub fn encode_host_answer(answer: &HostAnswer) -> Vec<u8> {
    let line = HostAnswerLine {
        host_answer: answer.clone(),
    };
    let mut bytes = serde_json::to_vec(&line).expect("a host answer always serialises");
    bytes.push(b'\n');
    bytes
}

/// The host answer in one stdin line, or `None` for any other line (a request, a debugger command).
pub fn decode_host_answer(line: &[u8]) -> Option<HostAnswer> {
    if !line.starts_with(HOST_ANSWER_START) {
        return None;
    }
    serde_json::from_slice::<HostAnswerLine>(line.trim_ascii_end())
        .ok()
        .map(|line| line.host_answer)
}

/// Marks a log line the worker passes on as the block logs it, on its stderr (the reply channel carries only
/// replies). The host keeps these so a run that is stopped or killed by a limit still shows what it logged.
/// The record separator in front cannot start a line of Rust's or a library's own output.
pub const LIVE_LOG_PREFIX: &str = "\u{1e}blocksmith-log ";

/// A log line as the worker writes it to stderr, `\n` included.
pub fn encode_live_log(line: &LogLine) -> String {
    let json = serde_json::to_string(line).expect("a log line always serialises");
    format!("{LIVE_LOG_PREFIX}{json}\n")
}

/// The log line in one stderr line written by `encode_live_log`, or `None` for any other output.
pub fn decode_live_log(line: &[u8]) -> Option<LogLine> {
    let json = line.strip_prefix(LIVE_LOG_PREFIX.as_bytes())?;
    serde_json::from_slice(json.trim_ascii_end()).ok()
}

/// Marks a debugger event the worker writes on its stderr, as `LIVE_LOG_PREFIX` marks a log line.
pub const DEBUG_EVENT_PREFIX: &str = "\u{1e}blocksmith-debug ";

/// A debugger event as the worker writes it to stderr, `\n` included.
pub fn encode_debug_event(event: &DebugEvent) -> String {
    let json = serde_json::to_string(event).expect("a debugger event always serialises");
    format!("{DEBUG_EVENT_PREFIX}{json}\n")
}

/// The debugger event in one stderr line written by `encode_debug_event`, or `None` for any other output.
pub fn decode_debug_event(line: &[u8]) -> Option<DebugEvent> {
    let json = line.strip_prefix(DEBUG_EVENT_PREFIX.as_bytes())?;
    serde_json::from_slice(json.trim_ascii_end()).ok()
}

/// One line read from a pipe with a length cap.
#[derive(Debug, PartialEq, Eq)]
pub enum CappedLine {
    /// The line, without its `\n`.
    Complete(Vec<u8>),
    /// The line grew past the cap; reading stopped there and the rest of the line is still unread.
    TooLong,
    /// The pipe closed (a partial last line without `\n` counts as closed: the writer died mid-line).
    Closed,
}

/// Reads up to the next `\n`, holding at most `cap` bytes of the line (and one more) in memory.
pub fn read_capped_line(reader: &mut impl BufRead, cap: usize) -> io::Result<CappedLine> {
    let mut line = Vec::new();
    // One byte past the cap tells a line that is too long from one that ends right at the cap. `read_until`
    // looks for the end with the standard library's `memchr`, which is as fast in a debug build as in a release
    // one: a byte-by-byte search of a reply of megabytes is not.
    let limit = u64::try_from(cap).unwrap_or(u64::MAX).saturating_add(1);
    reader.by_ref().take(limit).read_until(b'\n', &mut line)?;
    if line.last() == Some(&b'\n') {
        line.pop();
        Ok(CappedLine::Complete(line))
    } else if line.len() > cap {
        Ok(CappedLine::TooLong)
    } else {
        Ok(CappedLine::Closed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_log_lines_round_trip_and_other_output_is_not_taken_for_one() {
        let line = LogLine {
            level: blocksmith_engine::LogLevel::Warn,
            message: "multi\nline \u{1e} text".into(),
        };
        let encoded = encode_live_log(&line);
        assert_eq!(encoded.matches('\n').count(), 1, "one line: {encoded:?}");
        assert_eq!(decode_live_log(encoded.as_bytes()), Some(line));
        assert_eq!(
            decode_live_log(b"thread 'block' has overflowed its stack\n"),
            None
        );
    }

    #[test]
    fn debugger_events_round_trip_and_log_lines_are_not_taken_for_one() {
        let event = DebugEvent::Stopped {
            reason: blocksmith_engine::debugger::StopReason::Breakpoint,
            line: 3,
            column: 5,
            text: None,
        };
        let encoded = encode_debug_event(&event);
        assert_eq!(decode_debug_event(encoded.as_bytes()), Some(event));
        let log = encode_live_log(&LogLine {
            level: blocksmith_engine::LogLevel::Info,
            message: "x".into(),
        });
        assert_eq!(decode_debug_event(log.as_bytes()), None);
    }

    #[test]
    fn host_calls_and_answers_round_trip_and_are_told_from_replies_and_requests() {
        let call = HostCall {
            call_id: 4,
            invoke_flow: FlowInvocation {
                flow_name: "Orders".into(),
                body: r#"{"id":7}"#.into(),
                headers: vec![("Content-Type".into(), "application/json".into())],
                source: None,
            },
        };
        let line = encode_host_call(&call);
        assert_eq!(line.iter().filter(|&&byte| byte == b'\n').count(), 1);
        assert_eq!(decode_host_call(line.trim_ascii_end()), Some(call));
        let reply = serde_json::to_vec(&WorkerReply {
            id: 1,
            outcome: ReplyOutcome::Rejected("x".into()),
            http: None,
        })
        .unwrap();
        assert_eq!(decode_host_call(&reply), None);

        let answer = HostAnswer {
            call_id: 4,
            invoked: Err(blocksmith_engine::InvokeFlowFailure::unavailable("no host")),
        };
        let line = encode_host_answer(&answer);
        assert_eq!(decode_host_answer(&line), Some(answer));
        assert_eq!(decode_host_answer(br#"{"id":1,"run":{}}"#), None);
    }

    #[test]
    fn reads_lines_one_at_a_time() {
        let mut input: &[u8] = b"first\nsecond\n";
        assert_eq!(
            read_capped_line(&mut input, 100).unwrap(),
            CappedLine::Complete(b"first".to_vec())
        );
        assert_eq!(
            read_capped_line(&mut input, 100).unwrap(),
            CappedLine::Complete(b"second".to_vec())
        );
        assert_eq!(
            read_capped_line(&mut input, 100).unwrap(),
            CappedLine::Closed
        );
    }

    #[test]
    fn a_line_longer_than_the_cap_is_refused_without_being_buffered() {
        let long = format!("{}\n", "x".repeat(10_000));
        let mut input = io::BufReader::with_capacity(64, long.as_bytes());
        assert_eq!(
            read_capped_line(&mut input, 1_000).unwrap(),
            CappedLine::TooLong
        );
    }

    #[test]
    fn a_line_exactly_at_the_cap_is_accepted() {
        let mut input = io::BufReader::with_capacity(3, &b"abcdef\n"[..]);
        assert_eq!(
            read_capped_line(&mut input, 6).unwrap(),
            CappedLine::Complete(b"abcdef".to_vec())
        );
    }

    #[test]
    fn a_last_line_without_newline_means_the_writer_died() {
        let mut input: &[u8] = b"{\"id\":1,";
        assert_eq!(
            read_capped_line(&mut input, 100).unwrap(),
            CappedLine::Closed
        );
    }

    #[test]
    fn replies_round_trip_through_json() {
        let reply = WorkerReply {
            id: 7,
            outcome: ReplyOutcome::Rejected("not JSON".into()),
            http: None,
        };
        let line = serde_json::to_string(&reply).unwrap();
        assert_eq!(line, r#"{"id":7,"outcome":{"rejected":"not JSON"}}"#);
        let back: WorkerReply = serde_json::from_str(&line).unwrap();
        assert!(matches!(back.outcome, ReplyOutcome::Rejected(reason) if reason == "not JSON"));
    }
}
