module.exports = async (context, stepResults) => {
  const input = stepResults.source.results;
  return {
    data: {
      echoed: input,
      unicode: "héllo wörld ✓ 😀 \u0000 \u2028",
      big: 2 ** 53,
      small: 1e-7,
      neg: -123.456,
      deep: { a: { b: { c: { d: { e: [[[]]] } } } } },
      emptyObject: {},
      keysInOrder: { z: 1, a: 2, 10: 3, 2: 4 },
    },
  };
};
