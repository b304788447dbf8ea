module.exports = async () => {
  const instant = new Date(Date.UTC(2024, 6, 4, 15, 5, 9));
  const options = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false };
  return {
    data: {
      newYork: new Intl.DateTimeFormat("en-US", { ...options, timeZone: "America/New_York" }).format(instant),
      tokyo: new Intl.DateTimeFormat("en-US", { ...options, timeZone: "Asia/Tokyo" }).format(instant),
      utc: new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" }).format(instant),
      resolvedZone: new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Paris" }).resolvedOptions().timeZone,
    },
  };
};
