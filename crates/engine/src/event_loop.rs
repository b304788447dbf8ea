//! The run's event loop: Boa's job executor (promise jobs) plus the block's timers and finished I/O.
//!
//! Boa's stock executor polls its timers in a busy loop, so a block waiting on a 1 s `setTimeout` burns
//! a core for a second. This loop instead sleeps until the next timer is due or an I/O thread (a `fetch`)
//! sends its completion over a channel, so a waiting block uses no CPU.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::rc::Rc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use boa_engine::builtins::promise::{PromiseState, ResolvingFunctions};
use boa_engine::job::{GenericJob, Job, JobExecutor, PromiseJob};
use boa_engine::object::builtins::{JsFunction, JsPromise};
use boa_engine::{Context, JsError, JsResult, JsValue};

/// Turns a finished I/O operation into the value its promise resolves to (or the error it rejects with).
/// It is built on the I/O thread from plain Rust data and run on the engine's thread.
pub type IoSettle = Box<dyn FnOnce(&mut Context) -> JsResult<JsValue> + Send>;

/// Why the loop stopped before the block's promise settled.
#[derive(Debug)]
pub enum LoopStop {
    /// Nothing is left that could settle the promise: no timer keeps the run alive and no I/O is pending.
    NeverSettles,
    /// A timer callback or a job threw and nothing caught it (Node would end the process).
    Uncaught(JsError),
}

/// A timer registered by `setTimeout`/`setInterval`.
struct Timer {
    callback: JsFunction,
    args: Vec<JsValue>,
    repeat: Option<Duration>,
    /// Internal timers (such as `AbortSignal.timeout`'s) are "unref'd" as in Node: they fire while the run
    /// waits for something else, but do not by themselves keep a run waiting.
    keeps_alive: bool,
}

#[derive(Default)]
struct Timers {
    due: BTreeMap<(Instant, u64), u32>,
    entries: HashMap<u32, ((Instant, u64), Timer)>,
    next_id: u32,
    next_seq: u64,
}

impl Timers {
    fn insert(&mut self, id: u32, at: Instant, timer: Timer) {
        // The sequence number keeps timers that fall due at the same instant in the order they were set.
        self.next_seq += 1;
        let key = (at, self.next_seq);
        self.due.insert(key, id);
        self.entries.insert(id, (key, timer));
    }

    fn remove(&mut self, id: u32) -> Option<Timer> {
        let (key, timer) = self.entries.remove(&id)?;
        self.due.remove(&key);
        Some(timer)
    }

    fn pop_due(&mut self, now: Instant) -> Option<(u32, Timer)> {
        let (&(at, _), &id) = self.due.first_key_value()?;
        if at > now {
            return None;
        }
        self.remove(id).map(|timer| (id, timer))
    }

    fn next_due(&self) -> Option<Instant> {
        self.due.first_key_value().map(|(&(at, _), _)| at)
    }

    fn any_keeps_alive(&self) -> bool {
        self.entries.values().any(|(_, timer)| timer.keeps_alive)
    }
}

/// Sends one I/O operation's completion back to the engine's thread. Dropping it unsent leaves the
/// operation pending, so an I/O thread must always call [`IoCompletion::complete`].
pub struct IoCompletion {
    id: u64,
    sender: Sender<(u64, IoSettle)>,
}

impl IoCompletion {
    pub fn complete(self, settle: IoSettle) {
        // The run may have ended (or the block aborted the request); a completion nobody waits for is dropped.
        let _ = self.sender.send((self.id, settle));
    }
}

/// The job executor and event loop of one run.
pub struct EventLoop {
    microtasks: RefCell<VecDeque<PromiseJob>>,
    generic_jobs: RefCell<VecDeque<GenericJob>>,
    timers: RefCell<Timers>,
    pending_io: RefCell<HashMap<u64, ResolvingFunctions>>,
    next_io_id: Cell<u64>,
    io_sender: Sender<(u64, IoSettle)>,
    io_receiver: Receiver<(u64, IoSettle)>,
}

