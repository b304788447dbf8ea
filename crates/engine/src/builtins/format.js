// Log messages: each argument as text, joined by one space; and JSON.stringify held to the nesting limit.
// Loaded on the first log line (or the first result the engine's own walk leaves to JSON.stringify).
(function (host, internals) {
  "use strict";
  const stringify = internals.stringify;
  const ErrorConstructor = internals.ErrorConstructor;

  // Thrown by stringifyWithinDepth; `under` names the top-level member the too-deep part sits in.
  class NestingTooDeep {
    constructor(under) {
      this.under = under;
    }
  }
  internals.NestingTooDeep = NestingTooDeep;

  // JSON.stringify that refuses nesting deeper than host.maxJsonDepth before it gets there: the engine's
  // JSON.stringify recurses natively (a value thousands of levels deep overflows the worker's stack), and
  // nothing that reads a block's JSON back could read it. The replacer returns each value unchanged, so the
  // text is exactly JSON.stringify's; it only keeps the chain of holders being written to know the depth.
  internals.stringifyWithinDepth = function stringifyWithinDepth(value) {
    // JSON.stringify asks only objects and BigInts for a toJSON: anything else cannot nest.
    if (value === null || (typeof value !== "object" && typeof value !== "bigint")) return stringify(value);
    const limit = host.maxJsonDepth;
    // The holders being written, outermost first: JSON.stringify's wrapper object, then each open value.
    const open = [];
    let member = null;
    return stringify(value, function (key, inner) {
      if (open.length === 0) open.push(this);
      else while (open.length > 0 && open[open.length - 1] !== this) open.pop();
      // A member of a top-level object: the name to point at should it nest too deeply.
      if (open.length === 2 && !Array.isArray(this)) member = key;
      if (inner !== null && typeof inner === "object") {
        if (open.length > limit) throw new NestingTooDeep(member);
        open.push(inner);
      }
      return inner;
    });
  };

  // One log argument as text: strings as they are, `undefined` as "undefined", errors as
  // "Name: message", everything else as JSON (falling back to String() when JSON has no answer). A value
  // nested too deeply is named in its place: it could neither be written safely nor read back.
  function formatArgument(value) {
    if (typeof value === "string") return value;
    if (value === undefined) return "undefined";
    if (value instanceof ErrorConstructor) return `${value.name}: ${value.message}`;
    try {
      const json = internals.stringifyWithinDepth(value);
      if (json !== undefined) return json;
    } catch (error) {
      if (error instanceof NestingTooDeep) {
        const under = error.under === null ? "" : ` (under "${error.under}")`;
        return `[not logged: a value nested more than ${host.maxJsonDepth} levels deep${under}; Blocksmith logs at most ${host.maxJsonDepth} levels of objects and arrays]`;
      }
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

  internals.formatArgument = formatArgument;
});
