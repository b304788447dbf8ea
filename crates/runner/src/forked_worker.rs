//! A worker forked from a one-shot command as the command starts, so that its one run does not wait for a
//! second start of the program.
//!
//! `blocksmith run` needs one worker, at once. Started as a new program (`__worker`), a worker first pays
//! for the kernel mapping the binary, the dynamic loader relocating it and the runtime setting up, about 3 ms
//! of a run that takes 8. A fork of the command itself, taken as the command's first step while it still has
//! a single thread, is ready in a fraction of that, and it does so while the command parses its arguments
//! and reads the block. Chrome's and Android's zygotes take the same step for the same reason.
//!
//! A fork holds what its parent held: here, only the command's arguments and environment, since nothing
//! else has happened yet. Both can hold tokens (`GITHUB_TOKEN` in the shell, a value on the command line),
//! and `/proc/<pid>/environ` and `cmdline` show the memory they were started in. So before it reads anything
//! the child overwrites both in place: the environment keeps only a worker's variables
//! (`hardening::worker_environment`), and the command line becomes `<program> __worker`, as a started
//! worker's is. Then it is a worker like any other (`worker::serve_requests`), hardening itself first.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::ExitStatusExt;
use std::process::ExitStatus;

use crate::hardening::{is_kept_for_workers, worker_environment};

/// The second argument a worker's command line shows (the CLI's hidden `__worker`).
const WORKER_COMMAND_ARG: &[u8] = b"__worker";

/// The parent's side of a forked worker: its process and the three pipes that are its stdin, stdout and
/// stderr. Hand it to `Supervisor::adopt_forked_worker`; dropped unadopted, the worker is killed and reaped.
#[derive(Debug)]
pub struct ForkedWorker(Option<ForkedParts>);

#[derive(Debug)]
pub(crate) struct ForkedParts {
    pub(crate) process: WorkerPid,
    pub(crate) stdin: File,
    pub(crate) stdout: File,
    pub(crate) stderr: File,
}

impl ForkedWorker {
    pub(crate) fn into_parts(mut self) -> ForkedParts {
        self.0.take().expect("a forked worker is taken over once")
    }
}

impl Drop for ForkedWorker {
    /// An unadopted worker (the command failed before its run) is killed and reaped, not left behind.
    fn drop(&mut self) {
        if let Some(parts) = &mut self.0 {
            let _ = parts.process.kill();
            let _ = parts.process.wait();
        }
    }
}

/// Forks this process into a worker when its first argument is `command` (`run`). Returns in the parent
/// only, with `None` when the command is another one or the fork is refused or fails (the run then starts
/// a worker the usual way); the child serves runs on the pipes and exits when its stdin closes (or the
/// parent kills it).
///
/// Call it first thing in `main`. Before it, nothing may start a thread (a fork of a process with other
/// threads could inherit a lock one of them held; it refuses then) or copy the arguments or the
/// environment (`std::env::args`, `vars` copy them all to the heap, where the child would find them): it
/// reads the first argument where the kernel put it.
pub fn fork_worker_for(command: &str) -> Option<ForkedWorker> {
    let layout = ProcessLayout::of_this_process().ok()?;
    // SAFETY: read only, while this process has one thread (checked next, before anything else runs).
    let arguments = unsafe { layout.arguments_block() };
    let first_argument = arguments.split(|&byte| byte == 0).nth(1)?;
    if first_argument != command.as_bytes() || layout.threads != 1 {
        return None;
    }
    fork_worker(&layout).ok()
}

fn fork_worker(layout: &ProcessLayout) -> io::Result<ForkedWorker> {
    let (stdin_read, stdin_write) = pipe()?;
    let (stdout_read, stdout_write) = pipe()?;
    let (stderr_read, stderr_write) = pipe()?;
    // SAFETY: the process has one thread (checked by the caller), so the child may run any code after the
    // fork.
    match unsafe { libc::fork() } {
        -1 => Err(io::Error::last_os_error()),
        0 => {
            drop((stdin_write, stdout_read, stderr_read));
            let code = match become_worker(layout, stdin_read, stdout_write, stderr_write) {
                Ok(()) => crate::worker::serve_requests(),
                // Nothing of the worker runs: its parent sees its output close and starts one the usual way.
                Err(_) => 1u8,
            };
            std::process::exit(i32::from(code))
        }
        pid => Ok(ForkedWorker(Some(ForkedParts {
            process: WorkerPid::new(pid),
            stdin: File::from(stdin_write),
            stdout: File::from(stdout_read),
            stderr: File::from(stderr_read),
        }))),
    }
}

