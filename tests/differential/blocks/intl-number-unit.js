// Intl.NumberFormat's unit style, as blocks print sizes, speeds, weights, temperatures and durations (the vendored
// Boa's tenth patch, COMPAT.md): every sanctioned unit in every width of the covered locales, CLDR's own X-per-Y
// units and composed ones, plural forms, signs, digit options, notations and formatToParts.
module.exports = async () => {
  const locales = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "pt-BR", "ja-JP"];
  const widths = ["short", "long", "narrow"];
  // ECMA-402's sanctioned units (Node's Intl.supportedValuesOf("unit")).
  const units = [
    "acre", "bit", "byte", "celsius", "centimeter", "day", "degree", "fahrenheit", "fluid-ounce", "foot", "gallon",
    "gigabit", "gigabyte", "gram", "hectare", "hour", "inch", "kilobit", "kilobyte", "kilogram", "kilometer", "liter",
    "megabit", "megabyte", "meter", "microsecond", "mile", "mile-scandinavian", "milliliter", "millimeter",
    "millisecond", "minute", "month", "nanosecond", "ounce", "percent", "petabyte", "pound", "second", "stone",
    "terabit", "terabyte", "week", "yard", "year",
  ];
  const attempt = (format) => {
    try {
      return format();
    } catch (error) {
      return `${error.name}: ${error.message}`;
    }
  };
  const format = (locale, options, value) => attempt(() => new Intl.NumberFormat(locale, options).format(value));
  const parts = (locale, options, value) =>
    attempt(() =>
      new Intl.NumberFormat(locale, options).formatToParts(value).map((part) => `${part.type}:${part.value}`),
    );

  // Each unit once and twelve-and-a-half times: the singular and the plural pattern.
  const everyUnit = {};
  for (const locale of locales) {
    for (const unitDisplay of widths) {
      everyUnit[`${locale} ${unitDisplay}`] = units.map(
        (unit) => `${format(locale, { style: "unit", unit, unitDisplay }, 1)} | ${format(locale, { style: "unit", unit, unitDisplay }, 12.5)}`,
      );
    }
  }

  const compound = {};
  const perUnits = [
    "kilometer-per-hour", // CLDR names it
    "mile-per-hour",
    "meter-per-second",
    "liter-per-kilometer",
    "mile-per-gallon",
    "megabyte-per-second", // second has a per pattern
    "kilobit-per-second",
    "gram-per-megabyte", // megabyte has none in some widths: the locale's compound pattern
    "kilobyte-per-byte",
    "byte-per-percent",
    "celsius-per-minute",
    "liter-per-hectare",
  ];
  for (const locale of locales) {
    for (const unitDisplay of widths) {
      compound[`${locale} ${unitDisplay}`] = perUnits.map((unit) => format(locale, { style: "unit", unit, unitDisplay }, 1) + " | " + format(locale, { style: "unit", unit, unitDisplay }, 3));
    }
  }

  return {
    data: {
      everyUnit,
      compound,
      options: {
        signAlways: format("en-US", { style: "unit", unit: "celsius", signDisplay: "always" }, 21.5),
        negative: format("fr-FR", { style: "unit", unit: "celsius" }, -3),
        negativeLong: format("de-DE", { style: "unit", unit: "fahrenheit", unitDisplay: "long" }, -1),
        trailingZeros: format("en-US", { style: "unit", unit: "kilogram", unitDisplay: "long", minimumFractionDigits: 2 }, 1),
        roundedToOne: format("en-US", { style: "unit", unit: "kilogram", unitDisplay: "long", maximumFractionDigits: 0 }, 1.2),
        grouping: format("fr-FR", { style: "unit", unit: "byte", unitDisplay: "long" }, 1e6),
        compact: format("en-US", { style: "unit", unit: "kilogram", notation: "compact" }, 12345),
        compactLong: format("pt-BR", { style: "unit", unit: "kilogram", unitDisplay: "long", notation: "compact", compactDisplay: "long" }, 1e6),
        scientific: format("en-US", { style: "unit", unit: "kilogram", unitDisplay: "long", notation: "scientific" }, 1000),
        engineering: format("de-DE", { style: "unit", unit: "meter", notation: "engineering" }, 12345),
        significant: format("ja-JP", { style: "unit", unit: "megabyte", maximumSignificantDigits: 2 }, 1234.5),
        otherRegion: format("de-AT", { style: "unit", unit: "hour", unitDisplay: "long" }, 2),
        bigint: attempt(() => (12345678901234567890n).toLocaleString("en-US", { style: "unit", unit: "byte" })),
        toLocaleString: (1536).toLocaleString("de-DE", { style: "unit", unit: "kilobyte", unitDisplay: "long" }),
        resolved: attempt(() => {
          const { style, unit, unitDisplay } = new Intl.NumberFormat("en-US", { style: "unit", unit: "mile-per-hour", unitDisplay: "narrow" }).resolvedOptions();
          return { style, unit, unitDisplay };
        }),
      },
      parts: {
        speed: parts("en-US", { style: "unit", unit: "kilometer-per-hour" }, 50.5),
        speedLong: parts("de-DE", { style: "unit", unit: "kilometer-per-hour", unitDisplay: "long" }, 50.5),
        temperature: parts("fr-FR", { style: "unit", unit: "celsius" }, -3),
        bytesJapanese: parts("ja-JP", { style: "unit", unit: "megabyte", unitDisplay: "long" }, 1234),
        perSecond: parts("en-US", { style: "unit", unit: "megabyte-per-second", unitDisplay: "long" }, 1),
        narrowPer: parts("de-DE", { style: "unit", unit: "liter-per-kilometer", unitDisplay: "narrow" }, 3),
        percent: parts("en-US", { style: "unit", unit: "percent" }, 3),
        percentLong: parts("en-US", { style: "unit", unit: "percent", unitDisplay: "long" }, 3),
        composed: parts("es-ES", { style: "unit", unit: "gigabyte-per-hour", unitDisplay: "long" }, 3),
        compact: parts("fr-FR", { style: "unit", unit: "kilogram", unitDisplay: "long", notation: "compact" }, 1e6),
        signed: parts("en-US", { style: "unit", unit: "kilogram", signDisplay: "always" }, 12),
      },
      errors: {
        notSanctioned: format("en-US", { style: "unit", unit: "furlong" }, 1),
        missing: format("en-US", { style: "unit" }, 1),
        twoPers: format("en-US", { style: "unit", unit: "meter-per-second-per-second" }, 1),
      },
    },
  };
};
