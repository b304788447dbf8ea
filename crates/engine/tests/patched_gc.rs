//! The collector's pacing, patched in the workspace's Boa GC (`vendor/boa_gc`, see its README): the next collection
//! waits until the heap is about three times what survived the last one. This proves the other half of that bargain:
//! a block that holds a large live heap while it makes much more garbage still has its garbage collected, so its
//! memory stays near a few times what it keeps, not what it ever allocated. Its own test binary, so no other test's
//! allocations share the process whose memory it reads.

mod common;

use common::run_inline_action;
use serde_json::json;

/// The resident set of this process, in MiB, from /proc/self/status.
fn resident_mib() -> u64 {
    let status =
        std::fs::read_to_string("/proc/self/status").expect("/proc/self/status is readable");
    let kib: u64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS in /proc/self/status");
    kib / 1024
}

#[test]
#[cfg(target_os = "linux")]
fn garbage_made_beside_a_large_live_heap_is_collected() {
    // 100,000 objects stay alive throughout; 1,500,000 more (each with its own string) become garbage at once.
    // Kept, those would take several hundred megabytes (two objects and a string each); collected, the run grows
    // the process by about 90 MiB.
    let source = r#"
        module.exports = () => {
          const kept = [];
          for (let i = 0; i < 100000; i++) kept.push({ index: i, label: "kept " + i });
          let checksum = 0;
          for (let i = 0; i < 1500000; i++) {
            const row = { index: i, label: "row " + i, tags: [i, i + 1] };
            checksum += row.tags[1] - row.index;
          }
          return { data: { kept: kept.length, checksum } };
        };
    "#;
    let before = resident_mib();
    let report = run_inline_action("garbage.js", source);
    let after = resident_mib();
    assert!(
        report.outcome.ok,
        "the block failed: {:?}",
        report.outcome.error
    );
    assert_eq!(
        report.outcome.result,
        json!({ "kept": 100000, "checksum": 1500000 })
    );
    let grown = after.saturating_sub(before);
    eprintln!("resident set: {before} MiB before the run, {after} MiB after");
    assert!(
        grown < 300,
        "the run grew the process by {grown} MiB (from {before} to {after}): its garbage was not collected"
    );
}
