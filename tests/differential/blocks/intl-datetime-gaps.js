// What Blocksmith's Intl.DateTimeFormat still prints differently from Node 20 (allowlist.json, COMPAT.md): ICU4X
// picks patterns by field category, where ICU4C matches CLDR's per-skeleton formats, so these pairs differ.
module.exports = async () => {
  const instant = new Date(Date.UTC(2024, 0, 15, 15, 5, 9, 123));
  const format = (locale, options) => new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options }).format(instant);
  return {
    data: {
      // Node 15.1.2024 and 2024/1/15 (CLDR's yMd); ICU4X's numeric date keeps the short date's 15.01.2024.
      numericGerman: format("de-DE", {}),
      numericJapanese: format("ja-JP", {}),
      weekdayGerman: format("de-DE", { weekday: "short", month: "numeric", day: "numeric" }),
      // Node writes French offsets with U+2212 MINUS SIGN (UTC−5); ICU4X with a hyphen.
      frenchOffset: format("fr-FR", { hour: "numeric", timeZoneName: "short", timeZone: "America/New_York" }),
      // CLDR's full time formats for Spanish (zone in parentheses) and Japanese (16時05分09秒) are not ICU4X's.
      spanishFull: format("es-ES", { dateStyle: "full", timeStyle: "full", timeZone: "Europe/Madrid" }),
      japaneseFull: format("ja-JP", { dateStyle: "full", timeStyle: "full", timeZone: "Asia/Tokyo" }),
      // Node joins a date and a lone zone name with ", ", ICU4X with a space; Japanese weekdays beside a date
      // come in parentheses in Node.
      dateWithZone: format("en-US", { timeZoneName: "short", timeZone: "America/Chicago" }),
      japaneseWeekday: format("ja-JP", { year: "numeric", month: "long", day: "numeric", weekday: "short" }),
      // Node's Spanish default time is H:mm:ss (0:05:03), ICU4X's HH:mm:ss; and V8 reads an explicit numeric
      // hour back as "2-digit" in 24-hour locales while it prints it unpadded.
      spanishMidnight: new Date(Date.UTC(2024, 0, 15, 0, 5, 3)).toLocaleTimeString("es-ES", { timeZone: "UTC" }),
      germanHourWidth: new Intl.DateTimeFormat("de-DE", { hour: "numeric", minute: "numeric" }).resolvedOptions().hour,
      // A range prints its dates with the same patterns, so the same characters differ: Node 15.1.2024, 10:30 –
      // 20.1.2024, 14:45; 2024/1/15 10:30～2024/1/20 14:45; 3/3/2024, 9:05.
      rangeGerman: new Intl.DateTimeFormat("de-DE", { timeZone: "UTC", timeStyle: "short" }).formatRange(
        new Date(Date.UTC(2024, 0, 15, 10, 30)),
        new Date(Date.UTC(2024, 0, 20, 14, 45)),
      ),
      rangeJapanese: new Intl.DateTimeFormat("ja-JP", { timeZone: "UTC", hour: "numeric", minute: "numeric" }).formatRange(
        new Date(Date.UTC(2024, 0, 15, 10, 30)),
        new Date(Date.UTC(2024, 0, 20, 14, 45)),
      ),
      rangeSpanish: new Intl.DateTimeFormat("es-ES", { timeZone: "UTC", timeStyle: "short" }).formatRange(
        new Date(Date.UTC(2024, 0, 15, 10, 30)),
        new Date(Date.UTC(2024, 2, 3, 9, 5)),
      ),
    },
  };
};
