// Intl.RelativeTimeFormat as Node 20 prints it ("in 3 days", "yesterday"), in the covered locales: every unit
// (singular and plural), each style, numeric "always" and "auto", negative, zero, -0 and fractional values,
// formatToParts with the number's parts and their unit, resolvedOptions, supportedLocalesOf, and the errors a block
// would log (the vendored Boa's seventh patch, COMPAT.md).
module.exports = async () => {
  const attempt = (run) => {
    try {
      return run();
    } catch (error) {
      return `${error.name}: ${error.message}`;
    }
  };
  const locales = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "pt-BR", "ja-JP"];
  const units = ["second", "minute", "hour", "day", "week", "month", "quarter", "year"];
  const values = [-2, -1, -0, 0, 1, 2, 1.5, -3.25, 1234.5, 100000];

  const table = {};
  for (const locale of locales) {
    for (const style of ["long", "short", "narrow"]) {
      for (const numeric of ["always", "auto"]) {
        const format = new Intl.RelativeTimeFormat(locale, { style, numeric });
        table[`${locale} ${style} ${numeric}`] = units.map((unit) => values.map((value) => format.format(value, unit)));
      }
    }
  }

  const english = new Intl.RelativeTimeFormat("en-US");
  const auto = new Intl.RelativeTimeFormat("de-DE", { numeric: "auto" });
  return {
    data: {
      table,
      plurals: ["seconds", "minutes", "hours", "days", "weeks", "months", "quarters", "years"].map((unit) =>
        english.format(-3, unit),
      ),
      // V8 rounds the number half to even (ICU's default), not half away from zero as Intl.NumberFormat does.
      precision: [0.0005, -0.0015, 0.0025, 1.0005, 1.23456, 1e21].map((value) => english.format(value, "day")),
      coerced: [english.format("3", "day"), english.format({ valueOf: () => 2 }, "weeks"), english.format(true, "month")],
      parts: {
        number: english.formatToParts(-1234.5, "day"),
        future: english.formatToParts(100, "second"),
        german: new Intl.RelativeTimeFormat("de-DE").formatToParts(1234.5, "hours"),
        french: new Intl.RelativeTimeFormat("fr-FR").formatToParts(-12345.75, "minute"),
        japanese: new Intl.RelativeTimeFormat("ja-JP", { style: "short" }).formatToParts(3, "month"),
        word: auto.formatToParts(-1, "day"),
        beforeYesterday: auto.formatToParts(-2, "day"),
        autoNumber: auto.formatToParts(5, "day"),
      },
      resolved: [
        english.resolvedOptions(),
        new Intl.RelativeTimeFormat("pt-BR", { style: "narrow", numeric: "auto" }).resolvedOptions(),
        new Intl.RelativeTimeFormat("en", 5).resolvedOptions(),
        new Intl.RelativeTimeFormat(["xx", "ja-JP"]).resolvedOptions(),
        new Intl.RelativeTimeFormat("de-AT", { localeMatcher: "lookup" }).resolvedOptions(),
      ],
      numberingSystems: [
        new Intl.RelativeTimeFormat("en", { numberingSystem: "latn" }).format(12, "day"),
        new Intl.RelativeTimeFormat("en", { numberingSystem: "latn" }).resolvedOptions().numberingSystem,
      ],
      supported: Intl.RelativeTimeFormat.supportedLocalesOf(["en-US", "xx", "ja-JP", "de-DE"]),
      surface: [
        Object.prototype.toString.call(english),
        Intl.RelativeTimeFormat.length,
        Intl.RelativeTimeFormat.prototype.format.length,
        Intl.RelativeTimeFormat.prototype.formatToParts.length,
        typeof Intl.RelativeTimeFormat.supportedLocalesOf,
      ],
      errors: [
        attempt(() => english.format(1, "fortnight")),
        attempt(() => english.format(1)),
        attempt(() => english.format(NaN, "day")),
        attempt(() => english.format(Infinity, "day")),
        attempt(() => english.formatToParts(-Infinity, "day")),
        attempt(() => english.formatToParts(1, "days ")),
        attempt(() => english.format(1n, "day")),
        attempt(() => new Intl.RelativeTimeFormat("en", { style: "tiny" })),
        attempt(() => new Intl.RelativeTimeFormat("en", { numeric: "sometimes" })),
        attempt(() => new Intl.RelativeTimeFormat("en", { localeMatcher: "closest" })),
        attempt(() => new Intl.RelativeTimeFormat("en", { numberingSystem: "!!" })),
        attempt(() => new Intl.RelativeTimeFormat("en", null)),
        attempt(() => Intl.RelativeTimeFormat("en")),
        attempt(() => english.format.call({}, 1, "day")),
        attempt(() => english.format.call(new Intl.NumberFormat(), 1, "day")),
        attempt(() => english.resolvedOptions.call(1)),
        attempt(() => new Intl.RelativeTimeFormat("en-!!")),
      ],
    },
  };
};
