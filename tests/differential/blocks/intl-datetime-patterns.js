// Intl.DateTimeFormat's pattern for every option set, as V8 asks ICU's pattern generator for it: the CLDR
// available format closest to the requested fields, each field at the requested width (German `15.1.2024`,
// Spanish `0:05:03`), missing fields appended (a date with a lone zone name: `1/15/2024, EST`), date and time
// joined by the date's glue (`January 15, 2024 at 3:05 PM`, `15 de enero de 2024 a las 15:05`), minutes and
// seconds alone, fractional seconds after the locale's separator, every hour cycle (h24 included), flexible day
// periods (`in the afternoon`, `noon`), zone names, and what formatToParts and resolvedOptions() read from that pattern, in
// the seven covered locales.
module.exports = async () => {
  const locales = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "pt-BR", "ja-JP"];
  const optionSets = [
    {}, { year: "numeric" }, { month: "long" }, { month: "short" }, { day: "numeric" }, { weekday: "long" },
    { year: "numeric", month: "numeric" }, { year: "numeric", month: "short" }, { year: "numeric", month: "long" },
    { month: "numeric", day: "numeric" }, { month: "short", day: "numeric" }, { month: "long", day: "numeric" },
    { year: "numeric", month: "numeric", day: "numeric" }, { year: "2-digit", month: "2-digit", day: "2-digit" },
    { year: "numeric", month: "short", day: "numeric" }, { year: "numeric", month: "long", day: "numeric" },
    { weekday: "short", year: "numeric", month: "short", day: "numeric" },
    { weekday: "long", year: "numeric", month: "long", day: "numeric" },
    { weekday: "short", month: "numeric", day: "numeric" }, { weekday: "long", day: "numeric" },
    { weekday: "short", hour: "numeric", minute: "numeric" },
    { hour: "numeric" }, { hour: "2-digit" }, { hour: "numeric", minute: "numeric" }, { hour: "2-digit", minute: "2-digit" },
    { hour: "numeric", minute: "2-digit", second: "2-digit" }, { minute: "numeric", second: "numeric" }, { minute: "2-digit" },
    { hour: "numeric", hour12: true }, { hour: "numeric", minute: "numeric", hour12: false },
    { hour: "numeric", minute: "numeric", hourCycle: "h11" }, { hour: "numeric", minute: "numeric", hourCycle: "h12" },
    { hour: "numeric", minute: "numeric", hourCycle: "h23" }, { hour: "2-digit", minute: "numeric", hourCycle: "h24" },
    { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" },
    { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "numeric" },
    { year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" },
    { weekday: "long", year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "numeric" },
    { month: "short", day: "numeric", hour: "numeric", minute: "numeric" },
    { hour: "numeric", minute: "numeric", timeZoneName: "short" }, { timeZoneName: "short" }, { timeZoneName: "long" },
    { year: "numeric", month: "short", day: "numeric", timeZoneName: "shortOffset" },
    { hour: "numeric", timeZoneName: "longOffset" },
    { hour: "numeric", minute: "numeric", second: "numeric", fractionalSecondDigits: 3 },
    { minute: "numeric", second: "numeric", fractionalSecondDigits: 2 },
    { era: "short", year: "numeric" }, { era: "long", year: "numeric", month: "long", day: "numeric" },
    { dateStyle: "full" }, { dateStyle: "long" }, { dateStyle: "medium" }, { dateStyle: "short" },
    { timeStyle: "full" }, { timeStyle: "long" }, { timeStyle: "medium" }, { timeStyle: "short" },
    { dateStyle: "full", timeStyle: "full" }, { dateStyle: "long", timeStyle: "short" },
    { dateStyle: "medium", timeStyle: "medium" }, { dateStyle: "short", timeStyle: "short" },
    { dateStyle: "short", timeStyle: "short", hour12: true }, { timeStyle: "medium", hour12: false },
    { timeStyle: "short", hourCycle: "h24" }, { dateStyle: "medium", timeStyle: "long", hourCycle: "h11" },
  ];
  // Mid-afternoon in winter, and 00:45 in summer (the midnight hour of each cycle, and summer time's zone names).
  const dates = [new Date(Date.UTC(2024, 0, 15, 20, 5, 9, 123)), new Date(Date.UTC(2024, 6, 4, 4, 45, 3, 7))];
  const patterns = {};
  for (const locale of locales) {
    for (const options of optionSets) {
      const format = new Intl.DateTimeFormat(locale, { timeZone: "America/New_York", ...options });
      const { locale: _, timeZone, ...resolved } = format.resolvedOptions();
      patterns[`${locale} ${JSON.stringify(options)}`] = {
        formatted: dates.map((date) => format.format(date)),
        parts: format.formatToParts(dates[0]),
        resolved,
      };
    }
  }
  // Flexible day periods through the day: each language's periods, noon where it names it (and where the
  // minutes are not shown), midnight in its hour's period; 24-hour locales drop them unless hour12 asks.
  const dayPeriods = {};
  const times = [[0, 0], [0, 30], [3, 0], [6, 0], [9, 15], [12, 0], [12, 1], [12, 30], [13, 0], [16, 0], [17, 59], [18, 0], [19, 0], [20, 0], [21, 0], [23, 0]];
  for (const locale of locales) {
    for (const dayPeriod of ["narrow", "short", "long"]) {
      for (const options of [{ hour: "numeric" }, { hour: "numeric", minute: "numeric" }, {}, { hour: "numeric", hour12: true }]) {
        const format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", dayPeriod, ...options });
        dayPeriods[`${locale} ${dayPeriod} ${JSON.stringify(options)}`] = {
          formatted: times.map(([hour, minute]) => format.format(new Date(Date.UTC(2024, 0, 15, hour, minute)))),
          parts: format.formatToParts(new Date(Date.UTC(2024, 0, 15, 12, 0))),
          resolved: format.resolvedOptions(),
        };
      }
    }
  }
  // Zone names, those CLDR gives by the zone's location included (`Japan Standard Time`, `Brasilia Standard
  // Time`), in winter and in summer.
  const zoneNames = {};
  const zones = ["Asia/Tokyo", "Europe/Madrid", "America/New_York", "UTC", "Europe/London", "America/Sao_Paulo", "Australia/Sydney", "Asia/Kolkata"];
  for (const locale of locales) {
    for (const timeZone of zones) {
      zoneNames[`${locale} ${timeZone}`] = ["long", "short", "shortOffset", "longOffset"].map((timeZoneName) =>
        dates.map((date) => new Intl.DateTimeFormat(locale, { timeZone, hour: "numeric", timeZoneName }).format(date)),
      );
    }
  }
  const midnight = new Date(Date.UTC(2024, 0, 15, 0, 5, 3));
  return {
    data: {
      patterns,
      dayPeriods,
      zoneNames,
      localeStrings: locales.map((locale) => [
        midnight.toLocaleString(locale, { timeZone: "UTC" }),
        midnight.toLocaleDateString(locale, { timeZone: "UTC" }),
        midnight.toLocaleTimeString(locale, { timeZone: "UTC" }),
        midnight.toLocaleTimeString(locale, { timeZone: "UTC", hour12: false }),
      ]),
      // A region's own hour cycle and the language's patterns: English in India and Australia counts 1-12,
      // Spanish in Mexico too; `-u-hc` in the locale sets the cycle.
      regions: ["en-IN", "en-AU", "es-MX", "pt-PT", "de-AT", "en-US-u-hc-h23", "de-DE-u-hc-h12"].map((locale) =>
        new Intl.DateTimeFormat(locale, { timeZone: "UTC", hour: "numeric", minute: "numeric" }).format(midnight),
      ),
    },
  };
};
