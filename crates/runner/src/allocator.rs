//! The allocator of every process that runs blocks: the CLI, the app and the bare worker all link this crate, and
//! their workers are themselves (forked or started with `__worker`).
//!
//! jemalloc rather than glibc's malloc: an engine allocates and frees small objects by the hundred thousand, and
//! glibc spent about a sixth of a large library's run merging freed chunks back into its free lists
//! (`malloc_consolidate`, `unlink_chunk`). Rust's allocations only: the C libraries (SQLite, WebKitGTK) keep the
//! system's `malloc`, since the prefixed build does not replace it. Not on MSVC, which jemalloc does not support.

/// One arena, as `MALLOC_ARENA_MAX=1` gives glibc (see `hardening.rs`): a worker runs one block at a time, and
/// each further arena maps its own memory when a thread first allocates, which the memory limit (`RLIMIT_AS`)
/// would count against the block and which made a trivial run 0.4 ms slower. jemalloc reads this C string, by
/// this name, when it starts.
#[cfg(not(target_env = "msvc"))]
#[used]
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: &u8 = &b"narenas:1\0"[0];

#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
