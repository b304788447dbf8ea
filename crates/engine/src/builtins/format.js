// Log messages: each argument as text, joined by one space. Loaded on the first log line.
(function (host, internals) {
  "use strict";
  const stringify = internals.stringify;
  const ErrorConstructor = internals.ErrorConstructor;

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

  internals.formatArgument = formatArgument;
});
