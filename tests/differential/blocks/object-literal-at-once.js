// Object literals whose leading `name: value` and shorthand properties the patched engine makes at once, after
// evaluating their values in order (`StoreObjectLiteral`): the order of side effects, a value that throws part
// way, a literal assigned to a variable its values read, `yield` and `await` inside values, thirty-three and
// more names (the first thirty-two are made at once), methods and `super` after them, the same literal made in
// a loop and read beside objects built by assignment (one shape for both), and objects it made then changed.
module.exports = async () => {
  const order = [];
  const note = (label, value) => {
    order.push(label);
    return value;
  };
  const ordered = { a: note("a", 1), b: note("b", 2), c: { d: note("d", 3) }, e: note("e", 4) };

  let thrown;
  try {
    ({ first: note("first", 1), second: (() => { throw new Error("second fails"); })(), third: note("third", 3) });
  } catch (error) {
    thrown = error.message;
  }

  let self = "before";
  self = { previous: self, again: self };

  function* generator() {
    const made = { x: 1, y: yield "paused", z: 3 };
    return made;
  }
  const iterator = generator();
  const paused = iterator.next().value;
  const resumed = iterator.next(2).value;

  const awaited = { p: 1, q: await Promise.resolve(2), r: 3 };

  const wide = {};
  const names = [];
  for (let index = 0; index < 40; index++) names.push(`k${index}`);
  const source = `return { ${names.map((name, index) => `${name}: ${index}`).join(", ")} };`;
  const made = new Function(source)();
  Object.assign(wide, made);

  const base = { greet() { return "base"; } };
  const derived = { kind: "derived", greet() { return `derived of ${super.greet()}`; }, __proto__: base };

  const shapes = [];
  for (let index = 0; index < 5; index++) {
    const literal = { id: index, name: `n${index}`, tags: [index] };
    const assigned = {};
    assigned.id = index;
    assigned.name = `m${index}`;
    assigned.tags = [];
    for (const object of [literal, assigned]) shapes.push(object.id + object.name + object.tags.length);
  }

  const changed = { keep: 1, drop: 2, last: 3 };
  delete changed.drop;
  changed.added = 4;
  Object.defineProperty(changed, "keep", { enumerable: false });
  const frozen = Object.freeze({ fixed: 1 });
  let writeError;
  try {
    "use strict";
    (() => {
      "use strict";
      frozen.fixed = 2;
    })();
  } catch (error) {
    writeError = error.name;
  }

  return {
    data: {
      ordered,
      order,
      thrown,
      self,
      paused,
      resumed,
      awaited,
      wide: [Object.keys(made).length, made.k0, made.k31, made.k32, made.k39, Object.keys(wide).slice(30, 34)],
      derived: [derived.greet(), Object.keys(derived), Object.getPrototypeOf(derived) === base],
      shapes,
      changed: [Object.keys(changed), changed.keep, JSON.stringify(changed)],
      frozen: [frozen.fixed, writeError, Object.isFrozen(frozen)],
      descriptors: Object.getOwnPropertyDescriptors({ v: 1, w: undefined }),
    },
  };
};
