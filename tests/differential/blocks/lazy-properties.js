// Properties that change shape while they are read or written, read again at the same place in the code: lazy
// getters that replace themselves with data properties (a common pattern in npm code, and in `require`'s own
// modules), setters that do, and prototypes that gain, lose or redefine properties between reads. Boa cached
// where such a read found its property under the shape the object had afterwards, so the next read at that place
// gave another property's value, or failed inside the engine (the vendored Boa's patch, README there).
module.exports = async () => {
  // Four lazy names settled together by the first read of any of them, as `require("crypto")`'s second half is.
  const names = ["p", "q", "r", "s"];
  const lazy = { a: 1 };
  const settle = (name, value) =>
    Object.defineProperty(lazy, name, { value, writable: true, enumerable: true, configurable: true });
  for (const name of names) {
    Object.defineProperty(lazy, name, {
      get() {
        for (const each of names) {
          if (Object.getOwnPropertyDescriptor(lazy, each).get) settle(each, `data ${each}`);
        }
        return lazy[name];
      },
      set(value) {
        settle(name, value);
      },
      enumerable: true,
      configurable: true,
    });
  }
  lazy.b = 2;
  const readQ = (object) => object.q;
  const lazyReads = [readQ(lazy), readQ(lazy), readQ(lazy), lazy.p, lazy.r, lazy.s, lazy.b, Object.keys(lazy)];

  // A setter that replaces its accessor with the value written.
  const settable = { first: 0 };
  Object.defineProperty(settable, "value", {
    set(value) {
      Object.defineProperty(settable, "value", { value: value * 10, writable: true, enumerable: true, configurable: true });
    },
    configurable: true,
  });
  settable.last = "last";
  const write = (object, value) => {
    object.value = value;
    return [object.value, object.last];
  };
  const setterWrites = [write(settable, 1), write(settable, 2), write(settable, 3)];

  // A memoizing getter on a class's prototype that defines the value on the instance.
  class Report {
    constructor(rows) {
      this.rows = rows;
    }
    get total() {
      const total = this.rows.reduce((sum, row) => sum + row, 0);
      Object.defineProperty(this, "total", { value: total });
      return total;
    }
  }
  const totalOf = (report) => report.total;
  const reports = [new Report([1, 2]), new Report([3, 4]), new Report([5])];
  const memoized = reports.map(totalOf).concat(reports.map(totalOf));

  // A prototype that changes between reads through the same access.
  const proto = { a: 1, b: 2, c: 3 };
  const child = Object.create(proto);
  const readC = (object) => object.c;
  const prototypeReads = [readC(child), readC(child)];
  delete proto.a;
  prototypeReads.push(readC(child));
  Object.defineProperty(proto, "b", { get: () => "getter", configurable: true });
  prototypeReads.push(readC(child), child.b);
  proto.d = 4;
  delete proto.b;
  prototypeReads.push(readC(child), child.d);

  // Prototypes small and large (Boa keeps a large object's properties in its own table) losing their last
  // property, getting it back, and making it read-only, between reads and writes at one place.
  const lastProperties = [];
  for (const size of [3, 40]) {
    const table = {};
    for (let i = 0; i < size; i++) table[`k${i}`] = i;
    const tableChild = Object.create(table);
    const last = `k${size - 1}`;
    const readNamed = size === 3 ? (object) => object.k2 : (object) => object.k39;
    lastProperties.push(readNamed(tableChild), readNamed(tableChild));
    delete table[last];
    lastProperties.push(readNamed(tableChild), tableChild[last]);
    table[last] = "again";
    lastProperties.push(readNamed(tableChild));
    Object.defineProperty(table, last, { value: "read-only", writable: false });
    const writeBoth = (object) => {
      object.k2 = "written";
      object.k39 = "written";
      return [object.k2, object.k39];
    };
    lastProperties.push(writeBoth(tableChild));
  }

  // A prototype's lazy property that replaces itself (and a property before it) on first read.
  const lazyProto = { before: 0 };
  Object.defineProperty(lazyProto, "value", {
    get() {
      Object.defineProperty(lazyProto, "value", { value: "settled", configurable: true });
      Object.defineProperty(lazyProto, "before", { get: () => "accessor", configurable: true });
      return "first";
    },
    configurable: true,
  });
  lazyProto.after = "after";
  const heir = Object.create(lazyProto);
  const readValue = (object) => object.value;
  const readAfter = (object) => object.after;
  const lazyPrototypeReads = [readValue(heir), readValue(heir), readValue(heir), readAfter(heir), readAfter(heir), heir.before];

  // The same through a global: a lazy global that settles itself.
  Object.defineProperty(globalThis, "blocksmithLazyGlobal", {
    get() {
      Object.defineProperty(globalThis, "blocksmithLazyGlobal", { value: "settled global", configurable: true, writable: true });
      return "first global";
    },
    configurable: true,
  });
  const readGlobal = () => blocksmithLazyGlobal; // eslint-disable-line no-undef
  const globalReads = [readGlobal(), readGlobal(), readGlobal()];
  delete globalThis.blocksmithLazyGlobal;

  // And through `require`: the crypto module's lazily loaded names, read by name again and again.
  const crypto = require("crypto");
  const namesOf = (module) => [module.generateKeyPairSync.name, module.generateKey.name, module.createCipheriv.name, module.randomBytes.name];
  const requireReads = [namesOf(crypto), namesOf(crypto)];

  return { data: { lazyReads, setterWrites, memoized, prototypeReads, lastProperties, lazyPrototypeReads, globalReads, requireReads } };
};
