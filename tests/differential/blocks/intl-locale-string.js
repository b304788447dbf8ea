module.exports = async () => {
  const instant = new Date(Date.UTC(2024, 0, 15, 9, 45, 0));
  return {
    data: {
      dateInUtc: instant.toLocaleDateString("en-US", { timeZone: "UTC" }),
      timeInUtc: instant.toLocaleTimeString("en-US", { timeZone: "UTC" }),
      bothInBerlin: instant.toLocaleString("en-US", { timeZone: "Europe/Berlin" }),
      number: (0.5).toLocaleString("en-US", { style: "percent" }),
      sorted: ["b", "a", "C"].sort(new Intl.Collator("en").compare),
    },
  };
};
