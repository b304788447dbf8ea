// How `for…of`, spread, destructuring and the built-ins that iterate find an array's iterator (the patched engine
// skips the generic lookup, the call of `values` and the read of `next` when nobody changed them): an array's own
// `Symbol.iterator`, `Array.prototype[Symbol.iterator]` replaced, turned into a getter that logs its reads and
// restored, `Array.prototype.values` replaced alone, a subclass, an array whose prototype was changed, a frozen
// array, `next` turned into a getter, and the iterator's `this` seen by a replaced `next`.
module.exports = async () => {
  const log = [];
  const collect = (iterable) => {
    const out = [];
    for (const value of iterable) out.push(value);
    return out;
  };
  const allWays = (array) => ({
    forOf: collect(array),
    spread: [...array],
    destructured: (([first, second]) => [first, second])(array),
    from: Array.from(array),
    set: [...new Set(array)],
    spreadCall: ((...args) => args)(...array),
  });

  const plain = allWays([1, 2, 3]);

  const ownIterator = [1, 2, 3];
  ownIterator[Symbol.iterator] = function* () {
    log.push("own iterator");
    yield "own";
  };
  const own = allWays(ownIterator);

  const builtinIterator = Array.prototype[Symbol.iterator];
  Array.prototype[Symbol.iterator] = function* () {
    log.push(`replaced iterator on ${this.length}`);
    for (let index = this.length - 1; index >= 0; index--) yield this[index];
  };
  const replacedOnPrototype = allWays([1, 2, 3]);
  Array.prototype[Symbol.iterator] = builtinIterator;

  Object.defineProperty(Array.prototype, Symbol.iterator, {
    get() {
      log.push("iterator getter");
      return builtinIterator;
    },
    configurable: true,
  });
  const throughGetter = allWays([4, 5]);
  Object.defineProperty(Array.prototype, Symbol.iterator, {
    value: builtinIterator,
    writable: true,
    configurable: true,
  });
  const restored = allWays([6, 7]);

  const builtinValues = Array.prototype.values;
  Array.prototype.values = function () {
    log.push("values called");
    return builtinValues.call(this);
  };
  const valuesReplacedAlone = allWays([8, 9]);
  const valuesCalledDirectly = [...[8, 9].values()];
  Array.prototype.values = builtinValues;

  class Reversed extends Array {
    *[Symbol.iterator]() {
      for (let index = this.length - 1; index >= 0; index--) yield this[index];
    }
  }
  const subclass = allWays(Reversed.from([1, 2, 3]));
  class Plain extends Array {}
  const plainSubclass = allWays(Plain.from([1, 2, 3]));

  const reprototyped = [1, 2, 3];
  Object.setPrototypeOf(reprototyped, {
    *[Symbol.iterator]() {
      yield "from the new prototype";
    },
  });
  const changedPrototype = collect(reprototyped);
  const nullPrototype = Object.setPrototypeOf([1, 2], null);
  let notIterable = "";
  try {
    collect(nullPrototype);
  } catch (error) {
    notIterable = `${error.constructor.name}: ${error.message}`;
  }

  const frozen = allWays(Object.freeze([10, 11]));

  const arrayIteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]());
  const builtinNext = arrayIteratorPrototype.next;
  Object.defineProperty(arrayIteratorPrototype, "next", {
    get() {
      log.push("next getter");
      return builtinNext;
    },
    configurable: true,
  });
  const nextThroughGetter = allWays([12, 13]);
  Object.defineProperty(arrayIteratorPrototype, "next", {
    value: function () {
      log.push(`next on ${Object.prototype.toString.call(this)}, own keys ${Reflect.ownKeys(this).length}`);
      return builtinNext.call(this);
    },
    writable: true,
    configurable: true,
  });
  const nextReplaced = collect([14]);
  arrayIteratorPrototype.next = builtinNext;
  const nextRestored = allWays([15, 16]);

  const emptyLoops = [];
  for (let round = 0; round < 3; round++) for (const value of []) emptyLoops.push(value);
  const nested = [];
  for (const row of [[1, 2], [3], []]) for (const cell of row) nested.push(cell);

  return {
    data: {
      plain, own, replacedOnPrototype, throughGetter, restored, valuesReplacedAlone, valuesCalledDirectly,
      subclass, plainSubclass, changedPrototype, notIterable, frozen, nextThroughGetter, nextReplaced,
      nextRestored, emptyLoops, nested, log,
    },
  };
};
