// Money, percentages and relative times in the languages integrations most often format for, beyond the seven
// covered locales (crates/engine/build/experimental_data.rs, `Coverage::Formats`; the symbols from CLDR 48's table):
// each language and the regions that place a symbol or name a currency their own way.
module.exports = async () => {
  const locales = [
    "en-US", "en-GB", "en-AU", "en-CA", "en-IN", "en-IE", "en-NZ", "en-SG", "de-DE", "de-CH", "fr-FR", "fr-CA",
    "fr-BE", "es-ES", "es-MX", "es-AR", "es-CO", "es-US", "pt-BR", "pt-PT", "ja-JP", "it-IT", "it-CH", "nl-NL",
    "nl-BE", "sv-SE", "da-DK", "nb-NO", "no", "fi-FI", "pl-PL", "cs-CZ", "ru-RU", "uk-UA", "el-GR", "hu-HU",
    "ro-RO", "zh-CN", "zh-TW", "zh-HK", "ko-KR", "he-IL", "hi-IN", "th-TH", "id-ID", "vi-VN",
  ];
  const currencies = ["USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "INR", "CNY", "BRL", "MXN", "SEK", "PLN"];
  const money = (locale, currency, options = {}) =>
    new Intl.NumberFormat(locale, { style: "currency", currency, ...options }).format(-1234.5);
  const data = {};
  for (const locale of locales) {
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    data[locale] = {
      symbol: currencies.map((currency) => money(locale, currency)),
      narrow: currencies.map((currency) => money(locale, currency, { currencyDisplay: "narrowSymbol" })),
      code: money(locale, "EUR", { currencyDisplay: "code" }),
      accounting: locale.startsWith("tr") ? null : money(locale, "USD", { currencySign: "accounting" }),
      parts: new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).formatToParts(1234.5),
      percent: new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(-0.1234),
      yesterday: relative.format(-1, "day"),
      nextWeek: relative.format(1, "week"),
      hours: new Intl.RelativeTimeFormat(locale).format(3, "hour"),
      shortMonths: new Intl.RelativeTimeFormat(locale, { style: "short" }).format(-2, "month"),
      relativeParts: relative.formatToParts(-5, "minute"),
      toLocaleString: (1234.5).toLocaleString(locale, { style: "currency", currency: "EUR" }),
    };
  }
  return { data };
};
