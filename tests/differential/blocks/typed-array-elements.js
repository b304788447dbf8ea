// Reading and writing typed-array elements by index, the engine's shortcut for `bytes[i]` (vendored Boa, ninth
// patch) against the generic path it skips: each element type's conversion on write, indices out of range, keys
// that only look like indices, a typed array as another object's prototype, Reflect with another receiver, a
// BigInt array's TypeError, valueOf called once per write, and a subarray's offset.
module.exports = async () => {
  const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];
  const written = {};
  for (const Kind of kinds) {
    const array = new Kind(6);
    const values = [300, -1.5, 1e10, NaN, "42", 2.5];
    for (let i = 0; i < values.length; i++) array[i] = values[i];
    written[Kind.name] = Array.from(array, (value) => (Number.isNaN(value) ? "NaN" : value));
  }

  const bytes = new Uint8Array([10, 20, 30]);
  bytes[3] = 99; // out of range: ignored, no property made
  bytes[-1] = 5; // a canonical numeric string that is no index: ignored too
  bytes["1.5"] = 7;
  bytes["01"] = 8; // not canonical: an ordinary property
  let reads = 0;
  const counted = { valueOf: () => (reads += 1, 77) };
  bytes[2] = counted;

  const base = new Int16Array([1, 2, 3]);
  const child = Object.create(base);
  const inherited = child[1];
  child[1] = 50; // receiver is not the typed array: OrdinarySet on the child, the element stays
  child[9] = 60; // not a valid index of the prototype: nothing happens
  const reflected = {};
  const reflectOk = Reflect.set(base, 0, 9, reflected);

  const big = new BigInt64Array(2);
  big[0] = 5n;
  let bigError = null;
  try {
    big[1] = 5;
  } catch (error) {
    bigError = `${error.constructor.name}`;
  }

  const whole = new Uint16Array([1, 2, 3, 4, 5, 6]);
  const middle = whole.subarray(2, 5);
  middle[0] = 300;
  middle[2] += 1000;
  middle[3] = 9; // past the view's end: the whole array is untouched

  let sum = 0;
  const floats = new Float64Array(1000);
  for (let i = 0; i < floats.length; i++) floats[i] = i / 4;
  for (let i = 0; i < floats.length; i++) sum += floats[i];

  return {
    data: {
      written,
      bytes: [Array.from(bytes), bytes[3], bytes[-1], bytes["1.5"], bytes["01"], Object.keys(bytes), reads],
      prototype: [inherited, Array.from(base), Object.keys(child), child[1], child[9], reflectOk, Object.keys(reflected), reflected[0]],
      bigint: [String(big[0]), bigError],
      subarray: [Array.from(whole), Array.from(middle), middle[3]],
      sum,
    },
  };
};
