//! Collects a run's log lines under the line-count and line-length limits.

use crate::contract::{LogLevel, LogLine};
use crate::options::LiveLogs;

/// The log lines of one run. Lines past the limit are counted, not kept.
#[derive(Debug)]
pub struct LogCollector {
    lines: Vec<LogLine>,
    dropped: usize,
    max_lines: usize,
    max_line_chars: usize,
    live: Option<LiveLogs>,
}

impl LogCollector {
    pub fn new(max_lines: usize, max_line_chars: usize) -> Self {
        Self {
            lines: Vec::new(),
            dropped: 0,
            max_lines,
            max_line_chars,
            live: None,
        }
    }

    /// Also tells `live` of each kept line as it is logged.
    pub fn with_live(mut self, live: Option<LiveLogs>) -> Self {
        self.live = live;
        self
    }

    /// Keeps the line (cut to the length limit) unless the run already logged its maximum.
    pub fn push(&mut self, level: LogLevel, message: &str) {
        if self.lines.len() >= self.max_lines {
            self.dropped += 1;
            return;
        }
        let message = match message.char_indices().nth(self.max_line_chars) {
            Some((cut, _)) => message[..cut].to_owned(),
            None => message.to_owned(),
        };
        let line = LogLine { level, message };
        if let Some(live) = &self.live {
            (live.0)(&line);
        }
        self.lines.push(line);
    }

    /// The kept lines, followed by one line saying how many were dropped, if any were.
    pub fn finish(self) -> Vec<LogLine> {
        let mut lines = self.lines;
        if self.dropped > 0 {
            lines.push(LogLine {
                level: LogLevel::Info,
                message: format!(
                    "{} more log lines were dropped: a run keeps its first {} lines.",
                    self.dropped, self.max_lines
                ),
            });
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

    #[test]
    fn cuts_long_lines_at_the_character_limit() {
        let mut logs = LogCollector::new(10, 3);
        logs.push(LogLevel::Info, "héllo");
        assert_eq!(logs.finish()[0].message, "hél");
    }

    #[test]
    fn drops_lines_past_the_limit_and_says_how_many() {
        let mut logs = LogCollector::new(2, 100);
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
    fn tells_the_live_sink_of_each_kept_line() {
        use std::sync::{Arc, Mutex};
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&seen);
        let live = LiveLogs(Arc::new(move |line: &LogLine| {
            sink.lock().unwrap().push(line.message.clone())
        }));
        let mut logs = LogCollector::new(2, 100).with_live(Some(live));
        for n in 0..3 {
            logs.push(LogLevel::Info, &n.to_string());
        }
        assert_eq!(*seen.lock().unwrap(), ["0", "1"]);
    }

    #[test]
    fn log_means_info() {
        assert_eq!(level_named("log"), Some(LogLevel::Info));
        assert_eq!(level_named("shout"), None);
    }
}
