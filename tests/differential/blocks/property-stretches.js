// Named property reads and constants inside stretches of number arithmetic, which the interpreter serves from a
// property's inline cache without leaving the stretch: reads of data properties that change value, are deleted,
// become getters or move to the prototype mid-loop; `Math.floor` replaced or wrapped part way through a loop; a
// getter, a Proxy, a primitive's prototype and a megamorphic site; a read of `undefined` mid-loop; and
// functions whose numeric work starts with constants (0, 1, small and large integers, floats, -0, undefined).
module.exports = async () => {
  const show = (value) => (Object.is(value, -0) ? "-0" : typeof value === "number" && Number.isNaN(value) ? "NaN" : value);

  // An own data property read on every turn, changed, deleted (the prototype's shows through), made a getter,
  // then shadowed again by an own data property.
  const base = { scale: 100 };
  const settings = Object.create(base);
  settings.scale = 3;
  settings.offset = 0.5;
  const reads = [];
  let getterCalls = 0;
  let total = 0;
  for (let i = 0; i < 12; i++) {
    total = total * 2 + settings.scale * i + settings.offset;
    reads.push(show(total));
    if (i === 2) settings.scale = 4.25;
    if (i === 4) delete settings.scale;
    if (i === 6) Object.defineProperty(settings, "scale", { get: () => (getterCalls++, -1), configurable: true });
    if (i === 8) Object.defineProperty(settings, "scale", { value: 9, writable: true, configurable: true });
    if (i === 10) Object.setPrototypeOf(settings, { offset: 1000 });
  }

  // The prototype's property changes under an object whose own shape stays the same.
  const proto = { step: 2 };
  const child = Object.create(proto);
  let walked = 0;
  for (let i = 0; i < 9; i++) {
    walked += child.step * i;
    if (i === 3) proto.step = 0.25;
    if (i === 5) Object.defineProperty(proto, "step", { get: () => 7, configurable: true });
    if (i === 7) proto.extra = 1;
  }

  // `Math.floor` in a carry loop, wrapped and then replaced part way; `Math` itself replaced for a while.
  const limbs = new Float64Array(16);
  for (let i = 0; i < 16; i++) limbs[i] = i * 65536 + 12345.5 * (i + 1);
  const floorCalls = [];
  const realFloor = Math.floor;
  const realMath = Math;
  let carry = 1;
  for (let i = 0; i < 16; i++) {
    const value = limbs[i] + carry + 65535;
    carry = Math.floor(value / 65536);
    limbs[i] = value - carry * 65536;
    if (i === 5) Math.floor = (x) => (floorCalls.push(show(x)), realFloor(x));
    if (i === 8) Math.floor = Math.ceil;
    if (i === 11) globalThis.Math = { floor: (x) => (floorCalls.push(`own ${show(x)}`), Math.round ? 0 : 1) };
    if (i === 13) globalThis.Math = realMath;
  }
  Math.floor = realFloor;

  // A getter on the prototype, a Proxy's get trap, a primitive's prototype and a site that sees many shapes.
  class Vector {
    constructor(x, y) {
      this.x = x;
      this.y = y;
    }
    get norm() {
      return Math.abs(this.x) + Math.abs(this.y);
    }
  }
  let norms = 0;
  for (let i = 0; i < 6; i++) norms += new Vector(i, -i).norm * 2 + i;
  const trapped = [];
  const proxy = new Proxy({ k: 5 }, { get: (target, key) => (trapped.push(String(key)), target[key] * 2) });
  let viaProxy = 0;
  for (let i = 0; i < 4; i++) viaProxy += proxy.k * i;
  Number.prototype.half = 0.5;
  let viaPrimitive = 0;
  for (let i = 0; i < 5; i++) viaPrimitive += i.half * i;
  delete Number.prototype.half;
  const shapes = [{ w: 1 }, { a: 0, w: 2 }, { b: 0, c: 0, w: 3 }, { d: 0, e: 0, f: 0, w: 4 }, { g: 0, w: 5 }, Object.assign(Object.create({ w: 6 }), { h: 0 })];
  let megamorphic = 0;
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < shapes.length; i++) megamorphic = megamorphic * 3 + shapes[i].w;
  }
  const frozen = Object.freeze({ rate: 1.5, nested: Object.freeze({ rate: 2 }) });
  let frozenTotal = 0;
  for (let i = 0; i < 5; i++) frozenTotal += frozen.rate * frozen.nested.rate * i;

  // Objects whose shapes die between rounds: each round's object has its own shape (its own keys, `x` in a
  // different slot), the read site caches it, and the garbage made next lets the collector free it, so a later
  // shape may be allocated where a cached one was. Every read must still find that round's `x`.
  const readX = (object) => object.x;
  const shapeRounds = [];
  for (let round = 0; round < 40; round++) {
    const object = {};
    for (let k = 0; k < round % 4; k++) object[`key${round}_${k}`] = -1;
    object.x = round;
    object[`after${round}`] = -2;
    shapeRounds.push(readX(object) + readX(object) * 0 + readX(object));
    let garbage = [];
    for (let g = 0; g < 3000; g++) garbage.push({ g, [`tmp${g % 7}`]: g });
    garbage = null;
  }

  // A read of `undefined` mid-loop, after the stretch stored what came before it.
  const records = [{ amount: 1 }, { amount: 2.5 }, undefined, { amount: 4 }];
  let summed = 0;
  let readError = "";
  try {
    for (let i = 0; i < records.length; i++) summed = summed * 10 + records[i].amount;
  } catch (error) {
    readError = `${error.constructor.name}: ${error.message}`;
  }

  // Functions whose numeric work starts with constants.
  function constants(seed) {
    var zero = 0, one = 1, small = -5, medium = 300, large = 70000, huge = 2147483647, float = 1.5, tiny = 1e-300, big = 1e300, none;
    let negativeZero = -0;
    const sum = zero + one + small + medium + large + huge + float + tiny + big * 0 + seed;
    return [show(sum), show(negativeZero), show(negativeZero * 1), typeof none, show(huge + one), show(zero / negativeZero)];
  }
  function accumulate(values) {
    var a = 0, b = 0, c = 1, d = 1;
    for (var i = 0; i < values.length; i++) {
      a += values[i];
      b = b * 31 + values[i];
      c *= 1.0001;
      d = (d * 48271) % 2147483647;
    }
    return [show(a), show(b), c.toFixed(8), d];
  }

  return {
    data: {
      reads,
      getterCalls,
      walked,
      limbs: Array.from(limbs),
      carry,
      floorCalls,
      norms,
      trapped,
      viaProxy,
      viaPrimitive,
      megamorphic,
      frozenTotal,
      shapeRounds,
      summed,
      readError,
      constants: [constants(0), constants(-0.5), constants(NaN)],
      accumulated: accumulate([3, -1, 2.5, 1e6, -0, 7]),
    },
  };
};
