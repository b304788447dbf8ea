// ECMAScript Annex B string built-ins that published libraries still call: substr (CSV parsers, date and
// hashing libraries), trimLeft/trimRight, the HTML string methods and escape/unescape.
module.exports = async () => {
  const padded = "\t  Hello, World \n";
  const word = "x";
  return {
    data: {
      substr: [
        "abcdef".substr(1, 3),
        "abcdef".substr(-3),
        "abcdef".substr(2),
        "abcdef".substr(-10, 2),
        "abcdef".substr(1, -1),
        "abcdef".substr(NaN, 2),
        "abcdef".substr(4, 100),
        "😀ab".substr(1, 2).length,
      ],
      substrLength: String.prototype.substr.length,
      trimLeft: padded.trimLeft(),
      trimRight: padded.trimRight(),
      trimAliases: [
        String.prototype.trimLeft === String.prototype.trimStart,
        String.prototype.trimRight === String.prototype.trimEnd,
        String.prototype.trimLeft.name,
        String.prototype.trimRight.name,
      ],
      html: [
        word.anchor('a "quoted" name'),
        word.big(),
        word.blink(),
        word.bold(),
        word.fixed(),
        word.fontcolor("red"),
        word.fontsize(7),
        word.italics(),
        word.link("https://example.com/?a=\"1\"&b=2"),
        word.small(),
        word.strike(),
        word.sub(),
        word.sup(),
      ],
      escape: [
        escape("äö ü+/@*_-.~!'()€"),
        escape("\u{1F600}"),
        escape("ABCabc019"),
      ],
      unescape: [
        unescape("%E4%F6%20%FC+/@"),
        unescape("%u20AC%uD83D%uDE00"),
        unescape("%zz%4%u12%41"),
      ],
      roundTrip: unescape(escape("Grüße, 東京 ✓")) === "Grüße, 東京 ✓",
      legacyDate: (() => {
        const date = new Date(Date.UTC(1999, 11, 31, 12));
        const year = date.getYear();
        date.setYear(95);
        return { year, afterSetYear: date.getFullYear(), gmt: new Date(0).toGMTString() };
      })(),
      accessors: (() => {
        const object = {};
        object.__defineGetter__("answer", () => 42);
        return { answer: object.answer, lookup: typeof object.__lookupGetter__("answer") };
      })(),
    },
  };
};
