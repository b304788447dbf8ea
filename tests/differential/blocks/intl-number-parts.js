// Intl.NumberFormat.prototype.formatToParts: the parts integration code reads (a currency symbol apart from the
// amount, the locale's separators, the sign) across styles and locales.
module.exports = async () => {
  const parts = (locale, options, value) =>
    new Intl.NumberFormat(locale, options).formatToParts(value).map(({ type, value }) => `${type}:${value}`);
  return {
    data: {
      usd: parts("en-US", { style: "currency", currency: "USD" }, -1234567.891),
      euroGerman: parts("de-DE", { style: "currency", currency: "EUR" }, 1234.5),
      euroFrench: parts("fr-FR", { style: "currency", currency: "EUR" }, -1234.5),
      realBrazil: parts("pt-BR", { style: "currency", currency: "BRL" }, 99.9),
      yenJapan: parts("ja-JP", { style: "currency", currency: "JPY" }, 5000),
      codeSpain: parts("es-ES", { style: "currency", currency: "USD", currencyDisplay: "code" }, 12),
      accounting: parts("en-GB", { style: "currency", currency: "GBP", currencySign: "accounting" }, -7.25),
      names: parts("en-US", { style: "currency", currency: "USD", currencyDisplay: "name" }, 3),
      percentFrench: parts("fr-FR", { style: "percent", maximumFractionDigits: 1 }, -0.1234),
      decimalSpain: parts("es-ES", { signDisplay: "always" }, 12345.678),
      grouping: parts("en-US", {}, 1234567),
      compactEnglish: parts("en-US", { notation: "compact", compactDisplay: "long" }, 1234567),
      bigint: parts("de-DE", {}, 12345678901234567890n),
    },
  };
};
