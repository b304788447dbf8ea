// paste luxon = luxon/build/cjs-browser/luxon.js
// Time zones as an integration meets them: a partner's UTC timestamp shown in the customer's zone, wall-clock
// times across a daylight-saving change, offsets and zone names, and calendar arithmetic in a zone. Luxon reads
// every zone's offset through Intl.DateTimeFormat's formatToParts.
const { DateTime, Duration, Interval, IANAZone } = luxon;

module.exports = async () => {
  const instant = DateTime.fromISO("2024-03-10T06:59:59.045Z", { zone: "utc" });
  const zones = ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo"];
  const berlinNight = DateTime.fromObject({ year: 2024, month: 10, day: 27, hour: 2, minute: 30 }, { zone: "Europe/Berlin" });
  return {
    data: {
      inZones: zones.map((zone) => instant.setZone(zone).toISO()),
      offsets: zones.map((zone) => instant.setZone(zone).offset),
      afterSpringForward: instant.plus({ minutes: 1 }).setZone("America/New_York").toISO(),
      ambiguousWallClock: berlinNight.toISO(),
      nextDayInZone: berlinNight.plus({ days: 1 }).toISO(),
      startOfDay: instant.setZone("Asia/Tokyo").startOf("day").toUTC().toISO(),
      formatted: instant.setZone("Asia/Tokyo").toFormat("yyyy-MM-dd HH:mm:ss.SSS ZZ"),
      offsetNames: [instant.setZone("America/New_York").offsetNameShort, instant.setZone("Europe/Berlin").offsetNameLong],
      zoneName: instant.setZone("america/chicago").zoneName,
      localized: instant.setZone("America/Los_Angeles").toLocaleString(DateTime.DATETIME_MED),
      invalidZone: [IANAZone.isValidZone("Mars/Olympus"), instant.setZone("Mars/Olympus").isValid],
      parsedInZone: DateTime.fromFormat("03/11/2024 09:15", "MM/dd/yyyy HH:mm", { zone: "America/Denver" }).toUTC().toISO(),
      hoursBetween: Interval.fromDateTimes(instant, instant.plus({ days: 2 })).length("hours"),
      duration: Duration.fromObject({ hours: 26, minutes: 90 }).shiftTo("days", "hours", "minutes").toObject(),
    },
  };
};
