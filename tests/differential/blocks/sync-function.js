// A plain (non-async) function works too.
module.exports = function (context, stepResults) {
  return { data: { sum: stepResults.numbers.results.reduce((a, b) => a + b, 0) } };
};
