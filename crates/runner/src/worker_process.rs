//! The host's handle on one worker process: its pipes, a thread that reads its replies (with a size cap)
//! so the worker never blocks on a full pipe, a thread that keeps the tail of its stderr (which says why
//! it died, if it dies) and the log lines the run passes on live (handing each to the run's listener as it
//! arrives), and killing it.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use crate::ended_run::{classify_death, RunEnd};
use crate::error::{Error, Result};
use crate::forked_worker::{ForkedParts, ForkedWorker, WorkerPid};
use crate::hardening::{decode_status, worker_environment};
use blocksmith_engine::{EngineOptions, LiveLogs, LogLine};

use crate::protocol::{
    decode_debug_event, decode_host_call, decode_live_log, encode_host_answer, read_capped_line,
    CappedLine, HostAnswer, HostCall, WorkerRequest,
};
use blocksmith_engine::debugger::{DebugCommand, DebugEvent};

/// How to start a worker: a program and its arguments (the CLI passes its own executable and `__worker`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerCommand {
    pub program: PathBuf,
    pub args: Vec<OsString>,
}

impl WorkerCommand {
    pub fn new(
        program: impl Into<PathBuf>,
        args: impl IntoIterator<Item = impl Into<OsString>>,
    ) -> Self {
        WorkerCommand {
            program: program.into(),
            args: args.into_iter().map(Into::into).collect(),
        }
    }
}

/// What the worker's stdout reader (or Stop) tells the run waiting on this worker.
#[derive(Debug)]
pub(crate) enum WorkerEvent {
    Reply(Vec<u8>),
    ReplyTooLarge,
    /// Stdout closed or failed: the worker is dead or dying.
    Closed,
    Stop,
    /// A debug run's event, read from the worker's stderr.
    Debug(DebugEvent),
    /// A command for a debug run's worker, from the front end (`Supervisor::send_debug_command`).
    Command(DebugCommand),
    /// The run asks its host for something (`context.invokeFlow`), read from the worker's stdout.
    HostCall(HostCall),
    /// The host's answer to a `HostCall`, ready to be written to the worker's stdin.
    HostAnswer(HostAnswer),
}

/// How much of a worker's stderr is kept: enough for Rust's abort messages.
const STDERR_TAIL_BYTES: usize = 8 * 1024;

/// The longest stderr line read whole: a live log line is at most 4,096 characters, escaped as JSON. A longer
/// line is skipped, so a worker's output can never make the host buffer without end.
const MAX_STDERR_LINE_BYTES: usize = 256 * 1024;

/// Live log lines the host keeps per run: what the engine keeps (it passes nothing on past its cap), plus its
/// notice that the cap was reached and its closing count. A worker is the host's own program, but it runs
/// untrusted code, so the host holds to the cap itself too.
fn live_log_caps() -> (usize, usize) {
    let engine = EngineOptions::default();
    let notices = 2;
    (
        engine.max_log_lines + notices,
        engine.max_log_bytes + notices * engine.max_log_line_chars * 4,
    )
}

/// What the stderr reader keeps of the run in progress: the output's tail and the log lines passed on live,
/// and who hears each of those lines as it arrives.
#[derive(Default)]
struct StderrKept {
    tail: VecDeque<u8>,
    logs: Vec<LogLine>,
    logs_bytes: usize,
    listener: Option<LiveLogs>,
}

/// What the stderr reader shares with the worker's handle: what it kept, and a signal for each live log line
/// it read.
#[derive(Default)]
struct StderrShared {
    kept: Mutex<StderrKept>,
    live_log_read: Condvar,
}

/// How long a reply waits for the stderr reader to catch up with the live log lines written before it.
const LIVE_LOG_CATCH_UP: Duration = Duration::from_millis(200);

/// A worker's process: started as a program, or forked from a one-shot command as it began (`forked_worker`).
enum WorkerChild {
    Started(Child),
    Forked(WorkerPid),
}

impl WorkerChild {
    fn kill(&mut self) -> io::Result<()> {
        match self {
            WorkerChild::Started(child) => child.kill(),
            WorkerChild::Forked(process) => process.kill(),
        }
    }

    fn wait(&mut self) -> io::Result<ExitStatus> {
        match self {
            WorkerChild::Started(child) => child.wait(),
            WorkerChild::Forked(process) => process.wait(),
        }
    }

    fn try_wait(&mut self) -> io::Result<Option<ExitStatus>> {
        match self {
            WorkerChild::Started(child) => child.try_wait(),
            WorkerChild::Forked(process) => process.try_wait(),
        }
    }
}

