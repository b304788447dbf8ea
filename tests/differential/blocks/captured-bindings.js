// Variables a function reads from the functions around it (closures), which the interpreter reads on a fast
// path, and the cases that must leave it: a `with` object (with and without `Symbol.unscopables`), a sloppy
// `eval` that declares a var shadowing an outer one, `delete` of an eval-declared var, a `let` read before it
// is initialised, per-iteration `let` bindings, generators and async functions resumed later, and recursion.
module.exports = async () => {
  const counter = () => {
    let count = 0;
    const step = 2;
    return () => ((count += step), count);
  };
  const next = counter();
  next();

  const perIteration = [];
  for (let i = 0; i < 3; i++) perIteration.push(() => i);
  const sharedVar = [];
  for (var j = 0; j < 3; j++) sharedVar.push(() => j);

  const scope = { shadow: "from the object" };
  let shadow = "outer";
  let readShadow;
  with (scope) {
    readShadow = () => shadow;
  }
  const withObject = [readShadow()];
  delete scope.shadow;
  withObject.push(readShadow());
  scope.shadow = "hidden";
  scope[Symbol.unscopables] = { shadow: true };
  withObject.push(readShadow());

  let value = "outer value";
  function evalShadows(code) {
    const before = (() => value)();
    eval(code);
    const read = () => value;
    return [before, read(), (() => (() => value)())()];
  }
  function evalDeletes() {
    eval("var added = 'added by eval'");
    const read = () => (typeof added === "undefined" ? "gone" : added);
    const first = read();
    delete added;
    return [first, read()];
  }

  function readsTooEarly() {
    const read = () => late;
    try {
      return read();
    } catch (error) {
      return `${error.name}: ${error.message}`;
    } finally {
      // eslint-disable-next-line no-unused-vars
      let late = 1;
    }
  }
  const early = (() => {
    const read = () => later;
    let result;
    try {
      result = read();
    } catch (error) {
      result = error.name;
    }
    let later = "initialised";
    return [result, read()];
  })();

  function* walk(list) {
    const seen = [];
    for (const item of list) {
      const note = () => seen.push(item * factor);
      yield note();
    }
    return seen;
  }
  let factor = 10;
  const walker = walk([1, 2, 3]);
  const walked = [walker.next().value];
  factor = 100;
  walked.push(walker.next().value, walker.next().value, walker.next().value);

  let total = 0;
  const addLater = async (amount) => {
    await null;
    total += amount;
    return total;
  };
  const added = [await addLater(5), await addLater(7)];

  const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));

  return {
    data: {
      closure: [next(), next()],
      perIteration: perIteration.map((read) => read()),
      sharedVar: sharedVar.map((read) => read()),
      withObject,
      // An `eval` that declares nothing is left out: Boa then fails to find `value` at all (COMPAT.md).
      evalShadows: evalShadows("var value = 'inner value'"),
      evalDeletes: evalDeletes(),
      readsTooEarly: readsTooEarly(),
      early,
      walked,
      added,
      fib: fib(15),
    },
  };
};
