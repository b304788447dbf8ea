// CPU benchmark for the debugger's worst case: a hooked statement on every one of 1,000,000 iterations.
module.exports = async () => {
  let sum = 0;
  for (let i = 0; i < 1_000_000; i++) {
    sum += i % 7;
  }
  return { data: sum };
};
