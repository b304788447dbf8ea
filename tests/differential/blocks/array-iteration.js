// Iteration over arrays, which the engine steps in place when the iterator is the built-in one (no result
// object per step): `for…of`, spread, destructuring, `yield*`, `Array.from`, `Set` and `Map`, `Promise.all`;
// arrays that grow, shrink and have holes or getters while iterated; `keys()` and `entries()`; typed arrays,
// one that goes out of bounds part way; a Proxy whose traps log the order of reads; `next` replaced before and
// during a loop; a `return` method added to the iterator prototype, called on `break`; and user iterators.
module.exports = async () => {
  const log = [];

  const plain = [];
  for (const value of [1, "two", null, undefined, { five: 5 }]) plain.push(value);

  const growing = [1, 2, 3];
  const seenGrowing = [];
  for (const value of growing) {
    seenGrowing.push(value);
    if (growing.length < 6) growing.push(value * 10);
  }
  const shrinking = [1, 2, 3, 4, 5];
  const seenShrinking = [];
  for (const value of shrinking) {
    seenShrinking.push(value);
    shrinking.pop();
  }

  Object.prototype[1] = "from the prototype";
  const holes = [];
  for (const value of [0, , 2, , 4]) holes.push(value);
  delete Object.prototype[1];

  const withGetter = [1, 2, 3];
  Object.defineProperty(withGetter, 1, { get: () => (log.push("getter"), 20) });
  const gotten = [...withGetter];
  const throwing = [1, 2, 3];
  Object.defineProperty(throwing, 1, { get: () => { throw new RangeError("element 1"); } });
  let thrownMidLoop = "";
  const beforeThrow = [];
  try {
    for (const value of throwing) beforeThrow.push(value);
  } catch (error) {
    thrownMidLoop = `${error.name}: ${error.message}`;
  }

  const keys = [...["a", "b", "c"].keys()];
  const entries = [...["a", "b"].entries()];
  const [first, , third = "default", ...rest] = [1, 2, undefined, 4, 5];
  const [[nestedA, nestedB], { x }] = [[7, 8], { x: 9 }];

  function* delegating() {
    const received = yield* [10, 20, 30];
    yield received;
  }
  const delegated = [...delegating()];
  const generator = delegating();
  const generatorSteps = [generator.next(), generator.next(), generator.next(), generator.next(), generator.next()];

  const fromArray = Array.from([1, 2, 3], (value) => value * 2);
  const set = new Set([3, 1, 3, 2]);
  const map = new Map([["k", 1], ["l", 2]]);
  const all = await Promise.all([1, Promise.resolve(2), 3]);
  const awaited = [];
  for await (const value of [Promise.resolve("p"), "q"]) awaited.push(value);

  const bytes = new Uint8Array([5, 6, 7, 8]);
  const fromTyped = [];
  for (const value of bytes) fromTyped.push(value);
  const resizable = new ArrayBuffer(4, { maxByteLength: 8 });
  const view = new Uint8Array(resizable, 0, 4);
  let outOfBounds = "";
  const beforeShrink = [];
  try {
    for (const value of view) {
      beforeShrink.push(value);
      resizable.resize(2);
    }
  } catch (error) {
    outOfBounds = error.constructor.name;
  }

  const proxy = new Proxy([1, 2], {
    get(target, key, receiver) {
      log.push(`get ${typeof key === "symbol" ? key.description : key}`);
      return Reflect.get(target, key, receiver);
    },
  });
  const fromProxy = [...proxy];

  // `next` replaced before a loop is used; replaced during one, the loop keeps the `next` it started with.
  const arrayIteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]());
  const builtinNext = arrayIteratorPrototype.next;
  arrayIteratorPrototype.next = function () {
    const result = builtinNext.call(this);
    return result.done ? result : { value: `wrapped ${result.value}`, done: false };
  };
  const replaced = [...[1, 2]];
  arrayIteratorPrototype.next = builtinNext;
  const duringLoop = [];
  for (const value of [1, 2, 3]) {
    arrayIteratorPrototype.next = () => ({ done: true });
    duringLoop.push(value);
  }
  arrayIteratorPrototype.next = builtinNext;

  // A `return` method on the prototype is called when a loop leaves early.
  arrayIteratorPrototype.return = function () {
    log.push("return called");
    return {};
  };
  for (const value of [1, 2, 3]) if (value === 2) break;
  const [onlyFirst] = [1, 2, 3];
  delete arrayIteratorPrototype.return;

  // Iterators that are not arrays' still go through `next`.
  const counter = {
    [Symbol.iterator]() {
      let n = 0;
      return { next: () => (n < 3 ? { value: n++, done: false } : { value: "end", done: true }) };
    },
  };
  const counted = [...counter];
  const getterResult = {
    [Symbol.iterator]() {
      let n = 0;
      return {
        next() {
          n++;
          return {
            get done() { log.push(`done read ${n}`); return n > 2; },
            get value() { log.push(`value read ${n}`); return n; },
          };
        },
      };
    },
  };
  const fromGetters = [...getterResult];

  return {
    data: {
      plain, seenGrowing, growing, seenShrinking, holes, gotten, beforeThrow, thrownMidLoop,
      keys, entries, destructured: [first, third, rest, nestedA, nestedB, x],
      delegated, generatorSteps, fromArray, set: [...set], map: [...map], all, awaited,
      fromTyped, beforeShrink, outOfBounds, fromProxy, replaced, duringLoop, onlyFirst, counted, fromGetters,
      log,
    },
  };
};
