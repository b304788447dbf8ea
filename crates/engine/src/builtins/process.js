// A safe `process`: the members libraries probe (`env.NODE_ENV`, `nextTick`, `hrtime`, `version(s)`,
// `platform`, …) and nothing that reaches the host. `env` is always empty: a block's settings come from
// `configVars`, and the host's environment holds tokens. Members that would act on the host process
// (`exit`, `kill`, `chdir`, loading native code) throw an error whose `code` says so. Loaded on the first
// use of `process`.
(function (host, internals) {
  "use strict";

  // The Node 20 release whose behaviour the differential suite checks the engine against.
  const NODE_VERSION = "20.20.2";
  // Node 20's ABI version, which some libraries read next to `node`.
  const NODE_MODULES_ABI = "115";
  // What the platform's Code step runs on.
  const PLATFORM = "linux";
  const ARCH = "x64";

  // `Error` with a Node-style `code`, for the members that would reach the host.
  function unavailable(member, instead) {
    return function () {
      const error = new Error(`process.${member}() is not available in a code block: ${instead}`);
      error.code = "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM";
      throw error;
    };
  }

  function invalidArgType(name, expected, value) {
    const error = new TypeError(`The "${name}" argument must be ${expected}. Received ${internals.formatArgument(value)}`);
    error.code = "ERR_INVALID_ARG_TYPE";
    return error;
  }

  // The run's monotonic clock in nanoseconds (from `performance.now()`'s source).
  function nanoseconds() {
    return Math.round(host.now() * 1e6);
  }

  function hrtime(previous) {
    const now = nanoseconds();
    let since = 0;
    if (previous !== undefined) {
      if (!Array.isArray(previous)) throw invalidArgType("time", "an instance of Array", previous);
      if (previous.length !== 2) {
        const error = new RangeError(`The value of "time" is out of range. It must be 2. Received ${previous.length}`);
        error.code = "ERR_OUT_OF_RANGE";
        throw error;
      }
      since = previous[0] * 1e9 + previous[1];
    }
    const elapsed = now - since;
    return [Math.floor(elapsed / 1e9), elapsed % 1e9];
  }
  hrtime.bigint = function bigint() {
    return BigInt(nanoseconds());
  };

  function nextTick(callback, ...args) {
    if (typeof callback !== "function") throw invalidArgType("callback", "of type function", callback);
    host.queueMicrotask(() => callback(...args));
  }

  // Node prints a warning on standard error; a block's goes to its log at warn level, in the same words and
  // as late as Node emits it (after the current job).
  function emitWarning(warning, typeOrOptions, code) {
    let type = "Warning";
    let detail;
    if (typeOrOptions !== null && typeof typeOrOptions === "object") {
      if (typeOrOptions.type !== undefined) type = String(typeOrOptions.type);
      if (typeOrOptions.code !== undefined) code = typeOrOptions.code;
      if (typeof typeOrOptions.detail === "string") detail = typeOrOptions.detail;
    } else if (typeof typeOrOptions === "string") {
      type = typeOrOptions;
    }
    let name;
    let message;
    if (warning instanceof internals.ErrorConstructor) {
      name = String(warning.name);
      message = String(warning.message);
      if (warning.code !== undefined) code = warning.code;
    } else if (typeof warning === "string") {
      name = type;
      message = warning;
    } else {
      throw invalidArgType("warning", "of type string or an instance of Error", warning);
    }
    const prefix = code === undefined ? "" : `[${code}] `;
    const text = `${prefix}${name}: ${message}${detail === undefined ? "" : `\n${detail}`}`;
    host.queueMicrotask(() => internals.logLine("warn", [text]));
  }

  const process = {
    env: {},
    argv: [],
    version: `v${NODE_VERSION}`,
    versions: { node: NODE_VERSION, modules: NODE_MODULES_ABI },
    platform: PLATFORM,
    arch: ARCH,
    cwd: function cwd() {
      return "/";
    },
    nextTick,
    hrtime,
    emitWarning,
    // A built-in module by name, as `require` gives it, or undefined for a name that is none of Node's (one
    // that Blocksmith does not provide throws `require`'s error saying what to use instead).
    getBuiltinModule: function getBuiltinModule(id) {
      internals.loadPrelude("node/require.js");
      try {
        return internals.requireBuiltin(String(id).startsWith("node:") ? String(id) : `node:${id}`);
      } catch (error) {
        if (error && error.code === "ERR_UNKNOWN_BUILTIN_MODULE") return undefined;
        throw error;
      }
    },
    exit: unavailable("exit", "return a value (or throw an error) to end the run"),
    abort: unavailable("abort", "throw an error to end the run"),
    kill: unavailable("kill", "a block cannot signal processes"),
    chdir: unavailable("chdir", "a block has no working directory"),
    binding: unavailable("binding", "a block cannot load Node's internal modules"),
    dlopen: unavailable("dlopen", "a block cannot load native code"),
  };
  // Node's process is an EventEmitter. A block's emits only the events the block itself emits (never Node's own
  // `exit` or `uncaughtException`), so these methods serve libraries that listen or emit; the first call loads
  // `events` (node/events.js) and hands the call to an emitter of the block's own.
  let emitter = null;
  const emitterMethods = ["addListener", "emit", "eventNames", "getMaxListeners", "listenerCount", "listeners", "off", "on",
    "once", "prependListener", "prependOnceListener", "rawListeners", "removeAllListeners", "removeListener", "setMaxListeners"];
  for (const name of emitterMethods) {
    process[name] = {
      [name](...args) {
        if (emitter === null) {
          internals.loadPrelude("node/require.js");
          const EventEmitter = internals.requireBuiltin("events");
          emitter = new EventEmitter();
        }
        const result = emitter[name](...args);
        return result === emitter ? process : result;
      },
    }[name];
  }
  Object.defineProperty(process, Symbol.toStringTag, { value: "process", configurable: true });
  internals.defineGlobal("process", process);
});
