// `CreateListFromArrayLike` (behind `apply`, `Reflect.apply`, `Reflect.construct` and a proxy's `ownKeys`), which
// the patched engine copies straight out of an array's or an `arguments` object's dense elements: every list must
// be Node's, including arrays with holes (filled from the prototype), a `length` past the elements, elements
// behind getters, mapped `arguments` whose parameters were reassigned (and the other way round), deleted or
// added entries, a changed `arguments.length`, strict functions, plain array-likes, typed arrays, and a proxy's
// `ownKeys` answering a list with a number in it.
module.exports = async () => {
  const collect = (...values) => values;
  const list = (arrayLike) => collect.apply(null, arrayLike);

  const withHole = [1, , 3];
  Array.prototype[1] = "from the prototype";
  const holes = [list(withHole), list([, "b"])];
  delete Array.prototype[1];
  const longer = [1, 2];
  longer.length = 4;
  const withGetter = [1, 2];
  Object.defineProperty(withGetter, 1, { get: () => "getter", enumerable: true, configurable: true });
  const arrays = {
    integers: list([1, 2, 3]),
    floats: list([1.5, -0, NaN]),
    mixed: list(["a", { b: 1 }, null, undefined, 10n, true]).map((value) => (typeof value === "bigint" ? `${value}n` : value)),
    empty: list([]),
    holes,
    longer: list(longer),
    withGetter: list(withGetter),
    grown: (() => {
      const grown = [1];
      grown[5] = 6;
      return list(grown);
    })(),
  };

  function sloppy(a, b) {
    a = "reassigned";
    arguments[1] = "through arguments";
    return [list(arguments), a, b];
  }
  function sloppyDeleted(a, b) {
    delete arguments[0];
    return list(arguments);
  }
  function sloppyLength(a, b, c) {
    arguments.length = 2;
    const shorter = list(arguments);
    arguments.length = 5;
    return [shorter, list(arguments)];
  }
  function sloppyExtra() {
    arguments[3] = "added";
    return list(arguments);
  }
  function strict(a, b) {
    "use strict";
    a = "not mapped";
    return list(arguments);
  }
  function withDefaults(a = 1, b) {
    b = "unmapped with defaults";
    return list(arguments);
  }
  function forward() {
    return Math.max.apply(Math, arguments);
  }
  const argumentObjects = {
    sloppy: sloppy(1, 2),
    deleted: sloppyDeleted(1, 2),
    length: sloppyLength(1, 2, 3),
    extra: sloppyExtra(1),
    strict: strict(1, 2),
    withDefaults: withDefaults(undefined, 2),
    forwarded: forward(3, 9, 4),
  };

  class Pair {
    constructor(left, right) {
      this.pair = [left, right];
    }
  }
  const others = {
    arrayLike: list({ length: 3, 0: "x", 2: "z" }),
    typed: list(new Int16Array([7, -8])),
    string: list(new String("hi")),
    reflectApply: Reflect.apply(collect, null, [4, 5]),
    reflectConstruct: Reflect.construct(Pair, ["l", "r"]).pair,
    bound: new (Function.prototype.bind.apply(Pair, [null, "b1", "b2"]))().pair,
    nullish: [collect.apply(null, null), collect.apply(null, undefined)],
    primitive: (() => {
      try {
        return list(42);
      } catch (error) {
        return `${error.name}: ${error instanceof TypeError}`;
      }
    })(),
    ownKeys: (() => {
      try {
        return Object.keys(new Proxy({}, { ownKeys: () => ["a", 1] }));
      } catch (error) {
        return error.name;
      }
    })(),
    ownKeysFine: Reflect.ownKeys(new Proxy({}, { ownKeys: () => ["a", Symbol.for("s")] })).map(String),
    spreadAfterApply: Math.min(...[5, 3, 8]),
  };

  return { data: { arrays, argumentObjects, others } };
};
