// paste Decimal = decimal.js/decimal.js
// Money and exact arithmetic: binary floating point's classic errors avoided, rounding modes, precision,
// powers, roots and very large and small numbers.
module.exports = async () => {
  const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
  const total = ["19.99", "0.01", "5.005", "100"].reduce((sum, value) => sum.plus(value), new D(0));
  return {
    data: {
      pointThree: new D("0.1").plus("0.2").toString(),
      total: total.toFixed(2),
      bankers: [new D("2.5").toDecimalPlaces(0).toString(), new D("3.5").toDecimalPlaces(0).toString()],
      halfUp: new Decimal("2.345").toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString(),
      division: new D(1).div(7).toString(),
      sqrt2: new D(2).sqrt().toString(),
      power: new D("1.0001").pow(10000).toSignificantDigits(20).toString(),
      big: new D(2).pow(200).toString(),
      tiny: new D("1e-30").times("3.3").toString(),
      exp: new D(1).exp().toSignificantDigits(30).toString(),
      ln: new D(10).ln().toSignificantDigits(30).toString(),
      compare: [new D("1.10").eq("1.1"), new D("-0").isNegative(), new D("3").cmp("2.999")],
      hex: new D(255.5).toHexadecimal(),
      fraction: new D("0.625").toFraction().map(String),
      json: JSON.stringify({ amount: new D("12.30") }),
    },
  };
};
