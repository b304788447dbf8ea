// Expressions anchored with `^` (the patched matcher tries only the starting position for them, where it tried
// every position of the input and failed at each): `exec`, `test`, `match`, `replace`, `split` and `matchAll`
// with and without `g` and `y` and from a `lastIndex` past the start; `m`, where `^` matches after each line
// break and every position is still tried; alternatives of which only one is anchored; anchors inside groups and
// lookarounds; Unicode mode; and a tokenizer that consumes a long text rule by rule, as Markdown and template
// libraries do, slicing off what each `^` rule matched.
module.exports = async () => {
  const text = "alpha beta\ngamma delta\n# heading\n";
  const fromLastIndex = (re, index) => {
    re.lastIndex = index;
    const m = re.exec(text);
    return [m && m[0], m && m.index, re.lastIndex];
  };
  const cases = {
    exec: [/^\w+/.exec(text)[0], /^beta/.exec(text), /^(\w+) (\w+)/.exec(text).slice(1)],
    test: [/^alpha/.test(text), /^gamma/.test(text), /^$/.test(""), /^/.test("x")],
    global: [text.match(/^\w+/g), fromLastIndex(/^\w+/g, 0), fromLastIndex(/^\w+/g, 6), fromLastIndex(/^\w+/g, 99)],
    sticky: [fromLastIndex(/^\w+/y, 0), fromLastIndex(/^\w+/y, 6), fromLastIndex(/\w+/y, 6)],
    multiline: [text.match(/^\w+/gm), text.replace(/^/gm, "> "), fromLastIndex(/^\w+/gm, 3)],
    alternatives: [text.match(/^gamma|delta/g), text.match(/(?:^alpha|beta)/g), /^x|^a/.exec(text)[0]],
    grouped: [/(^a)lpha/.exec(text)[1], /(?:^)gamma/.exec(text), /(?<=^)alpha/.exec(text).index, /(?=^a)\w+/.exec(text)[0]],
    replaced: [text.replace(/^\w+/, "X"), text.replace(/^\w+/g, "Y"), text.split(/^/), "a,b".split(/^,/)],
    matchAll: [...text.matchAll(/^\w/g)].map((m) => m.index),
    unicode: [/^😀+/u.exec("😀😀x")[0], /^./u.exec("😀")[0].length, /^\p{L}+/u.exec("élan vital")[0]],
    emptyAndEnd: [/^$/.exec("a"), /^a*$/.exec("aaa")[0], "".replace(/^/, "start")],
  };

  // A tokenizer over a long text: each rule is anchored and runs on what is left.
  let source = "";
  for (let i = 0; i < 3000; i++) source += i % 50 === 0 ? `# Title ${i}\n\n` : `word${i} *em${i}* \`code\`\n`;
  const rules = [
    ["heading", /^# ([^\n]*)\n+/],
    ["emphasis", /^\*([^*\n]+)\*/],
    ["code", /^`([^`\n]+)`/],
    ["word", /^[A-Za-z0-9]+/],
    ["space", /^[ \n]+/],
  ];
  const counts = {};
  let rest = source;
  let steps = 0;
  while (rest.length > 0 && steps < 100000) {
    steps++;
    let matched = false;
    for (const [name, rule] of rules) {
      const m = rule.exec(rest);
      if (m) {
        counts[name] = (counts[name] || 0) + 1;
        rest = rest.slice(m[0].length);
        matched = true;
        break;
      }
    }
    if (!matched) {
      counts.other = (counts.other || 0) + 1;
      rest = rest.slice(1);
    }
  }

  return { data: { cases, tokenizer: { steps, counts, left: rest.length } } };
};
