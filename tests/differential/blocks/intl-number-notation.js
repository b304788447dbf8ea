// Intl.NumberFormat's scientific and engineering notations, as Node 20 prints them: the mantissa rounded by the
// digit options (three fraction digits unless told), the exponent after `E`, a carry that moves the exponent, the
// locale's decimal separator, percent and currency styles, signDisplay, BigInt, and formatToParts' exponent parts.
module.exports = async () => {
  const format = (locale, options, value) => new Intl.NumberFormat(locale, options).format(value);
  const scientific = { notation: "scientific" };
  const engineering = { notation: "engineering" };
  return {
    data: {
      scientific: [12345, 0.000123456, 1, 0, -98765.4, 99999, 6.02214076e23, 1e-7].map((n) => format("en-US", scientific, n)),
      engineering: [12345, 0.000123456, 1, 0, -98765.4, 999999.9999, 6.02214076e23, 1e-7].map((n) => format("en-US", engineering, n)),
      locales: ["de-DE", "fr-FR", "es-ES", "pt-BR", "ja-JP", "en-GB"].map((locale) => [
        format(locale, scientific, 1234.5678),
        format(locale, engineering, 0.00098765),
      ]),
      digits: [
        format("en-US", { ...scientific, maximumSignificantDigits: 2 }, 12345),
        format("en-US", { ...scientific, minimumFractionDigits: 4 }, 12),
        format("en-US", { ...engineering, maximumFractionDigits: 0 }, 12345),
        format("en-US", { ...scientific, roundingMode: "floor" }, 19999),
      ],
      styles: [
        format("en-US", { ...scientific, style: "percent" }, 0.5),
        format("en-US", { ...engineering, style: "percent" }, 123.4),
        format("en-US", { ...scientific, signDisplay: "always" }, 1200),
        format("en-US", { ...scientific, signDisplay: "exceptZero" }, 0),
      ],
      bigint: format("en-US", scientific, 12345678901234567890n),
      toLocaleString: (6.02214076e23).toLocaleString("ja-JP", scientific),
      parts: new Intl.NumberFormat("de-DE", scientific).formatToParts(-0.00123456),
      resolved: [new Intl.NumberFormat("en-US", scientific).resolvedOptions().notation,
        new Intl.NumberFormat("en-US", engineering).resolvedOptions().maximumFractionDigits],
    },
  };
};
