// `console` and `performance`: every log call becomes one line in the run's log, at the level the
// platform uses (`log` → info). The context's `logger` is in prelude_core.rs. Node's inspector-only methods
// (`profile`, `profileEnd`, `timeStamp`) do nothing, as they do in Node without an inspector attached, and
// `clear` does nothing, as in Node when its output is not a terminal.
(function (host, internals) {
  "use strict";
  const logLine = internals.logLine;

  function logAt(level) {
    return function (...args) {
      logLine(level, args);
    };
  }

  const counts = new Map();
  const timers = new Map();
  const doNothing = () => {};
  const console = {
    log: logAt("info"),
    info: logAt("info"),
    debug: logAt("debug"),
    warn: logAt("warn"),
    error: logAt("error"),
    trace: logAt("trace"),
    dir: (value) => logLine("info", [value]),
    dirxml: logAt("info"),
    table: (value) => logLine("info", [value]),
    assert(condition, ...args) {
      if (!condition) {
        logLine("error", ["Assertion failed" + (args.length ? ":" : ""), ...args]);
      }
    },
    count(label = "default") {
      const count = (counts.get(label) || 0) + 1;
      counts.set(label, count);
      logLine("info", [`${label}: ${count}`]);
    },
    countReset(label = "default") {
      counts.delete(label);
    },
    time(label = "default") {
      timers.set(label, host.now());
    },
    timeLog(label = "default", ...args) {
      if (timers.has(label)) {
        const elapsed = (host.now() - timers.get(label)).toFixed(3);
        logLine("info", [`${label}: ${elapsed}ms`, ...args]);
      }
    },
    timeEnd(label = "default") {
      console.timeLog(label);
      timers.delete(label);
    },
    group: logAt("info"),
    groupCollapsed: logAt("info"),
    groupEnd() {},
    clear: doNothing,
    profile: doNothing,
    profileEnd: doNothing,
    timeStamp: doNothing,
    // Another console writing to the same run log (its counts and timers are shared, where Node keeps them
    // per context).
    context() {
      return { ...console };
    },
    // Async stack tagging for DevTools: in Node without an inspector, `run` just calls the function.
    createTask(name) {
      if (typeof name !== "string" || name === "") throw new Error("First argument must be a non-empty string.");
      return { run: (callback) => callback() };
    },
  };
  Object.defineProperty(console, Symbol.toStringTag, { value: "console", configurable: true });
  internals.defineGlobal("console", console);

  // The run's start, whenever this prelude happens to load.
  const timeOrigin = Date.now() - host.now();
  internals.defineGlobal("performance", {
    now: () => host.now(),
    timeOrigin,
    toJSON: () => ({ timeOrigin }),
  });
});
