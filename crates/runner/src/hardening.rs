//! What a worker process may hold and leave behind. A worker holds the secrets of the run it serves (connection
//! fields, tokens) while it runs untrusted block code, so it must not spill them: it runs with core dumps off
//! and marked non-dumpable (no core file, and other processes of the same user cannot attach to it or read its
//! memory), and it starts with only the environment it needs rather than the person's shell's, which often
//! holds tokens of its own (`GITHUB_TOKEN`, cloud credentials).

use std::ffi::{OsStr, OsString};
use std::io;

use serde::{Deserialize, Serialize};

/// The environment variables a worker keeps from the process that starts it: the locale (`LANG`, `LC_*`),
/// which `Intl` and `toLocaleString` read, `TZ`, which dates read, and `HOME`. The worker binary itself needs
/// nothing else to start: it is a plain executable (the CLI, or the app started as a worker, which returns
/// before GTK or WebKit start) that reads no configuration from its environment.
pub(crate) fn is_kept_for_workers(name: &OsStr) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    matches!(name, "LANG" | "TZ" | "HOME") || name.starts_with("LC_")
}

/// Each glibc malloc arena past the first reserves 64 MB of address space, which the memory limit (`RLIMIT_AS`)
/// counts; the supervisor sets this for every worker so that limit measures the block, not the allocator. One
/// arena: the engine thread, which builds its context before its run's limit is set, would otherwise leave a
/// second arena's 64 MB reserved against a small budget (24 MB failed every time). Rust's own allocations go to
/// jemalloc (`allocator.rs`, also one arena); this keeps the C libraries' `malloc` to one arena too.
pub(crate) const WORKER_MALLOC_ARENAS: (&str, &str) = ("MALLOC_ARENA_MAX", "1");

/// The environment a worker starts with, out of the starting process's `variables`.
pub(crate) fn worker_environment(
    variables: impl IntoIterator<Item = (OsString, OsString)>,
) -> Vec<(OsString, OsString)> {
    let (arena_name, arena_value) = WORKER_MALLOC_ARENAS;
    variables
        .into_iter()
        .filter(|(name, _)| is_kept_for_workers(name))
        .chain([(arena_name.into(), arena_value.into())])
        .collect()
}

/// What a worker reports about itself once hardened (`WORKER_STATUS_PREFIX`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Hardening {
    /// `prctl(PR_GET_DUMPABLE)`: whether the process may dump core and be attached to by its user.
    pub dumpable: bool,
    /// The soft and hard `RLIMIT_CORE`, in bytes: the largest core file the process may write.
    pub core_limit_bytes: u64,
    pub core_hard_limit_bytes: u64,
}

/// Marks the line (on stderr) in which a worker, once hardened, says so. The record separator in front cannot
/// start a line of Rust's or a library's own output.
pub const WORKER_STATUS_PREFIX: &str = "\u{1e}blocksmith-worker ";

/// Turns core dumps off for good (soft and hard limit 0, so nothing in the process can turn them back on) and
/// makes this process non-dumpable, then reads both back. An error when either did not take: a worker that
/// cannot harden itself must not run blocks.
pub(crate) fn harden_this_process() -> io::Result<Hardening> {
    let no_core = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: setrlimit only reads the struct passed in.
    if unsafe { libc::setrlimit(libc::RLIMIT_CORE, &no_core) } != 0 {
        return Err(io::Error::last_os_error());
    }
    set_not_dumpable()?;
    let hardening = this_process_hardening()?;
    if hardening.dumpable || hardening.core_limit_bytes != 0 || hardening.core_hard_limit_bytes != 0
    {
        return Err(io::Error::other(format!(
            "the process is still dumpable or may still write a core file ({hardening:?})"
        )));
    }
    Ok(hardening)
}

#[cfg(target_os = "linux")]
fn set_not_dumpable() -> io::Result<()> {
    // SAFETY: PR_SET_DUMPABLE takes one integer argument and touches no memory of ours.
    if unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0 as libc::c_ulong) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Elsewhere, a process without core dumps is the most the system offers without privileges.
#[cfg(not(target_os = "linux"))]
fn set_not_dumpable() -> io::Result<()> {
    Ok(())
}

/// This process's dumpable flag and core-file limits, as the system reports them.
pub(crate) fn this_process_hardening() -> io::Result<Hardening> {
    let mut core = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit only writes the struct passed in.
    if unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut core) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(Hardening {
        dumpable: is_dumpable()?,
        core_limit_bytes: core.rlim_cur,
        core_hard_limit_bytes: core.rlim_max,
    })
}

#[cfg(target_os = "linux")]
fn is_dumpable() -> io::Result<bool> {
    // SAFETY: PR_GET_DUMPABLE takes no arguments and returns the flag.
    let flag = unsafe { libc::prctl(libc::PR_GET_DUMPABLE) };
    if flag < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(flag != 0)
}

#[cfg(not(target_os = "linux"))]
fn is_dumpable() -> io::Result<bool> {
    Ok(false)
}

/// The status line a hardened worker writes to stderr, `\n` included.
pub(crate) fn encode_status(hardening: &Hardening) -> String {
    let json = serde_json::to_string(hardening).expect("the hardening report always serialises");
    format!("{WORKER_STATUS_PREFIX}{json}\n")
}

/// The hardening a worker reported in one stderr line, or `None` for any other line.
pub fn decode_status(line: &[u8]) -> Option<Hardening> {
    let json = line.strip_prefix(WORKER_STATUS_PREFIX.as_bytes())?;
    serde_json::from_slice(json.trim_ascii_end()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workers_keep_the_locale_the_time_zone_and_home_and_nothing_else() {
        let host: Vec<(OsString, OsString)> = [
            ("LANG", "de_DE.UTF-8"),
            ("LC_TIME", "en_GB.UTF-8"),
            ("LC_ALL", "C.UTF-8"),
            ("TZ", "Europe/Berlin"),
            ("HOME", "/home/person"),
            ("GITHUB_TOKEN", "ghp_secret"),
            ("AWS_SECRET_ACCESS_KEY", "aws-secret"),
            ("PATH", "/usr/bin"),
            ("LD_PRELOAD", "/tmp/evil.so"),
            ("LANGUAGE", "de"),
            ("MALLOC_ARENA_MAX", "64"),
        ]
        .into_iter()
        .map(|(name, value)| (name.into(), value.into()))
        .collect();
        let mut kept: Vec<(String, String)> = worker_environment(host)
            .into_iter()
            .map(|(name, value)| (name.into_string().unwrap(), value.into_string().unwrap()))
            .collect();
        kept.sort();
        let expected: Vec<(String, String)> = [
            ("HOME", "/home/person"),
            ("LANG", "de_DE.UTF-8"),
            ("LC_ALL", "C.UTF-8"),
            ("LC_TIME", "en_GB.UTF-8"),
            ("MALLOC_ARENA_MAX", "1"),
            ("TZ", "Europe/Berlin"),
        ]
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect();
        assert_eq!(kept, expected);
    }

    #[test]
    fn the_status_line_round_trips_and_other_output_is_not_taken_for_one() {
        let hardening = Hardening {
            dumpable: false,
            core_limit_bytes: 0,
            core_hard_limit_bytes: 0,
        };
        let line = encode_status(&hardening);
        assert_eq!(line.matches('\n').count(), 1);
        assert_eq!(decode_status(line.as_bytes()), Some(hardening));
        assert_eq!(
            decode_status(b"memory allocation of 8 bytes failed\n"),
            None
        );
    }
}
