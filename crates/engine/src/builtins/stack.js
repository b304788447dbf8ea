// Error stacks as Node prints them, and V8's stack API that npm code relies on: `err.stack` as
// "Name: message" then `    at fn (file:line:column)` frames (an Error subclass's own constructor frames
// left out, as V8 starts the trace at the `new` expression), `Error.captureStackTrace(target, ctor)`,
// `Error.stackTraceLimit` and `Error.prepareStackTrace(error, callSites)`. Loaded on the first read of a
// stack or the first call of `captureStackTrace`.
(function (host, internals) {
  "use strict";
  const stackAccessor = internals.stackAccessor;
  const builtinErrors = internals.builtinErrors;
  const ErrorConstructor = internals.ErrorConstructor;

  // Boa's frames read `    at NAME (FILE:LINE:COLUMN)`, `    at NAME (native)` or
  // `    at NAME (native at FILE:LINE:COLUMN)`; a function without a name is `<main>` or `<anonymous>`.
  const FRAME = /^ {4}at (.*) \((.*)\)$/;
  const LOCATION = /^(?:native at )?(.*):(\d+|\?):(\d+|\?)$/;
  // The preludes' own frames are the engine's, not the block's: the core's functions are native
  // (prelude_core.rs), the host's helpers load from "blocksmith:…", and the lazy preludes (this one too)
  // through indirect eval, whose frames read "eval at …".
  const PRELUDE_FILE = /^blocksmith:/;
  const isEngineFrame = (frame) => frame.native || (frame.fileName !== undefined && (PRELUDE_FILE.test(frame.fileName) || frame.fileName.startsWith("eval at ")));

  // V8's CallSite: what `Error.prepareStackTrace` receives, one per frame.
  class CallSite {
    #frame;
    constructor(frame) {
      this.#frame = frame;
    }
    getThis() {
      return undefined;
    }
    getTypeName() {
      return null;
    }
    getFunction() {
      return undefined;
    }
    getFunctionName() {
      return this.#frame.functionName;
    }
    getMethodName() {
      return null;
    }
    getFileName() {
      return this.#frame.fileName;
    }
    getScriptNameOrSourceURL() {
      return this.#frame.fileName;
    }
    getLineNumber() {
      return this.#frame.line;
    }
    getColumnNumber() {
      return this.#frame.column;
    }
    getEnclosingLineNumber() {
      return null;
    }
    getEnclosingColumnNumber() {
      return null;
    }
    getEvalOrigin() {
      return undefined;
    }
    getPosition() {
      return 0;
    }
    getPromiseIndex() {
      return null;
    }
    getScriptHash() {
      return "";
    }
    isToplevel() {
      return this.#frame.functionName === null;
    }
    isEval() {
      return false;
    }
    isNative() {
      return this.#frame.native;
    }
    isConstructor() {
      return false;
    }
    isAsync() {
      return false;
    }
    isPromiseAll() {
      return false;
    }
    toString() {
      return describeFrame(this.#frame);
    }
  }

  function parseFrame(line) {
    const frame = FRAME.exec(line);
    if (!frame) return { functionName: null, fileName: undefined, line: null, column: null, native: false, text: line.trim() };
    const [, name, location] = frame;
    const functionName = name === "<main>" || name === "<anonymous>" ? null : name;
    const position = LOCATION.exec(location);
    const number = (text) => (text === "?" ? null : Number(text));
    return {
      functionName,
      fileName: position ? position[1] : undefined,
      line: position ? number(position[2]) : null,
      column: position ? number(position[3]) : null,
      native: location === "native" || location.startsWith("native at "),
    };
  }

  // A frame as V8 prints it after "    at ": a built-in has no source, which V8 writes `<anonymous>`
  // (`at map (<anonymous>)`, where V8 also names the receiver: `Array.map`); a function without a name is its
  // location alone (`at block.js:3:53`), never Boa's `<main>`.
  function describeFrame(frame) {
    if (frame.text !== undefined) return frame.text;
    if (frame.native && frame.fileName === undefined) return frame.functionName ? `${frame.functionName} (<anonymous>)` : "<anonymous>";
    const location = frame.line === null ? frame.fileName : `${frame.fileName}:${frame.line}:${frame.column}`;
    return frame.functionName ? `${frame.functionName} (${location})` : location;
  }

  // The frames Boa recorded when `error` was created, without the preludes' own frames.
  function recordedFrames(error) {
    const text = stackAccessor && stackAccessor.get ? stackAccessor.get.call(error) : undefined;
    if (typeof text !== "string") return undefined;
    return text
      .replace(/\n$/, "")
      .split("\n")
      .filter((line) => line !== "")
      .map(parseFrame)
      .filter((frame) => frame.fileName === undefined || !PRELUDE_FILE.test(frame.fileName));
  }

  // An Error subclass's own constructor frames are left out: V8 starts the trace at the `new` expression.
  function withoutOwnConstructors(error, frames) {
    const ownConstructors = new Set();
    for (let c = error.constructor; typeof c === "function" && !builtinErrors.has(c); c = Object.getPrototypeOf(c)) {
      if (c.name) ownConstructors.add(c.name);
    }
    let first = 0;
    while (first < frames.length && ownConstructors.has(frames[first].functionName)) first++;
    return frames.slice(first);
  }

  // `Error.stackTraceLimit` as V8 reads it: a number caps the frames; anything else records none.
  function limited(frames) {
    const limit = ErrorConstructor.stackTraceLimit;
    if (typeof limit !== "number" || Number.isNaN(limit)) return undefined;
    return frames.slice(0, Math.max(0, limit));
  }

  // The first line of a stack: V8's ErrorUtils::ToString, which never calls a `toString` of the object.
  function header(target) {
    try {
      const name = target.name === undefined ? "Error" : String(target.name);
      const message = target.message === undefined ? "" : String(target.message);
      if (name === "") return message;
      if (message === "") return name;
      return `${name}: ${message}`;
    } catch (_) {
      return "<error>";
    }
  }

  // Node's own `Error.prepareStackTrace` (prelude_core.rs puts it in place and calls this).
  internals.prepareStackTrace = function prepareStackTrace(error, callSites) {
    const lines = [header(error)];
    for (const site of callSites) lines.push(`    at ${site}`);
    return lines.join("\n");
  };

  // A `prepareStackTrace` that reads `.stack` of another error is given the default format there, as in
  // V8, instead of recursing.
  let preparing = false;
  function formatted(target, frames) {
    const prepare = ErrorConstructor.prepareStackTrace;
    const callSites = frames.map((frame) => new CallSite(frame));
    if (typeof prepare === "function" && prepare !== internals.builtinPrepareStackTrace && !preparing) {
      preparing = true;
      try {
        return prepare(target, callSites);
      } finally {
        preparing = false;
      }
    }
    return internals.prepareStackTrace(target, callSites);
  }

  internals.errorStack = function errorStack(error) {
    const frames = recordedFrames(error);
    if (frames === undefined) return undefined;
    const kept = limited(withoutOwnConstructors(error, frames));
    return kept === undefined ? undefined : formatted(error, kept);
  };

  // `Error.captureStackTrace(target, ctor)`: a `stack` data property on `target` holding the frames of
  // the current call, starting after the topmost call of `ctor` when it is given.
  internals.captureStackTrace = function captureStackTrace(target, constructorOpt) {
    if (target === null || (typeof target !== "object" && typeof target !== "function")) {
      throw new TypeError("invalid_argument");
    }
    let frames = recordedFrames(new ErrorConstructor()) || [];
    // The frames above the block's call are this function's own (and the lazy loader's).
    const first = frames.findIndex((frame) => !isEngineFrame(frame));
    frames = first >= 0 ? frames.slice(first) : [];
    if (typeof constructorOpt === "function") {
      const name = constructorOpt.name;
      const at = name ? frames.findIndex((frame) => frame.functionName === name) : -1;
      // V8 leaves every frame out when `ctor` is not on the stack.
      frames = at >= 0 ? frames.slice(at + 1) : [];
    }
    const kept = limited(frames);
    Object.defineProperty(target, "stack", {
      value: kept === undefined ? undefined : formatted(target, kept),
      writable: true,
      enumerable: false,
      configurable: true,
    });
  };
});
