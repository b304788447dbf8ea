// `===` and `!==` (the patched engine answers values with the same bits, and two objects, before the generic
// steps): NaN against itself, `-0` against `0`, integers against the same number computed as a double, strings
// with the same text made apart, symbols, BigInts, objects, functions, `null` and `undefined`, booleans and
// values of different types; then `indexOf` (strict) beside `includes` (SameValueZero) and `switch`, which use
// the same comparison.
module.exports = async () => {
  const object = {};
  const symbol = Symbol("s");
  const values = [
    NaN,
    0 / 0,
    0,
    -0,
    1,
    0.5 * 2,
    2 ** 31,
    2 ** 31 - 1 + 1,
    "ab",
    ["a", "b"].join(""),
    "a" + "b".repeat(1),
    symbol,
    Symbol("s"),
    10n,
    5n * 2n,
    object,
    {},
    Math.max,
    null,
    undefined,
    void 0,
    true,
    !0,
    false,
    "1",
    [1],
  ];
  const table = values.map((left) => values.map((right) => (left === right ? 1 : 0) + (left !== right ? 2 : 0)).join(""));
  const searched = [NaN, -0, "ab", 10n, object].map((value) => [values.indexOf(value), values.includes(value), values.lastIndexOf(value)]);
  const switched = values.map((value) => {
    switch (value) {
      case 1:
        return "one";
      case "ab":
        return "ab";
      case object:
        return "object";
      case null:
        return "null";
      case 10n:
        return "ten";
      default:
        return "other";
    }
  });
  return { data: { table, searched, switched } };
};
