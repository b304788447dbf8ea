// CPU benchmark: sorting 100,000 numbers with a comparator (a fixed pseudo-random sequence).
module.exports = async () => {
  let seed = 42;
  const numbers = Array.from({ length: 100_000 }, () => (seed = (seed * 1103515245 + 12345) % 2147483648));
  numbers.sort((a, b) => a - b);
  return { data: [numbers[0], numbers[numbers.length - 1]] };
};
