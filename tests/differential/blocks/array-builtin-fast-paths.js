// `push`, `concat`, `new Array(n)` and the arrays `map`/`filter`/`slice`/`concat` make (`ArraySpeciesCreate`):
// the patched engine takes them in place for a fresh-shaped array under unchanged built-ins. Each case where
// that must not happen: holes, an array made with a length, frozen, non-extensible and read-only-length arrays,
// a setter or an element on `Array.prototype` or `Object.prototype`, a proxy in the chain, an own
// `constructor`, a replaced `Symbol.species` getter and `constructor`, `Symbol.isConcatSpreadable` on an
// object, an array and the prototype, array-likes, subclasses, and lengths past 2^32 - 1. Then `x.length` in
// loops (read in place for arrays and strings, inside number stretches too) beside the lengths that are not.
module.exports = async () => {
  const out = [];
  const show = (array) => {
    const keys = [];
    for (const key in array) keys.push(key);
    return [array.length, keys, Array.from(array, (x) => (x === undefined ? "u" : x)), 3 in array];
  };

  const pushed = [1, 2];
  out.push(pushed.push(3, 4.5, "x", {}), show(pushed));
  const withLength = new Array(3);
  out.push(withLength.push(7), show(withLength), 0 in withLength);
  out.push(new Array(4).length, Object.keys(new Array(4)).length, new Array("3").length, new Array(4294967295).length);
  for (const length of [-1, 4294967296, 1.5]) {
    try {
      new Array(length);
    } catch (error) {
      out.push(error.name);
    }
  }
  const frozen = Object.freeze([1]);
  try {
    frozen.push(2);
  } catch (error) {
    out.push(error.name, frozen.length);
  }
  const sealedOff = [1];
  Object.preventExtensions(sealedOff);
  try {
    sealedOff.push(2);
  } catch (error) {
    out.push(error.name, sealedOff.length);
  }
  const readOnlyLength = [1, 2];
  Object.defineProperty(readOnlyLength, "length", { writable: false });
  try {
    readOnlyLength.push(3);
  } catch (error) {
    out.push(error.name, readOnlyLength.length, readOnlyLength[2]);
  }

  const setterLog = [];
  Object.defineProperty(Array.prototype, 5, { set: (value) => setterLog.push(`set5:${value}`), configurable: true });
  const pastSetter = [0, 1, 2, 3, 4];
  pastSetter.push("five", "six");
  out.push(setterLog, pastSetter.length, 5 in pastSetter, pastSetter[6]);
  delete Array.prototype[5];
  Object.prototype[2] = "proto";
  const underElement = [0, 1];
  underElement.push("two");
  out.push(underElement[2], Object.getOwnPropertyNames(underElement));
  out.push([9].concat([0, , 2]));
  delete Object.prototype[2];

  const many = [];
  for (let i = 0; i < 1000; i++) many.push(i, i * 0.5);
  out.push(many.length, many[1999], many[1000], [].push(), [].concat([], [], [1.5, 2.5], [{ a: 1 }]));
  const named = [1, 2, 3];
  named.extra = 1;
  out.push(named.push(4), named[3], named.concat([5]).length);
  const arrayLike = { length: 2, 0: "a", 1: "b" };
  Array.prototype.push.call(arrayLike, "c");
  out.push(arrayLike.length, arrayLike[2], [0].concat(arrayLike));
  arrayLike[Symbol.isConcatSpreadable] = true;
  out.push([0].concat(arrayLike));
  const notSpread = [7, 8];
  notSpread[Symbol.isConcatSpreadable] = false;
  out.push([0].concat(notSpread));
  Array.prototype[Symbol.isConcatSpreadable] = false;
  out.push([1].concat([2]));
  delete Array.prototype[Symbol.isConcatSpreadable];
  out.push([1, 2].concat([3, [4]], 5, "s", null, undefined, true), [1, , 3].concat([4]), 1 in [1, , 3].concat([4]));
  out.push(Array.prototype.concat.call("ab", [3]).length, new Array(3).concat([1]).length);

  class List extends Array {}
  const list = new List();
  list.push(1, 2);
  out.push(list.length, list instanceof List, list.map((v) => v * 2) instanceof List, list.concat([3]) instanceof List);
  const mapped = [1, 2, 3].map((v) => v + 1);
  out.push(mapped.constructor === Array, mapped, [1, 2, 3].filter((v) => v > 1), [1, 2, 3].slice(1), [1, 2].concat([3]));
  const ownConstructor = [1, 2];
  ownConstructor.constructor = function Made(n) {
    this.n = n;
  };
  out.push(ownConstructor.map((v) => v));
  const species = Object.getOwnPropertyDescriptor(Array, Symbol.species);
  Object.defineProperty(Array, Symbol.species, {
    get() {
      out.push("species read");
      return undefined;
    },
    configurable: true,
  });
  out.push([1, 2].map((v) => v).length, [1].concat([2]).length);
  Object.defineProperty(Array, Symbol.species, species);
  const arrayConstructor = Array.prototype.constructor;
  Array.prototype.constructor = function Foo(n) {
    return { made: n };
  };
  Array.prototype.constructor[Symbol.species] = function Bar(n) {
    this.bar = n;
  };
  out.push(JSON.stringify([5, 6].map((v) => v)), JSON.stringify([5].concat([6])));
  Array.prototype.constructor = arrayConstructor;

  let proxyLog = "";
  Object.setPrototypeOf(
    Array.prototype,
    new Proxy(
      {},
      {
        set(target, key, value, receiver) {
          proxyLog += `proxy set ${String(key)};`;
          return Reflect.set(target, key, value, receiver);
        },
        get: (target, key, receiver) => Reflect.get(Object.prototype, key, receiver),
      },
    ),
  );
  const throughProxy = [1];
  throughProxy.push(2);
  const proxied = [throughProxy.length, throughProxy[1]];
  Object.setPrototypeOf(Array.prototype, Object.prototype);
  out.push(proxyLog, proxied);

  const lengths = (() => {
    const array = [1, 2, 3];
    const text = "héllo";
    const holes = new Array(7);
    let total = 0;
    for (let i = 0; i < array.length; i++) total += array[i] * text.length + "".length + holes.length;
    const grown = [];
    for (let j = 0; j < 10; j++) {
      grown.push(j);
      total += grown.length;
    }
    const bounded = [];
    for (let k = 0; k < 100000; k++) if (bounded.length < 5) bounded.push(k);
    function count() {
      let n = 0;
      for (let i = 0; i < arguments.length; i++) n += arguments[i];
      return n + arguments.length;
    }
    const proxy = new Proxy([1, 2], { get: (target, key) => (key === "length" ? 99 : target[key]) });
    return [total, bounded.length, count(1, 2, 3), new Uint8Array(5).length, new String("abc").length, list.length,
      proxy.length, { length: 4 }.length, function (x, y) {}.length, "😀".length, [].length];
  })();
  out.push(lengths);
  return { data: out };
};
