// What Blocksmith's Intl.NumberFormat still prints differently from Node 20 (allowlist.json, COMPAT.md): a few
// symbols differ between Node's CLDR data and ICU4X's.
module.exports = async () => {
  const format = (locale, options, value) => new Intl.NumberFormat(locale, options).format(value);
  return {
    data: {
      // Node's ICU (CLDR 48 on this machine) writes the yen as JPY in French and Spanish; ICU4X 2.3's data as JP¥.
      yenFrench: format("fr-FR", { style: "currency", currency: "JPY" }, 1234.5),
      yenSpanish: format("es-ES", { style: "currency", currency: "JPY" }, 1234.5),
    },
  };
};
