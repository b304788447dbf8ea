//! Collects a run's log lines under the line-count, total-size and line-length limits. The limits apply as
//! lines are logged, inside the worker, so a block that logs without end costs the host nothing: past the cap,
//! lines are only counted, never kept nor passed on.

use crate::contract::{LogLevel, LogLine};
use crate::options::LiveLogs;

/// How many lines and bytes of messages one run keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogCaps {
    pub max_lines: usize,
    /// The kept messages' total size in bytes (UTF-8).
    pub max_bytes: usize,
    /// A longer message is cut at this many characters.
    pub max_line_chars: usize,
}

impl LogCaps {
    /// How the cap reads in the notices: "10000 lines and 5 MB".
    fn described(&self) -> String {
        const MEGABYTE: usize = 1024 * 1024;
        let size = if self.max_bytes.is_multiple_of(MEGABYTE) {
            format!("{} MB", self.max_bytes / MEGABYTE)
        } else {
            format!("{} bytes", self.max_bytes)
        };
        format!("{} lines and {size}", self.max_lines)
    }
}

/// The log lines of one run. Lines past the cap are counted, not kept.
#[derive(Debug)]
pub struct LogCollector {
    lines: Vec<LogLine>,
    kept_bytes: usize,
    dropped: usize,
    caps: LogCaps,
    live: Option<LiveLogs>,
}

impl LogCollector {
    pub fn new(caps: LogCaps) -> Self {
        Self {
            lines: Vec::new(),
            kept_bytes: 0,
            dropped: 0,
            caps,
            live: None,
        }
    }

    /// Also tells `live` of each kept line as it is logged.
    pub fn with_live(mut self, live: Option<LiveLogs>) -> Self {
        self.live = live;
        self
    }

    /// Keeps the line (cut to the length limit) unless it would take the run past its cap. The first line
    /// dropped tells the live sink that the cap is reached, so a run that is stopped or killed later still
    /// shows why its logs end there. Returns whether lines are still kept, so that the caller can skip
    /// formatting the ones that would only be counted.
    pub fn push(&mut self, level: LogLevel, message: &str) -> bool {
        if self.dropped > 0 {
            self.dropped += 1;
            return false;
        }
        let message = match message.char_indices().nth(self.caps.max_line_chars) {
            Some((cut, _)) => &message[..cut],
            None => message,
        };
        if self.lines.len() >= self.caps.max_lines
            || self.kept_bytes + message.len() > self.caps.max_bytes
        {
            self.dropped = 1;
            self.tell_live(&LogLine {
                level: LogLevel::Info,
                message: format!(
                    "Log lines past this point are dropped: a run keeps at most {} of logs.",
                    self.caps.described()
                ),
            });
            return false;
        }
        let line = LogLine {
            level,
            message: message.to_owned(),
        };
        self.tell_live(&line);
        self.kept_bytes += line.message.len();
        self.lines.push(line);
        true
    }

    /// Counts a line logged after `push` said the cap is reached; the caller did not format its message.
    pub fn count_dropped(&mut self) {
        debug_assert!(self.dropped > 0, "count_dropped before the cap was reached");
        self.dropped += 1;
    }

    fn tell_live(&self, line: &LogLine) {
        if let Some(live) = &self.live {
            (live.0)(line);
        }
    }

    /// The kept lines, followed by one line saying how many were dropped, if any were (also passed on live).
    pub fn finish(self) -> Vec<LogLine> {
        let mut lines = self.lines;
        if self.dropped > 0 {
            let closing = LogLine {
                level: LogLevel::Info,
                message: format!(
                    "{} more log lines were dropped: a run keeps at most {} of logs.",
                    self.dropped,
                    self.caps.described()
                ),
            };
            if let Some(live) = &self.live {
                (live.0)(&closing);
            }
            lines.push(closing);
        }
        lines
    }
}

/// The level a `logger`/`console` method name logs at (`log` logs at `info`, like the platform).
pub fn level_named(name: &str) -> Option<LogLevel> {
    Some(match name {
        "debug" => LogLevel::Debug,
        "info" | "log" => LogLevel::Info,
        "warn" => LogLevel::Warn,
        "error" => LogLevel::Error,
        "trace" => LogLevel::Trace,
        "metric" => LogLevel::Metric,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps(max_lines: usize, max_bytes: usize, max_line_chars: usize) -> LogCaps {
        LogCaps {
            max_lines,
            max_bytes,
            max_line_chars,
        }
    }

    #[test]
    fn cuts_long_lines_at_the_character_limit() {
        let mut logs = LogCollector::new(caps(10, 1000, 3));
        logs.push(LogLevel::Info, "héllo");
        assert_eq!(logs.finish()[0].message, "hél");
    }

    #[test]
    fn drops_lines_past_the_limit_and_says_how_many() {
        let mut logs = LogCollector::new(caps(2, 1000, 100));
        for n in 0..5 {
            logs.push(LogLevel::Debug, &n.to_string());
        }
        let lines = logs.finish();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1].message, "1");
        assert_eq!(lines[2].level, LogLevel::Info);
        assert!(lines[2]
            .message
            .starts_with("3 more log lines were dropped"));
    }

    #[test]
    fn drops_lines_past_the_size_cap_even_under_the_line_cap() {
        let mut logs = LogCollector::new(caps(100, 10, 100));
        logs.push(LogLevel::Info, "12345");
        logs.push(LogLevel::Info, "67890");
        // Would make 11 bytes: dropped, and so is everything after it, however short.
        logs.push(LogLevel::Info, "x");
        logs.push(LogLevel::Info, "");
        let lines = logs.finish();
        let messages: Vec<&str> = lines.iter().map(|line| line.message.as_str()).collect();
        assert_eq!(messages[..2], ["12345", "67890"]);
        assert_eq!(
            messages[2],
            "2 more log lines were dropped: a run keeps at most 100 lines and 10 bytes of logs."
        );
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn the_default_cap_reads_in_whole_units() {
        assert_eq!(
            caps(10_000, 5 * 1024 * 1024, 4096).described(),
            "10000 lines and 5 MB"
        );
    }

    #[test]
    fn tells_the_live_sink_of_each_kept_line() {
        use std::sync::{Arc, Mutex};
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&seen);
        let live = LiveLogs(Arc::new(move |line: &LogLine| {
            sink.lock().unwrap().push(line.message.clone())
        }));
        let mut logs = LogCollector::new(caps(2, 1000, 100)).with_live(Some(live));
        for n in 0..5 {
            logs.push(LogLevel::Info, &n.to_string());
        }
        logs.finish();
        assert_eq!(
            *seen.lock().unwrap(),
            [
                "0",
                "1",
                "Log lines past this point are dropped: a run keeps at most 2 lines and 1000 bytes of logs.",
                "3 more log lines were dropped: a run keeps at most 2 lines and 1000 bytes of logs.",
            ],
            "past the cap only the notice and the closing count are passed on"
        );
    }

    #[test]
    fn log_means_info() {
        assert_eq!(level_named("log"), Some(LogLevel::Info));
        assert_eq!(level_named("shout"), None);
    }
}
