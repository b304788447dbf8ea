// `require` of Node's built-in modules. Each module is its own prelude (node/NAME.js), evaluated on the
// module's first `require` and cached, so a block pays only for the modules it asks for. The helpers for
// Node's coded errors (`ERR_INVALID_ARG_TYPE`, …) live here too, since every module throws them.
(function (host, internals) {
  "use strict";

  // Module name → the prelude that defines it (several names may share one prelude).
  const preludes = {
    assert: "node/assert.js",
    "assert/strict": "node/assert.js",
    buffer: "node/buffer.js",
    crypto: "node/crypto.js",
    events: "node/events.js",
    os: "node/os.js",
    path: "node/path.js",
    "path/posix": "node/path.js",
    querystring: "node/querystring.js",
    string_decoder: "node/string_decoder.js",
    timers: "node/timers.js",
    "timers/promises": "node/timers.js",
    url: "node/url.js",
    util: "node/util.js",
    "util/types": "node/util.js",
    zlib: "node/zlib.js",
  };

  // Node 20's built-in modules (`require("module").builtinModules`). Those without a prelude above are
  // ones the platform's Code step has no use for (files, processes, sockets) or that Blocksmith does not
  // provide: requiring one says so, and what to use instead.
  const builtins = new Set([
    "_http_agent", "_http_client", "_http_common", "_http_incoming", "_http_outgoing", "_http_server",
    "_stream_duplex", "_stream_passthrough", "_stream_readable", "_stream_transform", "_stream_wrap",
    "_stream_writable", "_tls_common", "_tls_wrap", "assert", "assert/strict", "async_hooks", "buffer",
    "child_process", "cluster", "console", "constants", "crypto", "dgram", "diagnostics_channel", "dns",
    "dns/promises", "domain", "events", "fs", "fs/promises", "http", "http2", "https", "inspector",
    "inspector/promises", "module", "net", "os", "path", "path/posix", "path/win32", "perf_hooks", "process",
    "punycode", "querystring", "readline", "readline/promises", "repl", "stream", "stream/consumers",
    "stream/promises", "stream/web", "string_decoder", "sys", "timers", "timers/promises", "tls",
    "trace_events", "tty", "url", "util", "util/types", "v8", "vm", "wasi", "worker_threads", "zlib",
  ]);
  // Modules Node has only under the `node:` prefix.
  const prefixOnly = new Set(["test", "test/reporters", "sea"]);

  const useFetch = "use `fetch` for HTTP requests";
  const noHostAccess = "a block runs without access to the machine's files, processes or network sockets";
  const insteadOf = {
    http: useFetch, https: useFetch, http2: useFetch, net: useFetch, tls: useFetch, dgram: useFetch,
    dns: useFetch, "dns/promises": useFetch,
    fs: noHostAccess, "fs/promises": noHostAccess, child_process: noHostAccess, cluster: noHostAccess,
    worker_threads: noHostAccess, process: "use the global `process`",
  };

  const exportsByModule = new Map();

  // Called by each module's prelude with what `require` returns for `name`.
  internals.defineModule = function defineModule(name, moduleExports) {
    exportsByModule.set(name, moduleExports);
  };

  // Names of a module's exports whose values come from `load()` on the first read of any of them (a second
  // prelude, most often), so that a block pays for compiling them only when it uses them. Each name is an
  // enumerable accessor until then, as a data property; assigning one first replaces it with the block's value.
  internals.defineLazyExports = function defineLazyExports(target, names, load) {
    const settle = (name, value) => Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
    for (const name of names) {
      Object.defineProperty(target, name, {
        get() {
          const values = load();
          for (const each of names) {
            const descriptor = Object.getOwnPropertyDescriptor(target, each);
            if (descriptor && descriptor.get) settle(each, values[each]);
          }
          return target[name];
        },
        set(value) {
          settle(name, value);
        },
        enumerable: true,
        configurable: true,
      });
    }
  };

  function withCode(error, code, extra) {
    Object.defineProperty(error, "code", { value: code, writable: true, enumerable: true, configurable: true });
    if (extra) Object.assign(error, extra);
    return error;
  }
  internals.nodeError = function nodeError(ErrorType, code, message) {
    return withCode(new ErrorType(message), code);
  };

  // How Node's argument errors describe the value they received.
  function describeReceived(value) {
    if (value === null || value === undefined) return ` Received ${value}`;
    if (typeof value === "function") return ` Received function ${value.name}`;
    if (typeof value === "object") {
      const constructorName = value.constructor && value.constructor.name;
      return constructorName ? ` Received an instance of ${constructorName}` : " Received [object Object]";
    }
    let shown = typeof value === "string" ? `'${value}'` : typeof value === "bigint" ? `${value}n` : String(value);
    if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
    return ` Received type ${typeof value} (${shown})`;
  }
  internals.describeReceived = describeReceived;

  // `expected` reads as Node words it: "of type string", "an instance of Buffer, TypedArray, or DataView", …
  internals.invalidArgType = function invalidArgType(name, expected, value) {
    const subject = name.includes(".") ? `The "${name}" property` : `The "${name}" argument`;
    return internals.nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `${subject} must be ${expected}.${describeReceived(value)}`);
  };

  internals.outOfRange = function outOfRange(name, range, value) {
    // Node separates the thousands of integers beyond 2^32 with underscores, and marks a BigInt with `n`.
    let received = String(value);
    const large = typeof value === "bigint" ? value > 2n ** 32n || value < -(2n ** 32n) : Number.isInteger(value) && Math.abs(value) > 2 ** 32;
    if (large) received = received.replace(/\B(?=(\d{3})+(?!\d))/g, "_");
    if (typeof value === "bigint") received += "n";
    return internals.nodeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "${name}" is out of range. It must be ${range}. Received ${received}`);
  };

  function require(id) {
    if (typeof id !== "string") throw internals.invalidArgType("id", "of type string", id);
    if (id === "") {
      throw internals.nodeError(TypeError, "ERR_INVALID_ARG_VALUE", "The argument 'id' must be a non-empty string. Received ''");
    }
    const prefixed = id.startsWith("node:");
    const name = prefixed ? id.slice(5) : id;
    const known = exportsByModule.get(name);
    if (known !== undefined) return known;
    const prelude = preludes[name];
    if (prelude !== undefined) {
      internals.loadPrelude(prelude);
      return exportsByModule.get(name);
    }
    if (builtins.has(name) || (prefixed && prefixOnly.has(name))) {
      const instead = insteadOf[name] ?? "Blocksmith does not provide it";
      throw withCode(new Error(`The module '${id}' is not available in Blocksmith: ${instead}.`), "ERR_BLOCKSMITH_MODULE_UNAVAILABLE");
    }
    if (prefixed) throw internals.nodeError(Error, "ERR_UNKNOWN_BUILTIN_MODULE", `No such built-in module: ${id}`);
    // As Node says it for a package that is not installed (the platform's Code step installs none); the
    // second line says what to do, where Node lists the require stack.
    throw withCode(
      new Error(`Cannot find module '${id}'\nThe platform's Code step loads no npm packages: paste the code into the block, or build it as a custom component.`),
      "MODULE_NOT_FOUND",
      { requireStack: [] },
    );
  }
  internals.defineGlobal("require", require);
  // For preludes built on a module (Web Crypto on `crypto`), whatever a block did to the global.
  internals.requireBuiltin = require;
});
