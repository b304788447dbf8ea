// paste math = mathjs/lib/browser/math.js
// A math library's everyday API: expression parsing and evaluation with scopes, units, matrices, fractions,
// big numbers, symbolic derivatives and simplification, statistics and formatting.
module.exports = async () => {
  const scope = { price: 19.99, qty: 3 };
  const parser = math.parser();
  parser.evaluate("f(x) = x^2 + 2x + 1");
  const bignumber = math.create(math.all, { number: "BigNumber", precision: 32 });
  const matrix = math.matrix([[2, 1], [1, 3]]);
  return {
    data: {
      evaluate: [math.evaluate("sqrt(3^2 + 4^2)"), math.evaluate("price * qty * 1.2", scope), math.evaluate("12.7 cm to inch").toString()],
      parserFunction: [parser.evaluate("f(3)"), parser.evaluate("f(-1)")],
      units: [math.unit("5 km").to("mile").toString(), math.format(math.evaluate("2 kg * 9.81 m/s^2"), { precision: 4 })],
      matrices: [math.det(matrix), math.inv(matrix).toArray(), math.multiply(matrix, [1, 2]).toArray(), math.transpose([[1, 2, 3]])],
      fractions: math.format(math.add(math.fraction(1, 3), math.fraction(1, 6))),
      bignumbers: [bignumber.add(bignumber.bignumber("0.1"), bignumber.bignumber("0.2")).toString(), bignumber.divide(bignumber.bignumber(1), 3).toString()],
      derivative: math.derivative("x^3 + 2x", "x").toString(),
      simplify: math.simplify("2x + 3x - x").toString(),
      statistics: [math.mean([1, 2, 3, 4]), math.median([5, 1, 3]), math.std([2, 4, 4, 4, 5, 5, 7, 9]), math.variance([1, 2, 3, 4])],
      rounding: [math.round(2.675, 2), math.format(math.pi, { precision: 10 }), math.format(1234567.891, { notation: "engineering" })],
      complex: math.sqrt(-4).toString(),
      compiled: math.compile("a * b + c").evaluate({ a: 2, b: 3, c: 4 }),
      error: (() => {
        try {
          math.evaluate("1 +");
          return null;
        } catch (error) {
          return `${error.name}: ${error.message}`;
        }
      })(),
    },
  };
};
