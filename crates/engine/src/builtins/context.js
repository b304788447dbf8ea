// The parts of a block's `context` that are code rather than data: `debug`, `components` and `invokeFlow`
// (whose body is in invoke-flow.js).
// The engine builds the whole object member by member from the one definition in crates/context; this
// prelude only makes these values. Compiled before every run, so it stays small.
(function (host, internals) {
  "use strict";
  const bytesPerMb = 1024 * 1024;

  // `context.debug`, as the platform's own (Spectral's createDebugContext) builds it: the helpers record into
  // the context they are passed, and only in debug mode. Marks are on the run's monotonic clock (the same as
  // performance.now()); memory is in MB, as the platform reports it.
  internals.makeDebug = function makeDebug(enabled, allowedMemory) {
    return {
      enabled,
      timeElapsed: {
        mark: (context, label) => {
          if (enabled) context.debug.results.timeElapsed.marks[label] = host.now();
        },
        measure: (context, label, marks) => {
          if (!enabled) return;
          const recorded = context.debug.results.timeElapsed.marks;
          context.debug.results.timeElapsed.measurements[label] = {
            marks,
            duration: recorded[marks.end] - recorded[marks.start],
          };
        },
      },
      memoryUsage: (context, label, showDetail) => {
        if (!enabled) return;
        const usage = host.memoryUsage();
        const detail = {};
        for (const key of Object.keys(usage)) detail[key] = usage[key] / bytesPerMb;
        context.debug.results.memoryUsage.push({
          mark: label,
          rss: detail.rss,
          detail: showDetail ? detail : undefined,
        });
      },
      results: {
        timeElapsed: { marks: {}, measurements: {} },
        memoryUsage: [],
        allowedMemory,
      },
    };
  };

  // `context.components`: a code step has no component registry, so it is empty, and reading a component
  // from it throws an error that says why (rather than "cannot read properties of undefined" one step later).
  // Symbols, the names every object answers (its prototype's), `then` (asked by await) and `toJSON` (asked by
  // JSON.stringify) read as usual, so logging, awaiting or returning the object still works.
  const askedOfAnyObject = new Set(["then", "toJSON"]);
  internals.makeComponents = function makeComponents() {
    return new Proxy({}, {
      get(target, name, receiver) {
        if (typeof name === "symbol" || name in target || askedOfAnyObject.has(name)) {
          return Reflect.get(target, name, receiver);
        }
        throw new TypeError(
          `context.components has no component "${name}": a code step has no component registry. ` +
            "Call the service's API with fetch, or use the component's action as a step of its own in the flow.",
        );
      },
    });
  };

  // `context.invokeFlow(flowName, data, config, source)`: few blocks call it, so its body (invoke-flow.js) is
  // compiled on the first call rather than before every run.
  internals.makeInvokeFlow = function makeInvokeFlow() {
    return async function invokeFlow(flowName, data, config, source) {
      if (internals.invokeFlow === undefined) internals.loadPrelude("invoke-flow.js");
      return internals.invokeFlow(flowName, data, config, source);
    };
  };
});
