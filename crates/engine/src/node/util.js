// `require("util")` and `require("util/types")`: `format`, `inspect` (node/inspect.js), `promisify`,
// `callbackify`, `inherits`, `isDeepStrictEqual`, `types`, `deprecate`, `aborted`, the encoders and the
// deprecated `is…` checks.
(function (host, internals) {
  "use strict";
  const { invalidArgType, nodeError, inspect } = internals;

  // %s: a string as is, a number or BigInt as Node prints it, an object without its own `toString` inspected.
  function formatString(value) {
    if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
    if (typeof value === "bigint") return `${value}n`;
    if (typeof value === "symbol") return value.toString();
    if (value !== null && typeof value === "object") {
      let current = value;
      while (current !== null && current !== Object.prototype && !(value instanceof Error)) {
        if (Object.prototype.hasOwnProperty.call(current, "toString") && !builtinPrototypes.has(current)) return String(value);
        current = Object.getPrototypeOf(current);
      }
      return inspect(value, { depth: 0, compact: 3 });
    }
    return String(value);
  }
  const builtinPrototypes = new Set([Object.prototype, Array.prototype, Error.prototype, Date.prototype, RegExp.prototype, Map.prototype, Set.prototype, Function.prototype]);

  function format(...args) {
    const first = args[0];
    let index = 0;
    let text = "";
    if (typeof first === "string") {
      if (args.length === 1) return first;
      index = 1;
      let last = 0;
      for (let i = 0; i < first.length - 1; i++) {
        if (first[i] !== "%") continue;
        const directive = first[i + 1];
        if (directive === "%") {
          text += first.slice(last, i) + "%";
          last = i + 2;
          i++;
          continue;
        }
        if (index >= args.length || !"sdifjoOc".includes(directive)) continue;
        const arg = args[index];
        let shown;
        switch (directive) {
          case "s":
            shown = formatString(arg);
            break;
          case "d":
            shown = typeof arg === "bigint" ? `${arg}n` : typeof arg === "symbol" ? "NaN" : formatString(Number(arg));
            break;
          case "i":
            shown = typeof arg === "bigint" ? `${arg}n` : typeof arg === "symbol" ? "NaN" : formatString(parseInt(arg));
            break;
          case "f":
            shown = typeof arg === "symbol" ? "NaN" : formatString(parseFloat(arg));
            break;
          case "j":
            try {
              shown = JSON.stringify(arg);
            } catch (error) {
              if (!(error instanceof TypeError) || !/circular/i.test(error.message)) throw error;
              shown = "[Circular]";
            }
            break;
          case "o":
            shown = inspect(arg, { showHidden: true, depth: 4 });
            break;
          case "O":
            shown = inspect(arg);
            break;
          default:
            shown = "";
        }
        text += first.slice(last, i) + shown;
        last = i + 2;
        i++;
        index++;
      }
      text += first.slice(last);
    }
    for (; index < args.length; index++) {
      const value = args[index];
      text += (text === "" && index === 0 ? "" : " ") + (typeof value === "string" ? value : inspect(value));
    }
    return text;
  }

  const customPromisify = Symbol.for("nodejs.util.promisify.custom");

  function promisify(original) {
    if (typeof original !== "function") throw invalidArgType("original", "of type function", original);
    if (typeof original[customPromisify] === "function") {
      const custom = original[customPromisify];
      return Object.defineProperty(custom, customPromisify, { value: custom, enumerable: false, writable: false, configurable: true });
    }
    function promisified(...args) {
      return new Promise((resolve, reject) => {
        original.call(this, ...args, (error, ...values) => {
          if (error) reject(error);
          else resolve(values.length > 1 ? values : values[0]);
        });
      });
    }
    Object.setPrototypeOf(promisified, Object.getPrototypeOf(original));
    Object.defineProperty(promisified, customPromisify, { value: promisified, enumerable: false, writable: false, configurable: true });
    return Object.defineProperties(promisified, Object.getOwnPropertyDescriptors(original));
  }
  promisify.custom = customPromisify;

  function callbackify(original) {
    if (typeof original !== "function") throw invalidArgType("original", "of type function", original);
    function callbackified(...args) {
      const callback = args.pop();
      if (typeof callback !== "function") throw invalidArgType("last argument", "of type function", callback);
      original.apply(this, args).then(
        (value) => host.setTimer(callback, 0, false, true, [null, value]),
        (reason) => {
          let error = reason;
          if (!reason) {
            error = nodeError(Error, "ERR_FALSY_VALUE_REJECTION", "Promise was rejected with falsy value");
            error.reason = reason;
          }
          host.setTimer(callback, 0, false, true, [error]);
        },
      );
    }
    Object.defineProperties(callbackified, Object.getOwnPropertyDescriptors(original));
    return callbackified;
  }

  function inherits(constructor, superConstructor) {
    if (typeof constructor !== "function") throw invalidArgType("ctor", "of type function", constructor);
    if (typeof superConstructor !== "function") throw invalidArgType("superCtor", "of type function", superConstructor);
    if (superConstructor.prototype === undefined) throw invalidArgType("superCtor.prototype", "of type object", superConstructor.prototype);
    Object.defineProperty(constructor, "super_", { value: superConstructor, writable: true, configurable: true });
    Object.setPrototypeOf(constructor.prototype, superConstructor.prototype);
  }

  const tagOf = (value) => Object.prototype.toString.call(value).slice(8, -1);
  const TypedArray = Object.getPrototypeOf(Uint8Array);
  const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;
  const typedTag = (value) => (ArrayBuffer.isView(value) ? typedArrayTag.call(value) : undefined);
  const functionKind = (value) => (typeof value === "function" ? constructorNameOf(value) : undefined);
  function constructorNameOf(value) {
    const prototype = Object.getPrototypeOf(value);
    return prototype && prototype.constructor ? prototype.constructor.name : undefined;
  }
  function isBoxed(value, Type) {
    if (value === null || typeof value !== "object") return false;
    try {
      Type.prototype.valueOf.call(value);
      return true;
    } catch (_) {
      return false;
    }
  }

  const types = {
    isArgumentsObject: (value) => tagOf(value) === "Arguments",
    isAnyArrayBuffer: (value) => value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && value instanceof SharedArrayBuffer),
    isArrayBuffer: (value) => value instanceof ArrayBuffer,
    isArrayBufferView: (value) => ArrayBuffer.isView(value),
    isAsyncFunction: (value) => ["AsyncFunction", "AsyncGeneratorFunction"].includes(functionKind(value)),
    isGeneratorFunction: (value) => ["GeneratorFunction", "AsyncGeneratorFunction"].includes(functionKind(value)),
    isGeneratorObject: (value) => tagOf(value) === "Generator",
    isBigInt64Array: (value) => typedTag(value) === "BigInt64Array",
    isBigUint64Array: (value) => typedTag(value) === "BigUint64Array",
    isBooleanObject: (value) => isBoxed(value, Boolean),
    isNumberObject: (value) => isBoxed(value, Number),
    isStringObject: (value) => isBoxed(value, String),
    isSymbolObject: (value) => isBoxed(value, Symbol),
    isBigIntObject: (value) => isBoxed(value, BigInt),
    isBoxedPrimitive: (value) => [Boolean, Number, String, Symbol, BigInt].some((Type) => isBoxed(value, Type)),
    isDataView: (value) => value instanceof DataView,
    isDate: (value) => value instanceof Date,
    isFloat32Array: (value) => typedTag(value) === "Float32Array",
    isFloat64Array: (value) => typedTag(value) === "Float64Array",
    isInt8Array: (value) => typedTag(value) === "Int8Array",
    isInt16Array: (value) => typedTag(value) === "Int16Array",
    isInt32Array: (value) => typedTag(value) === "Int32Array",
    isUint8Array: (value) => typedTag(value) === "Uint8Array",
    isUint8ClampedArray: (value) => typedTag(value) === "Uint8ClampedArray",
    isUint16Array: (value) => typedTag(value) === "Uint16Array",
    isUint32Array: (value) => typedTag(value) === "Uint32Array",
    isTypedArray: (value) => typedTag(value) !== undefined,
    isMap: (value) => value instanceof Map,
    isSet: (value) => value instanceof Set,
    isWeakMap: (value) => value instanceof WeakMap,
    isWeakSet: (value) => value instanceof WeakSet,
    isMapIterator: (value) => tagOf(value) === "Map Iterator",
    isSetIterator: (value) => tagOf(value) === "Set Iterator",
    isNativeError: (value) => value instanceof Error && internals.builtinErrors.has(value.constructor),
    isPromise: (value) => value instanceof Promise,
    isRegExp: (value) => value instanceof RegExp,
    isProxy: () => false,
    isExternal: () => false,
    isModuleNamespaceObject: (value) => tagOf(value) === "Module",
    isSharedArrayBuffer: (value) => typeof SharedArrayBuffer !== "undefined" && value instanceof SharedArrayBuffer,
    isKeyObject: (value) => value !== null && typeof value === "object" && value[Symbol.toStringTag] === "KeyObject",
    isCryptoKey: (value) => typeof CryptoKey !== "undefined" && value instanceof CryptoKey,
  };

  // Node's strict deep equality (`assert.deepStrictEqual`, `util.isDeepStrictEqual`).
  function isDeepStrictEqual(a, b) {
    return deepEqual(a, b, new Map());
  }
  internals.isDeepStrictEqual = isDeepStrictEqual;

  function deepEqual(a, b, memo) {
    if (Object.is(a, b)) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (tagOf(a) !== tagOf(b)) return false;
    const seen = memo.get(a);
    if (seen !== undefined && seen.has(b)) return true;
    if (seen === undefined) memo.set(a, new Set([b]));
    else seen.add(b);
    if (Array.isArray(a) && a.length !== b.length) return false;
    if (a instanceof Date && a.getTime() !== b.getTime()) return false;
    if (a instanceof RegExp && (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex)) return false;
    if (a instanceof Error && (a.message !== b.message || a.name !== b.name)) return false;
    for (const Type of [Number, String, Boolean, BigInt, Symbol]) {
      if (isBoxed(a, Type) && !Object.is(Type.prototype.valueOf.call(a), Type.prototype.valueOf.call(b))) return false;
    }
    if (ArrayBuffer.isView(a) || a instanceof ArrayBuffer) {
      const left = a instanceof ArrayBuffer ? new Uint8Array(a) : new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      const right = b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      if (left.length !== right.length) return false;
      if (!(a instanceof Float32Array || a instanceof Float64Array)) {
        for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) return false;
      } else {
        for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
      }
    }
    const keysA = ownEnumerableKeys(a);
    const keysB = ownEnumerableKeys(b);
    if (keysA.length !== keysB.length) return false;
    for (const key of keysA) {
      if (!Object.prototype.propertyIsEnumerable.call(b, key)) return false;
      if (!deepEqual(a[key], b[key], memo)) return false;
    }
    if (a instanceof Set) {
      if (a.size !== b.size) return false;
      const unmatched = [...b];
      for (const item of a) {
        const index = unmatched.findIndex((candidate) => deepEqual(item, candidate, memo));
        if (index < 0) return false;
        unmatched.splice(index, 1);
      }
    }
    if (a instanceof Map) {
      if (a.size !== b.size) return false;
      const unmatched = [...b];
      for (const [key, value] of a) {
        const index = unmatched.findIndex(([otherKey, otherValue]) => deepEqual(key, otherKey, memo) && deepEqual(value, otherValue, memo));
        if (index < 0) return false;
        unmatched.splice(index, 1);
      }
    }
    return true;
  }

  function ownEnumerableKeys(value) {
    const keys = Object.keys(value);
    for (const symbol of Object.getOwnPropertySymbols(value)) {
      if (Object.prototype.propertyIsEnumerable.call(value, symbol)) keys.push(symbol);
    }
    return keys;
  }

  // Node warns once on stderr; a block has no stderr, so the deprecated function simply runs.
  function deprecate(fn, message) {
    if (typeof fn !== "function") throw invalidArgType("fn", "of type function", fn);
    return function deprecated(...args) {
      return new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args);
    };
  }

  const util = {
    format,
    formatWithOptions: (options, ...args) => format(...args),
    inspect,
    promisify,
    callbackify,
    inherits,
    isDeepStrictEqual,
    deprecate,
    debuglog: () => Object.assign(() => {}, { enabled: false }),
    types,
    isArray: Array.isArray,
    stripVTControlCharacters: (text) => String(text).replace(/\u001b\[[0-9;]*[A-Za-z]/g, ""),
    toUSVString: (text) => String(text).toWellFormed(),
    TextEncoder: globalThis.TextEncoder,
    TextDecoder: globalThis.TextDecoder,
    // Resolves once `signal` aborts (Node also ties it to `resource`'s lifetime, which a block need not).
    aborted(signal, resource) {
      if (!(signal instanceof AbortSignal)) return Promise.reject(invalidArgType("signal", "an instance of AbortSignal", signal));
      if (resource === null || (typeof resource !== "object" && typeof resource !== "function")) {
        return Promise.reject(invalidArgType("resource", "of type object", resource));
      }
      if (signal.aborted) return Promise.resolve();
      return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
    },
    // A block runs in one context, so a "transferable" controller or signal is the plain one.
    transferableAbortController: () => new AbortController(),
    transferableAbortSignal: (signal) => signal,
  };
  util.debug = util.debuglog;
  // Node's deprecated type checks (util.isString, …), still exported.
  const deprecatedChecks = {
    isBoolean: (value) => typeof value === "boolean",
    isBuffer: (value) => internals.Buffer !== undefined && value instanceof internals.Buffer,
    isDate: (value) => types.isDate(value),
    isError: (value) => value instanceof Error,
    isFunction: (value) => typeof value === "function",
    isNull: (value) => value === null,
    isNullOrUndefined: (value) => value === null || value === undefined,
    isNumber: (value) => typeof value === "number",
    isObject: (value) => value !== null && typeof value === "object",
    isPrimitive: (value) => value === null || (typeof value !== "object" && typeof value !== "function"),
    isRegExp: (value) => types.isRegExp(value),
    isString: (value) => typeof value === "string",
    isSymbol: (value) => typeof value === "symbol",
    isUndefined: (value) => value === undefined,
  };
  Object.assign(util, deprecatedChecks);
  internals.defineModule("util", util);
  internals.defineModule("util/types", types);
});
