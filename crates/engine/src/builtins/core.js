// The preludes' shared helpers: defining globals as Node does (non-enumerable), formatting log
// messages, describing thrown values, and JSON conversion with the block's own engine.
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
      lazy.value = value;
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
  internals.defineLazyGlobals = function defineLazyGlobals(prelude, names) {
    for (const name of names) {
      const lazy = { value: undefined, loaded: false };
      lazyGlobals.set(name, lazy);
      Object.defineProperty(globalThis, name, {
        get() {
          if (!lazy.loaded) load(prelude);
          return lazy.value;
        },
        set(value) {
          lazy.value = value;
          lazy.loaded = true;
        },
        configurable: true,
        enumerable: enumerableGlobals.has(name),
      });
    }
  };

  // Error stacks as Node prints them: "Name: message" first, and an Error subclass's own constructor
  // frames left out (V8 starts the trace at the `new` expression).
  const builtinErrors = new Set([Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError]);
  const stackAccessor = Object.getOwnPropertyDescriptor(Error.prototype, "stack");
  function framesOf(error) {
    const frames = stackAccessor && stackAccessor.get ? stackAccessor.get.call(error) : undefined;
    if (typeof frames !== "string") return undefined;
    const ownConstructors = new Set();
    for (let c = error.constructor; typeof c === "function" && !builtinErrors.has(c); c = Object.getPrototypeOf(c)) {
      if (c.name) ownConstructors.add(c.name);
    }
    const lines = frames.replace(/\n$/, "").split("\n");
    let first = 0;
    while (first < lines.length && [...ownConstructors].some((name) => lines[first].startsWith(`    at ${name} (`))) first++;
    return lines.slice(first).join("\n");
  }
  if (stackAccessor && stackAccessor.get) {
    Object.defineProperty(Error.prototype, "stack", {
      get() {
        const frames = framesOf(this);
        if (frames === undefined) return undefined;
        const header = `${this.name}: ${this.message}`;
        return frames ? `${header}\n${frames}` : header;
      },
      set: stackAccessor.set,
      configurable: true,
      enumerable: false,
    });
  }

  // One log argument as text: strings as they are, `undefined` as "undefined", errors as
  // "Name: message", everything else as JSON (falling back to String() when JSON has no answer).
  function formatArgument(value) {
    if (typeof value === "string") return value;
    if (value === undefined) return "undefined";
    if (value instanceof ErrorConstructor) return `${value.name}: ${value.message}`;
    try {
      const json = stringify(value);
      if (json !== undefined) return json;
    } catch (_) {
      // A cycle or a BigInt: fall through to String().
    }
    try {
      return String(value);
    } catch (_) {
      return Object.prototype.toString.call(value);
    }
  }

  internals.formatLogMessage = function formatLogMessage(args) {
    let message = "";
    for (let i = 0; i < args.length; i++) {
      if (i > 0) message += " ";
      message += formatArgument(args[i]);
    }
    return message;
  };

  // What the report shows for a thrown value. A non-Error is reported as name "Error" with the value
  // formatted as a log argument for its message (the reference harness does the same).
  internals.describeError = function describeError(value) {
    if (value instanceof ErrorConstructor) {
      let stack = "";
      try {
        stack = typeof value.stack === "string" ? value.stack : "";
      } catch (_) {
        stack = "";
      }
      return {
        name: String(value.name),
        message: String(value.message),
        stack,
        isError: true,
      };
    }
    return { name: "Error", message: formatArgument(value), stack: "", isError: false };
  };

  // JSON.stringify with the engine's own implementation, so toJSON, dropped undefined/functions and
  // NaN → null behave exactly as in the block. A cycle or a BigInt throws a TypeError named as Node names it.
  internals.toJsonText = function toJsonText(value) {
    try {
      return stringify(value);
    } catch (error) {
      if (error instanceof TypeError) {
        if (containsBigInt(value, new Set())) {
          throw new TypeError("Do not know how to serialize a BigInt");
        }
        throw new TypeError(describeCycle(value));
      }
      throw error;
    }
  };

  // V8's message for a cycle: the object where the circle starts, the path around it (the middle cut
  // when long, as V8 does) and the property that closes it.
  function describeCycle(root) {
    const path = [];
    function visit(value, key) {
      if (value !== null && typeof value === "object" && typeof value.toJSON === "function") {
        value = value.toJSON(String(key));
      }
      if (value === null || typeof value !== "object") return null;
      const start = path.findIndex((entry) => entry.object === value);
      if (start >= 0) return { start, closingKey: key };
      path.push({ object: value, key });
      const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
      for (const childKey of keys) {
        const found = visit(value[childKey], childKey);
        if (found) return found;
      }
      path.pop();
      return null;
    }
    const found = visit(root, "");
    let message = "Converting circular structure to JSON";
    if (!found) return message;
    const constructorName = (object) => {
      const constructor = object.constructor;
      return typeof constructor === "function" && constructor.name ? constructor.name : "Object";
    };
    const keyText = (key) => (typeof key === "number" ? `index ${key}` : `property '${key}'`);
    message += `\n    --> starting at object with constructor '${constructorName(path[found.start].object)}'`;
    const middle = path.slice(found.start + 1).map(
      (entry) => `\n    |     ${keyText(entry.key)} -> object with constructor '${constructorName(entry.object)}'`,
    );
    message += middle.length > 3 ? middle.slice(0, 2).join("") + "\n    |     ..." + middle[middle.length - 1] : middle.join("");
    return message + `\n    --- ${keyText(found.closingKey)} closes the circle`;
  }

  function containsBigInt(value, seen) {
    if (typeof value === "bigint") return true;
    if (value === null || typeof value !== "object" || seen.has(value)) return false;
    seen.add(value);
    if (typeof value.toJSON === "function") return false;
    for (const key of Object.keys(value)) {
      if (containsBigInt(value[key], seen)) return true;
    }
    return false;
  }
});
