//! The worker's real memory, for a block's `context.debug.memoryUsage`: the resident set size the kernel
//! reports and the heap figures of the process's allocator, jemalloc (`allocator.rs`; Boa allocates every
//! JavaScript object there and keeps no counts of its own that it exposes).

use std::sync::Arc;

use blocksmith_engine::{MemoryProbe, MemorySample};

/// The probe the worker hands the engine.
pub fn worker_memory_probe() -> MemoryProbe {
    MemoryProbe(Arc::new(sample))
}

fn sample() -> MemorySample {
    let (heap_total, heap_used) = allocator_heap();
    MemorySample {
        rss: resident_bytes(),
        heap_total,
        heap_used,
    }
}

/// `/proc/self/statm`'s second field (resident pages) in bytes; 0 when it cannot be read.
fn resident_bytes() -> u64 {
    let pages = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|statm| statm.split_whitespace().nth(1)?.parse::<u64>().ok())
        .unwrap_or(0);
    // SAFETY: sysconf only reads a system constant.
    let page_size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    pages * u64::try_from(page_size).unwrap_or(4096)
}

/// The allocator's heap: bytes in the pages jemalloc has in use, and bytes in live allocations (its statistics
/// are refreshed first; they are otherwise a snapshot from the last refresh). Zeros when they cannot be read.
#[cfg(not(target_env = "msvc"))]
fn allocator_heap() -> (u64, u64) {
    use tikv_jemalloc_ctl::{epoch, stats};
    if epoch::advance().is_err() {
        return (0, 0);
    }
    let active = stats::active::read().unwrap_or(0) as u64;
    let allocated = stats::allocated::read().unwrap_or(0) as u64;
    (active.max(allocated), allocated)
}

/// Without jemalloc (MSVC) there are no heap statistics: the figures are 0 there.
#[cfg(target_env = "msvc")]
fn allocator_heap() -> (u64, u64) {
    (0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figures_are_this_process_s_and_grow_with_an_allocation() {
        let before = sample();
        assert!(before.rss > 1024 * 1024, "rss {}", before.rss);
        let held: Vec<u8> = vec![1; 32 * 1024 * 1024];
        let after = sample();
        assert!(held.iter().all(|&byte| byte == 1));
        assert!(
            after.rss >= before.rss + 16 * 1024 * 1024,
            "{before:?} → {after:?}"
        );
        if cfg!(not(target_env = "msvc")) {
            // The figures are the whole process's, and the other tests of this binary allocate and free on
            // their own threads meanwhile: the 32 MB held here shows as at least 24 MB more.
            assert!(
                after.heap_used >= before.heap_used + 24 * 1024 * 1024,
                "{before:?} → {after:?}"
            );
            assert!(after.heap_total >= after.heap_used);
        }
    }
}