impl Default for EventLoop {
    fn default() -> Self {
        let (io_sender, io_receiver) = mpsc::channel();
        Self {
            microtasks: RefCell::default(),
            generic_jobs: RefCell::default(),
            timers: RefCell::default(),
            pending_io: RefCell::default(),
            next_io_id: Cell::new(0),
            io_sender,
            io_receiver,
        }
    }
}

impl EventLoop {
    /// Registers a timer and returns its id (ids start at 1, so `0` never names a timer).
    pub fn add_timer(
        &self,
        callback: JsFunction,
        args: Vec<JsValue>,
        delay: Duration,
        repeat: bool,
        keeps_alive: bool,
    ) -> u32 {
        let mut timers = self.timers.borrow_mut();
        timers.next_id += 1;
        let id = timers.next_id;
        let timer = Timer {
            callback,
            args,
            repeat: repeat.then_some(delay),
            keeps_alive,
        };
        timers.insert(id, Instant::now() + delay, timer);
        id
    }

    pub fn clear_timer(&self, id: u32) {
        self.timers.borrow_mut().remove(id);
    }

    /// Starts tracking an I/O operation whose promise `resolvers` settle; the returned handle goes to the
    /// thread doing the work.
    pub fn start_io(&self, resolvers: ResolvingFunctions) -> (u64, IoCompletion) {
        let id = self.next_io_id.get() + 1;
        self.next_io_id.set(id);
        self.pending_io.borrow_mut().insert(id, resolvers);
        let completion = IoCompletion {
            id,
            sender: self.io_sender.clone(),
        };
        (id, completion)
    }

    /// Stops waiting for an I/O operation (the block aborted it); its late completion is ignored.
    pub fn forget_io(&self, id: u64) {
        self.pending_io.borrow_mut().remove(&id);
    }

    /// Runs jobs, timers and I/O completions until `promise` settles.
    pub fn run_until_settled(
        &self,
        promise: &JsPromise,
        context: &mut Context,
    ) -> Result<(), LoopStop> {
        loop {
            self.run_microtasks(context).map_err(LoopStop::Uncaught)?;
            if !matches!(promise.state(), PromiseState::Pending) {
                return Ok(());
            }
            let due = self.timers.borrow_mut().pop_due(Instant::now());
            if let Some((id, timer)) = due {
                self.fire(id, timer, context).map_err(LoopStop::Uncaught)?;
                continue;
            }
            let arrived = match self.io_receiver.try_recv() {
                Ok(completion) => Some(completion),
                Err(_) => self.wait()?,
            };
            if let Some((id, settle)) = arrived {
                self.settle_io(id, settle, context)
                    .map_err(LoopStop::Uncaught)?;
            }
        }
    }

    /// Blocks until the next timer is due or an I/O completion arrives (returned if one did).
    fn wait(&self) -> Result<Option<(u64, IoSettle)>, LoopStop> {
        let (next_due, timers_keep_alive) = {
            let timers = self.timers.borrow();
            (timers.next_due(), timers.any_keeps_alive())
        };
        let io_pending = !self.pending_io.borrow().is_empty();
        if !io_pending && !timers_keep_alive {
            return Err(LoopStop::NeverSettles);
        }
        let timeout = next_due.map(|due| due.saturating_duration_since(Instant::now()));
        if !io_pending {
            if let Some(timeout) = timeout {
                std::thread::sleep(timeout);
            }
            return Ok(None);
        }
        let received = match timeout {
            Some(timeout) => self.io_receiver.recv_timeout(timeout),
            None => self
                .io_receiver
                .recv()
                .map_err(|_| RecvTimeoutError::Disconnected),
        };
        // The loop holds a sender itself, so the channel never disconnects; a timeout means a timer is due.
        Ok(received.ok())
    }

    fn fire(&self, id: u32, timer: Timer, context: &mut Context) -> JsResult<()> {
        if let Some(interval) = timer.repeat {
            // Re-armed before the call, so a callback that clears its own interval removes the new entry.
            let again = Timer {
                callback: timer.callback.clone(),
                args: timer.args.clone(),
                repeat: timer.repeat,
                keeps_alive: timer.keeps_alive,
            };
            self.timers
                .borrow_mut()
                .insert(id, Instant::now() + interval, again);
        }
        timer
            .callback
            .call(&JsValue::undefined(), &timer.args, context)?;
        Ok(())
    }

