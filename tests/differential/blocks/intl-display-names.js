// Intl.DisplayNames as Node 20 gives it, in the covered locales: the regions, languages, currencies and scripts a
// block realistically names (a country picker, a "preferred language" column, a currency label), calendars and
// date-time fields (a report's column headers: "year", "day of the week", "time zone"), each style, both
// fallbacks, languageDisplay, resolvedOptions, supportedLocalesOf, and the errors a block would log (the vendored
// Boa's seventh patch, COMPAT.md).
module.exports = async () => {
  const attempt = (run) => {
    try {
      return run();
    } catch (error) {
      return `${error.name}: ${error.message}`;
    }
  };
  const locales = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "pt-BR", "ja-JP"];
  const regions = ["US", "DE", "JP", "BR", "GB", "FR", "ES", "MX", "CA", "IN", "CN", "419", "150", "001", "EU", "ZZ"];
  const languages = ["en", "en-US", "en-GB", "de", "de-AT", "fr", "fr-CA", "es", "es-419", "es-MX", "pt", "pt-BR", "pt-PT", "ja", "zh", "zh-Hans", "zh-Hant", "ko", "it", "nl", "ru", "ar", "hi"];
  const currencies = ["USD", "EUR", "JPY", "BRL", "GBP", "CAD", "MXN", "CHF", "CNY", "INR", "eur"];
  const scripts = ["Latn", "Jpan", "Cyrl", "Arab", "Hans", "Hant", "Kana", "Hira"];
  const calendars = ["gregory", "japanese", "buddhist", "chinese", "coptic", "dangi", "ethioaa", "ethiopic", "hebrew", "indian", "islamic", "islamic-civil", "islamic-rgsa", "islamic-tbla", "islamic-umalqura", "iso8601", "persian", "roc"];
  const fields = ["era", "year", "quarter", "month", "weekOfYear", "weekday", "day", "dayPeriod", "hour", "minute", "second", "timeZoneName"];

  const names = {};
  for (const locale of locales) {
    const of = (type, codes, options = {}) => {
      const display = new Intl.DisplayNames(locale, { type, ...options });
      return codes.map((code) => display.of(code));
    };
    names[locale] = {
      regions: of("region", regions),
      // Short names that are the code itself (English "US", "UN") as well as the others.
      regionsShort: of("region", ["GB", "DE", "JP", "HK", "US", "UN", "MO", "PS", "BA"], { style: "short" }),
      regionsNarrow: of("region", ["GB", "PS", "US", "UN"], { style: "narrow" }),
      languages: of("language", languages),
      languagesStandard: of("language", ["en-US", "en-GB", "pt-BR", "es-419", "fr-CA", "de-AT"], { languageDisplay: "standard" }),
      // Qualifiers joined by the language's separator (Japanese "、").
      languagesQualified: of("language", ["sr-Latn-RS", "zh-Hant-TW", "en-Latn-US", "pt-BR"], { languageDisplay: "standard" }),
      currencies: of("currency", currencies),
      currenciesShort: of("currency", ["USD", "EUR"], { style: "short" }),
      scripts: of("script", scripts),
      calendars: ["long", "short", "narrow"].map((style) => of("calendar", calendars, { style })),
      fields: ["long", "short", "narrow"].map((style) => of("dateTimeField", fields, { style })),
    };
  }

  const english = new Intl.DisplayNames("en-US", { type: "region" });
  return {
    data: {
      names,
      fallback: {
        code: [english.of("AA"), new Intl.DisplayNames("en", { type: "currency" }).of("XYZ"), new Intl.DisplayNames("en", { type: "language" }).of("xx")],
        none: [
          new Intl.DisplayNames("en", { type: "region", fallback: "none" }).of("AA"),
          new Intl.DisplayNames("en", { type: "currency", fallback: "none" }).of("XYZ"),
          new Intl.DisplayNames("en", { type: "language", fallback: "none" }).of("xx"),
          new Intl.DisplayNames("en", { type: "script", fallback: "none" }).of("Zzzz"),
        ],
        canonicalized: [new Intl.DisplayNames("en", { type: "language" }).of("EN-us"), new Intl.DisplayNames("en", { type: "currency" }).of("usd")],
        // A calendar is looked up as written: an unknown or upper-case one falls back to the code.
        calendars: ["foo", "GREGORY", "Japanese", "a1b2", "islamicc"].flatMap((code) => [
          new Intl.DisplayNames("en", { type: "calendar" }).of(code),
          new Intl.DisplayNames("en", { type: "calendar", fallback: "none" }).of(code),
        ]),
      },
      resolved: [
        new Intl.DisplayNames("de", { type: "language" }).resolvedOptions(),
        new Intl.DisplayNames("en-US", { type: "region", style: "short", fallback: "none" }).resolvedOptions(),
        new Intl.DisplayNames("ja-JP", { type: "language", languageDisplay: "standard" }).resolvedOptions(),
        new Intl.DisplayNames(["xx", "pt-BR"], { type: "currency" }).resolvedOptions(),
        new Intl.DisplayNames("es-MX", { type: "script", localeMatcher: "lookup" }).resolvedOptions(),
        new Intl.DisplayNames("fr", { type: "calendar" }).resolvedOptions(),
        new Intl.DisplayNames("en-GB", { type: "dateTimeField", style: "narrow" }).resolvedOptions(),
      ],
      supported: Intl.DisplayNames.supportedLocalesOf(["de-DE", "xx", "ja-JP", "fr"]),
      surface: [Object.prototype.toString.call(english), Intl.DisplayNames.length, Intl.DisplayNames.prototype.of.length],
      errors: [
        attempt(() => new Intl.DisplayNames("en")),
        attempt(() => new Intl.DisplayNames("en", {})),
        attempt(() => new Intl.DisplayNames("en", { type: "country" })),
        attempt(() => new Intl.DisplayNames("en", { type: "region", style: "tiny" })),
        attempt(() => new Intl.DisplayNames("en", { type: "region", fallback: "empty" })),
        attempt(() => new Intl.DisplayNames("en", { type: "language", languageDisplay: "plain" })),
        attempt(() => Intl.DisplayNames("en", { type: "region" })),
        attempt(() => english.of("USA")),
        attempt(() => english.of("U1")),
        attempt(() => english.of()),
        attempt(() => new Intl.DisplayNames("en", { type: "language" }).of("en_US")),
        attempt(() => new Intl.DisplayNames("en", { type: "currency" }).of("US")),
        attempt(() => new Intl.DisplayNames("en", { type: "script" }).of("Lat")),
        attempt(() => english.of.call({}, "US")),
        ...["gregorian", "ab", "gregory-x", "islamic_civil", "", "-roc", "gre.gory"].map((code) =>
          attempt(() => new Intl.DisplayNames("en", { type: "calendar" }).of(code)),
        ),
        ...["week", "Year", "timezonename", "", "weekOfMonth"].map((code) =>
          attempt(() => new Intl.DisplayNames("en", { type: "dateTimeField" }).of(code)),
        ),
      ],
    },
  };
};
