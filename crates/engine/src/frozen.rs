//! Frozen time and randomness, for a run that must give the same outcome each time (a saved test case):
//! `Date.now()` and `new Date()` read one fixed instant, and `Math.random`, `crypto.randomUUID`,
//! `crypto.getRandomValues` and Node's `crypto.randomBytes` draw from a generator seeded with a fixed seed.
//! Timers and `performance.now()` still run on the real monotonic clock, so a block waits as it does live.

use std::cell::{Cell, RefCell};

use boa_engine::context::time::{Clock, JsInstant, StdClock};
use boa_engine::object::FunctionObjectBuilder;
use boa_engine::{js_string, Context, JsResult, JsValue, NativeFunction};
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// The instant and the seed a frozen run sees, recorded when a test case is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FrozenInputs {
    /// What `Date.now()` answers for the whole run, in milliseconds since the Unix epoch.
    pub now_ms: i64,
    /// Seeds the generator behind `Math.random` and `crypto`'s random values.
    pub random_seed: u64,
}

/// Boa's clock for a run. Live, it is the system's; frozen, the wall clock (`Date`) stands still at the
/// frozen instant while the monotonic clock (Boa's own job timing) keeps running. The context is built
/// before its run is known (`run::Prepared`), so the run freezes the clock it already has.
#[derive(Default)]
pub(crate) struct RunClock {
    frozen_ms: Cell<Option<i64>>,
    system: StdClock,
}

impl RunClock {
    pub(crate) fn freeze(&self, now_ms: i64) {
        self.frozen_ms.set(Some(now_ms));
    }
}

impl Clock for RunClock {
    fn now(&self) -> JsInstant {
        self.system.now()
    }

    fn system_time_millis(&self) -> i64 {
        self.frozen_ms
            .get()
            .unwrap_or_else(|| self.system.system_time_millis())
    }
}

/// The run's random values: the operating system's, or a seeded generator's in a frozen run.
pub(crate) enum RandomSource {
    System,
    /// Boxed: the generator's state is a few hundred bytes, which the common case need not carry.
    Seeded(Box<RefCell<ChaCha8Rng>>),
}

impl RandomSource {
    pub(crate) fn for_run(frozen: Option<&FrozenInputs>) -> Self {
        match frozen {
            Some(frozen) => RandomSource::Seeded(Box::new(RefCell::new(
                ChaCha8Rng::seed_from_u64(frozen.random_seed),
            ))),
            None => RandomSource::System,
        }
    }

    /// `length` random bytes.
    pub(crate) fn bytes(&self, length: usize) -> Result<Vec<u8>, getrandom::Error> {
        match self {
            RandomSource::System => crate::host::system_random_bytes(length),
            RandomSource::Seeded(generator) => {
                let mut bytes = vec![0u8; length];
                generator.borrow_mut().fill_bytes(&mut bytes);
                Ok(bytes)
            }
        }
    }

    /// A number in [0, 1) with 53 random bits, as `Math.random` gives.
    fn number(&self) -> Option<f64> {
        match self {
            RandomSource::System => None,
            RandomSource::Seeded(generator) => {
                let bits = generator.borrow_mut().next_u64() >> 11;
                Some(bits as f64 / (1u64 << 53) as f64)
            }
        }
    }
}

/// Replaces `Math.random` with one drawing from the run's seeded generator (see [`RandomSource`]).
pub(crate) fn freeze_math_random(context: &mut Context) -> JsResult<()> {
    let random = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_fn_ptr(seeded_math_random),
    )
    .name(js_string!("random"))
    .length(0)
    .build();
    let math = context
        .global_object()
        .get(js_string!("Math"), context)?
        .as_object()
        .expect("the global Math is an object");
    math.set(js_string!("random"), random, false, context)?;
    Ok(())
}

fn seeded_math_random(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let number = crate::host::random_source(context).number().unwrap_or(0.0);
    Ok(number.into())
}
