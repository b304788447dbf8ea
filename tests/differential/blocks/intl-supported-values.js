// Intl.supportedValuesOf as Node 20 gives it: the calendars, collations, numbering systems, time zones (CLDR's
// canonical names, as ICU's: Asia/Calcutta) and units, each sorted, a new array on every call, and V8's errors.
// Currencies are listed from CLDR's currency history, which leaves out the ISO 4217 codes no region uses any more
// (intl-names-gaps.js); here only what both lists share is compared.
module.exports = async () => {
  const attempt = (run) => {
    try {
      return run();
    } catch (error) {
      return `${error.name}: ${error.message}`;
    }
  };
  const currencies = Intl.supportedValuesOf("currency");
  const sorted = (list) => list.every((value, index) => index === 0 || list[index - 1] < value);
  return {
    data: {
      calendar: Intl.supportedValuesOf("calendar"),
      collation: Intl.supportedValuesOf("collation"),
      numberingSystem: Intl.supportedValuesOf("numberingSystem"),
      timeZone: Intl.supportedValuesOf("timeZone"),
      unit: Intl.supportedValuesOf("unit"),
      currency: {
        sorted: sorted(currencies),
        codes: currencies.every((code) => /^[A-Z]{3}$/.test(code)),
        everyday: ["USD", "EUR", "JPY", "GBP", "BRL", "MXN", "INR", "CNY", "CHF", "CAD", "AUD", "XCG", "ZWG"].map((code) => currencies.includes(code)),
      },
      everySorted: ["calendar", "collation", "numberingSystem", "timeZone", "unit"].map((key) => sorted(Intl.supportedValuesOf(key))),
      fresh: Intl.supportedValuesOf("unit") !== Intl.supportedValuesOf("unit"),
      // The values work where a block would use them.
      usable: [
        new Intl.DateTimeFormat("en-US", { timeZone: Intl.supportedValuesOf("timeZone")[0] }).resolvedOptions().timeZone,
        new Intl.NumberFormat("en-US", { style: "unit", unit: Intl.supportedValuesOf("unit").at(-1) }).format(2),
      ],
      surface: [Intl.supportedValuesOf.length, Intl.supportedValuesOf.name, typeof Intl.supportedValuesOf],
      errors: [
        attempt(() => Intl.supportedValuesOf("foo")),
        attempt(() => Intl.supportedValuesOf()),
        attempt(() => Intl.supportedValuesOf("Calendar")),
        attempt(() => Intl.supportedValuesOf(Symbol("calendar"))),
      ],
    },
  };
};
