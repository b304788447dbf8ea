module.exports = async () => {
  const d = new Date(Date.UTC(2024, 1, 29, 12, 30, 15, 250));
  const parsed = new Date("2024-03-10T08:00:00Z");
  const plusDay = new Date(d.getTime() + 24 * 3600 * 1000);
  return {
    data: {
      iso: d.toISOString(),
      utc: [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours()],
      parsed: parsed.getTime(),
      parsedOffset: Date.parse("2024-03-10T08:00:00+02:00"),
      plusDay: plusDay.toISOString(),
      utcString: d.toUTCString(),
      json: d.toJSON(),
      invalid: String(new Date("nope")),
      diffDays: Math.round((parsed - d) / 86400000),
      setters: (() => {
        const x = new Date(Date.UTC(2020, 0, 31));
        x.setUTCMonth(1);
        return x.toISOString();
      })(),
    },
  };
};
