// paste dayjs = dayjs/dayjs.min.js
// paste utc = dayjs/plugin/utc.js
// paste customParseFormat = dayjs/plugin/customParseFormat.js
// paste duration = dayjs/plugin/duration.js
// Dates as an integration formats and compares them: UTC parsing, formatting, arithmetic across a leap day,
// parsing a custom format, durations.
dayjs.extend(utc);
dayjs.extend(customParseFormat);
dayjs.extend(duration);

module.exports = async () => {
  const base = dayjs.utc("2024-02-28T13:45:30.250Z");
  return {
    data: {
      iso: base.toISOString(),
      formatted: base.format("YYYY-MM-DD HH:mm:ss.SSS [UTC] dddd, MMMM D (ddd MMM) A Z"),
      plusTwoDays: base.add(2, "day").format("YYYY-MM-DD"),
      minusOneMonth: base.subtract(1, "month").toISOString(),
      startOfMonth: base.startOf("month").toISOString(),
      endOfWeek: base.endOf("week").toISOString(),
      diffDays: dayjs.utc("2024-12-25").diff(base, "day"),
      diffMonthsFloat: dayjs.utc("2024-12-25").diff(base, "month", true),
      parsed: dayjs.utc("31/12/2023 23:59", "DD/MM/YYYY HH:mm").toISOString(),
      strictInvalid: dayjs("2023-13-45", "YYYY-MM-DD", true).isValid(),
      invalid: dayjs("not a date").isValid(),
      unix: base.unix(),
      order: [base.isBefore(base.add(1, "ms")), base.isAfter(base), base.isSame(base.clone(), "second")],
      offset: dayjs.utc("2024-06-01T12:00:00Z").utcOffset(120).format("YYYY-MM-DDTHH:mm:ssZ"),
      duration: dayjs.duration({ hours: 26, minutes: 90 }).asMinutes(),
      durationIso: dayjs.duration(93784000).toISOString(),
      json: JSON.stringify({ at: base }),
    },
  };
};
