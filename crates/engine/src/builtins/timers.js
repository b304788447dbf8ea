// Timers and `queueMicrotask`, on the engine's event loop. Ids are numbers (Node returns `Timeout`
// objects); clearing accepts either the id or anything else without complaint, as Node does.
(function (host, internals) {
  "use strict";

  function checkCallback(callback) {
    if (typeof callback !== "function") {
      throw new TypeError(
        `The "callback" argument must be of type function. Received ${internals.formatLogMessage([callback])}`,
      );
    }
  }

  internals.defineGlobal("setTimeout", function setTimeout(callback, delay, ...args) {
    checkCallback(callback);
    return host.setTimer(callback, Number(delay), false, true, args);
  });
  internals.defineGlobal("setInterval", function setInterval(callback, delay, ...args) {
    checkCallback(callback);
    return host.setTimer(callback, Number(delay), true, true, args);
  });
  internals.defineGlobal("setImmediate", function setImmediate(callback, ...args) {
    checkCallback(callback);
    return host.setTimer(callback, 0, false, true, args);
  });
  function clear(id) {
    if (typeof id === "number") host.clearTimer(id);
  }
  internals.defineGlobal("clearTimeout", function clearTimeout(id) {
    clear(id);
  });
  internals.defineGlobal("clearInterval", function clearInterval(id) {
    clear(id);
  });
  internals.defineGlobal("clearImmediate", function clearImmediate(id) {
    clear(id);
  });
  internals.defineGlobal("queueMicrotask", function queueMicrotask(callback) {
    checkCallback(callback);
    host.queueMicrotask(callback);
  });

  // A timer that fires while the run waits for something else but does not keep the run alive alone
  // (Node's `unref()`), for `AbortSignal.timeout`.
  internals.setBackgroundTimer = (callback, delay) => host.setTimer(callback, delay, false, false, []);
});
