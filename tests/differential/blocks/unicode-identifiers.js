// Identifiers as the lexer reads them (the patched boa_parser answers ASCII without Unicode lookups): ASCII
// letters, digits, `$` and `_`, letters beyond ASCII, escapes, ZWNJ/ZWJ inside a name, and the SyntaxErrors
// for characters that may not start or continue one. `new Function` parses each case at run time.
module.exports = async () => {
  const parses = (source) => {
    try {
      new Function(source);
      return "ok";
    } catch (error) {
      return error.name;
    }
  };
  const $dollar = 1;
  const _under_score_9 = 2;
  const café = 3;
  const Ωmega = 4;
  const 名前 = 5;
  const \u0061bc = 6;
  const x\u{1D49C} = 7;
  const zw\u200Cnj = 8;
  const zw\u200Dj = 9;
  const object = { ünïcödé: 10, $: 11, _: 12, a1: 13 };
  return {
    data: {
      values: [$dollar, _under_score_9, café, Ωmega, 名前, abc, x𝒜, zw‌nj, zw‍j],
      keys: Object.keys(object),
      sum: object.ünïcödé + object.$ + object._ + object.a1,
      parses: {
        asciiLetters: parses("let azAZ = 1;"),
        digitsAfter: parses("let a0123456789 = 1;"),
        digitFirst: parses("let 9a = 1;"),
        dollarAndUnderscore: parses("let $_$ = 1, _$_ = 2;"),
        atSign: parses("let a@b = 1;"),
        hash: parses("let a#b = 1;"),
        backtick: parses("let a`b = 1;"),
        tilde: parses("let ~a = 1;"),
        greek: parses("let λ = 1;"),
        combiningMarkFirst: parses("let \u0301a = 1;"),
        combiningMarkAfter: parses("let a\u0301 = 1;"),
        zwnjFirst: parses("let \u200Ca = 1;"),
        escapedStart: parses("let \\u0041 = 1;"),
        escapedDigitStart: parses("let \\u0031 = 1;"),
        escapedPart: parses("let a\\u0031 = 1;"),
        escapedSpace: parses("let a\\u0020b = 1;"),
        emoji: parses("let a😀 = 1;"),
        mathLetter: parses("let 𝒜 = 1;"),
        privateName: parses("class A { #é = 1; #_9 = 2; get() { return this.#é + this.#_9; } }"),
        privateDigit: parses("class A { #9 = 1; }"),
        keywordEscaped: parses("let \\u0069f = 1;"),
        crlfBetween: parses("let a = 1;\r\nlet b = 2;\rlet c = 3;\u2028let d = 4;"),
      },
    },
  };
};
