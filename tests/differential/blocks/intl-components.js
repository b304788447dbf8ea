// One call into each ICU component the engine packs (crates/engine/build.rs): collation, date and time names,
// number and list formatting, plural rules, case mapping, normalization, segmentation and locale handling.
module.exports = async () => {
  const instant = new Date(Date.UTC(2024, 0, 15, 9, 30));
  const words = (locale, text) =>
    [...new Intl.Segmenter(locale, { granularity: "word" }).segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
  return {
    data: {
      swedishOrder: ["z", "ä", "a", "ö", "o"].sort(new Intl.Collator("sv").compare),
      germanOrder: ["z", "ä", "a", "ö", "o"].sort(new Intl.Collator("de").compare),
      localeCompare: "résumé".localeCompare("resume", "fr", { sensitivity: "base" }),
      germanDate: new Intl.DateTimeFormat("de-DE", { dateStyle: "full", timeZone: "Europe/Berlin" }).format(instant),
      japaneseMonth: new Intl.DateTimeFormat("ja-JP", { month: "long", timeZone: "UTC" }).format(instant),
      germanNumber: new Intl.NumberFormat("de-DE").format(1234567.891),
      indianNumber: new Intl.NumberFormat("en-IN").format(1234567.891),
      list: new Intl.ListFormat("es", { type: "conjunction" }).format(["uno", "dos", "tres"]),
      plurals: [0, 1, 2, 5].map((n) => new Intl.PluralRules("pl").select(n)),
      turkishUpper: "istanbul".toLocaleUpperCase("tr"),
      nfd: "é".normalize("NFD").length,
      nfc: "e\u0301".normalize("NFC").length,
      japaneseWords: words("ja", "東京都の天気"),
      japaneseSentence: words("ja", "日本語を勉強しています"),
      chineseWords: words("zh", "我喜欢学习中文"),
      englishWords: words("en", "Hello, wonderful world!"),
      sentences: [...new Intl.Segmenter("en", { granularity: "sentence" }).segment("One. Two? Three!")].length,
      graphemes: [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment("👩‍👩‍👧e\u0301")].length,
      canonical: Intl.getCanonicalLocales(["EN-us", "zh-hant-tw"]),
      maximized: new Intl.Locale("zh-TW").maximize().toString(),
    },
  };
};
