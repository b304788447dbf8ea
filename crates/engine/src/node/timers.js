// `require("timers")` and `require("timers/promises")`: the global timers, and their promise forms
// (`setTimeout(delay, value, { signal })`, `setImmediate(value)`, `setInterval` as an async iterator and
// `scheduler.wait`).
(function (host, internals) {
  "use strict";
  // Read now: the block may replace the globals later, and the module keeps Node's own.
  const { setTimeout, setInterval, setImmediate, clearTimeout, clearInterval, clearImmediate } = globalThis;

  const timers = { setTimeout, setInterval, setImmediate, clearTimeout, clearInterval, clearImmediate };
  internals.defineModule("timers", timers);

  // Node rejects with its own AbortError (an Error named "AbortError" with code ABORT_ERR).
  function aborted(signal) {
    return Object.assign(new Error("The operation was aborted"), { name: "AbortError", code: "ABORT_ERR", cause: signal.reason });
  }

  function delayed(start, clear) {
    return function (delay, value, options = {}) {
      const signal = options && options.signal;
      return new Promise((resolve, reject) => {
        if (signal && signal.aborted) {
          reject(aborted(signal));
          return;
        }
        const id = start(() => resolve(value), delay);
        if (signal) {
          signal.addEventListener("abort", () => {
            clear(id);
            reject(aborted(signal));
          }, { once: true });
        }
      });
    };
  }

  const promiseTimeout = delayed((callback, delay) => setTimeout(callback, delay), clearTimeout);
  const promiseImmediate = (value, options) => delayed((callback) => setImmediate(callback), clearImmediate)(0, value, options);

  // An async iterator yielding `value` every `delay` ms, until the loop stops or the signal aborts.
  function promiseInterval(delay, value, options = {}) {
    const signal = options && options.signal;
    let ticks = 0;
    let waiting = null;
    let id = null;
    const stop = () => {
      if (id !== null) clearInterval(id);
      id = null;
    };
    return {
      next() {
        if (signal && signal.aborted) {
          stop();
          return Promise.reject(aborted(signal));
        }
        if (id === null) {
          id = setInterval(() => {
            ticks++;
            if (waiting) {
              const resolve = waiting;
              waiting = null;
              ticks--;
              resolve({ value, done: false });
            }
          }, delay);
        }
        if (ticks > 0) {
          ticks--;
          return Promise.resolve({ value, done: false });
        }
        return new Promise((resolve) => {
          waiting = resolve;
        });
      },
      return() {
        stop();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  const promises = {
    setTimeout: promiseTimeout,
    setImmediate: promiseImmediate,
    setInterval: promiseInterval,
    scheduler: {
      wait: (delay, options) => promiseTimeout(delay, undefined, options),
      yield: () => promiseImmediate(),
    },
  };
  internals.defineModule("timers/promises", promises);
  // `require("timers").promises` is `require("timers/promises")`, as in Node.
  timers.promises = promises;
});
