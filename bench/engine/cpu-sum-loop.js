// CPU benchmark: a plain arithmetic loop.
module.exports = async () => {
  let sum = 0;
  for (let i = 0; i < 1_000_000; i++) sum += i % 7;
  return { data: sum };
};
