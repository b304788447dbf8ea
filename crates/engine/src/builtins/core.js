// The preludes' shared core: defining globals as Node does (non-enumerable), loading the other preludes
// (and helpers) on first use, and the context's `logger`. Kept small: it is compiled before every run,
// and compiling is most of a short run's time. Stacks are in stack.js, log formatting in format.js,
// describing errors and JSON conversion in errors.js.
(function (host, internals) {
  "use strict";
  const stringify = JSON.stringify;
  const ErrorConstructor = Error;

  // The globals Node lists in Object.keys(globalThis); the rest are non-enumerable there too.
  const enumerableGlobals = new Set(["global", "clearImmediate", "setImmediate", "clearInterval", "clearTimeout",
    "setInterval", "setTimeout", "queueMicrotask", "structuredClone", "atob", "btoa", "performance", "fetch", "crypto"]);

  // Lazily loaded globals: name → { value, loaded }. They stay accessors once loaded, because the
  // engine's global-lookup cache misbehaves when a global changes from an accessor to a data property.
  const lazyGlobals = new Map();

  internals.defineGlobal = function defineGlobal(name, value) {
    const lazy = lazyGlobals.get(name);
    if (lazy) {
      // A prelude loaded as another's dependency must not undo the block's own assignment.
      if (!lazy.assigned) lazy.value = value;
      lazy.loaded = true;
      return;
    }
    Object.defineProperty(globalThis, name, {
      value,
      writable: true,
      configurable: true,
      enumerable: enumerableGlobals.has(name),
    });
  };
  internals.defineGlobal("global", globalThis);

  // The bytes a buffer source views as a Uint8Array, or null for anything else (Buffer, the encoders, crypto).
  internals.toBytes = function toBytes(value) {
    if (value instanceof Uint8Array) return value;
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return null;
  };

  // Globals whose prelude loads on first use, so a block that never touches them does not pay for
  // compiling them: reading (or `typeof`) the global loads the prelude, which fills in the value;
  // assigning replaces it with the block's own value.
  //
  // The first use may come in the middle of any expression, so the prelude runs through indirect eval
  // (which the engine supports at any depth) rather than as a separate script from the host.
  const indirectEval = eval;
  function load(prelude) {
    for (const source of host.preludeSources(prelude)) indirectEval(source)(host, internals);
  }
  internals.loadPrelude = load;
  internals.defineLazyGlobals = function defineLazyGlobals(prelude, names) {
    for (const name of names) {
      const lazy = { value: undefined, loaded: false, assigned: false };
      lazyGlobals.set(name, lazy);
      Object.defineProperty(globalThis, name, {
        get() {
          if (!lazy.loaded) load(prelude);
          return lazy.value;
        },
        set(value) {
          lazy.value = value;
          lazy.loaded = true;
          lazy.assigned = true;
        },
        configurable: true,
        enumerable: enumerableGlobals.has(name),
      });
    }
  };

  // Helpers that live in a lazy prelude: a stub stands in until the first call loads the prelude, which
  // puts the real helper in its place.
  function lazyHelper(prelude, name) {
    const stub = function (...args) {
      if (internals[name] === stub) load(prelude);
      return internals[name].apply(this, args);
    };
    internals[name] = stub;
  }
  lazyHelper("format.js", "formatArgument");
  lazyHelper("format.js", "formatLogMessage");
  lazyHelper("stack.js", "errorStack");
  lazyHelper("stack.js", "captureStackTrace");
  lazyHelper("stack.js", "prepareStackTrace");

  // Error stacks as Node prints them (stack.js); the engine's own accessor and the built-in error
  // constructors are taken now, before the block can replace them.
  const stackAccessor = Object.getOwnPropertyDescriptor(Error.prototype, "stack");
  internals.stackAccessor = stackAccessor;
  internals.builtinErrors = new Set([Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError]);
  if (stackAccessor && stackAccessor.get) {
    Object.defineProperty(Error.prototype, "stack", {
      get() {
        return internals.errorStack(this);
      },
      set: stackAccessor.set,
      configurable: true,
      enumerable: false,
    });
  }

  // V8's stack API (stack.js does the work): here, so a block that sets them before its first stack does
  // not have its values replaced when stack.js loads. Node has its own `prepareStackTrace` rather than none.
  const hidden = { writable: true, enumerable: false, configurable: true };
  Error.stackTraceLimit = 10;
  Object.defineProperty(Error, "captureStackTrace", {
    value: function captureStackTrace(targetObject, constructorOpt) {
      internals.captureStackTrace(targetObject, constructorOpt);
    },
    ...hidden,
  });
  Object.defineProperty(Error, "prepareStackTrace", {
    value: function prepareStackTrace(error, trace) {
      return internals.prepareStackTrace(error, trace);
    },
    ...hidden,
  });
  internals.builtinPrepareStackTrace = Error.prepareStackTrace;

  // For the lazy preludes, which may load after the block replaced these globals.
  internals.stringify = stringify;
  internals.ErrorConstructor = ErrorConstructor;

  // One log line from `logger` or `console`. Past the run's cap the host only counts lines, so they are
  // not formatted at all: a block that logs a million lines spends its time logging, not formatting.
  let logsKept = true;
  internals.logLine = function logLine(level, args) {
    if (logsKept) {
      logsKept = host.log(level, internals.formatLogMessage(args));
    } else {
      host.countDroppedLog();
    }
  };

  // The context's `logger`: each method logs one line at its level (`log` at info, as on the platform).
  function logAt(level) {
    return function (...args) {
      internals.logLine(level, args);
    };
  }
  internals.makeLogger = function makeLogger() {
    return {
      debug: logAt("debug"),
      info: logAt("info"),
      warn: logAt("warn"),
      error: logAt("error"),
      log: logAt("info"),
      trace: logAt("trace"),
      metric: logAt("metric"),
    };
  };
});
