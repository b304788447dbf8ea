// `JSON.stringify`'s output, which the patched engine now assembles a slice at a time and quotes plain Latin-1
// strings without a scan per character: nested objects and arrays, indentation with a number and with a string,
// replacers (a function and a list), `toJSON`, strings with every kind of escape, lone surrogates, astral
// characters, Latin-1 and wider strings side by side, skipped members, and a value nested 20,000 deep (V8's
// RangeError, which the engine throws past its call depth limit).
module.exports = async () => {
  const value = {
    plain: "ascii text",
    latin: "café ñ ü",
    escapes: 'quote " backslash \\ newline \n tab \t control \u0001 \u001f del \u007f',
    wide: "日本 😀",
    lone: "\ud800 and \udc00",
    numbers: [0, -0, 1.5, 1e21, 1e-7, NaN, Infinity, -Infinity],
    nested: { list: [[], [{}], [1, [2, [3]]]], empty: {}, nothing: null },
    skipped: { fn() {}, undef: undefined, sym: Symbol("s") },
    inArray: [undefined, () => 1, Symbol("t")],
    dated: { toJSON: (key) => `toJSON for ${key}` },
    keys: { "é": 1, "日": 2, 'q"k': 3 },
  };
  const rows = [];
  for (let i = 0; i < 200; i++) rows.push({ id: i, name: `row ${i}`, tags: ["a", "b"], ratio: i / 7 });
  return {
    data: {
      compact: JSON.stringify(value),
      indented: JSON.stringify(value, null, 2),
      tabbed: JSON.stringify(value.nested, null, "\t"),
      replacedByFunction: JSON.stringify(value, (key, v) => (typeof v === "number" ? v * 2 : v)),
      replacedByList: JSON.stringify(value, ["plain", "nested", "list", "keys", "é"], 1),
      rows: JSON.stringify(rows).length,
      rowsIndented: JSON.stringify(rows, null, 4).slice(0, 400),
      strings: ["", "x", "\u00ff", "\u0100", "a\u2028b"].map((s) => JSON.stringify(s)),
      deep: (() => {
        let nested = {};
        for (let i = 0; i < 20000; i++) nested = { nested };
        try {
          return JSON.stringify(nested).length;
        } catch (error) {
          return [error.name, error.message];
        }
      })(),
    },
  };
};
