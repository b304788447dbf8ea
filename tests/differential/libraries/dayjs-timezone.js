// paste dayjs = dayjs/dayjs.min.js
// paste utc = dayjs/plugin/utc.js
// paste timezone = dayjs/plugin/timezone.js
// paste advancedFormat = dayjs/plugin/advancedFormat.js
// dayjs's time-zone plugin, which reads a zone's wall clock through Intl.DateTimeFormat's formatToParts:
// converting UTC timestamps into zones, reading a local wall-clock time in a zone, and daylight-saving edges.
dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(advancedFormat);

module.exports = async () => {
  const instant = "2024-03-10T06:59:59.045Z";
  const zones = ["America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo"];
  return {
    data: {
      inZones: zones.map((zone) => dayjs.utc(instant).tz(zone).format("YYYY-MM-DD HH:mm:ss.SSS Z")),
      offsets: zones.map((zone) => dayjs.utc(instant).tz(zone).utcOffset()),
      afterSpringForward: dayjs.utc(instant).add(1, "minute").tz("America/New_York").format(),
      wallClockInZone: dayjs.tz("2024-10-27 02:30", "Europe/Berlin").toISOString(),
      summerWallClock: dayjs.tz("2024-07-04 09:00", "America/Los_Angeles").toISOString(),
      keepLocalTime: dayjs.utc("2024-01-15T12:00:00Z").tz("Asia/Tokyo", true).toISOString(),
      startOfDayInZone: dayjs.utc(instant).tz("Asia/Tokyo").startOf("day").toISOString(),
      zoneAbbreviation: dayjs.utc(instant).tz("America/Chicago").format("z"),
      zoneLongName: dayjs.utc(instant).tz("Europe/Berlin").format("zzz"),
      crossesDay: dayjs.utc("2024-12-31T23:30:00Z").tz("Europe/Paris").format("dddd D MMMM YYYY HH:mm"),
    },
  };
};
