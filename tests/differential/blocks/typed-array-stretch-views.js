// Typed arrays read and written inside number stretches, where the patched engine locates each array's
// elements once per stretch: arrays sharing one buffer written through one and read through another in the
// same loop, more arrays in one loop than it keeps located at once, subarrays at offsets, loops that run past
// an array's end and below zero, every element type's conversions inside arithmetic, a length-tracking array
// and one on a buffer resized between loops, and a field multiplication as pure-JavaScript Ed25519 writes it.
module.exports = async () => {
  const buffer = new ArrayBuffer(64);
  const bytes = new Uint8Array(buffer);
  const words = new Uint32Array(buffer);
  const doubles = new Float64Array(buffer);
  const shorts = new Int16Array(buffer, 8, 8);
  const aliased = [];
  for (let i = 0; i < 8; i++) {
    doubles[i] = i * 1.5 - 3;
    aliased.push(bytes[i * 8 + 7], words[i * 2 + 1], shorts[i] | 0);
    bytes[i * 8] = bytes[i * 8] + 1;
    aliased.push(doubles[i]);
  }

  const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];
  const arrays = kinds.map((Kind) => new Kind(6));
  const values = [0.5, -1.5, 300.7, -70000.25, 2 ** 32 + 5, NaN];
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 6; i++) {
      const v = values[i] * (round + 1);
      arrays[0][i] = v;
      arrays[1][i] = v;
      arrays[2][i] = v;
      arrays[3][i] = v;
      arrays[4][i] = v;
      arrays[5][i] = v;
      arrays[6][i] = v;
      arrays[7][i] = v;
      arrays[8][i] = arrays[0][i] + arrays[1][i] * 2 - arrays[7][i];
    }
  }
  const converted = arrays.map((array) => Array.from(array, (x) => (Number.isNaN(x) ? "NaN" : Object.is(x, -0) ? "-0" : x)));

  const ends = new Float64Array(4).fill(2.5);
  const beyond = [];
  for (let i = -2; i < 7; i++) {
    ends[i] = i * 10;
    beyond.push(ends[i] === undefined ? "u" : ends[i]);
  }

  const sub = new Float64Array(buffer).subarray(2, 5);
  let subTotal = 0;
  for (let i = 0; i < 5; i++) subTotal += (sub[i] ?? 100) * 2;

  const resizable = new ArrayBuffer(16, { maxByteLength: 64 });
  const tracking = new Int32Array(resizable);
  const fixed = new Int32Array(resizable, 0, 4);
  const sums = [];
  for (let size of [16, 64, 8, 32]) {
    resizable.resize(size);
    let sum = 0;
    for (let i = 0; i < 16; i++) {
      tracking[i] = i + size;
      sum += (tracking[i] | 0) + (fixed[i] | 0);
    }
    sums.push(sum, tracking.length, fixed.length);
  }

  const a = new Float64Array(16).map((_, i) => i * 7 + 1);
  const b = new Float64Array(16).map((_, i) => 65535 - i * 3);
  const o = new Float64Array(16);
  const t = new Float64Array(31);
  for (let i = 0; i < 16; i++) for (let j = 0; j < 16; j++) t[i + j] += a[i] * b[j];
  for (let i = 0; i < 15; i++) t[i] += 38 * t[i + 16];
  for (let i = 0; i < 16; i++) o[i] = t[i];
  let c = 1;
  for (let i = 0; i < 16; i++) {
    const v = o[i] + c + 65535;
    c = Math.floor(v / 65536);
    o[i] = v - c * 65536;
  }

  return { data: { aliased, converted, beyond, subTotal, sums, field: Array.from(o) } };
};
