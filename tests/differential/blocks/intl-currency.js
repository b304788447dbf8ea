// Currency and percent styles, the commonest money formatting in blocks (the vendored Boa's NumberFormat patch, COMPAT.md).
module.exports = async () => {
  const attempt = (format) => {
    try {
      return format();
    } catch (error) {
      return `${error.name}: ${error.message}`;
    }
  };
  return {
    data: {
      usd: attempt(() => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(1234567.891)),
      eur: attempt(() => new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" }).format(1234.5)),
      percent: attempt(() => new Intl.NumberFormat("en-US", { style: "percent" }).format(0.256)),
    },
  };
};
