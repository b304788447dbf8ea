// `this` as a called function sees it (the patched engine takes it from the frame's slot only when the function
// keeps it in a scope): strict and sloppy functions called plainly and with `call` on `null`, a number, a string
// and an object; methods and detached methods; closures that keep `this`; arrows; a sloppy direct `eval`; a
// constructor; and a sloppy function's `this` after its caller's is replaced.
module.exports = async () => {
  const describe = (value) => (value === globalThis ? "global" : value === undefined ? "undefined" : typeof value);
  const sloppy = new Function("return this;");
  const sloppyWrapped = new Function("return [typeof this, this instanceof Number, this instanceof String];");
  function strict() {
    "use strict";
    return this;
  }
  const sloppyKeeper = new Function("var self = this; return function () { return self; };");
  function strictKeeper() {
    "use strict";
    const self = this;
    return () => self;
  }
  const sloppyEval = new Function('return eval("this");');
  const object = {
    sloppyMethod: new Function("return this;"),
    strictMethod() {
      "use strict";
      return this;
    },
    arrowInside() {
      return (() => this)();
    },
  };
  function Point(x) {
    this.x = x;
  }
  const receivers = [undefined, null, 5, "s", true, object];
  return {
    data: {
      sloppy: receivers.map((receiver) => describe(sloppy.call(receiver))),
      sloppyWrapped: receivers.map((receiver) => sloppyWrapped.call(receiver)),
      strict: receivers.map((receiver) => {
        const seen = strict.call(receiver);
        return seen === object ? "object" : seen;
      }),
      keepers: [
        describe(sloppyKeeper()()),
        sloppyKeeper.call(object)() === object,
        strictKeeper.call(7)(),
        describe(strictKeeper()()),
      ],
      eval: [describe(sloppyEval()), typeof sloppyEval.call(3)],
      methods: [
        object.sloppyMethod() === object,
        object.strictMethod() === object,
        describe((0, object.sloppyMethod)()),
        describe((0, object.strictMethod)()),
        object.arrowInside() === object,
      ],
      constructed: new Point(3).x,
    },
  };
};
