// Long strings as blocks build and scan them: a CSV or an XML document written with `+=` piece by piece (the
// engine keeps such a concatenation as a rope until something reads its characters), `indexOf` from a position
// far into a long string (a tokenizer's loop), and global and sticky regular expressions stepping through one.
// Every way of reading a rope (characters, slices, searches, keys, comparisons, JSON, templates) must see the same
// string Node sees, whichever way it was built: appended, prepended, shared between two strings, mixing Latin-1
// and other characters, or a million pieces deep. `+` past V8's longest string throws Node's RangeError.
module.exports = async () => {
  const hash = (text) => {
    let h = 0;
    for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    return h;
  };

  // A CSV of 20,000 rows appended a row at a time, read back by a tokenizer that searches from its position.
  let csv = "";
  for (let i = 0; i < 20000; i++) {
    csv += i + ",name " + i + "," + (i % 10 === 0 ? '"has, comma"' : "plain") + "\n";
  }
  const fields = [];
  for (let at = 0, row = 0; at < csv.length && row < 20000; row++) {
    const end = csv.indexOf("\n", at);
    if (row % 4999 === 0) fields.push(csv.slice(at, end).split(","));
    at = end + 1;
  }

  // Prepending builds the rope the other way; pieces outside Latin-1 make the flat copy UTF-16.
  let prepended = "";
  for (let i = 0; i < 3000; i++) prepended = String.fromCharCode(97 + (i % 26)) + prepended;
  let mixed = "start:";
  for (let i = 0; i < 2000; i++) mixed += i % 500 === 0 ? "€" + i : "x" + (i % 10);
  const shared = csv.slice(0, 300) + "|shared|" + csv.slice(0, 300);
  const left = shared + "L";
  const right = shared + "R";

  // A rope used every way a string is used.
  const uses = {
    lengths: [csv.length, prepended.length, mixed.length, left.length, right.length],
    hashes: [hash(csv), hash(prepended), hash(mixed), hash(left), hash(right)],
    charAt: [csv.charCodeAt(123456), csv[200000], prepended[0], prepended.at(-1), mixed.codePointAt(6)],
    slices: [csv.slice(-30), mixed.slice(0, 20), mixed.substring(1000, 1012), prepended.substr(100, 5)],
    equal: [left === right, left.slice(0, -1) === right.slice(0, -1), left.slice(0, -1) === shared],
    keys: (() => {
      const byKey = { [mixed]: "object key" };
      const map = new Map([[left, "map key"]]);
      return [byKey[mixed], map.get(shared + "L"), Object.keys(byKey)[0].length];
    })(),
    json: JSON.stringify({ tail: mixed.slice(-12), head: prepended.slice(0, 5) }),
    template: `${mixed.slice(0, 8)}…${prepended.length}`,
    upper: hash(mixed.toUpperCase()),
    split: csv.split("\n").length,
    compare: [csv < csv + "!", mixed.localeCompare(mixed + "a") < 0],
  };

  // `indexOf` and its relatives from positions inside long strings, with Latin-1 and UTF-16 on either side.
  const utf16Stored = "aé€".slice(0, 2); // Latin-1 characters kept as UTF-16 code units
  const searches = {
    positions: [0, 1, 77777, 200000, csv.length - 1, csv.length, csv.length + 5].map((from) => csv.indexOf("\n", from)),
    emptyNeedle: [csv.indexOf("", 5), csv.indexOf("", csv.length), csv.indexOf("", csv.length + 3)],
    longerThanRest: csv.indexOf("plain\nplain", csv.length - 4),
    lastIndexOf: [csv.lastIndexOf("has"), csv.lastIndexOf("has", 1000), csv.lastIndexOf("\n", 0)],
    includes: [csv.includes("19999,name"), csv.includes("20000,name"), csv.includes("name", csv.length - 10)],
    utf16InLatin1: ["caf\u00e9 ok".indexOf(utf16Stored.slice(1)), "plain text".indexOf("€"), "xaéy".indexOf(utf16Stored)],
    latin1InUtf16: ["€ café".indexOf("café"), "€€€x".indexOf("x", 2), mixed.indexOf("x7", 900), mixed.indexOf("€1000")],
    // The byte pattern of U+0101 (01 01) straddles the two code units of U+0100 U+0001 and must not match.
    straddling: ["\u0100\u0001".indexOf("\u0101"), "\u0100\u0001\u0101".indexOf("\u0101"), "\u0201\u0102".indexOf("\u0102")],
    startsEnds: [csv.startsWith("10,name", csv.indexOf("10,name")), csv.endsWith("plain\n")],
  };

  // Global and sticky regular expressions stepping through a long Latin-1 string, two of them in turn.
  const digits = /\d+/g;
  const word = /[a-z]+/y;
  let matches = 0;
  let sticky = 0;
  while (digits.exec(csv) !== null && matches < 50000) {
    matches++;
    word.lastIndex = digits.lastIndex + 1;
    if (word.exec(csv)) sticky++;
  }
  const regexps = {
    matches,
    sticky,
    replaced: hash(csv.replace(/"([^"]*)"/g, "<$1>")),
    quotes: csv.match(/"/g).length,
    allCount: [...csv.matchAll(/name (\d+)9,/g)].length,
    sameCharacters: /19999/.test(csv.slice(0)),
    replaceAll: csv.replaceAll("plain", "P").length,
  };

  // A string a million pieces deep, read once and dropped.
  let deep = "";
  for (let i = 0; i < 1000000; i++) deep += "z";
  const deepRead = [deep.length, deep.charCodeAt(999999), hash(deep.slice(0, 1000))];
  deep = null;

  // Doubling a string until it is longer than V8 allows.
  let doubled = "ab";
  let doublings = 0;
  let tooLong;
  try {
    for (;;) {
      doubled += doubled;
      doublings++;
    }
  } catch (error) {
    tooLong = [error.name, error.message, error instanceof RangeError, doublings, doubled.length];
  }
  doubled = null;

  return { data: { fields, uses, searches, regexps, deepRead, tooLong } };
};