pub(crate) struct WorkerProcess {
    child: WorkerChild,
    stdin: File,
    events: Receiver<WorkerEvent>,
    events_sender: Sender<WorkerEvent>,
    stderr: Arc<StderrShared>,
    stderr_closed: Receiver<()>,
    next_request_id: u64,
    pub(crate) runs_served: u32,
}

impl WorkerProcess {
    pub(crate) fn spawn(command: &WorkerCommand, max_reply_bytes: u64) -> Result<Self> {
        let mut child = Command::new(&command.program)
            .args(&command.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // Not the host's environment, which may hold the person's own tokens: see `hardening`.
            .env_clear()
            .envs(worker_environment(std::env::vars_os()))
            .spawn()
            .map_err(|source| Error::WorkerSpawn {
                program: command.program.clone(),
                source,
            })?;
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error::WorkerProtocol(
                "the worker process was started without its pipes".into(),
            ));
        };

        Self::serve_through(
            WorkerChild::Started(child),
            File::from(std::os::fd::OwnedFd::from(stdin)),
            stdout,
            stderr,
            max_reply_bytes,
        )
    }

    /// Takes over a worker forked from this process (`forked_worker::fork_worker_for`).
    pub(crate) fn adopt(forked: ForkedWorker, max_reply_bytes: u64) -> Result<Self> {
        let ForkedParts {
            process,
            stdin,
            stdout,
            stderr,
        } = forked.into_parts();
        Self::serve_through(
            WorkerChild::Forked(process),
            stdin,
            stdout,
            stderr,
            max_reply_bytes,
        )
    }

    /// The handle on a worker process whose stdin, stdout and stderr are these pipes: starts the threads
    /// that read its output.
    fn serve_through(
        child: WorkerChild,
        stdin: File,
        stdout: impl Read + Send + 'static,
        stderr: impl Read + Send + 'static,
        max_reply_bytes: u64,
    ) -> Result<Self> {
        let (events_sender, events) = mpsc::channel();
        let replies = events_sender.clone();
        let max_line = usize::try_from(max_reply_bytes).unwrap_or(usize::MAX);
        thread::Builder::new()
            .name("worker-stdout".into())
            .spawn(move || {
                let mut reader = BufReader::with_capacity(256 * 1024, stdout);
                loop {
                    let event = match read_capped_line(&mut reader, max_line) {
                        Ok(CappedLine::Complete(line)) => match decode_host_call(&line) {
                            Some(call) => WorkerEvent::HostCall(call),
                            None => WorkerEvent::Reply(line),
                        },
                        Ok(CappedLine::TooLong) => WorkerEvent::ReplyTooLarge,
                        Ok(CappedLine::Closed) | Err(_) => WorkerEvent::Closed,
                    };
                    let last = !matches!(event, WorkerEvent::Reply(_) | WorkerEvent::HostCall(_));
                    if replies.send(event).is_err() || last {
                        return;
                    }
                }
            })
            .map_err(Error::WorkerUnreachable)?;

        let stderr_shared = Arc::new(StderrShared::default());
        let kept = Arc::clone(&stderr_shared);
        let (closed_sender, stderr_closed) = mpsc::channel();
        let debug_events = events_sender.clone();
        thread::Builder::new()
            .name("worker-stderr".into())
            .spawn(move || {
                keep_stderr(stderr, &kept, &debug_events);
                let _ = closed_sender.send(());
            })
            .map_err(Error::WorkerUnreachable)?;

        Ok(WorkerProcess {
            child,
            stdin,
            events,
            events_sender,
            stderr: stderr_shared,
            stderr_closed,
            next_request_id: 1,
            runs_served: 0,
        })
    }

    /// A handle through which Stop interrupts the run waiting on this worker.
    pub(crate) fn stopper(&self) -> Sender<WorkerEvent> {
        self.events_sender.clone()
    }

    /// Whether the process is still running (an idle worker can die, e.g. killed from outside).
    pub(crate) fn is_alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Forgets what an earlier run left behind: a late Stop, stderr output and live log lines.
    pub(crate) fn prepare_for_run(&mut self) {
        while self.events.try_recv().is_ok() {}
        *self.lock_stderr_kept() = StderrKept::default();
    }

    /// Has `listener` hear each log line of the run from now on, as it arrives; `None` stops telling anyone
    /// (a worker going back to the pool must not keep a finished run's listener, which may hold its caller).
    pub(crate) fn set_log_listener(&self, listener: Option<LiveLogs>) {
        self.lock_stderr_kept().listener = listener;
    }

    /// Waits (at most `LIVE_LOG_CATCH_UP`) until the stderr reader has read the run's first `count` live log
    /// lines. The worker writes each before its reply, but two threads read the two pipes, so the reply can
    /// arrive first; waiting here lets the run's listener hear every line before the run ends.
    pub(crate) fn await_live_logs(&self, count: usize) {
        let kept = self.lock_stderr_kept();
        let _ = self
            .stderr
            .live_log_read
            .wait_timeout_while(kept, LIVE_LOG_CATCH_UP, |kept| kept.logs.len() < count);
    }

    fn lock_stderr_kept(&self) -> MutexGuard<'_, StderrKept> {
        self.stderr
            .kept
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Kills the worker (Stop, the time limit) and answers with what the run logged until then.
    pub(crate) fn end_keeping_logs(mut self) -> Vec<LogLine> {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.logs_after_exit()
    }

    /// The live log lines once the stderr reader has read everything a dead worker wrote.
    fn logs_after_exit(&mut self) -> Vec<LogLine> {
        let _ = self.stderr_closed.recv_timeout(Duration::from_millis(500));
        std::mem::take(&mut self.lock_stderr_kept().logs)
    }

    /// Sends one request and returns its id.
    pub(crate) fn send(&mut self, request: &mut WorkerRequest) -> io::Result<u64> {
        let id = self.next_request_id;
        self.next_request_id += 1;
        request.id = id;
        let mut line = serde_json::to_vec(request).map_err(io::Error::other)?;
        line.push(b'\n');
        self.stdin.write_all(&line)?;
        self.stdin.flush()?;
        Ok(id)
    }

    /// The debugger events a debug run's worker wrote before its reply that its stderr reader had not passed
    /// on yet (two threads read the two pipes, so the reply can arrive first). The worker exits after a debug
    /// run, so its stderr closing means every event has been read.
    pub(crate) fn late_debug_events(&self) -> Vec<DebugEvent> {
        let _ = self.stderr_closed.recv_timeout(LIVE_LOG_CATCH_UP);
        let mut late = Vec::new();
        while let Ok(event) = self.events.try_recv() {
            if let WorkerEvent::Debug(event) = event {
                late.push(event);
            }
        }
        late
    }

    /// Answers a host call of the run in progress (one JSON line on its stdin).
    pub(crate) fn send_host_answer(&mut self, answer: &HostAnswer) -> io::Result<()> {
        self.stdin.write_all(&encode_host_answer(answer))?;
        self.stdin.flush()
    }

    /// Passes a command on to a debug run's worker (one JSON line on its stdin).
    pub(crate) fn send_command(&mut self, command: &DebugCommand) -> io::Result<()> {
        let mut line = serde_json::to_vec(command).map_err(io::Error::other)?;
        line.push(b'\n');
        self.stdin.write_all(&line)?;
        self.stdin.flush()
    }

    /// The next event, or `None` once `deadline` (if any) passes.
    pub(crate) fn next_event(&self, deadline: Option<Instant>) -> Option<WorkerEvent> {
        let Some(deadline) = deadline else {
            return Some(self.events.recv().unwrap_or(WorkerEvent::Closed));
        };
        match self
            .events
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            Ok(event) => Some(event),
            Err(RecvTimeoutError::Timeout) => None,
            // Unreachable while `self.events_sender` lives; treat it as the worker gone.
            Err(RecvTimeoutError::Disconnected) => Some(WorkerEvent::Closed),
        }
    }

    /// Waits for a worker whose stdout closed to finish dying, and says why it died, with what the run
    /// logged until then.
    pub(crate) fn into_death(mut self, memory_limit_bytes: Option<u64>) -> (RunEnd, Vec<LogLine>) {
        let status = self.wait_with_grace(Duration::from_secs(1));
        // The stderr reader finishes right after the process ends; the logs wait for it, so the tail is complete.
        let logs = self.logs_after_exit();
        let tail = {
            let kept = self.lock_stderr_kept();
            String::from_utf8_lossy(&kept.tail.iter().copied().collect::<Vec<u8>>()).into_owned()
        };
        let how = match status {
            Some(status) => describe_exit(status),
            None => "it closed its output and did not exit".to_owned(),
        };
        (classify_death(&tail, how, memory_limit_bytes), logs)
    }

    fn wait_with_grace(&mut self, grace: Duration) -> Option<ExitStatus> {
        let give_up = Instant::now() + grace;
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => return Some(status),
                Ok(None) if Instant::now() < give_up => thread::sleep(Duration::from_millis(2)),
                _ => return None,
            }
        }
    }
}

