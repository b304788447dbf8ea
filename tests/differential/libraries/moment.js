// paste moment = moment/min/moment-with-locales.min.js
// paste momentTimezone = moment-timezone/builds/moment-timezone-with-data-10-year-range.min.js
// Dates as integration code has long handled them with moment: parsing a partner's formats (strict and in a
// locale), formatting in several locales and time zones, calendar arithmetic, differences, durations, relative
// times, and conversions between zones across daylight-saving changes. moment-timezone's bundle finds moment
// through `require("moment")` and adds `.tz()` to it.
module.exports = async () => {
  const base = moment.utc("2024-02-28T13:45:30.250Z");
  const reference = moment.utc("2024-03-04T09:00:00Z");
  const locales = ["en", "fr", "de", "es", "ja", "ru", "zh-cn", "ar", "pt-br", "nl"];
  const zones = ["America/New_York", "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo", "Asia/Tokyo"];
  const instant = moment.utc("2024-03-10T06:59:59.045Z");
  const strict = (text, format, locale) => {
    const parsed = locale ? moment.utc(text, format, locale, true) : moment.utc(text, format, true);
    return parsed.isValid() ? parsed.toISOString() : ["invalid", parsed.invalidAt(), parsed.parsingFlags().overflow];
  };
  return {
    data: {
      version: [moment.version, momentTimezone === moment, typeof moment.tz, moment.tz.version],
      iso: [base.toISOString(), base.format(), base.toJSON(), base.valueOf(), base.unix()],
      formatted: base.format("YYYY-MM-DD HH:mm:ss.SSS [UTC] dddd, MMMM Do (ddd MMM) A hh:mm a Z ZZ"),
      tokens: base.format("Q [Q] w ww W WW gggg GGGG DDD DDDD d E e X x k kk"),
      longFormats: ["LT", "LTS", "L", "LL", "LLL", "LLLL", "l", "ll", "lll", "llll"].map((token) => base.format(token)),
      inLocales: locales.map((locale) => [locale, base.clone().locale(locale).format("LLLL"), base.clone().locale(locale).format("dddd D MMMM YYYY, Do")]),
      weekdays: ["de", "ru", "ja"].map((locale) => moment.localeData(locale).weekdays()),
      firstDayOfWeek: locales.map((locale) => moment.localeData(locale).firstDayOfWeek()),
      parsed: {
        format: moment.utc("31/12/2023 23:59", "DD/MM/YYYY HH:mm").toISOString(),
        multipleFormats: moment.utc("2024.07.04", ["MM-DD-YYYY", "YYYY.MM.DD"]).toISOString(),
        inLocale: moment.utc("12 März 2024", "D MMMM YYYY", "de").toISOString(),
        frenchMonth: moment.utc("1 févr. 2024 14:05", "D MMM YYYY HH:mm", "fr").toISOString(),
        unix: moment.unix(1700000000).utc().format(),
        twelveHour: moment.utc("3/7/2024 9:05 PM", "M/D/YYYY h:mm A").toISOString(),
        strictGood: strict("2024-02-29", "YYYY-MM-DD"),
        strictBadDay: strict("2023-02-29", "YYYY-MM-DD"),
        strictBadMonth: strict("2023-13-01", "YYYY-MM-DD"),
        strictWrongShape: strict("2024-2-9", "YYYY-MM-DD"),
        forgiving: moment.utc("2024-2-9 junk", "YYYY-MM-DD").toISOString(),
        parseZone: moment.parseZone("2024-03-01T10:00:00+05:30").format(),
        parseZoneOffset: moment.parseZone("2024-03-01T10:00:00-03:00").utcOffset(),
        keepOffset: moment.parseZone("2024-03-01T10:00:00+05:30").toISOString(true),
        invalid: [moment.utc("not a date", moment.ISO_8601).isValid(), moment.invalid().format(), String(moment.utc("2024-99-99", "YYYY-MM-DD"))],
      },
      arithmetic: {
        plusTwoDays: base.clone().add(2, "days").format("YYYY-MM-DD"),
        minusOneMonth: base.clone().subtract(1, "month").toISOString(),
        endOfMonthPlusMonth: moment.utc("2024-01-31").add(1, "month").format("YYYY-MM-DD"),
        plusObject: base.clone().add({ years: 1, months: 2, hours: 36 }).toISOString(),
        startOf: ["year", "quarter", "month", "week", "isoWeek", "day", "hour"].map((unit) => base.clone().startOf(unit).toISOString()),
        endOf: ["month", "week", "day"].map((unit) => base.clone().endOf(unit).toISOString()),
        weekInLocale: base.clone().locale("de").startOf("week").format("dddd YYYY-MM-DD"),
        set: base.clone().set({ hour: 5, minute: 0, second: 0, millisecond: 0 }).date(31).toISOString(),
        getters: [base.year(), base.month(), base.date(), base.day(), base.isoWeekday(), base.dayOfYear(), base.isoWeek(), base.quarter(), base.daysInMonth(), base.isLeapYear(), base.weeksInYear()],
      },
      differences: {
        days: reference.diff(base, "days"),
        hours: reference.diff(base, "hours"),
        monthsFloat: moment.utc("2024-12-25").diff(base, "months", true),
        years: moment.utc("2030-01-01").diff(base, "years", true),
        weeks: moment.utc("2024-12-25").diff(base, "weeks"),
        milliseconds: reference.diff(base),
      },
      comparisons: [
        base.isBefore(reference),
        base.isAfter(reference),
        base.isSame(reference, "month"),
        base.isSame("2024-02-28T00:00:00Z", "day"),
        base.isBetween(moment.utc("2024-02-01"), moment.utc("2024-03-01"), "month", "[]"),
        base.isSameOrAfter(base.clone()),
        moment.max(base, reference).toISOString(),
        moment.min(base, reference).toISOString(),
        moment.isMoment(base),
        moment.isDate(base.toDate()),
      ],
      relative: {
        from: locales.map((locale) => base.clone().locale(locale).from(reference)),
        to: base.to(reference),
        withoutSuffix: base.from(reference, true),
        seconds: base.from(base.clone().add(20, "seconds")),
        years: base.from(moment.utc("2027-06-01")),
        calendar: [-10, -1, 0, 1, 3, 10].map((days) => reference.clone().add(days, "days").calendar(reference)),
        calendarFrench: reference.clone().add(1, "days").locale("fr").calendar(reference),
      },
      durations: {
        object: moment.duration({ hours: 26, minutes: 90 }).asMinutes(),
        parts: (() => {
          const span = moment.duration(93784123);
          return [span.days(), span.hours(), span.minutes(), span.seconds(), span.milliseconds(), span.asHours()];
        })(),
        iso: [moment.duration(93784000).toISOString(), moment.duration("P1Y2M3DT4H5M6S").asDays(), moment.duration("-PT90M").toISOString()],
        fromString: moment.duration("1.02:03:04.500").asSeconds(),
        humanize: [45, 90, 3600, 86400 * 3, 86400 * 45, 86400 * 400].map((seconds) => moment.duration(seconds, "seconds").humanize()),
        humanizeSuffix: moment.duration(-2, "hours").humanize(true),
        humanizeLocales: ["de", "fr", "ru", "ja"].map((locale) => moment.duration(5, "days").locale(locale).humanize(true)),
        added: moment.duration(1, "day").add(moment.duration(90, "minutes")).subtract(30, "seconds").toISOString(),
        between: moment.duration(reference.diff(base)).humanize(),
        invalid: moment.duration("nonsense").toISOString(),
      },
      zones: {
        inZones: zones.map((zone) => instant.clone().tz(zone).format("YYYY-MM-DD HH:mm:ss.SSS Z z")),
        offsets: zones.map((zone) => instant.clone().tz(zone).utcOffset()),
        afterSpringForward: instant.clone().add(1, "minute").tz("America/New_York").format(),
        isDST: ["2024-01-15T12:00:00Z", "2024-07-15T12:00:00Z"].map((at) => [moment.tz(at, "Europe/Berlin").isDST(), moment.tz(at, "Australia/Sydney").isDST()]),
        wallClock: moment.tz("2024-07-04 09:00", "America/Los_Angeles").toISOString(),
        wallClockFormat: moment.tz("04.07.2024 09:00", "DD.MM.YYYY HH:mm", "Europe/Berlin").format(),
        springGap: moment.tz("2024-03-10 02:30", "America/New_York").format(),
        fallBackAmbiguous: moment.tz("2024-10-27 02:30", "Europe/Berlin").format(),
        keepLocalTime: moment.utc("2024-01-15T12:00:00Z").tz("Asia/Tokyo", true).toISOString(),
        startOfDayInZone: instant.clone().tz("Asia/Tokyo").startOf("day").toISOString(),
        addDayAcrossDst: moment.tz("2024-03-09 12:00", "America/New_York").add(1, "day").format(),
        addHoursAcrossDst: moment.tz("2024-03-09 12:00", "America/New_York").add(24, "hours").format(),
        diffAcrossDst: moment.tz("2024-11-04", "America/Chicago").diff(moment.tz("2024-11-03", "America/Chicago"), "hours"),
        localized: moment.utc("2024-12-31T23:30:00Z").tz("Europe/Paris").locale("fr").format("dddd D MMMM YYYY HH:mm z"),
        japanese: instant.clone().tz("Asia/Tokyo").locale("ja").format("LLLL z"),
        zone: (() => {
          const zone = moment.tz.zone("Europe/Berlin");
          const at = instant.valueOf();
          return [zone.name, zone.abbr(at), zone.utcOffset(at), zone.parse(Date.UTC(2024, 6, 1, 12))];
        })(),
        unknown: [moment.tz.zone("Mars/Olympus"), moment.tz("2024-01-01T00:00:00Z", "Mars/Olympus").toISOString()],
        link: moment.tz("2024-06-01T12:00:00Z", "US/Pacific").format("Z z"),
        countries: [moment.tz.zonesForCountry("DE"), moment.tz.zonesForCountry("AU").length > 3],
        named: moment.tz.names().includes("Asia/Kolkata"),
        converted: moment.tz("2024-06-15 18:00", "Asia/Kolkata").clone().tz("America/New_York").format("YYYY-MM-DD hh:mm A z"),
        utc: moment.tz("2024-06-15 18:00", "Asia/Kolkata").utc().format(),
      },
    },
  };
};
