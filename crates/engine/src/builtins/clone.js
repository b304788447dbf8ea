// `structuredClone`: the structured clone algorithm for the values blocks pass around (plain objects,
// arrays, Date, RegExp, Map, Set, ArrayBuffer, typed arrays, errors, boxed primitives), keeping shared
// references and cycles. Functions, symbols and other host objects throw DataCloneError as in Node.
(function (host, internals) {
  "use strict";
  const errorTypes = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };

  function uncloneable(value) {
    let text;
    try {
      text = typeof value === "symbol" ? value.toString() : String(value);
    } catch (_) {
      text = Object.prototype.toString.call(value);
    }
    return new DOMException(`${text} could not be cloned.`, "DataCloneError");
  }

  function clone(value, seen) {
    if (typeof value === "function" || typeof value === "symbol") throw uncloneable(value);
    if (value === null || typeof value !== "object") return value;
    if (seen.has(value)) return seen.get(value);
    let copy;
    if (Array.isArray(value)) {
      copy = new Array(value.length);
      seen.set(value, copy);
      for (const key of Object.keys(value)) copy[key] = clone(value[key], seen);
      return copy;
    }
    if (value instanceof Date) copy = new Date(value.getTime());
    else if (value instanceof RegExp) copy = new RegExp(value.source, value.flags);
    else if (value instanceof Boolean) copy = new Boolean(value.valueOf());
    else if (value instanceof Number) copy = new Number(value.valueOf());
    else if (value instanceof String) copy = new String(value.valueOf());
    else if (value instanceof ArrayBuffer) copy = value.slice(0);
    else if (ArrayBuffer.isView(value)) {
      const buffer = clone(value.buffer, seen);
      // A Buffer clones as a plain Uint8Array, as in Node.
      const Type = value instanceof DataView ? DataView : value instanceof Buffer ? Uint8Array : value.constructor;
      const length = value instanceof DataView ? value.byteLength : value.length;
      copy = new Type(buffer, value.byteOffset, length);
    } else if (value instanceof Map) {
      copy = new Map();
      seen.set(value, copy);
      for (const [k, v] of value) copy.set(clone(k, seen), clone(v, seen));
      return copy;
    } else if (value instanceof Set) {
      copy = new Set();
      seen.set(value, copy);
      for (const v of value) copy.add(clone(v, seen));
      return copy;
    } else if (value instanceof Error) {
      const Type = errorTypes[value.name] ?? Error;
      copy = new Type(value.message);
      seen.set(value, copy);
      if (typeof value.stack === "string") copy.stack = value.stack;
      if ("cause" in value) copy.cause = clone(value.cause, seen);
      return copy;
    } else {
      const tag = Object.prototype.toString.call(value);
      if (tag !== "[object Object]" && tag !== "[object Arguments]") throw uncloneable(value);
      copy = {};
    }
    seen.set(value, copy);
    if (!(value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value) || value instanceof ArrayBuffer)) {
      for (const key of Object.keys(value)) copy[key] = clone(value[key], seen);
    }
    return copy;
  }

  internals.defineGlobal("structuredClone", function structuredClone(value, options) {
    if (arguments.length === 0) throw new TypeError('The "value" argument must be specified');
    return clone(value, new Map());
  });
});
