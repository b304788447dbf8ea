// Intl.DateTimeFormat's option families across the locales integration code formats for, as Node 20 prints them:
// component widths (numeric, 2-digit, narrow, short, long), hour12/hourCycle, fractional seconds, the four
// timeZoneName forms, dateStyle/timeStyle, and what resolvedOptions() reads back.
module.exports = async () => {
  const instant = new Date(Date.UTC(2024, 0, 15, 15, 5, 9, 123));
  const locales = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "pt-BR", "ja-JP"];
  const families = {
    default: {},
    numeric: { year: "numeric", month: "numeric", day: "numeric" },
    twoDigit: { year: "2-digit", month: "2-digit", day: "2-digit" },
    monthShort: { year: "numeric", month: "short", day: "numeric" },
    weekdayLong: { weekday: "long", year: "numeric", month: "long", day: "numeric" },
    monthNarrow: { month: "narrow" },
    weekdayShort: { weekday: "short", month: "numeric", day: "numeric" },
    weekdayNarrow: { weekday: "narrow" },
    monthDay: { month: "long", day: "numeric" },
    yearMonth: { year: "numeric", month: "long" },
    hourMinute: { hour: "numeric", minute: "2-digit" },
    twoDigitTime: { hour: "2-digit", minute: "2-digit", second: "2-digit" },
    hour12: { hour: "numeric", minute: "2-digit", hour12: true },
    hour23: { hour: "numeric", minute: "2-digit", hour12: false },
    hourCycle: { hour: "numeric", minute: "2-digit", hourCycle: "h23" },
    fractional: { hour: "numeric", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3 },
    zoneShort: { hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone: "America/New_York" },
    zoneLong: { hour: "numeric", minute: "2-digit", timeZoneName: "long", timeZone: "Europe/Berlin" },
    zoneShortOffset: { hour: "numeric", minute: "2-digit", timeZoneName: "shortOffset", timeZone: "Asia/Kolkata" },
    zoneLongOffset: { hour: "numeric", minute: "2-digit", timeZoneName: "longOffset", timeZone: "America/Sao_Paulo" },
    styleFull: { dateStyle: "full", timeStyle: "full", timeZone: "Europe/Paris" },
    styleLong: { dateStyle: "long", timeStyle: "long" },
    styleMedium: { dateStyle: "medium", timeStyle: "medium" },
    styleShort: { dateStyle: "short", timeStyle: "short" },
    dateStyleOnly: { dateStyle: "medium" },
    timeStyleOnly: { timeStyle: "short" },
    everything: { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false },
  };
  const formatted = {};
  for (const [family, options] of Object.entries(families)) {
    formatted[family] = {};
    for (const locale of locales) {
      formatted[family][locale] = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options }).format(instant);
    }
  }
  const midnight = new Date(Date.UTC(2024, 0, 15, 0, 5, 3));
  const earlyHours = {};
  for (const locale of locales) {
    earlyHours[locale] = [
      new Intl.DateTimeFormat(locale, { timeZone: "UTC", hour: "numeric", minute: "2-digit" }).format(midnight),
      new Intl.DateTimeFormat(locale, { timeZone: "UTC", hour: "numeric", minute: "2-digit", hour12: false }).format(midnight),
      new Intl.DateTimeFormat(locale, { timeZone: "UTC", hour: "numeric", minute: "2-digit", hour12: true }).format(midnight),
      midnight.toLocaleTimeString(locale, { timeZone: "UTC" }),
    ];
  }
  const summer = new Date(Date.UTC(2024, 6, 4, 12, 0, 0));
  const resolved = (locale, options) => new Intl.DateTimeFormat(locale, options).resolvedOptions();
  return {
    data: {
      formatted,
      earlyHours,
      summerTime: new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", timeZoneName: "short", hour: "numeric" }).format(summer),
      localeStrings: {
        full: instant.toLocaleString("en-US", { timeZone: "America/Los_Angeles" }),
        date: instant.toLocaleDateString("de-DE", { weekday: "long", day: "numeric", month: "long", timeZone: "Europe/Berlin" }),
        time: instant.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Tokyo" }),
        defaults: [instant.toLocaleString("en-US", { timeZone: "UTC" }), instant.toLocaleDateString("fr-FR", { timeZone: "UTC" }), instant.toLocaleTimeString("ja-JP", { timeZone: "UTC" })],
      },
      resolvedOptions: {
        plain: resolved("en-US", { timeZone: "UTC" }),
        components: resolved("de-DE", { hour: "2-digit", minute: "numeric", timeZone: "Europe/Berlin", timeZoneName: "short" }),
        hour12: resolved("en-US", { hour: "numeric", hour12: true, timeZone: "America/New_York" }),
        hour23: resolved("fr-FR", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Europe/Paris" }),
        styles: resolved("ja-JP", { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Tokyo" }),
        zoneAliases: ["US/Eastern", "america/new_york", "Etc/UTC", "GMT", "Europe/London"].map((zone) => resolved("en-US", { timeZone: zone }).timeZone),
      },
    },
  };
};
