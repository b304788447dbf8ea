// Currency and percent styles, the commonest money formatting in blocks (the vendored Boa's NumberFormat patch, COMPAT.md).
module.exports = async () => {
  const attempt = (format) => {
    try {
      return format();
    } catch (error) {
      return `${error.name}: ${error.message}`;
    }
  };
  return {
    data: {
      usd: attempt(() => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(1234567.891)),
      eur: attempt(() => new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" }).format(1234.5)),
      percent: attempt(() => new Intl.NumberFormat("en-US", { style: "percent" }).format(0.256)),
      // CLDR 48's symbols, Node's (ICU4X's older data had JP¥ in French and Spanish, £ and R$ in Spanish).
      symbols: ["fr-FR", "es-ES", "de-DE", "pt-BR", "ja-JP"].map((locale) =>
        ["JPY", "GBP", "CNY", "BRL", "PHP", "TWD", "CAD"].map((currency) =>
          attempt(() => new Intl.NumberFormat(locale, { style: "currency", currency }).format(1234.5)),
        ),
      ),
      narrowSymbols: ["fr-FR", "es-ES", "en-GB"].map((locale) =>
        ["JPY", "GBP", "CAD", "USD"].map((currency) =>
          attempt(() => new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "narrowSymbol" }).format(-7)),
        ),
      ),
    },
  };
};
