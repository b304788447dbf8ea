// Error stacks as Node prints them: "Name: message" first, and an Error subclass's own constructor
// frames left out (V8 starts the trace at the `new` expression). Loaded on the first read of a stack.
(function (host, internals) {
  "use strict";
  const stackAccessor = internals.stackAccessor;
  const builtinErrors = internals.builtinErrors;

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
  internals.errorStack = function errorStack(error) {
    const frames = framesOf(error);
    if (frames === undefined) return undefined;
    const header = `${error.name}: ${error.message}`;
    return frames ? `${header}\n${frames}` : header;
  };
});
