// Intl.DateTimeFormat.prototype.formatToParts, which date libraries use to read a wall-clock time in a zone.
module.exports = async () => {
  const instant = new Date(Date.UTC(2024, 2, 10, 6, 59, 59, 45));
  const parts = (locale, options) => new Intl.DateTimeFormat(locale, options).formatToParts(instant);
  return {
    data: {
      // What luxon and date-fns-tz ask for to find a zone's offset.
      libraryProbe: parts("en-US", {
        hour12: false, timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit",
        hour: "2-digit", minute: "2-digit", second: "2-digit", era: "short",
      }),
      zoneName: parts("en-US", { timeZone: "America/Chicago", timeZoneName: "short", hour: "numeric", minute: "2-digit" }),
      longOffset: parts("en-US", { timeZone: "Australia/Sydney", timeZoneName: "longOffset", hour: "numeric" }),
      fractional: parts("de-DE", { timeZone: "UTC", hour: "numeric", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 2 }),
      dateStyle: parts("fr-FR", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Paris" }),
      japanese: parts("ja-JP", { year: "numeric", month: "long", day: "numeric", weekday: "long", timeZone: "Asia/Tokyo" }),
      // V8 prints a plain space before AM/PM in format() but keeps CLDR's U+202F in the parts.
      joinedEqualsFormat: ["en-US", "pt-BR", "es-ES"].map((locale) => {
        const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
        return format.formatToParts(instant).map((p) => p.value).join("") === format.format(instant);
      }),
    },
  };
};
