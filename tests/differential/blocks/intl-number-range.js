// Intl.NumberFormat's formatRange and formatRangeToParts, as blocks print price bands, quantities and tolerances (the
// vendored Boa's twelfth patch, COMPAT.md): each covered locale in every style, shared currency and unit words
// written once, signs, compact and scientific notation, plural forms of a range, equal values printed as
// approximately one, the parts' sources, and V8's errors.
module.exports = async () => {
  const locales = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "pt-BR", "ja-JP"];
  const styles = {
    decimal: {},
    currency: { style: "currency", currency: "EUR" },
    dollars: { style: "currency", currency: "USD" },
    yen: { style: "currency", currency: "JPY" },
    code: { style: "currency", currency: "USD", currencyDisplay: "code" },
    name: { style: "currency", currency: "USD", currencyDisplay: "name" },
    percent: { style: "percent" },
    unitShort: { style: "unit", unit: "kilometer" },
    unitLong: { style: "unit", unit: "kilogram", unitDisplay: "long" },
    unitNarrow: { style: "unit", unit: "celsius", unitDisplay: "narrow" },
    perUnit: { style: "unit", unit: "megabyte-per-second", unitDisplay: "long" },
    compact: { notation: "compact" },
    compactLong: { notation: "compact", compactDisplay: "long" },
    scientific: { notation: "scientific" },
    signAlways: { signDisplay: "always" },
    fractions: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  };
  const pairs = [
    [3, 5],
    [-5, -3],
    [-3, 5],
    [0, 1],
    [1, 1.5],
    [3, 3],
    [2.996, 3.004],
    [1000, 5000000],
    [0.25, 0.5],
    [5, 3],
  ];
  const attempt = (run) => {
    try {
      return run();
    } catch (error) {
      return `${error.name}: ${error.message}`;
    }
  };
  const ranges = {};
  for (const locale of locales) {
    for (const [name, options] of Object.entries(styles)) {
      const format = new Intl.NumberFormat(locale, options);
      ranges[`${locale} ${name}`] = pairs.map(([x, y]) => attempt(() => format.formatRange(x, y)));
    }
  }
  const parts = (locale, options, x, y) =>
    attempt(() =>
      new Intl.NumberFormat(locale, options).formatRangeToParts(x, y).map((part) => `${part.type}:${part.value}:${part.source}`),
    );
  const plain = new Intl.NumberFormat("en-US");
  return {
    data: {
      ranges,
      parts: {
        dollars: parts("en-US", styles.dollars, 3, 5),
        negativeDollars: parts("en-US", styles.dollars, -5, -3),
        euros: parts("de-DE", styles.currency, 3, 5),
        kilograms: parts("fr-FR", styles.unitLong, 1, 2.5),
        approximately: parts("en-US", styles.dollars, 3, 3),
        approximatelyNegative: parts("ja-JP", styles.yen, -3, -3),
        compact: parts("en-US", styles.compact, 1000, 5000000),
        scientific: parts("en-US", styles.scientific, 1000, 5000),
      },
      values: {
        bigints: plain.formatRange(1n, 30000000000000000000n),
        strings: plain.formatRange("1.5", "1e3"),
        mixed: plain.formatRange(2, 3n),
      },
      errors: {
        noEnd: attempt(() => plain.formatRange(1)),
        noStart: attempt(() => plain.formatRange(undefined, 1)),
        startNaN: attempt(() => plain.formatRange(NaN, 1)),
        endNaN: attempt(() => plain.formatRange(1, NaN)),
        receiver: attempt(() => Intl.NumberFormat.prototype.formatRange.call({}, 1, 2)),
        partsReceiver: attempt(() => Intl.NumberFormat.prototype.formatRangeToParts.call(1, 1, 2)),
        length: [Intl.NumberFormat.prototype.formatRange.length, Intl.NumberFormat.prototype.formatRangeToParts.length],
      },
    },
  };
};
