// The binary operators from `|` down to `*`, which the patched parser reads by precedence climbing (one loop
// for the eight levels instead of one parser per level): every pair of levels in both orders, chains within a
// level (left-associative), `in` inside and outside a `for` head, `instanceof`, `**` and the unary operators
// beside them, a regular expression as a right operand, `#field in object` in every position a
// RelationalExpression allows, arrow functions as operands, and the SyntaxErrors for escaped `in` and
// `instanceof`, `-2 ** 2` and `??` mixed with `||`.
module.exports = async () => {
  const levels = [
    ["|", 6, 3],
    ["^", 6, 3],
    ["&", 6, 3],
    ["==", 6, 3],
    ["!==", 6, 3],
    ["<", 6, 3],
    [">=", 6, 3],
    ["<<", 6, 3],
    [">>>", -6, 3],
    ["+", 6, 3],
    ["-", 6, 3],
    ["*", 6, 3],
    ["/", 6, 3],
    ["%", 6, 3],
  ];
  const pairs = [];
  for (const [first] of levels) {
    for (const [second] of levels) {
      const source = `return 7 ${first} 5 ${second} 2 ${first} 3;`;
      pairs.push([source, String(new Function(source)())]);
    }
  }

  const object = { a: 1 };
  class Box {
    #field = 1;
    static check(value, other) {
      return [
        #field in value,
        #field in value === true,
        (#field in value) < 2,
        #field in value < 2,
        1 == #field in value,
        #field in value && #field in other,
        #field in value ? "yes" : "no",
        (#field in value) + 0,
      ];
    }
  }

  const mixed = [
    1 + 2 * 3 - 4 / 2 % 3 << 1 >> 1 >>> 0 < 5 == true != false === true !== 1 & 3 ^ 5 | 8,
    "a" in object,
    "b" in object === false,
    object instanceof Object,
    [] instanceof Array === true,
    2 ** 3 ** 2,
    -(2 ** 2),
    2 * (-3) ** 2,
    10 / /ab/.source.length,
    12 / 2 / 3,
    typeof 1 + 2,
    !1 + 1,
    ~5 & 3,
    void 0 === undefined,
    1 < 2 > 0,
    ((x) => x * 2)(3) + 1,
    (1, 2) + 3,
    null ?? 1 + 2,
    (0 || 1) ?? 2,
  ];

  const inForHead = [];
  for (let index = ("a" in object) ? 0 : 5; index < 2; index++) inForHead.push(index);
  for (const key in { x: 1, y: 2 }) inForHead.push(key);
  for (var value = ("a" in object) + 1, other = 0; other < 1; other++) inForHead.push(value);

  const errors = [
    "return 1 \\u0069n {};",
    "return {} \\u0069nstanceof Object;",
    "return -2 ** 2;",
    "return 1 || 2 ?? 3;",
    "return 1 ?? 2 && 3;",
    "return 1 + ;",
    "return (a, b) => 1 + (c) => 2;",
    "return 1 + (a) => a;",
    "class C { #f; m(o) { return 1 + #f in o; } }",
    "class C { #f; m(o) { return #f \\u0069n o; } }",
    "for (var i = 0 in {}; false;) {}",
    "for (let i = 'a' in {} ? 0 : 5; i < 2; i++) {}",
    "for (let i = 1 + ('a' in {}); i < 2; i++) {}",
  ].map((source) => {
    try {
      new Function(source);
      return "ok";
    } catch (error) {
      return error.name;
    }
  });

  return {
    data: {
      pairs,
      privateIn: [Box.check(new Box(), {}), Box.check({}, new Box())],
      mixed,
      inForHead,
      errors,
    },
  };
};
