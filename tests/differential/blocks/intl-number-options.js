// Intl.NumberFormat's options as integration code uses them (money, percentages, compact counts, signs,
// digits, rounding), and Number.prototype.toLocaleString with the same options, in the locales COMPAT.md covers.
module.exports = async () => {
  const locales = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "pt-BR", "ja-JP"];
  const attempt = (format) => {
    try {
      return format();
    } catch (error) {
      return `${error.name}: ${error.message}`;
    }
  };
  const cases = {
    currencySymbol: [{ style: "currency", currency: "EUR" }, [1234567.891, -0.5, 0]],
    currencyUsd: [{ style: "currency", currency: "USD" }, [1234.5, -42]],
    currencyYen: [{ style: "currency", currency: "JPY" }, [1234.5]],
    currencyCode: [{ style: "currency", currency: "BRL", currencyDisplay: "code" }, [1234.5, -3]],
    currencyNarrow: [{ style: "currency", currency: "USD", currencyDisplay: "narrowSymbol" }, [99.99]],
    currencyName: [{ style: "currency", currency: "EUR", currencyDisplay: "name" }, [1, 2.5, 1000]],
    accounting: [{ style: "currency", currency: "USD", currencySign: "accounting" }, [-1234.5, 1234.5]],
    percent: [{ style: "percent" }, [0.256, -0.5, 1.5]],
    percentDigits: [{ style: "percent", maximumFractionDigits: 2 }, [0.12345]],
    compactShort: [{ notation: "compact" }, [1234, 1500000, 987654321, 999]],
    compactLong: [{ notation: "compact", compactDisplay: "long" }, [1234, 2500000]],
    signAlways: [{ signDisplay: "always" }, [5, -5, 0]],
    signExceptZero: [{ signDisplay: "exceptZero" }, [5, -5, 0]],
    signNever: [{ signDisplay: "never" }, [-5]],
    signNegative: [{ signDisplay: "negative" }, [-5, -0]],
    integerDigits: [{ minimumIntegerDigits: 3 }, [7, 1234.5]],
    fractionDigits: [{ minimumFractionDigits: 2, maximumFractionDigits: 4 }, [1, 3.14159265]],
    significantDigits: [{ maximumSignificantDigits: 3 }, [123456, 0.0012345]],
    minSignificant: [{ minimumSignificantDigits: 5 }, [1.5]],
    roundingCeil: [{ maximumFractionDigits: 0, roundingMode: "ceil" }, [1.2, -1.8]],
    roundingFloor: [{ maximumFractionDigits: 1, roundingMode: "floor" }, [1.29, -1.21]],
    roundingTrunc: [{ maximumFractionDigits: 0, roundingMode: "trunc" }, [2.7, -2.7]],
    roundingHalfEven: [{ maximumFractionDigits: 0, roundingMode: "halfEven" }, [2.5, 3.5]],
    roundingExpand: [{ maximumFractionDigits: 0, roundingMode: "expand" }, [2.1, -2.1]],
    noGrouping: [{ useGrouping: false }, [1234567.5]],
  };
  const data = {};
  for (const locale of locales) {
    const byCase = {};
    for (const [name, [options, values]] of Object.entries(cases)) {
      byCase[name] = attempt(() => {
        const format = new Intl.NumberFormat(locale, options);
        return values.map((value) => format.format(value));
      });
    }
    byCase.toLocaleString = attempt(() => [
      (1234.5).toLocaleString(locale),
      (1234.5).toLocaleString(locale, { style: "currency", currency: "EUR" }),
      (0.075).toLocaleString(locale, { style: "percent", minimumFractionDigits: 1 }),
      (1234.5678).toLocaleString(locale, { maximumFractionDigits: 2 }),
    ]);
    byCase.resolvedOptions = attempt(
      () => new Intl.NumberFormat(locale, { style: "currency", currency: "JPY", roundingMode: "floor" }).resolvedOptions(),
    );
    data[locale] = byCase;
  }
  return { data };
};
