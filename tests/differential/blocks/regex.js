module.exports = async () => {
  const text = "Order #123 on 2024-05-06, order #456 on 2024-07-08.";
  const dates = [...text.matchAll(/(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/g)].map((m) => m.groups);
  return {
    data: {
      dates,
      orders: text.match(/#\d+/g),
      replaced: text.replace(/(\d{4})-(\d{2})-(\d{2})/g, "$3/$2/$1"),
      replaceAll: "a.b.c".replaceAll(".", "/"),
      lookbehind: "price: $42, cost: $7".match(/(?<=\$)\d+/g),
      sticky: (() => {
        const re = /foo/y;
        re.lastIndex = 3;
        return re.test("barfoo");
      })(),
      unicode: /\p{Lu}/u.test("É"),
      split: "a1b22c333".split(/\d+/),
      flags: /x/dgimsuy.flags,
      named: "John Smith".replace(/(?<first>\w+) (?<last>\w+)/, "$<last>, $<first>"),
      lastIndexExec: (() => {
        const re = /o/g;
        const out = [];
        let m;
        while ((m = re.exec("foo boo"))) out.push(m.index);
        return out;
      })(),
    },
  };
};
