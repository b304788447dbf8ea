// `require("assert")` and `require("assert/strict")`: the assertions with Node's `AssertionError` (its
// `code`, `actual`, `expected`, `operator` and, for primitives, Node's message). Node's coloured diffs of
// objects are not reproduced: their messages are Node's first line.
(function (host, internals) {
  "use strict";
  const { inspect, isDeepStrictEqual } = internals;

  class AssertionError extends Error {
    constructor(options) {
      if (options === null || typeof options !== "object") throw internals.invalidArgType("options", "of type object", options);
      const { message, actual, expected, operator } = options;
      super(message !== undefined ? String(message) : defaultMessage(actual, expected, operator));
      this.generatedMessage = message === undefined;
      this.code = "ERR_ASSERTION";
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    get name() {
      return "AssertionError";
    }
    toString() {
      return `${this.name} [${this.code}]: ${this.message}`;
    }
  }

  const headers = {
    deepStrictEqual: "Expected values to be strictly deep-equal:",
    strictEqual: "Expected values to be strictly equal:",
    notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
    notStrictEqual: 'Expected "actual" to be strictly unequal to:',
    deepEqual: "Expected values to be loosely deep-equal:",
    notDeepEqual: '"actual" deepEqual "expected"',
  };

  const isPrimitive = (value) => value === null || (typeof value !== "object" && typeof value !== "function");

  function defaultMessage(actual, expected, operator) {
    if (operator === "strictEqual" && isPrimitive(actual) && isPrimitive(expected)) {
      return `${headers.strictEqual}\n\n${inspect(actual)} !== ${inspect(expected)}\n`;
    }
    if (operator === "notStrictEqual" || operator === "notDeepStrictEqual") {
      return `${headers[operator]} ${inspect(actual)}`;
    }
    if (operator === "==" || operator === "!=") return `${inspect(actual)} ${operator} ${inspect(expected)}`;
    if (headers[operator]) return `${headers[operator]}\n\n${inspect(actual)}\n\nshould equal\n\n${inspect(expected)}`;
    return `${inspect(actual)} ${operator} ${inspect(expected)}`;
  }

  // Throws the AssertionError for a failed check. `message` is the caller's; `generated` the text Node
  // writes when the caller gave none (for strictEqual of primitives Node adds the comparison to the caller's).
  // Node counts its "Missing expected …" and "Got unwanted …" texts as given, not generated.
  function fail(actual, expected, message, operator, generated, countsAsGenerated = true) {
    if (message instanceof Error) throw message;
    let text = message ?? generated;
    if (message !== undefined && operator === "strictEqual" && isPrimitive(actual) && isPrimitive(expected)) {
      text = `${message}\n\n${inspect(actual)} !== ${inspect(expected)}\n`;
    }
    const error = new AssertionError({ actual, expected, message: text, operator });
    error.generatedMessage = message === undefined && countsAsGenerated;
    throw error;
  }

  function ok(value, message) {
    if (!value) {
      const generated = arguments.length === 0
        ? "No value argument passed to `assert.ok()`"
        : `The expression evaluated to a falsy value:\n\n  assert.ok(${inspect(value)})\n`;
      fail(value, true, message, "==", generated);
    }
  }

  // Loose deep equality (`deepEqual`): == for primitives, no prototype check.
  function looseDeepEqual(a, b) {
    if (a == b) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.length !== keysB.length) return false;
    return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && looseDeepEqual(a[key], b[key]));
  }

  // What `throws`/`rejects` compare a thrown error with: a class, a RegExp on its text, a validation
  // function, or an object whose properties must match.
  function matchesExpected(error, expected) {
    if (expected === undefined) return true;
    if (typeof expected === "function") {
      if (expected.prototype !== undefined && error instanceof expected) return true;
      if (Error.isPrototypeOf(expected) || expected === Error) return false;
      return expected.call({}, error) === true;
    }
    if (expected instanceof RegExp) return expected.test(String(error));
    if (typeof expected === "object" && expected !== null) {
      return Object.keys(expected).every((key) => {
        const want = expected[key];
        if (want instanceof RegExp && typeof error[key] === "string") return want.test(error[key]);
        return isDeepStrictEqual(error[key], want);
      });
    }
    return false;
  }

  function checkThrown(error, expected, message, operator) {
    if (!matchesExpected(error, expected)) {
      fail(error, expected, message, operator, `The ${operator === "rejects" ? "rejection" : "error"} did not match the expected value`);
    }
  }

  function throws(fn, expected, message) {
    if (typeof fn !== "function") throw internals.invalidArgType("fn", "of type function", fn);
    if (typeof expected === "string") [message, expected] = [expected, undefined];
    try {
      fn();
    } catch (error) {
      checkThrown(error, expected, message, "throws");
      return;
    }
    fail(undefined, expected, message, "throws", "Missing expected exception.", false);
  }

  function doesNotThrow(fn, message) {
    try {
      fn();
    } catch (error) {
      fail(error, undefined, message, "doesNotThrow", `Got unwanted exception.\nActual message: "${error && error.message}"`, false);
    }
  }

  async function rejects(promiseOrFn, expected, message) {
    if (typeof expected === "string") [message, expected] = [expected, undefined];
    const promise = typeof promiseOrFn === "function" ? promiseOrFn() : promiseOrFn;
    try {
      await promise;
    } catch (error) {
      checkThrown(error, expected, message, "rejects");
      return;
    }
    fail(undefined, expected, message, "rejects", "Missing expected rejection.", false);
  }

  async function doesNotReject(promiseOrFn, message) {
    const promise = typeof promiseOrFn === "function" ? promiseOrFn() : promiseOrFn;
    try {
      await promise;
    } catch (error) {
      fail(error, undefined, message, "doesNotReject", `Got unwanted rejection.\nActual message: "${error && error.message}"`, false);
    }
  }

  // A failed comparison, with the message Node writes for its operator.
  function check(actual, expected, message, operator) {
    fail(actual, expected, message, operator, defaultMessage(actual, expected, operator));
  }

  function build(strict) {
    const assert = function assert(value, message) {
      if (arguments.length === 0) ok();
      else ok(value, message);
    };
    Object.assign(assert, {
      AssertionError,
      ok: (...args) => ok(...args),
      fail: (message) => fail(undefined, undefined, message, "fail", "Failed"),
      strictEqual: (actual, expected, message) => Object.is(actual, expected) || check(actual, expected, message, "strictEqual"),
      notStrictEqual: (actual, expected, message) => !Object.is(actual, expected) || check(actual, expected, message, "notStrictEqual"),
      deepStrictEqual: (actual, expected, message) => isDeepStrictEqual(actual, expected) || check(actual, expected, message, "deepStrictEqual"),
      notDeepStrictEqual: (actual, expected, message) => !isDeepStrictEqual(actual, expected) || check(actual, expected, message, "notDeepStrictEqual"),
      throws,
      doesNotThrow,
      rejects,
      doesNotReject,
      match: (text, pattern, message) => pattern.test(text) || fail(text, pattern, message, "match", `The input did not match the regular expression ${inspect(pattern)}. Input:\n\n${inspect(text)}\n`),
      doesNotMatch: (text, pattern, message) => !pattern.test(text) || fail(text, pattern, message, "doesNotMatch", `The input was expected to not match the regular expression ${inspect(pattern)}. Input:\n\n${inspect(text)}\n`),
      ifError: (value) => {
        if (value !== null && value !== undefined) {
          if (value instanceof Error) throw value;
          fail(value, null, undefined, "ifError", `ifError got unwanted exception: ${inspect(value)}`);
        }
      },
    });
    if (strict) {
      Object.assign(assert, {
        equal: assert.strictEqual,
        notEqual: assert.notStrictEqual,
        deepEqual: assert.deepStrictEqual,
        notDeepEqual: assert.notDeepStrictEqual,
      });
    } else {
      Object.assign(assert, {
        equal: (actual, expected, message) => actual == expected || (Number.isNaN(actual) && Number.isNaN(expected)) || check(actual, expected, message, "=="),
        notEqual: (actual, expected, message) => actual != expected || check(actual, expected, message, "!="),
        deepEqual: (actual, expected, message) => looseDeepEqual(actual, expected) || check(actual, expected, message, "deepEqual"),
        notDeepEqual: (actual, expected, message) => !looseDeepEqual(actual, expected) || check(actual, expected, message, "notDeepEqual"),
      });
    }
    return assert;
  }

  const strict = build(true);
  const assert = build(false);
  assert.strict = strict;
  strict.strict = strict;
  internals.defineModule("assert", assert);
  internals.defineModule("assert/strict", strict);
});
