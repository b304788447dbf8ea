// Stretches of number arithmetic, element access on int32 keys and loop jumps, which the interpreter runs in
// one handler call and leaves at the first instruction whose operands are anything else: every operator on
// integers, floats, -0, NaN and the int32 limits; a String, a BigInt or an object with `valueOf` in the middle
// of a chain (its conversion must run once, in order); every typed array's conversions through a loop; array
// holes, getters and frozen arrays; loop conditions on every comparison, on NaN and on strings; an error
// thrown mid-loop after the stretch's stores; and loops in generators.
module.exports = async () => {
  const show = (value) => (Object.is(value, -0) ? "-0" : typeof value === "number" && Number.isNaN(value) ? "NaN" : typeof value === "bigint" ? `${value}n` : value);
  const samples = [0, -0, 1, -1, 7, -7, 0.5, -2.5, 2147483647, -2147483648, 4294967295, 2 ** 53, NaN, Infinity, -Infinity, 1e-300];

  // Every served operator on every pair of samples, in one straight run of register arithmetic.
  const operators = [];
  for (const a of samples) {
    for (const b of samples) {
      const sum = a + b, difference = a - b, product = a * b, quotient = a / b, remainder = a % b;
      const and = a & b, or = a | b, xor = a ^ b, left = a << b, right = a >> b, unsigned = a >>> b;
      const less = a < b, lessOrEqual = a <= b, greater = a > b, greaterOrEqual = a >= b;
      let negated = a;
      negated = -negated;
      let inverted = a;
      inverted = ~inverted;
      operators.push([sum, difference, product, quotient, remainder, and, or, xor, left, right, unsigned, less, lessOrEqual, greater, greaterOrEqual, negated, inverted].map(show).join(","));
    }
  }

  // The `Math` functions a stretch calls itself, on every sample inside a loop of arithmetic, once saved in a
  // variable too: rounding of halves and -0, `sqrt` of negatives, `sign` of -0 and NaN, `min`/`max` of -0 and
  // NaN, `imul` wrapping.
  const mathCalls = [];
  const floor = Math.floor;
  for (let i = 0; i < samples.length; i++) {
    const a = samples[i] * 1.5, b = samples[(i + 5) % samples.length];
    const row = [floor(a), Math.floor(a), Math.ceil(a), Math.round(a), Math.trunc(a), Math.abs(a), Math.sign(a), Math.sqrt(a), Math.min(a, b), Math.max(a, b), Math.imul(a, b), Math.floor(a / 65536) * 65536 + 1];
    mathCalls.push(row.map(show).join(","));
  }
  for (const half of [0.5, -0.5, 1.5, -1.5, 2.5, -2.5, -0.4, 0.49999999999999994]) mathCalls.push([Math.round(half), Math.floor(half), Math.ceil(half), Math.trunc(half)].map(show).join(","));

  // `++` and `--` at the int32 limits, on floats and on a value that is not a number.
  const steps = [];
  for (const start of [2147483646, -2147483647, 0.5, -0, NaN]) {
    let up = start, down = start;
    for (let i = 0; i < 3; i++) {
      up++;
      down--;
    }
    steps.push([show(up), show(down)]);
  }
  let text = "7";
  text++;
  let big = 2n ** 70n;
  big++;
  steps.push([show(text), show(big)]);

  // A chain that meets a String, a BigInt and an object with `valueOf` part way: the conversion runs once,
  // after the arithmetic before it.
  const calls = [];
  const counted = { valueOf: () => (calls.push("valueOf"), 10) };
  const chains = [];
  for (const middle of [3, "3", counted, 3.5]) {
    const x = 4 * 5 + 1;
    calls.push(`before ${x}`);
    const y = x * 2 + middle;
    const z = y - 1;
    chains.push(show(z));
  }
  // Multiply-accumulate chains (`Mul`, `Add` and `Sub` one after another, which run in a loop of their own)
  // that meet a String, an object with `valueOf`, a BigInt mixed with a Number (a TypeError) and a float part way.
  const accumulations = [];
  for (const odd of [2, "2", { valueOf: () => (calls.push("accumulate valueOf"), 2) }, 2.5, 2n]) {
    let t0 = 0, t1 = 1, t2 = 2;
    const a = 3, b = 5;
    try {
      t0 += a * b;
      t1 += a * t0;
      t2 -= b * t1;
      t0 += odd * t2;
      t1 += a * t0;
      t2 += t0 * t1 - a;
    } catch (error) {
      accumulations.push(error.constructor.name);
    }
    accumulations.push([t0, t1, t2].map(show));
  }
  const bigChain = [];
  for (let i = 0n; i < 3n; i++) bigChain.push(show(i * 3n + 1n));

  // Every typed array written and read back in a loop of numbers that wrap, clamp and round.
  const values = [0, 1.5, -1.5, 255.5, 256, -129, 65535.7, 2 ** 31, -(2 ** 31) - 1, 2 ** 32 + 3, NaN, Infinity, -0, 1e-7, 3.4e39];
  const typed = {};
  for (const Type of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array]) {
    const array = new Type(values.length);
    for (let i = 0; i < values.length; i++) array[i] = values[i];
    const read = [];
    let total = 0;
    for (let i = -1; i <= values.length; i++) {
      read.push(show(array[i]));
      total = total + (array[i] | 0);
    }
    array[-1] = 5;
    array[values.length] = 5;
    array[1.5] = 5;
    typed[Type.name] = [read.join(","), total, Object.keys(array).length];
  }
  const view = new DataView(new ArrayBuffer(8));
  const viewed = [];
  for (const value of [3.4e39, -3.4e39, 2 ** 63 + 2 ** 12, 1e20 + 1]) {
    view.setInt8(0, value);
    view.setUint8(1, value);
    view.setInt16(2, value);
    view.setUint16(4, value);
    viewed.push([view.getInt8(0), view.getUint8(1), view.getInt16(2), view.getUint16(4)].join(","));
  }
  const words = new Uint32Array(8);
  for (let i = 0; i < 64; i++) words[i & 7] = (words[(i + 1) & 7] * 31 + i) ^ (words[i & 7] >>> 3);
  const sums = new Float64Array(16);
  for (let round = 0; round < 50; round++) for (let i = 0; i < 16; i++) sums[i] = sums[i] * 1.0001 + sums[(i + 15) & 15] / 3 + i;

  // Arrays: dense elements, holes that read the prototype, a getter, a frozen array, an index past the end.
  Object.prototype[3] = "from the prototype";
  const holes = [1, 2, 3, , 5];
  const holeReads = [];
  for (let i = 0; i < 6; i++) holeReads.push(holes[i]);
  delete Object.prototype[3];
  const withGetter = [1, 2, 3];
  Object.defineProperty(withGetter, 1, { get: () => (calls.push("getter"), 20) });
  let getterSum = 0;
  for (let i = 0; i < 3; i++) getterSum = getterSum + withGetter[i] * 2;
  const frozen = Object.freeze([1, 2, 3]);
  let frozenError = "none";
  try {
    (() => {
      "use strict";
      for (let i = 0; i < 3; i++) frozen[i] = frozen[i] * 10;
    })();
  } catch (error) {
    frozenError = error.constructor.name;
  }
  const growing = [];
  for (let i = 0; i < 5; i++) growing[i] = i * i;
  const mixedElements = [1, 2.5, "three", { four: 4 }, null];
  const mixedRead = [];
  for (let i = 0; i < mixedElements.length; i++) mixedRead.push(typeof mixedElements[i]);

  // Compound assignments to elements (`o[k] += v`): int32, float and negative keys, an object key (V8 converts it
  // twice, Boa once: COMPAT.md), holes, and a Proxy that logs the keys its traps see.
  const compound = new Float64Array(4);
  const compoundArray = [1, 2, , 4];
  let keyConversions = 0;
  const objectKey = { toString: () => (keyConversions++, "1") };
  for (let i = 0; i < 8; i++) {
    compound[i & 3] += i * 1.5;
    compound[(i & 3) + 0.0] *= 2;
    compoundArray[i & 3] += i;
  }
  compound[objectKey] += 10;
  compoundArray[objectKey] -= 100;
  compound[-1] += 5;
  compoundArray[-1] += 5;
  const proxied = new Proxy([10, 20], {
    get: (target, key) => (calls.push(`get ${String(key)}`), target[key]),
    set: (target, key, value) => (calls.push(`set ${String(key)} ${value}`), (target[key] = value), true),
  });
  for (let i = 0; i < 2; i++) proxied[i] += 1;
  const compounds = [Array.from(compound), compoundArray.map(show), compoundArray[-1], keyConversions > 0, [...proxied]];

  // `String.prototype.repeat` counts its turns as loop iterations, from inside a call: the stretch must not run
  // the caller on from there (it returned the call's argument in place of the string).
  const repeated = [];
  for (let i = 1; i < 4; i++) repeated.push("ab".repeat(i) + "|" + Math.max(i, 2) + String(i * 2));

  // Globals read in a loop of arithmetic (the stretch reads them from the inline cache): one reassigned, one
  // turned into a getter, one deleted part way; a `with` object and a direct `eval` that shadow a global; and
  // `&&`/`||` chains on numbers.
  globalThis.stretchScale = 2;
  const globalReads = [];
  for (let i = 0; i < 6; i++) {
    globalReads.push(stretchScale * i + Math.PI * 0);
    if (i === 1) stretchScale = 3;
    if (i === 2) Object.defineProperty(globalThis, "stretchScale", { get: () => (calls.push("scale getter"), 5), configurable: true });
    if (i === 3) delete globalThis.stretchScale;
    if (i === 3) globalThis.stretchScale = 7;
  }
  delete globalThis.stretchScale;
  const shadowed = [];
  const withScope = { Infinity: 1 };
  for (let i = 0; i < 2; i++) {
    with (withScope) shadowed.push(Infinity + i);
  }
  (function () {
    for (let i = 0; i < 3; i++) {
      shadowed.push(NaN !== NaN ? i : -i);
      if (i === 1) eval("var NaN = 42");
    }
  })();
  let logical = 0;
  for (let i = 0; i < 10; i++) logical += (i % 3 && i * 2) + (i % 2 || 100) + ((i > 4 && i < 8) || 0);

  // Loop conditions on every comparison, counting up and down, on NaN and on strings.
  const loops = [];
  let count = 0;
  for (let i = 0; i < 10; i++) count += i;
  for (let i = 10; i > 0; i--) count += i;
  for (let i = 0; i <= 10; i += 2.5) count += i;
  for (let i = 10; i >= 0; i -= 0.5) count += i;
  for (let i = NaN; i < 10; i++) count += 1000;
  loops.push(count);
  let word = "";
  for (let letter = "a"; letter < "aaaa"; letter += "a") word += letter.length;
  loops.push(word);
  let truthy = 0;
  for (const value of [0, -0, NaN, "", "0", null, undefined, {}, [], 1n, 0n, 0.1]) {
    let n = 0;
    while (value) {
      n++;
      break;
    }
    if (!value) truthy -= 1;
    truthy = truthy * 2 + n;
  }
  loops.push(truthy);

  // An error thrown mid-loop, after the stretch stored what came before it.
  let beforeError = 0;
  let thrown = "";
  const buffer = new Int32Array(4);
  try {
    for (let i = 0; i < 10; i++) {
      beforeError = beforeError + i * 3;
      buffer[i & 3] = beforeError;
      if (i === 6) null.property;
    }
  } catch (error) {
    thrown = `${error.constructor.name}: ${error.message}`;
  }

  // Loops in a generator, suspended between stretches.
  function* running(limit) {
    let a = 0, b = 1;
    for (let i = 0; i < limit; i++) {
      const next = (a + b) % 1000003;
      a = b;
      b = next;
      if ((i & 7) === 7) yield b;
    }
  }

  return {
    data: {
      operators,
      mathCalls,
      steps,
      chains,
      calls,
      bigChain,
      accumulations,
      typed,
      viewed,
      words: Array.from(words),
      sums: Array.from(sums, (value) => value.toFixed(6)),
      holeReads,
      getterSum,
      frozenError,
      frozen: Array.from(frozen),
      growing,
      mixedRead,
      compounds,
      repeated,
      globalReads,
      shadowed,
      logical,
      loops,
      beforeError,
      buffer: Array.from(buffer),
      thrown,
      generated: [...running(64)],
    },
  };
};
