// A property set from a local or a number, as a statement, which the interpreter stores straight from the
// local's (or the number's) register: typed arrays and arrays, setters that see the value, a key whose
// `toString` runs, `super` and private properties, a frozen object in strict and sloppy code, a Proxy, and a
// local reassigned by the key expression before the value is read.
module.exports = async () => {
  const log = [];
  const words = new Float64Array(4);
  const list = [];
  let t0 = 1.5;
  const t1 = -0;
  words[0] = t0;
  words[1] = t1;
  words[2] = 65536;
  list[0] = t0;
  list[3] = 7;

  const observed = {
    set value(v) {
      log.push(["setter", v]);
    },
  };
  let local = "first";
  observed.value = local;
  observed.value = 42;

  const key = {
    toString() {
      log.push("key toString");
      return "computed";
    },
  };
  const target = {};
  let item = "item";
  target[key] = item;

  let index = 0;
  const reassigned = [];
  reassigned[(index = 2)] = index;

  class Base {
    set slot(v) {
      log.push(["base setter", v]);
    }
  }
  class Derived extends Base {
    #hidden = 0;
    store(v) {
      super.slot = v;
      this.#hidden = v;
      const n = 3;
      this.#hidden = n;
      return this.#hidden;
    }
  }
  const hidden = new Derived().store("via super");

  const frozen = Object.freeze({ a: 1 });
  let strictError = null;
  (function () {
    "use strict";
    const value = 2;
    try {
      frozen.a = value;
    } catch (error) {
      strictError = error.constructor.name;
    }
  })();
  (function () {
    const value = 3;
    frozen.a = value;
  })();

  const trapped = new Proxy(
    {},
    {
      set(object, property, value) {
        log.push(["proxy", property, value]);
        object[property] = value;
        return true;
      },
    },
  );
  const sent = 9;
  trapped.x = sent;
  trapped[1] = 0.25;

  return {
    data: {
      words: Array.from(words, (v) => (Object.is(v, -0) ? "-0" : v)),
      list: [list.length, list[0], list[3], 1 in list],
      log,
      target,
      reassigned: [reassigned.length, reassigned[2]],
      hidden,
      strictError,
      frozen: frozen.a,
    },
  };
};