/// In the child: takes the pipes as stdin, stdout and stderr, and leaves nothing of the parent's arguments
/// or environment in memory, `/proc` included.
fn become_worker(
    layout: &ProcessLayout,
    stdin: OwnedFd,
    stdout: OwnedFd,
    stderr: OwnedFd,
) -> io::Result<()> {
    for (pipe, standard) in [(&stdin, 0), (&stdout, 1), (&stderr, 2)] {
        // SAFETY: both are descriptors this process owns; dup2 leaves the copy without close-on-exec.
        if unsafe { libc::dup2(pipe.as_raw_fd(), standard) } < 0 {
            return Err(io::Error::last_os_error());
        }
    }
    drop((stdin, stdout, stderr));

    // SAFETY: `/proc/self/stat` gives the bounds of the block the kernel wrote the environment into, on this
    // process's stack; the child has one thread.
    let environment = unsafe { layout.environment_block() };
    // Only the variables a worker keeps are copied out of the block; the others are never copied anywhere.
    let kept = worker_environment(
        environment
            .split(|&byte| byte == 0)
            .filter_map(|variable| {
                let at = variable.iter().position(|&byte| byte == b'=')?;
                let (name, value) = (&variable[..at], &variable[at + 1..]);
                is_kept_for_workers(OsStr::from_bytes(name)).then(|| {
                    (
                        OsStr::from_bytes(name).into(),
                        OsStr::from_bytes(value).into(),
                    )
                })
            })
            .collect::<Vec<(OsString, OsString)>>(),
    );
    // SAFETY: libc's `environ` points into the block overwritten next, so it is emptied first; the
    // variables kept are set again, as copies, after.
    unsafe { libc::clearenv() };
    write_strings(
        environment,
        kept.iter().map(|(name, value)| {
            let mut variable = name.as_bytes().to_vec();
            variable.push(b'=');
            variable.extend_from_slice(value.as_bytes());
            variable
        }),
    );
    for (name, value) in &kept {
        // SAFETY: the child has one thread.
        unsafe { std::env::set_var(name, value) };
    }
    // The allocator read its settings when the parent started; the one the memory limit relies on is set now.
    if let Some(arenas) = kept_arena_max(&kept) {
        // SAFETY: a plain allocator setting, made before any other thread exists.
        unsafe { libc::mallopt(libc::M_ARENA_MAX, arenas) };
    }

    // SAFETY: as for the environment: the block of the arguments, which only `std::env::args` reads again.
    let arguments = unsafe { layout.arguments_block() };
    let program = arguments
        .split(|&byte| byte == 0)
        .next()
        .unwrap_or_default()
        .to_vec();
    write_strings(arguments, [program, WORKER_COMMAND_ARG.to_vec()]);
    Ok(())
}

fn kept_arena_max(kept: &[(OsString, OsString)]) -> Option<libc::c_int> {
    kept.iter()
        .find(|(name, _)| name == "MALLOC_ARENA_MAX")
        .and_then(|(_, value)| value.to_str()?.parse().ok())
}

/// Writes each string NUL-terminated from the block's start while they fit whole, and zeroes the rest.
fn write_strings(block: &mut [u8], strings: impl IntoIterator<Item = Vec<u8>>) {
    let mut at = 0;
    for string in strings {
        let end = at + string.len();
        if end >= block.len() {
            break;
        }
        block[at..end].copy_from_slice(&string);
        block[end] = 0;
        at = end + 1;
    }
    block[at..].fill(0);
}

fn pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut ends = [0; 2];
    // SAFETY: pipe2 fills both descriptors, which are then owned here; close-on-exec keeps them out of any
    // program this process starts later.
    if unsafe { libc::pipe2(ends.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: fresh descriptors, owned by nothing else.
    Ok(unsafe { (OwnedFd::from_raw_fd(ends[0]), OwnedFd::from_raw_fd(ends[1])) })
}

/// What `/proc/self/stat` says about this process: its thread count, and where the kernel put its
/// arguments and environment.
struct ProcessLayout {
    threads: u64,
    arguments: (usize, usize),
    environment: (usize, usize),
}

impl ProcessLayout {
    fn of_this_process() -> io::Result<Self> {
        let stat = fs::read("/proc/self/stat")?;
        Self::parse(&stat).ok_or_else(|| {
            io::Error::other("/proc/self/stat does not have the fields of Linux 3.5 or later")
        })
    }

    /// `pid (comm) state ppid …`: the name may hold spaces and parentheses, so the fields are read after the
    /// last `)`; field N of proc(5) is then at index N - 3.
    fn parse(stat: &[u8]) -> Option<Self> {
        let close = stat.iter().rposition(|&byte| byte == b')')?;
        let fields: Vec<&[u8]> = stat[close + 2..].split(|&byte| byte == b' ').collect();
        let field = |number: usize| -> Option<u64> {
            std::str::from_utf8(fields.get(number - 3)?)
                .ok()?
                .trim()
                .parse()
                .ok()
        };
        let address = |number: usize| usize::try_from(field(number)?).ok();
        let layout = ProcessLayout {
            threads: field(20)?,
            arguments: (address(48)?, address(49)?),
            environment: (address(50)?, address(51)?),
        };
        let sound = |(start, end): (usize, usize)| start != 0 && start <= end;
        (sound(layout.arguments) && sound(layout.environment)).then_some(layout)
    }

    /// # Safety
    /// Only in a process with one thread, where nothing else reads or writes the block meanwhile.
    unsafe fn environment_block(&self) -> &'static mut [u8] {
        let (start, end) = self.environment;
        // SAFETY: the kernel's bounds of memory mapped writable in this process (see the caller).
        unsafe { std::slice::from_raw_parts_mut(start as *mut u8, end - start) }
    }

    /// # Safety
    /// As for `environment_block`.
    unsafe fn arguments_block(&self) -> &'static mut [u8] {
        let (start, end) = self.arguments;
        // SAFETY: as above.
        unsafe { std::slice::from_raw_parts_mut(start as *mut u8, end - start) }
    }
}

