// `JSON.parse` without a reviver reads the text straight into values in the patched engine: numbers (int32
// or double, `-0`, past 2^53, exponents), strings with escapes and astral characters, key order (array-index
// keys first), repeated keys, `__proto__` as an own key, whitespace, prototypes, the arrays and objects
// behaving as any others afterwards, every kind of text refused with a SyntaxError, and the reviver's path.
module.exports = async () => {
  const show = (value) => [
    value,
    typeof value,
    Object.is(value, -0),
    value && typeof value === "object" ? Object.getOwnPropertyNames(value) : null,
    value && typeof value === "object"
      ? Object.getPrototypeOf(value) === (Array.isArray(value) ? Array.prototype : Object.prototype)
      : null,
  ];
  const texts = [
    "null", "true", "false", "0", "-0", "-0.0", "7", "-7", "2147483647", "2147483648", "-2147483649",
    "18446744073709551615", "12345678901234567890123", "0.1", "-2.5e-7", "1e300", "1E2", '"plain"',
    '"é 日本 😀 \\u0000 \\n \\"q\\" \\ud83d\\ude00"', "[]", "{}", ' [1, "two", null, [true, {"a": []}]] ',
    '{"b": 1, "a": {"z": 2, "y": 3}, "10": "ten", "2": "two", "-1": "minus", "4294967295": "max", "01": "lead"}',
    '{"dup": 1, "other": 2, "dup": 3}', '{"__proto__": {"polluted": true}, "k\\u0065y": "escaped key"}', "\t\n\r 5 \n",
  ];
  const parsed = texts.map((text) => show(JSON.parse(text)));
  const refused = ["", "{", "[1,]", '{"a":1,}', "'x'", "01", "1 2", "NaN", "Infinity", "-", ".5", "1.", '"\\x"', "{a:1}",
    '"\u0001"'].map((text) => {
    try {
      return ["parsed", JSON.parse(text)];
    } catch (error) {
      return error.name;
    }
  });
  const proto = JSON.parse('{"__proto__":{"x":1}}');
  const grown = JSON.parse("[1,2,3]");
  grown.push(4);
  const changed = JSON.parse('{"a":1}');
  changed.b = 2;
  delete changed.a;
  let deep = "";
  for (let i = 0; i < 100; i++) deep += "[";
  for (let i = 0; i < 100; i++) deep += "]";
  const rows = JSON.parse(JSON.stringify([{ id: 1, name: "a" }, { id: 2, name: "b" }]));
  rows[1].extra = true;
  return {
    data: {
      parsed,
      refused,
      proto: [proto.x === undefined, Object.keys(proto), {}.x === undefined],
      converted: [JSON.parse(5), JSON.parse(null), JSON.parse({ toString: () => "[3]" })[0]],
      afterwards: [grown, changed, rows, Object.keys(rows[0])],
      revived: JSON.parse('{"a":[1,2,{"b":null}]}', (key, value) => (typeof value === "number" ? value * 10 : value)),
      deep: JSON.stringify(JSON.parse(deep)).length,
    },
  };
};
