//! Ctrl+C during `blocksmith run`: the run is stopped as Stop stops it in the app (its worker killed), so the line
//! still prints with every log line the block wrote before, then stderr says it was stopped and the exit status
//! is 130, as shells report a command ended by Ctrl+C. A second Ctrl+C while the stop is under way exits at once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use blocksmith_session::Session;

use crate::error::{Error, Result};

/// Whether the run was interrupted; set from the signal handler's thread.
#[derive(Debug, Clone, Default)]
pub struct Interrupted(Arc<AtomicBool>);

impl Interrupted {
    pub fn happened(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// From now on, SIGINT stops the session's run `run_id` instead of ending the process. (A SIGINT before the run
/// has reached its worker finds nothing to stop; the run then goes on to its end and the exit status is still 130.)
pub fn stop_run_on_interrupt(session: &Session, run_id: &str) -> Result<Interrupted> {
    let interrupted = Interrupted::default();
    let flag = interrupted.0.clone();
    let session = session.clone();
    let run_id = run_id.to_owned();
    ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            eprintln!(
                "blocksmith run: interrupted again; exiting without waiting for the run to stop."
            );
            std::process::exit(i32::from(crate::exit::INTERRUPTED));
        }
        session.stop_run(&run_id);
    })
    .map_err(Error::SignalHandler)?;
    Ok(interrupted)
}
