// Intl.DateTimeFormat's formatRange and formatRangeToParts, as blocks print booking windows, billing periods and
// shifts (the vendored Boa's eleventh patch, COMPAT.md): each covered locale with the default format, every
// dateStyle and timeStyle, component options, dates differing in a year, a month, a day, the half of the day, an
// hour, a minute or only a second, a range with nothing shown differing, and the parts' sources. The formats whose
// single dates still print differently from Node in German, Spanish and Japanese (numeric dates' padding, the
// Spanish hour's, Japanese weekdays; intl-datetime-gaps.js) are left out for those languages: their ranges
// differ by the same characters.
module.exports = async () => {
  const locales = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "pt-BR", "ja-JP"];
  const at = (iso) => new Date(`${iso}Z`);
  const start = at("2024-01-15T10:30:00");
  const ends = {
    sameInstant: at("2024-01-15T10:30:00"),
    secondLater: at("2024-01-15T10:30:01"),
    minuteLater: at("2024-01-15T10:45:00"),
    hourLater: at("2024-01-15T11:05:00"),
    afternoon: at("2024-01-15T14:45:00"),
    daysLater: at("2024-01-20T14:45:00"),
    monthLater: at("2024-03-03T09:05:00"),
    yearLater: at("2025-03-03T09:05:00"),
  };
  const options = {
    default: {},
    dateFull: { dateStyle: "full" },
    dateLong: { dateStyle: "long" },
    dateMedium: { dateStyle: "medium" },
    dateShort: { dateStyle: "short" },
    timeShort: { timeStyle: "short" },
    timeMedium: { timeStyle: "medium" },
    dateTime: { dateStyle: "medium", timeStyle: "short" },
    dateTimeSeconds: { dateStyle: "long", timeStyle: "medium" },
    hourMinute: { hour: "numeric", minute: "2-digit" },
    hour24: { hour: "2-digit", minute: "2-digit", hour12: false },
    hour12: { hour: "numeric", minute: "2-digit", hour12: true },
    dayMonth: { day: "numeric", month: "short" },
    monthYear: { month: "long", year: "numeric" },
    weekdayDate: { weekday: "short", day: "numeric", month: "long", year: "numeric" },
    numeric: { day: "2-digit", month: "2-digit", year: "numeric" },
    everything: { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "numeric", minute: "2-digit" },
  };
  const attempt = (run) => {
    try {
      return run();
    } catch (error) {
      return `${error.name}: ${error.message}`;
    }
  };
  const singleDateGaps = {
    "de-DE": ["default", "timeShort", "timeMedium", "hourMinute", "hour24", "hour12"],
    "es-ES": ["timeShort", "timeMedium", "dateTime", "dateTimeSeconds", "hourMinute", "hour24", "everything"],
    "ja-JP": ["default", "timeShort", "timeMedium", "dateTimeSeconds", "hourMinute", "hour24", "hour12", "weekdayDate", "everything"],
  };
  const ranges = {};
  for (const locale of locales) {
    for (const [name, option] of Object.entries(options)) {
      if (singleDateGaps[locale]?.includes(name)) continue;
      const format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...option });
      ranges[`${locale} ${name}`] = Object.fromEntries(
        Object.entries(ends).map(([end, date]) => [end, attempt(() => format.formatRange(start, date))]),
      );
    }
  }
  const parts = (locale, option, end) =>
    attempt(() =>
      new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...option })
        .formatRangeToParts(start, end)
        .map((part) => `${part.type}:${part.value}:${part.source}`),
    );
  const medium = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "medium" });
  return {
    data: {
      ranges,
      parts: {
        days: parts("en-US", { dateStyle: "medium" }, ends.daysLater),
        sameDayTimes: parts("en-US", { dateStyle: "medium", timeStyle: "short" }, ends.afternoon),
        fallback: parts("en-US", {}, ends.daysLater),
        single: parts("en-US", { dateStyle: "medium" }, ends.afternoon),
        german: parts("de-DE", {}, ends.daysLater),
        timeAcrossDays: parts("en-US", { timeStyle: "short" }, ends.daysLater),
        japanese: parts("ja-JP", { dateStyle: "long" }, ends.monthLater),
      },
      zones: {
        newYork: new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", dateStyle: "medium", timeStyle: "short" })
          .formatRange(start, ends.afternoon),
        named: new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", hour: "numeric", minute: "2-digit", timeZoneName: "short" })
          .formatRange(start, ends.afternoon),
      },
      arguments: {
        numbers: medium.formatRange(0, 3 * 86400000),
        reversed: medium.formatRange(ends.daysLater, start),
        missingEnd: attempt(() => medium.formatRange(start)),
        notANumber: attempt(() => medium.formatRange(start, NaN)),
        receiver: attempt(() => Intl.DateTimeFormat.prototype.formatRange.call({}, start, ends.daysLater)),
        length: [Intl.DateTimeFormat.prototype.formatRange.length, Intl.DateTimeFormat.prototype.formatRangeToParts.length],
      },
    },
  };
};
