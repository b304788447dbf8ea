// Typed-array elements read and written with integer keys, the interpreter's fast path: every element type's
// conversion of a Number (wrapping, clamping, rounding to float32), keys out of bounds, negative, -0 and
// fractional, a BigInt array given a Number, a subclass, a Proxy, an array viewing part of a buffer, arrays on
// a resizable buffer (fixed-length and length-tracking) written and read while it shrinks and grows, and an
// array on a SharedArrayBuffer.
module.exports = async () => {
  const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];
  const values = [0, -0, 1.5, -1.5, 255.5, 256, -129, 65537, 2 ** 31, -(2 ** 32) - 1, NaN, Infinity, -Infinity, 0.1];
  const conversions = {};
  for (const Kind of kinds) {
    const array = new Kind(values.length);
    for (let i = 0; i < values.length; i++) array[i] = values[i];
    conversions[Kind.name] = Array.from(array, (value) => (Object.is(value, -0) ? "-0" : Number.isNaN(value) ? "NaN" : value));
  }
  const bytes = new Uint8Array(4);
  let i = -1;
  bytes[i] = 7;
  bytes[4] = 7;
  bytes[-0] = 9;
  bytes[1.5] = 3;
  bytes[2] = "12";
  bytes[3] = { valueOf: () => 300 };
  const reads = [bytes[-1], bytes[4], bytes[-0], bytes[1.5], bytes[0], bytes["1"], i in bytes, 4 in bytes];
  let bigintError = null;
  try {
    new BigInt64Array(1)[0] = 5;
  } catch (error) {
    bigintError = error.constructor.name;
  }
  const big = new BigUint64Array(2);
  big[0] = 5n;
  big[1] = -1n;
  class Bytes extends Uint8Array {}
  const sub = new Bytes(2);
  sub[0] = 513;
  const seen = [];
  const proxy = new Proxy(new Float64Array(2), {
    set(target, key, value) { seen.push(`set ${key}`); target[key] = value * 2; return true; },
    get(target, key) { seen.push(`get ${String(key)}`); return target[key]; },
  });
  proxy[1] = 4;
  const fromProxy = proxy[1];
  const buffer = new ArrayBuffer(16);
  const window = new Int16Array(buffer, 4, 3);
  for (let k = 0; k < 5; k++) window[k] = k * 1000 - 1;
  const resizable = new ArrayBuffer(16, { maxByteLength: 32 });
  const tracking = new Uint16Array(resizable);
  const fixed = new Int32Array(resizable, 4, 2);
  const resized = [];
  for (let k = 0; k < 12; k++) {
    tracking[k] = k * 4099;
    fixed[k & 1] = fixed[k & 1] + k * 0.75;
    resized.push([tracking.length, fixed.length, tracking[k], fixed[1]]);
    if (k === 3) resizable.resize(6);
    if (k === 6) resizable.resize(24);
    if (k === 9) resizable.resize(0);
  }
  const shared = new Float32Array(new SharedArrayBuffer(16));
  for (let k = 0; k < 6; k++) shared[k] = (shared[k - 1] ?? 1) + k / 3;
  const sum = (array) => { let total = 0; for (let k = 0; k < array.length; k++) total += array[k]; return total; };
  return {
    data: {
      conversions,
      bytes: Array.from(bytes),
      reads,
      bigintError,
      big: Array.from(big, String),
      sub: [sub[0], sub instanceof Bytes],
      proxy: [seen, fromProxy],
      window: [Array.from(window), Array.from(new Int16Array(buffer)), sum(window), window[3], window[-1]],
      resized,
      shared: Array.from(shared),
    },
  };
};
