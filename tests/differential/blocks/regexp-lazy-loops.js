// Non-greedy loops over one character (`[^]*?`, `[\s\S]*?`, `.+?`, `x{2,5}?`), which the patched matcher extends
// one character at a time as the rest of the pattern fails instead of first scanning for the longest run: every
// match, capture and `lastIndex` must be Node's, forwards and inside lookbehinds (which match backwards), with
// minimum and maximum counts, in Unicode mode over astral characters, case-insensitively, sticky, and over a
// long input where a pasted CSV library's line-ending guess (`"([^]*?)"` with `gm`) removes every quoted field.
module.exports = async () => {
  const all = (re, text) => [...text.matchAll(re)].map((m) => [m.index, ...m]);
  const text = 'say "one" and "two", then "three"\nand "four\nlines" end';
  const cases = {
    quoted: all(/"([^]*?)"/g, text),
    quotedWhitespaceClass: all(/"([\s\S]*?)"/g, text),
    dotLazy: all(/"(.*?)"/g, text),
    plusLazy: all(/a.+?d/g, "and abd add aXd"),
    counted: all(/x{2,4}?y/g, "xy xxy xxxy xxxxy xxxxxy"),
    countedNoMatch: /z{3,5}?q/.exec("zzq zzzzzzq"),
    exactMinimum: all(/b{2}?/g, "bbbbb"),
    untilAlternative: all(/<([^]*?)>(?:!|\?)/g, "<a>. <b>! <c>x<d>?"),
    backreference: all(/(["'])([^]*?)\1/g, `'it"s' "a'b" 'c'`),
    lookbehind: all(/(?<=\[[^]*?)\w+(?=\])/g, "[alpha] [beta gamma]"),
    lookbehindCapture: /(?<=(a[^]*?))c/.exec("abbbc"),
    unicode: all(/<(.*?)>/gu, "<😀x> <𝒜𝒝> <>"),
    unicodeClass: all(/\[([^]*?)\]/gu, "[😀] [a😀b]"),
    caseless: all(/A[a-z]*?Z/gi, "abcz ABZ aZ"),
    sticky: (() => {
      const re = /[^]*?;/y;
      const out = [];
      const source = "a;bb;;ccc;";
      let m;
      while ((m = re.exec(source))) out.push([m[0], re.lastIndex]);
      return out;
    })(),
    emptyRun: all(/a[^]*?/g, "aaa"),
    nestedLazy: /(?:x[^]*?y)+?z/.exec("x1yx2yz"),
    failing: /"[^]*?"/.exec('only "one quote'),
  };

  // A 20,000-row CSV with a quoted field on every tenth row: the pattern finds each one from its opening quote.
  let csv = "";
  for (let i = 0; i < 20000; i++) csv += `${i},row ${i},${i % 10 === 0 ? '"has, comma"' : "plain"}\n`;
  const unquoted = csv.replace(new RegExp('"([^]*?)"', "gm"), "");
  const long = {
    length: csv.length,
    unquotedLength: unquoted.length,
    quotedFields: csv.match(/"[\s\S]*?"/g).length,
    lastQuoted: csv.lastIndexOf('"has') === /"has, comma"\n(?![^]*?")/.exec(csv).index,
  };

  return { data: { cases, long } };
};
