// What Blocksmith's Intl.NumberFormat still prints differently from Node 20 in the languages it formats money for
// (allowlist.json, COMPAT.md). ICU4X's number data is older than Node's CLDR 48, and its decimal formatter has no
// separators of the currency style's own.
module.exports = async () => {
  const money = (locale, options) =>
    new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", ...options }).format(-1234.5);
  return {
    data: {
      // Austrian German and Swiss French group and separate money's digits unlike their plain numbers (CLDR's
      // currencyGroup, currencyDecimal): Node `-€ 1.234,50`, `-1 234.50 €`.
      austrianGrouping: money("de-AT"),
      swissFrenchDecimal: money("fr-CH"),
      // South African English puts a space between a code and the digits (Node `-CHF 1 234,50`).
      southAfricanSpacing: money("en-ZA", { currency: "CHF" }),
      // Turkish accounting: Node writes `-€1.234,50`, as CLDR 48 has it; ICU4X's data keeps parentheses.
      turkishAccounting: money("tr-TR", { currencySign: "accounting" }),
    },
  };
};
