// Describing thrown values and JSON conversion with the block's own engine; loaded the first time the
// engine needs either (a failed block, or a result the engine's own walk does not convert).
(function (host, internals) {
  "use strict";
  // Captured by the core (prelude_core.rs) before the block ran: the block may have replaced the globals since.
  const ErrorConstructor = internals.ErrorConstructor;
  const formatArgument = internals.formatArgument;

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
  // A value nested deeper than the limit gives `{ nestedTooDeep: true, under }` instead of text.
  internals.toJsonText = function toJsonText(value) {
    try {
      return internals.stringifyWithinDepth(value);
    } catch (error) {
      if (error instanceof internals.NestingTooDeep) return { nestedTooDeep: true, under: error.under };
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
