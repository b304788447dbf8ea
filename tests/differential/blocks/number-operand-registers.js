// Number literals as operands, which the interpreter reads from registers each frame starts with: the same
// number in many places and in branches not taken, integers, floats, -0, NaN and Infinity folded from
// expressions, keys, call arguments, comparisons in and out of loops, frames that are suspended and resumed
// (generators, async functions), recursion and closures, a function with more numbers than it keeps in
// registers, and tables of numbers in array literals.
module.exports = async () => {
  const show = (value) => (Object.is(value, -0) ? "-0" : Number.isNaN(value) ? "NaN" : value);

  // A minified carry chain: the same numbers on every line, read in place each time.
  const carry = (words) => {
    let c = 1, v;
    const out = [];
    for (let i = 0; i < words.length; i++) {
      v = words[i] + c + 65535;
      c = Math.floor(v / 65536);
      out.push(v - c * 65536);
    }
    return [out, c];
  };

  const mixed = (x) => [x + 1, x - 1.5, x * -0, 0 * -x, x / 0, -x / 0, 0 / 0 + x, x % 7, 7 % x, x ** 2, 2 ** x, x >>> 28, x << 31, x & 0xff, x | 0, x ^ -1, x > 0.5, 0.5 < x, x === 1, 1 === x, x == "1", x != 1e21];

  const keys = (array) => [array[0], array[1], array[-0], array[0.5], array[1e21], array[2 ** 32], array[-1]];

  function branches(flag) {
    if (flag === 0) return 10 * 3;
    if (flag === 1) return 10 * 4 + 0.25;
    return flag > 100 ? flag - 100 : flag + 100;
  }

  function* counter(start) {
    let total = start;
    while (total < 50) {
      const step = yield total + 0.5;
      total += (step ?? 7) * 2;
    }
    return total - 1;
  }
  const generated = [];
  const generator = counter(3);
  generated.push(generator.next().value, generator.next(4).value, generator.next().value);
  for (const value of counter(40)) generated.push(value);

  async function delayed(x) {
    const a = x * 1000;
    await null;
    const b = a + 0.125;
    await new Promise((resolve) => setTimeout(resolve, 1));
    return b / 1000 + 42;
  }

  const factorial = (n) => (n <= 1 ? 1 : n * factorial(n - 1));
  const adders = [1, 2, 3].map((step) => (x) => x + step + 100);

  // More distinct numbers than one function keeps in registers: the rest are stored as before.
  function manyNumbers(x) {
    return [x + 1, x + 2, x + 3, x + 4, x + 5, x + 6, x + 7, x + 8, x + 9, x + 10, x + 11, x + 12, x + 13, x + 14, x + 15, x + 16, x + 17, x + 18, x + 19, x + 20, x + 21, x + 22, x + 23, x + 24, x + 25, x + 26, x + 27, x + 28, x + 29, x + 30, x + 31, x + 32, x + 33, x + 34, x + 35, x + 36, x + 1, x + 36];
  }

  const table = [0x00, 0x77, 0xee, 0x99, 0x07, 0x70, 0xe9, 0x9e, 0.5, -0, 1e300];
  const crc = (bytes) => {
    let crcValue = 0 ^ -1;
    for (const byte of bytes) {
      crcValue = (crcValue >>> 8) ^ table[(crcValue ^ byte) & 0x0a];
    }
    return (crcValue ^ -1) >>> 0;
  };

  let sum = 0;
  for (let i = 0; i < 1000; i++) sum = (sum + i * 31 + 0.5) % 65521;

  return {
    data: {
      carry: carry([65535, 0, 70000, -3, 1.5]),
      mixed: [1, -2, 0.5, 2 ** 31, -0].map((x) => mixed(x).map(show)),
      keys: keys(Object.assign([10, 20], { "0.5": "half", 1e21: "big", 4294967296: "past", "-1": "minus" })),
      branches: [0, 1, 2, 101].map(branches),
      generated,
      delayed: await delayed(3),
      factorial: factorial(10),
      adders: adders.map((add) => add(0.5)),
      manyNumbers: manyNumbers(0.5),
      table: table.map(show),
      crc: crc([1, 2, 3, 250]),
      sum,
    },
  };
};
