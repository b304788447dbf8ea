module.exports = async () => ({
  data: {
    grouped: new Intl.NumberFormat("en-US").format(9876543.21),
    fixed: new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(3.14159),
    german: new Intl.NumberFormat("de-DE").format(1234567.5),
    toLocale: (1234.5).toLocaleString("en-US"),
  },
});
