module.exports = async () => ({
  data: {
    usd: new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(1234567.891),
    eur: new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" }).format(1234.5),
    grouped: new Intl.NumberFormat("en-US").format(9876543.21),
    fixed: new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(3.14159),
    percent: new Intl.NumberFormat("en-US", { style: "percent" }).format(0.256),
    toLocale: (1234.5).toLocaleString("en-US"),
  },
});
