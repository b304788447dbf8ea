// Properties an object literal or a class's static fields define by name (the patched engine inserts a new one
// straight into an ordinary, extensible object and leaves every other case to the generic definition): their
// order and attributes, duplicate names (the last value in the first one's place), a getter replaced by a value
// and the other way round, names that look like indices, `__proto__` as the prototype and as an own property,
// spreads before and after, methods, static fields that replace a class's own `name` and `length`, a static
// field meeting a constructor that a static block froze, made non-extensible or gave a fixed property of the
// same name (Node's `TypeError`s), and a literal of three hundred names.
module.exports = async () => {
  const describe = (object) =>
    Object.getOwnPropertyNames(object).map((key) => {
      const d = Object.getOwnPropertyDescriptor(object, key);
      const kind = "value" in d ? `value:${typeof d.value === "function" ? "fn" : JSON.stringify(d.value)}` : "accessor";
      return `${key}=${kind}/${d.writable === undefined ? "-" : d.writable}${d.enumerable}${d.configurable}`;
    });

  const duplicate = { a: 1, b: 2, a: 3 };
  const getterThenValue = { get g() { return "getter"; }, g: "value" };
  const valueThenGetter = { v: "value", get v() { return "getter"; } };
  const indexLike = { 1: "one", "01": "zero-one", b: "b", 0: "zero", "4294967295": "max", "-1": "minus" };
  const proto = { inherited: true };
  const withProto = { __proto__: proto, own: 1 };
  const __proto__ = "shorthand";
  const protoShorthand = { __proto__ };
  const protoComputed = { ["__proto__"]: "computed" };
  const spreadBefore = { ...{ a: 1, b: 2 }, b: 3, c: 4 };
  const spreadAfter = { a: 0, ...{ a: 1 }, z: 26 };
  const methods = { m() { return "m"; }, async n() {}, *g() {} };
  const many = {};
  const big = eval(`({${Array.from({ length: 300 }, (_, i) => `k${i}: ${i}`).join(", ")}})`);

  class Named {
    static name = "renamed";
    static length = 42;
    static extra = "x";
  }
  // A class's static field read back, or the error its definition threw.
  const staticField = (makeClass, name) => {
    try {
      return makeClass()[name];
    } catch (error) {
      return `${error.name}: ${error.message}`;
    }
  };
  const frozenError = staticField(
    () =>
      class Frozen {
        static {
          Object.freeze(this);
        }
        static late = 1;
      },
    "late",
  );
  const sealedError = staticField(
    () =>
      class Sealed {
        static early = 1;
        static {
          Object.preventExtensions(this);
        }
        static late = 2;
      },
    "late",
  );
  const redefineError = staticField(
    () =>
      class Fixed {
        static {
          Object.defineProperty(this, "fixed", { value: 1, configurable: false });
        }
        static fixed = 2;
      },
    "fixed",
  );

  return {
    data: {
      duplicate: describe(duplicate),
      getterThenValue: [describe(getterThenValue), getterThenValue.g],
      valueThenGetter: [describe(valueThenGetter), valueThenGetter.v],
      indexLike: [Object.keys(indexLike), describe(indexLike)],
      withProto: [Object.getPrototypeOf(withProto) === proto, Object.keys(withProto), withProto.inherited],
      protoShorthand: [Object.getPrototypeOf(protoShorthand) === Object.prototype, describe(protoShorthand)],
      protoComputed: [Object.getPrototypeOf(protoComputed) === Object.prototype, describe(protoComputed)],
      spreadBefore: describe(spreadBefore),
      spreadAfter: describe(spreadAfter),
      methods: describe(methods),
      empty: describe(many),
      big: [Object.keys(big).length, Object.keys(big).slice(-3), big.k150, describe(big).slice(0, 2)],
      named: [Named.name, Named.length, Named.extra, describe(Named)],
      frozenError,
      sealedError,
      redefineError,
    },
  };
};