impl WorkerProcess {
    /// Ends a worker that is no longer needed without making the caller wait: it is killed now and reaped
    /// by a short-lived thread. The system may take tens of milliseconds to free a large worker's memory,
    /// and a one-shot CLI run should print its line meanwhile, not after.
    pub(crate) fn retire(mut self) {
        let _ = self.child.kill();
        // Should the thread fail to start, the closure (and with it the worker) is dropped here, which
        // reaps it in this thread.
        let _ = thread::Builder::new()
            .name("worker-reaper".into())
            .spawn(move || drop(self));
    }
}

impl Drop for WorkerProcess {
    /// A worker is killed (SIGKILL) and reaped when its handle goes: on Stop, on a limit, or when the pool
    /// is full. Killing an exited process is harmless.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads the worker's stderr line by line: live log lines are kept as lines (up to the cap) and handed to the
/// run's listener, a debug run's events go to the run waiting on the worker, the worker's hardening status is
/// passed over, and anything else goes into the tail.
fn keep_stderr(stderr: impl Read, shared: &StderrShared, debug_events: &Sender<WorkerEvent>) {
    let (max_lines, max_bytes) = live_log_caps();
    let mut reader = BufReader::new(stderr);
    let mut line = Vec::new();
    loop {
        line.clear();
        // A last line without `\n` still counts: a dying worker's last words say why it died.
        match (&mut reader)
            .take(MAX_STDERR_LINE_BYTES as u64)
            .read_until(b'\n', &mut line)
        {
            Ok(0) => return,
            Ok(_) => {}
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return,
        }
        if line.len() >= MAX_STDERR_LINE_BYTES && !line.ends_with(b"\n") {
            if skip_rest_of_line(&mut reader).is_err() {
                return;
            }
            continue;
        }
        if let Some(event) = decode_debug_event(&line) {
            let _ = debug_events.send(WorkerEvent::Debug(event));
            continue;
        }
        let mut kept = shared.kept.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(log) = decode_live_log(&line) {
            let bytes = log.message.len();
            if kept.logs.len() < max_lines && kept.logs_bytes + bytes <= max_bytes {
                kept.logs_bytes += bytes;
                let listener = kept.listener.clone();
                kept.logs.push(log.clone());
                // Told outside the lock: a slow listener must not hold up Stop or the run's end.
                drop(kept);
                shared.live_log_read.notify_all();
                if let Some(listener) = listener {
                    (listener.0)(&log);
                }
            }
        } else if decode_status(&line).is_none() {
            kept.tail.extend(&line);
            let excess = kept.tail.len().saturating_sub(STDERR_TAIL_BYTES);
            kept.tail.drain(..excess);
        }
    }
}

/// Reads and forgets up to the next `\n` (or the end), holding nothing.
fn skip_rest_of_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            return Ok(());
        }
        match available.iter().position(|&byte| byte == b'\n') {
            Some(end) => {
                reader.consume(end + 1);
                return Ok(());
            }
            None => {
                let all = available.len();
                reader.consume(all);
            }
        }
    }
}

