// Regular expressions made again and again (the patched engine compiles a pattern once per source and flags and
// shares the matcher): each evaluation of a literal is still a new object with its own `lastIndex`, the same
// source with other flags matches differently, a pattern that fails to compile throws every time, hundreds of
// distinct patterns (more than the engine keeps) all match as they should, and Annex B's `compile` swaps an
// object's pattern. Also a global `replace` over a long Latin-1 string, whose widened copy the engine keeps, run
// by two expressions in turn and on another string with the same characters.
module.exports = async () => {
  const literal = () => /a(\d)/g;
  const first = literal();
  const second = literal();
  first.exec("a1 a2");
  const lastIndexes = [first !== second, first.lastIndex, second.lastIndex, second.exec("a3 a4")[1], first.exec("a1 a2")[1]];

  const flags = ["abc", "ABC"].map((text) => [new RegExp("b", "").test(text), new RegExp("b", "i").test(text)]);
  const sticky = [new RegExp("b", "y").test("ab"), new RegExp("b", "").test("ab")];

  const errors = [];
  for (let i = 0; i < 3; i++) {
    try {
      new RegExp("(unclosed", "");
    } catch (error) {
      errors.push(error.name);
    }
  }

  const many = [];
  for (let round = 0; round < 2; round++) {
    let matched = 0;
    for (let i = 0; i < 400; i++) {
      if (new RegExp(`^k${i}x?$`).test(`k${i}`) && !new RegExp(`^k${i}$`).test(`k${i + 1}`)) matched++;
    }
    many.push(matched);
  }

  const compiled = /old/;
  const beforeCompile = compiled.test("old");
  compiled.compile("new", "i");
  const annexB = [beforeCompile, compiled.test("NEW"), compiled.test("old"), compiled.source, compiled.flags];

  const rows = [];
  for (let i = 0; i < 5000; i++) rows.push(`${i}:${i % 7 === 0 ? "seven" : "other"}`);
  const text = rows.join(";");
  const sameCharacters = rows.join(";");
  const longInput = [
    text.replace(/seven/g, "7").length,
    text.replace(/other/g, "o").length,
    (text.match(/\d+:seven/g) || []).length,
    sameCharacters.replace(/seven/g, "S").slice(0, 40),
    text.replace(/;(\d+):/g, (_, n) => (Number(n) % 1000 === 0 ? `|${n}|` : ";")).length,
  ];

  return { data: { lastIndexes, flags, sticky, errors, many, annexB, longInput } };
};
