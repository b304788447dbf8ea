// The `lookup` locale matcher as V8 resolves it: a language's locale in its default region is available where
// ICU lists it so (`ja-JP`, `de-DE` for the formatters), another region falls back to its language (`de-XX`,
// `fr-CA`), and collation and plural rules, whose ICU data is by language, resolve `ja-JP` to `ja`.
module.exports = async () => {
  const requested = [["ja-JP"], ["de-DE"], ["en-US"], ["en-GB"], ["pt-BR"], ["pt-PT"], ["fr-CA"], ["es-MX"], ["de-AT"], ["xx", "ja-JP"], ["en-ZZ"], ["de-XX"], ["es-419"], ["ko-KR"]];
  const lookup = (Service, locales, options = {}) => new Service(locales, { localeMatcher: "lookup", ...options }).resolvedOptions().locale;
  const formatters = {
    DateTimeFormat: Intl.DateTimeFormat,
    NumberFormat: Intl.NumberFormat,
    RelativeTimeFormat: Intl.RelativeTimeFormat,
    ListFormat: Intl.ListFormat,
  };
  const resolved = {};
  for (const [name, Service] of Object.entries(formatters)) resolved[name] = requested.map((locales) => lookup(Service, locales));
  // Without zh-CN (Node's collation keeps it) and en-US (Node's plural rules drop it) – see COMPAT.md.
  resolved.Collator = requested.map((locales) => lookup(Intl.Collator, locales));
  resolved.PluralRules = requested.filter(([first]) => first !== "en-US").map((locales) => lookup(Intl.PluralRules, locales));
  resolved.DisplayNames = requested.map((locales) => lookup(Intl.DisplayNames, locales, { type: "region" }));
  return {
    data: {
      resolved,
      supported: Object.values(formatters).map((Service) => Service.supportedLocalesOf(["ja-JP", "de-XX", "en-ZZ", "fr-CA", "pt-BR"], { localeMatcher: "lookup" })),
      bestFit: ["ja-JP", "de-XX", "fr-CA"].map((locale) => new Intl.DateTimeFormat(locale).resolvedOptions().locale),
    },
  };
};
