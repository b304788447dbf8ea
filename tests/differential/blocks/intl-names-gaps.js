// What Blocksmith's Intl.RelativeTimeFormat and Intl.DisplayNames still give differently from Node 20
// (allowlist.json, COMPAT.md). Each case says why; none is covered up with a table of Node's answers.
module.exports = async () => {
  const attempt = (run) => {
    try {
      return run();
    } catch (error) {
      return `${error.name}: ${error.message}`;
    }
  };
  return {
    data: {
      // ICU lists a segmenter locale for every region, so Node's "lookup" keeps `fr-CA`; Boa's matcher, on ICU4X's
      // data by language, resolves it to `fr` (the formatters keep it only for a language's default region, as
      // ICU's lists: intl-locale-lookup.js).
      lookupSegmenter: new Intl.Segmenter("fr-CA", { localeMatcher: "lookup" }).resolvedOptions().locale,
      // Boa's number data has no Arabic-Indic digits for English, as for Intl.NumberFormat: Node "in ١٢ days".
      arabicDigits: new Intl.RelativeTimeFormat("en", { numberingSystem: "arab" }).format(12, "day"),
      // Intl.supportedValuesOf("currency") lists the currencies CLDR's currency history has in use today; ICU's
      // list (Node's) also has the ISO 4217 codes no region uses any more (ANG, BGN, CUC, HRK, SLL, SVC, ZWL) and
      // the special drawing rights (XDR, XSU).
      currencies: Intl.supportedValuesOf("currency"),
      // Names are packed for the covered languages only, and relative times for 29 languages (COMPAT.md): Node
      // gives Italian region names and Icelandic relative times, Blocksmith the region's code and CLDR's root words.
      italianRegion: new Intl.DisplayNames("it-IT", { type: "region" }).of("DE"),
      icelandicRelative: new Intl.RelativeTimeFormat("is-IS", { numeric: "auto" }).format(-1, "day"),
    },
  };
};
