// What Blocksmith's Intl.NumberFormat still prints differently from Node 20 (allowlist.json, COMPAT.md): ICU4X 2.3
// has no unit formatter whose data this engine packs; and a few symbols differ between Node's CLDR data and
// ICU4X's.
module.exports = async () => {
  const format = (locale, options, value) => new Intl.NumberFormat(locale, options).format(value);
  return {
    data: {
      // Node 50.5 km/h, 1 kilogram, 21,5 °C; Blocksmith prints the number alone.
      unitShort: format("en-US", { style: "unit", unit: "kilometer-per-hour" }, 50.5),
      unitLong: format("en-GB", { style: "unit", unit: "kilogram", unitDisplay: "long" }, 1),
      unitGerman: format("de-DE", { style: "unit", unit: "celsius" }, 21.5),
      // Node's ICU (CLDR 48 on this machine) writes the yen as JPY in French and Spanish; ICU4X 2.3's data as JP¥.
      yenFrench: format("fr-FR", { style: "currency", currency: "JPY" }, 1234.5),
      yenSpanish: format("es-ES", { style: "currency", currency: "JPY" }, 1234.5),
    },
  };
};
