// Iterating an array after the engine has remembered where `%Array.prototype%[Symbol.iterator]` and
// `%ArrayIteratorPrototype%.next` sit (a patch of the vendored Boa reads those two slots while both prototypes
// keep their shapes): properties added to both prototypes, `Symbol.iterator` deleted and added back, made
// read-only, replaced by a value and by a getter, `next` replaced, made a getter and restored, all after loops
// that warmed the check; then an iterator's `next` called again from an element's getter and from a proxy's
// `length` trap while it is reading (V8 hands out the next index), and arrays that change shape.
module.exports = async () => {
  const log = [];
  const loop = (array) => {
    const seen = [];
    for (const value of array) seen.push(value);
    return seen;
  };
  const out = [loop([1, 2]), loop([3])];

  Array.prototype.extraOne = 1;
  Object.getPrototypeOf([][Symbol.iterator]()).extraTwo = 2;
  out.push(loop([4, 5]));

  const builtinIterator = Array.prototype[Symbol.iterator];
  delete Array.prototype[Symbol.iterator];
  try {
    loop([6]);
  } catch (error) {
    out.push(error.name, error.message);
  }
  Array.prototype[Symbol.iterator] = builtinIterator;
  out.push(loop([7, 8]));

  Object.defineProperty(Array.prototype, Symbol.iterator, { writable: false });
  out.push(loop([9]));
  Object.defineProperty(Array.prototype, Symbol.iterator, { writable: true });
  Array.prototype[Symbol.iterator] = function* () {
    log.push("replaced");
    yield "r";
  };
  out.push(loop([10]));
  Object.defineProperty(Array.prototype, Symbol.iterator, {
    get() {
      log.push("getter");
      return builtinIterator;
    },
    configurable: true,
  });
  out.push(loop([11]));
  Object.defineProperty(Array.prototype, Symbol.iterator, { value: builtinIterator, writable: true, configurable: true });
  out.push(loop([12]));

  const iteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]());
  const builtinNext = iteratorPrototype.next;
  iteratorPrototype.next = function () {
    log.push("next");
    return builtinNext.call(this);
  };
  out.push(loop([13, 14]));
  Object.defineProperty(iteratorPrototype, "next", {
    get() {
      log.push("next getter");
      return builtinNext;
    },
    configurable: true,
  });
  out.push(loop([15]));
  Object.defineProperty(iteratorPrototype, "next", { value: builtinNext, writable: true, configurable: true });
  out.push(loop([16, 17]));
  delete Array.prototype.extraOne;
  delete iteratorPrototype.extraTwo;
  out.push(loop([18]));

  const withGetter = [1, 2, 3];
  const iterator = withGetter.values();
  Object.defineProperty(withGetter, 1, {
    get() {
      return `inner ${JSON.stringify(iterator.next())}`;
    },
  });
  const reentered = [];
  for (const value of iterator) reentered.push(value);

  const target = [1, 2, 3];
  let proxyIterator;
  let depth = 0;
  const proxy = new Proxy(target, {
    get(object, key) {
      if (key === "length" && depth < 2) {
        depth++;
        log.push(`length, inner ${JSON.stringify(proxyIterator.next())}`);
        depth--;
      }
      return object[key];
    },
  });
  proxyIterator = Array.prototype.values.call(proxy);
  const throughProxy = [JSON.stringify(proxyIterator.next()), JSON.stringify(proxyIterator.next())];

  const reshaped = [1, 2];
  reshaped.named = "n";
  const holes = [1, , 3];
  Array.prototype[1] = "from prototype";
  const withHoles = loop(holes);
  delete Array.prototype[1];
  const ownIterator = [1, 2];
  ownIterator[Symbol.iterator] = function* () {
    yield "own";
  };
  const shrinking = [1, 2, 3, 4];
  const seenShrinking = [];
  for (const value of shrinking) {
    seenShrinking.push(value);
    shrinking.length = 2;
  }
  return {
    data: {
      out,
      log,
      reentered,
      throughProxy,
      reshaped: loop(reshaped),
      withHoles,
      own: loop(ownIterator),
      seenShrinking,
      entries: [...[5, 6].entries()],
      keys: [...[5, , 6].keys()],
    },
  };
};
