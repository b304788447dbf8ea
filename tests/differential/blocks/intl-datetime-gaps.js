// What Blocksmith's Intl.DateTimeFormat still prints differently from Node 20 (allowlist.json, COMPAT.md): the
// patterns are ICU's (intl-datetime-patterns.js), but ICU4X writes a few zone names differently from ICU4C.
module.exports = async () => {
  const instant = new Date(Date.UTC(2024, 0, 15, 15, 5, 9, 123));
  const format = (locale, options) => new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options }).format(instant);
  return {
    data: {
      // Generic zone names: ICU4X's `vvvv` for a zone without summer time is its generic name (Japan Time),
      // ICU4C's the standard one (Japan Standard Time); ICU4X names UTC where ICU4C writes its offset (GMT+0);
      // and ICU4X's region names are older CLDR's (UK Time, Node United Kingdom Time).
      tokyoLongGeneric: format("en-US", { hour: "numeric", timeZoneName: "longGeneric", timeZone: "Asia/Tokyo" }),
      utcShortGeneric: format("en-US", { hour: "numeric", timeZoneName: "shortGeneric" }),
      londonShortGeneric: format("en-US", { hour: "numeric", timeZoneName: "shortGeneric", timeZone: "Europe/London" }),
    },
  };
};