/// A forked worker's process, which `std::process::Child` cannot stand for: killed and reaped by its id,
/// and never signalled again once reaped (its id may then belong to another process).
#[derive(Debug)]
pub(crate) struct WorkerPid {
    pid: libc::pid_t,
    exited: Option<ExitStatus>,
}

impl WorkerPid {
    fn new(pid: libc::pid_t) -> Self {
        WorkerPid { pid, exited: None }
    }

    pub(crate) fn kill(&mut self) -> io::Result<()> {
        if self.exited.is_some() {
            return Ok(());
        }
        // SAFETY: the process is this one's unreaped child, so its id is still its own.
        if unsafe { libc::kill(self.pid, libc::SIGKILL) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    pub(crate) fn wait(&mut self) -> io::Result<ExitStatus> {
        self.reap(0)
            .map(|status| status.expect("a blocking wait returns a status"))
    }

    pub(crate) fn try_wait(&mut self) -> io::Result<Option<ExitStatus>> {
        self.reap(libc::WNOHANG)
    }

    fn reap(&mut self, flags: libc::c_int) -> io::Result<Option<ExitStatus>> {
        if let Some(status) = self.exited {
            return Ok(Some(status));
        }
        let mut status = 0;
        loop {
            // SAFETY: waits for this process's own child only.
            match unsafe { libc::waitpid(self.pid, &mut status, flags) } {
                0 => return Ok(None),
                -1 => {
                    let error = io::Error::last_os_error();
                    if error.kind() != io::ErrorKind::Interrupted {
                        return Err(error);
                    }
                }
                _ => {
                    let status = ExitStatus::from_raw(status);
                    self.exited = Some(status);
                    return Ok(Some(status));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_is_read_after_the_last_parenthesis_of_the_name() {
        // Fields 3 to 52 of proc(5), all 0 but the thread count and the four bounds.
        let mut fields = vec!["0"; 50];
        fields[20 - 3] = "3";
        fields[48 - 3] = "7000";
        fields[49 - 3] = "7200";
        fields[50 - 3] = "8000";
        fields[51 - 3] = "8300";
        let stat = format!("4242 (a) b) (c) {}\n", fields.join(" "));
        let layout = ProcessLayout::parse(stat.as_bytes()).unwrap();
        assert_eq!(layout.threads, 3);
        assert_eq!(layout.arguments, (7000, 7200));
        assert_eq!(layout.environment, (8000, 8300));
        // A kernel older than 3.5 writes fewer fields.
        let old = format!("4242 (a) {}\n", fields[..40].join(" "));
        assert!(ProcessLayout::parse(old.as_bytes()).is_none());
    }

    #[test]
    fn strings_are_written_while_they_fit_and_the_rest_is_zeroed() {
        let mut block = *b"/usr/bin/blocksmith\0run\0secret-token\0";
        write_strings(
            &mut block,
            [b"/usr/bin/blocksmith".to_vec(), b"__worker".to_vec()],
        );
        let mut expected = [0u8; 37];
        expected[..29].copy_from_slice(b"/usr/bin/blocksmith\0__worker\0");
        assert_eq!(block, expected);

        let mut short = *b"blocksmith\0run\0a\0";
        write_strings(&mut short, [b"blocksmith".to_vec(), b"__worker".to_vec()]);
        assert_eq!(&short, b"blocksmith\0\0\0\0\0\0\0");
    }

    #[test]
    fn this_process_has_a_readable_layout() {
        let layout = ProcessLayout::of_this_process().unwrap();
        assert!(layout.threads >= 1);
        assert!(layout.arguments.0 < layout.arguments.1);
    }
}
