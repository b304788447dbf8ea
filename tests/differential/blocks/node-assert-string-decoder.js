// `require("assert")`, `require("assert/strict")` and `require("string_decoder")`: assertions as blocks
// use them to validate input (Node's AssertionError with its code, operator and message), and text decoded
// from bytes that arrive split inside characters.
const assert = require("assert");
const strict = require("node:assert/strict");
const { StringDecoder } = require("string_decoder");
const failure = (thunk) => {
  try {
    thunk();
    return "passed";
  } catch (error) {
    const { name, code, operator, generatedMessage } = error;
    const shown = { name, code, operator, generatedMessage, isAssertionError: error instanceof assert.AssertionError };
    // Node's messages for objects carry a coloured diff; compare only those for primitives.
    if (typeof error.actual !== "object" || error.actual === null) shown.message = error.message;
    return shown;
  }
};
module.exports = async (context, input) => {
  const rejected = await strict.rejects(Promise.reject(new TypeError("bad input")), TypeError).then(() => "matched");
  const missingRejection = await assert.rejects(Promise.resolve(1)).catch((error) => error.message);
  const decoder = new StringDecoder("utf8");
  const euro = Buffer.from("€ and ✓");
  const pieces = [decoder.write(euro.subarray(0, 1)), decoder.write(euro.subarray(1, 5)), decoder.write(euro.subarray(5)), decoder.end()];
  const base64 = new StringDecoder("base64");
  const hex = new StringDecoder("hex");
  const utf16 = new StringDecoder("utf16le");
  const utf16Bytes = Buffer.from([0x3d, 0xd8, 0x00, 0xde, 0x41, 0x00]);
  return {
    data: {
      passing: [
        failure(() => assert(true)),
        failure(() => assert.equal(1, "1")),
        failure(() => strict.equal(2, 2)),
        failure(() => assert.deepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })),
        failure(() => assert.notStrictEqual(1, 2)),
        failure(() => assert.throws(() => JSON.parse("{"), SyntaxError)),
        failure(() => assert.throws(() => { throw new Error("wrong id"); }, /wrong/)),
        failure(() => assert.throws(() => { throw Object.assign(new Error("x"), { code: "E1" }); }, { code: "E1" })),
        failure(() => assert.match("order-42", /^order-\d+$/)),
        failure(() => assert.ifError(null)),
      ],
      failing: [
        failure(() => assert.strictEqual(1, 2)),
        failure(() => assert.strictEqual("a", "b", "ids differ")),
        failure(() => strict.equal(1, "1")),
        failure(() => assert.equal(1, 2)),
        failure(() => assert.notStrictEqual(3, 3)),
        failure(() => assert.deepStrictEqual({ a: 1 }, { a: "1" })),
        failure(() => assert.deepEqual({ a: 1 }, { a: 2 })),
        // (Not `assert.ok(0)`: Node quotes the call from the block's source file when it can read it.)
        failure(() => assert.ok(0, "custom")),
        failure(() => assert.fail("boom")),
        failure(() => assert.throws(() => {})),
        failure(() => assert.doesNotThrow(() => { throw new Error("oops"); })),
        failure(() => assert.match("abc", /^\d+$/)),
      ],
      rethrown: failure(() => assert.throws(() => { throw new TypeError("x"); }, RangeError)),
      rejected,
      missingRejection,
      strictIsStrict: [assert.strict === strict, strict.equal === strict.strictEqual],
      pieces,
      base64: [base64.write(Buffer.from("hello world").subarray(0, 4)), base64.write(Buffer.from("hello world").subarray(4)), base64.end()],
      hex: hex.write(Buffer.from([1, 171])),
      // As UTF-16 code units: a piece may end in half a surrogate pair.
      utf16: [utf16.write(utf16Bytes.subarray(0, 3)), utf16.write(utf16Bytes.subarray(3)), utf16.end()].map((piece) =>
        Array.from({ length: piece.length }, (_, i) => piece.charCodeAt(i)),
      ),
      badEncoding: (() => {
        try {
          return new StringDecoder("klingon");
        } catch (error) {
          return { name: error.name, code: error.code, message: error.message };
        }
      })(),
    },
  };
};