fn describe_exit(status: ExitStatus) -> String {
    if let Some(signal) = status.signal() {
        let name = match signal {
            libc::SIGABRT => " (SIGABRT: the process aborted)",
            libc::SIGSEGV => " (SIGSEGV: an invalid memory access)",
            libc::SIGBUS => " (SIGBUS: an invalid memory access)",
            libc::SIGILL => " (SIGILL: an illegal instruction)",
            libc::SIGKILL => {
                " (SIGKILL: killed from outside, perhaps because the system ran out of memory)"
            }
            _ => "",
        };
        return format!("it was ended by signal {signal}{name}");
    }
    match status.code() {
        Some(code) => format!("it exited with status {code}"),
        None => "it exited".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stderr_tail_keeps_only_the_last_bytes_and_live_logs_apart() {
        let shared = StderrShared::default();
        let log = LogLine {
            level: blocksmith_engine::LogLevel::Info,
            message: "before the loop".into(),
        };
        let mut output = crate::protocol::encode_live_log(&log).into_bytes();
        output.extend(vec![b'a'; STDERR_TAIL_BYTES]);
        output.extend_from_slice(b"memory allocation of 8 bytes failed\n");
        let (events, _) = mpsc::channel();
        keep_stderr(&output[..], &shared, &events);
        let kept = shared.kept.into_inner().unwrap();
        let tail: Vec<u8> = kept.tail.into_iter().collect();
        assert_eq!(tail.len(), STDERR_TAIL_BYTES);
        assert!(tail.ends_with(b"memory allocation of 8 bytes failed\n"));
        assert_eq!(kept.logs, vec![log]);
    }

    #[test]
    fn an_exit_by_signal_is_described_by_name() {
        let status = ExitStatus::from_raw(libc::SIGSEGV);
        assert!(describe_exit(status).contains("SIGSEGV"));
        let status = ExitStatus::from_raw(3 << 8);
        assert_eq!(describe_exit(status), "it exited with status 3");
    }
}
