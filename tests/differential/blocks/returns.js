// `return` in every place a function can return from: the value goes straight to the function's result when
// nothing runs on the way out, and through the stack when a `finally` block runs or an iterator is closed first.
// Returns from nested blocks with their own `let` and closures over them, from `switch`, labelled blocks,
// `catch`, `try`/`finally` (including a `finally` that overrides the value or throws), `for…of` over a generator
// (whose `return` must run) and over an array, `for…in`, `with`; in generators, async functions, async
// generators, class constructors (a derived one returning an object, undefined, or a primitive), getters and
// conditional and logical expressions as the returned value.
module.exports = async () => {
  const log = [];
  const plain = (n) => {
    if (n > 2) return n * 2;
    return;
  };
  function nested(n) {
    {
      let a = n + 1;
      const read = () => a;
      {
        let b = a * 2;
        if (b > 4) return read() + b;
      }
    }
    return -1;
  }
  function choose(kind) {
    switch (kind) {
      case "a": {
        let local = 1;
        return local + 1;
      }
      case "b":
        return kind.repeat(2);
      default:
        break;
    }
    outer: {
      if (kind === "c") break outer;
      return "labelled";
    }
    return "after";
  }
  function caught(fail) {
    try {
      if (fail) throw new Error("no");
      return "tried";
    } catch (error) {
      let message = error.message;
      return `caught ${message}`;
    }
  }
  function finallyRuns(n) {
    try {
      return (log.push(`try ${n}`), n);
    } finally {
      log.push(`finally ${n}`);
    }
  }
  function finallyOverrides() {
    try {
      return "try";
    } finally {
      // eslint-disable-next-line no-unsafe-finally
      return "finally";
    }
  }
  function finallyThrows() {
    try {
      return "try";
    } finally {
      // eslint-disable-next-line no-unsafe-finally
      throw new Error("from finally");
    }
  }
  function* counting() {
    try {
      yield 1;
      yield 2;
      yield 3;
    } finally {
      log.push("generator closed");
    }
  }
  function firstOver(limit) {
    for (const value of counting()) {
      if (value > limit) return value;
    }
    return null;
  }
  function fromArray(items) {
    for (const item of items) {
      let doubled = item * 2;
      if (doubled > 4) return doubled;
    }
    return 0;
  }
  function fromKeys(object) {
    for (const key in object) {
      if (key.startsWith("b")) return key;
    }
    return "";
  }
  function fromWith(scope) {
    with (scope) {
      return value + 1;
    }
  }
  function* generated() {
    yield 1;
    return "generator done";
  }
  async function awaited(n) {
    await null;
    if (n) return n + 1;
    return;
  }
  async function* asyncGenerated() {
    yield 1;
    return "async generator done";
  }
  class Base {
    constructor(kind) {
      this.kind = kind;
      if (kind === "object") return { replaced: true };
      if (kind === "primitive") return 42;
      return;
    }
    get doubled() {
      return this.kind + this.kind;
    }
  }
  class Derived extends Base {
    constructor(kind) {
      super(kind === "super-object" ? "object" : "base");
      if (kind === "object") return { derived: true };
      if (kind === "primitive") return 7;
      if (kind === "undefined") return undefined;
    }
  }
  const constructed = [];
  for (const kind of ["object", "primitive", "plain"]) {
    const made = new Base(kind);
    constructed.push(JSON.stringify(made), made instanceof Base);
  }
  for (const kind of ["object", "undefined", "none", "super-object", "primitive"]) {
    try {
      const made = new Derived(kind);
      constructed.push(JSON.stringify(made), made instanceof Derived);
    } catch (error) {
      constructed.push(`${error.constructor.name}`);
    }
  }
  const conditional = (n) => {
    return n > 1 ? (n > 2 ? "big" : "two") : n && "small";
  };
  let thrown = "";
  try {
    finallyThrows();
  } catch (error) {
    thrown = error.message;
  }
  const iterator = generated();
  const asyncIterator = asyncGenerated();
  const asyncSteps = [await asyncIterator.next(), await asyncIterator.next(), await asyncIterator.next()];
  return {
    data: {
      plain: [plain(1), plain(3)],
      nested: [nested(1), nested(5)],
      choose: ["a", "b", "c", "d"].map(choose),
      caught: [caught(false), caught(true)],
      finallyRuns: [finallyRuns(1), finallyRuns(2)],
      finallyOverrides: finallyOverrides(),
      thrown,
      firstOver: [firstOver(1), firstOver(5)],
      fromArray: [fromArray([1, 2, 3]), fromArray([1])],
      fromKeys: fromKeys({ a: 1, b: 2, bb: 3 }),
      fromWith: fromWith({ value: 41 }),
      generated: [iterator.next(), iterator.next(), iterator.next()],
      awaited: [await awaited(1), await awaited(0)],
      asyncSteps,
      constructed,
      getter: new Base("plain").doubled,
      conditional: [0, 1, 2, 3].map(conditional),
      log,
    },
  };
};