    fn settle_io(&self, id: u64, settle: IoSettle, context: &mut Context) -> JsResult<()> {
        let Some(resolvers) = self.pending_io.borrow_mut().remove(&id) else {
            return Ok(());
        };
        let result = settle(context);
        crate::event_loop::settle(&resolvers, result, context)
    }

    /// Runs promise jobs (and the engine's generic jobs) until none is left.
    fn run_microtasks(&self, context: &mut Context) -> JsResult<()> {
        loop {
            let job = self.microtasks.borrow_mut().pop_front();
            if let Some(job) = job {
                job.call(context)?;
                continue;
            }
            let job = self.generic_jobs.borrow_mut().pop_front();
            match job {
                Some(job) => {
                    job.call(context)?;
                }
                None => return Ok(()),
            }
        }
    }
}

impl JobExecutor for EventLoop {
    fn enqueue_job(self: Rc<Self>, job: Job, _context: &mut Context) {
        match job {
            Job::PromiseJob(job) => self.microtasks.borrow_mut().push_back(job),
            Job::GenericJob(job) => self.generic_jobs.borrow_mut().push_back(job),
            // The engine only creates these for `FinalizationRegistry` cleanup and host timers; the block's
            // timers are this loop's own, and cleanup callbacks are optional in the spec, so they are skipped.
            Job::AsyncJob(_)
            | Job::TimeoutJob(_)
            | Job::IntervalJob(_)
            | Job::FinalizationRegistryCleanupJob(_) => {}
            _ => {}
        }
    }

    fn run_jobs(self: Rc<Self>, context: &mut Context) -> JsResult<()> {
        self.run_microtasks(context)
    }
}

/// Resolves a promise with `result`'s value, or rejects it with the error `result` holds.
pub(crate) fn settle(
    resolvers: &ResolvingFunctions,
    result: JsResult<JsValue>,
    context: &mut Context,
) -> JsResult<()> {
    match result {
        Ok(value) => resolvers
            .resolve
            .call(&JsValue::undefined(), &[value], context)?,
        Err(error) => {
            let reason = error.into_opaque(context)?;
            resolvers
                .reject
                .call(&JsValue::undefined(), &[reason], context)?
        }
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use boa_engine::Source;

    fn function(context: &mut Context) -> JsFunction {
        let value = context.eval(Source::from_bytes("() => 1")).unwrap();
        JsFunction::from_object(value.as_object().unwrap().clone()).unwrap()
    }

    #[test]
    fn timers_due_together_fire_in_the_order_they_were_set() {
        let mut context = crate::intl_data::test_context();
        let event_loop = EventLoop::default();
        let first =
            event_loop.add_timer(function(&mut context), vec![], Duration::ZERO, false, true);
        let second =
            event_loop.add_timer(function(&mut context), vec![], Duration::ZERO, false, true);
        let later = Instant::now() + Duration::from_millis(1);
        let mut timers = event_loop.timers.borrow_mut();
        assert_eq!(timers.pop_due(later).map(|(id, _)| id), Some(first));
        assert_eq!(timers.pop_due(later).map(|(id, _)| id), Some(second));
        assert!(timers.pop_due(later).is_none());
    }

    #[test]
    fn a_cleared_timer_never_fires() {
        let mut context = crate::intl_data::test_context();
        let event_loop = EventLoop::default();
        let id = event_loop.add_timer(function(&mut context), vec![], Duration::ZERO, false, true);
        event_loop.clear_timer(id);
        assert!(event_loop
            .timers
            .borrow_mut()
            .pop_due(Instant::now() + Duration::from_secs(1))
            .is_none());
    }

    #[test]
    fn only_background_timers_left_means_the_promise_can_never_settle() {
        let mut context = crate::intl_data::test_context();
        let event_loop = EventLoop::default();
        event_loop.add_timer(
            function(&mut context),
            vec![],
            Duration::from_secs(60),
            false,
            false,
        );
        assert!(matches!(event_loop.wait(), Err(LoopStop::NeverSettles)));
    }
}
