//! The run history's writes that need not hold up a run's answer. Storing a run takes as long as its result is
//! large (an 11 MB result about 100 ms), and the person waits for the result, not for its record: a run answers
//! first and queues its record here, and one thread writes the records in the order they were queued. Every
//! other use of the history (a read, or a write that must be done before answering) first waits until each
//! record queued before it is written, so the history never shows a run out of order or misses one that has
//! already answered. Dropping the recorder (with the last clone of its session) writes what is still queued, so
//! a command-line run is kept before the process ends.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle};

use blocksmith_workspace::history::RunHistory;

use crate::error::{Error, Result};

use super::lock;

/// The open workspace's run history, opened on first use: `(workspace root, history)`. Shared with the
/// recorder's thread.
pub(super) type HistorySlot = Arc<Mutex<Option<(PathBuf, RunHistory)>>>;

type Record = Box<dyn FnOnce() -> Result<()> + Send>;

#[derive(Default)]
struct Queue {
    /// Records queued and not written yet.
    unwritten: usize,
    /// Why records could not be written, told once to the next use of the history.
    failures: Vec<String>,
}

#[derive(Default)]
struct Progress {
    queue: Mutex<Queue>,
    written: Condvar,
}

/// Writes queued records on a thread of its own, started with the first record.
#[derive(Default)]
pub(super) struct Recorder {
    records: Mutex<Option<Sender<Record>>>,
    writer: Mutex<Option<JoinHandle<()>>>,
    progress: Arc<Progress>,
}

impl Recorder {
    /// Queues `record`, which is written after every record queued before it.
    pub(super) fn record_later(&self, record: impl FnOnce() -> Result<()> + Send + 'static) {
        lock(&self.progress.queue).unwritten += 1;
        let mut records = lock(&self.records);
        let sender = records.get_or_insert_with(|| {
            let (sender, received) = mpsc::channel::<Record>();
            let progress = Arc::clone(&self.progress);
            *lock(&self.writer) = Some(thread::spawn(move || {
                for record in received {
                    let failure = record().err().map(|error| error.to_string());
                    let mut queue = lock(&progress.queue);
                    queue.unwritten -= 1;
                    queue.failures.extend(failure);
                    progress.written.notify_all();
                }
            }));
            sender
        });
        if let Err(unsent) = sender.send(Box::new(record)) {
            // The writer is gone (it panicked): write it here instead.
            drop(records);
            let failure = (unsent.0)().err().map(|error| error.to_string());
            let mut queue = lock(&self.progress.queue);
            queue.unwritten -= 1;
            queue.failures.extend(failure);
        }
    }

    /// Waits until every queued record is written; a record that could not be is reported here, once.
    pub(super) fn wait_until_written(&self) -> Result<()> {
        let mut queue = lock(&self.progress.queue);
        while queue.unwritten > 0 {
            queue = self
                .progress
                .written
                .wait(queue)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        if queue.failures.is_empty() {
            return Ok(());
        }
        Err(Error::RunNotRecorded(
            std::mem::take(&mut queue.failures).join("; "),
        ))
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        // Closing the queue ends the writer once it has written what is queued.
        lock(&self.records).take();
        if let Some(writer) = lock(&self.writer).take() {
            let _ = writer.join();
        }
    }
}

/// Runs `f` with the run history of the workspace at `root`, opening it when the slot holds none or another
/// workspace's.
pub(super) fn with_history_in<T>(
    slot: &HistorySlot,
    root: &Path,
    f: impl FnOnce(&RunHistory) -> Result<T>,
) -> Result<T> {
    let mut slot = lock(slot);
    if slot.as_ref().is_none_or(|(open_root, _)| open_root != root) {
        *slot = Some((root.to_path_buf(), RunHistory::open(root)?));
    }
    let (_, history) = slot.as_ref().expect("the history was opened above");
    f(history)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    #[test]
    fn records_are_written_in_order_and_a_wait_sees_them_all() {
        let recorder = Recorder::default();
        let written = Arc::new(Mutex::new(Vec::new()));
        for index in 0..5 {
            let written = Arc::clone(&written);
            recorder.record_later(move || {
                // The first is the slowest: a wait must still see every one, in order.
                if index == 0 {
                    thread::sleep(Duration::from_millis(50));
                }
                lock(&written).push(index);
                Ok(())
            });
        }
        recorder.wait_until_written().unwrap();
        assert_eq!(*lock(&written), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_record_that_fails_is_reported_once_to_the_next_wait() {
        let recorder = Recorder::default();
        recorder.record_later(|| Err(Error::Internal("the disk is full".to_owned())));
        let failure = recorder.wait_until_written().unwrap_err();
        assert!(
            matches!(&failure, Error::RunNotRecorded(why) if why.contains("the disk is full")),
            "{failure}"
        );
        recorder.wait_until_written().unwrap();
    }

    #[test]
    fn dropping_the_recorder_writes_what_is_queued() {
        let written = Arc::new(AtomicUsize::new(0));
        {
            let recorder = Recorder::default();
            for _ in 0..3 {
                let written = Arc::clone(&written);
                recorder.record_later(move || {
                    thread::sleep(Duration::from_millis(20));
                    written.fetch_add(1, Ordering::SeqCst);
                    Ok(())
                });
            }
        }
        assert_eq!(written.load(Ordering::SeqCst), 3);
    }
}
