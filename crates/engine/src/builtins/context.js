// The parts of a block's `context` that are code rather than data: `debug`, `components` and `invokeFlow`.
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

  // `context.invokeFlow(flowName, data, config, source)`: the platform posts `data` to the flow's webhook
  // with Axios, so the answer is an Axios response and a status outside 2xx rejects as Axios rejects
  // (`AxiosError`, `code` ERR_BAD_REQUEST or ERR_BAD_RESPONSE, the response on `error.response`). The host
  // runs the flow as the local webhook listener would; what it refuses (an unknown flow, a cycle, too deep a
  // chain) rejects with an error whose `code` names why.
  internals.makeInvokeFlow = function makeInvokeFlow() {
    return async function invokeFlow(flowName, data, config, source) {
      if (typeof flowName !== "string" || flowName === "") {
        throw new TypeError("context.invokeFlow needs the name of a flow of this workspace as its first argument.");
      }
      const headers = [];
      let hasContentType = false;
      const given = config == null ? undefined : config.headers;
      if (given != null) {
        for (const name of Object.keys(given)) {
          const value = given[name];
          if (value == null) continue;
          if (name.toLowerCase() === "content-type") hasContentType = true;
          headers.push(name, String(value));
        }
      }
      const body = data === undefined ? "" : JSON.stringify(data);
      if (body !== "" && !hasContentType) headers.push("Content-Type", "application/json");
      const settled = await host.invokeFlow(flowName, body, headers, source == null ? undefined : String(source));
      if ("code" in settled) {
        const error = new Error(settled.message);
        error.name = "InvokeFlowError";
        error.code = settled.code;
        throw error;
      }
      const responseHeaders = {};
      for (const [name, value] of settled.headers) responseHeaders[name] = value;
      let parsed = settled.body;
      // Axios parses a JSON answer and keeps any other as text.
      try {
        parsed = JSON.parse(settled.body);
      } catch {}
      const response = { data: parsed, status: settled.status, statusText: settled.statusText, headers: responseHeaders };
      if (settled.status < 200 || settled.status > 299) {
        // Axios's message, then what the listener's error answer says, so an uncaught failure reads whole.
        const failure = parsed !== null && typeof parsed === "object" ? parsed.error : undefined;
        let detail = "";
        if (failure != null && typeof failure.message === "string") {
          detail = typeof failure.step === "string"
            ? ` (the invoked flow failed at its step "${failure.step}" with ${failure.name ?? "Error"}: ${failure.message})`
            : ` (${failure.message})`;
        }
        const error = new Error(`Request failed with status code ${settled.status}${detail}`);
        error.name = "AxiosError";
        error.code = settled.status >= 500 ? "ERR_BAD_RESPONSE" : "ERR_BAD_REQUEST";
        error.status = settled.status;
        error.response = response;
        throw error;
      }
      return response;
    };
  };
});
