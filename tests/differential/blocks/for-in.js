// `for…in` in the shapes blocks use it (the patched engine steps the loop in place, hashes the receiver's keys
// only when a prototype with enumerable properties follows, and ends at a chain of prototypes without any):
// own and inherited keys in Node's order, shadowing by enumerable and non-enumerable own properties, class
// instances, objects without a prototype, a polluted `Object.prototype`, arrays, strings, typed arrays,
// `arguments`, proxies (as the object and as a prototype) whose traps log their calls, keys deleted or added
// during the loop, nested loops, `break` and `continue`, a generator, dictionary-sized objects and primitives.
module.exports = async () => {
  const keys = (value) => {
    const out = [];
    for (const key in value) out.push(key);
    return out;
  };

  const base = { inherited: 1, shadowedEnumerable: 2, shadowedHidden: 3 };
  const derived = Object.create(base);
  derived.own = 1;
  derived.shadowedEnumerable = 4;
  Object.defineProperty(derived, "shadowedHidden", { value: 5, enumerable: false });
  derived[2] = "two";
  derived[10] = "ten";
  derived[Symbol("hidden")] = "symbol";
  const middle = Object.create(Object.create({ top: 1 }, { hiddenTop: { value: 1, enumerable: false } }));
  middle.mid = 1;

  class Point {
    constructor() {
      this.x = 1;
      this.y = 2;
    }
    norm() {
      return 0;
    }
  }
  class Point3 extends Point {
    constructor() {
      super();
      this.z = 3;
    }
  }

  Object.prototype.polluted = "yes";
  const polluted = [keys({ a: 1 }), keys([7]), keys(Object.defineProperty({}, "polluted", { value: 1 }))];
  delete Object.prototype.polluted;

  const log = [];
  const handler = {
    ownKeys(target) {
      log.push("ownKeys");
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(target, key) {
      log.push(`gopd:${String(key)}`);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  };
  const proxied = keys(new Proxy({ p: 1, q: 2 }, handler));
  const overProxy = keys(Object.assign(Object.create(new Proxy({ fromProxy: 1 }, handler)), { own: 1 }));

  const deleting = { a: 1, b: 2, c: 3, d: 4 };
  const seenWhileDeleting = [];
  for (const key in deleting) {
    seenWhileDeleting.push(key);
    if (key === "a") delete deleting.c;
  }
  const adding = { a: 1, b: 2 };
  const seenWhileAdding = [];
  for (const key in adding) {
    seenWhileAdding.push(key);
    adding[`${key}${key}`] = 1;
  }

  const nested = [];
  for (const outer in { a: 1, b: 2, c: 3 }) {
    if (outer === "b") continue;
    for (const inner in { x: 1, y: 2, z: 3 }) {
      if (inner === "z") break;
      nested.push(outer + inner);
    }
  }
  function* generate(value) {
    for (const key in value) yield key;
  }
  const big = {};
  for (let i = 0; i < 300; i++) big[`k${i}`] = i;
  delete big.k5;
  function argumentKeys() {
    return keys(arguments);
  }

  return {
    data: {
      derived: keys(derived),
      middle: keys(middle),
      point: [keys(new Point()), keys(new Point3())],
      noPrototype: keys(Object.assign(Object.create(null), { n: 1, m: 2 })),
      polluted,
      array: keys(Object.assign([1, , 3], { extra: true })),
      string: keys("abc"),
      stringObject: keys(Object.assign(new String("hi"), { more: 1 })),
      typed: keys(new Uint8Array(3)),
      arguments: argumentKeys("a", "b"),
      proxied,
      overProxy,
      log,
      seenWhileDeleting,
      seenWhileAdding,
      nested,
      generated: [...generate({ g: 1, h: 2 })],
      big: [keys(big).length, keys(big).slice(0, 7)],
      primitives: [keys(42), keys(null), keys(undefined), keys(true), keys(Symbol("s"))],
      frozen: keys(Object.freeze({ f: 1, g: 2 })),
      getters: keys({ get lazy() { throw new Error("not read"); }, plain: 1 }),
    },
  };
};
