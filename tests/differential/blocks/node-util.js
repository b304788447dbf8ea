// `require("util")`: `format` and `inspect` printed as Node prints the values blocks log, `promisify` and
// `callbackify`, `inherits`, `isDeepStrictEqual` and `types`.
const util = require("util");
const { types } = require("node:util");
class Invoice {
  constructor() {
    this.id = "INV-1";
    this.total = 19.99;
  }
}
function Legacy() {}
util.inherits(Legacy, require("events"));
module.exports = async () => {
  const circular = { name: "root", list: [1, 2] };
  circular.self = circular;
  const nested = { level1: { level2: { level3: { level4: "deep" } } }, list: [[1, [2, [3, [4]]]]] };
  const inspected = [
    "text",
    "it's",
    42,
    -0,
    10n,
    null,
    undefined,
    Symbol("tag"),
    [1, 2, 3],
    Array.from({ length: 30 }, (_, i) => i * 7),
    ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"],
    [1, , 3],
    [],
    {},
    { a: 1, "b-c": "two", nested: { x: [1, { y: true }] } },
    { longer: "x".repeat(30), another: "y".repeat(30), third: 3 },
    nested,
    circular,
    new Map([["a", 1], ["b", { c: 2 }]]),
    new Set(["x", 1]),
    new Invoice(),
    Object.create(null),
    Object.assign(Object.create(null), { k: "v" }),
    new Date(0),
    /ab+c/gi,
    function namedFunction() {},
    () => {},
    class Base {},
    class Derived extends Invoice {},
    async function loadAll() {},
    new Uint8Array([1, 2, 3]),
    Buffer.from("hi"),
    new Number(3),
    new String("boxed"),
    { get value() { return 1; }, set value(v) {} },
    { [Symbol("key")]: "symbol keyed" },
    "line one\nline two\nline three and a much longer line that goes past the break length",
  ].map((value) => util.inspect(value));
  const readLater = util.promisify((value, callback) => setTimeout(() => callback(null, value * 2), 1));
  const failLater = util.promisify((callback) => setTimeout(() => callback(new Error("nope")), 1));
  const asCallback = util.callbackify(async (value) => value + 1);
  const fromCallback = await new Promise((resolve) => asCallback(1, (error, value) => resolve([error, value])));
  return {
    data: {
      inspected,
      inspectDepth: util.inspect(nested, { depth: 0 }),
      inspectDepthNull: util.inspect(nested, { depth: null }),
      format: [
        util.format("%s has %d items costing %f (%i%%)", "cart", 3, 9.5, 42.9),
        util.format("%j and %O", { a: 1 }, [1]),
        util.format("%s", { a: { b: { c: 1 } } }),
        util.format("%s %s", "only one"),
        util.format("no directives", 1, "two", { three: 3 }),
        util.format(1, 2, "three"),
        util.format("%d", "abc"),
        util.format("%s", 5n),
        util.format("%c styled", "color: red"),
      ],
      promisified: await readLater(21),
      rejected: await failLater().catch((error) => error.message),
      fromCallback,
      inherits: [Legacy.super_ === require("events"), typeof new Legacy().on],
      deepEqual: [
        util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }),
        util.isDeepStrictEqual({ a: 1 }, { a: "1" }),
        util.isDeepStrictEqual(new Set([1, 2]), new Set([2, 1])),
        util.isDeepStrictEqual(new Map([["k", { v: 1 }]]), new Map([["k", { v: 1 }]])),
        util.isDeepStrictEqual([1, 2], { 0: 1, 1: 2, length: 2 }),
        util.isDeepStrictEqual(NaN, NaN),
        util.isDeepStrictEqual(0, -0),
        util.isDeepStrictEqual(new Date(1), new Date(1)),
      ],
      types: [
        types.isDate(new Date()),
        types.isRegExp(/x/),
        types.isPromise(Promise.resolve()),
        types.isUint8Array(Buffer.from("x")),
        types.isTypedArray(new Float64Array(1)),
        types.isAsyncFunction(async () => {}),
        types.isGeneratorFunction(function* () {}),
        types.isMap(new Map()),
        types.isNativeError(new TypeError("x")),
        types.isBoxedPrimitive(new String("x")),
        require("util/types") === types,
      ],
      encoders: typeof new util.TextEncoder().encode,
    },
  };
};
