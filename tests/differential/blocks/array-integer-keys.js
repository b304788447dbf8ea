// Array elements read and written with integer keys, which the engine takes in place from an array's dense
// storage: holes that read the prototype, an index past the end, negative and fractional keys, frozen,
// sealed and non-extensible arrays, an element with a getter, storage that turns from integers to floats and
// to objects, an array holding itself, a subclass and a Proxy.
module.exports = async () => {
  const ints = [1, 2, 3];
  for (let i = 0; i < 3; i++) ints[i] = ints[i] * 2;
  ints[1] = 2.5;
  ints[2] = "three";
  ints[0] = ints;
  const holes = [1, , 3];
  Array.prototype[1] = "from prototype";
  const hole = holes[1];
  delete Array.prototype[1];
  const past = [1, 2];
  past[5] = 6;
  const negative = [1, 2];
  let minusOne = -1;
  negative[minusOne] = "minus one";
  negative[1.5] = "one and a half";
  const frozen = Object.freeze([1, 2]);
  let frozenError = null;
  try {
    (function () { "use strict"; frozen[0] = 9; })();
  } catch (error) {
    frozenError = error.constructor.name;
  }
  const sealed = Object.seal([1, 2]);
  sealed[0] = 9;
  sealed[2] = 3;
  const closed = Object.preventExtensions([1, 2]);
  closed[1] = 8;
  const withGetter = [1, 2];
  let calls = 0;
  Object.defineProperty(withGetter, 0, { get: () => ++calls, set: (value) => { calls += value; } });
  const readGetter = [withGetter[0], withGetter[0]];
  withGetter[0] = 10;
  class List extends Array {}
  const list = List.from([1, 2, 3]);
  list[1] = 20;
  const seen = [];
  const proxy = new Proxy([1, 2], { get(target, key) { seen.push(String(key)); return target[key]; } });
  const viaProxy = proxy[1];
  let sum = 0;
  const numbers = Array.from({ length: 100 }, (_, index) => index * 1.5);
  for (let i = 0; i < numbers.length; i++) sum += numbers[i];
  return {
    data: {
      ints: [ints[0] === ints, ints[1], ints[2], ints.length],
      hole: [hole, holes[1], 1 in holes],
      past: [past.length, past[3] === undefined, past[5]],
      negative: [negative.length, negative[-1], negative["1.5"], negative[minusOne]],
      frozen: [frozen[0], frozenError],
      sealed: [sealed[0], sealed.length],
      closed: [closed[1], closed.length],
      getter: [readGetter, calls],
      list: [list[1], list instanceof List, list.length],
      proxy: [viaProxy, seen],
      sum,
    },
  };
};
