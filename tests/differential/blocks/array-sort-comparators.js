// Sorting with comparison functions: a consistent one gives Node's (stable) order for arrays, toSorted and typed
// arrays; one that is not a total order (random answers, or one ignoring its second argument) still finishes
// with every element kept, as in Node, whose order for it is implementation-defined and so not compared.
module.exports = async () => {
  const people = [
    { name: "Ada", team: "b" }, { name: "Bo", team: "a" }, { name: "Cy", team: "b" }, { name: "Di", team: "a" },
    { name: "Ed", team: "c" }, { name: "Flo", team: "a" },
  ];
  const byTeam = [...people].sort((x, y) => x.team.localeCompare(y.team)).map((person) => person.name);
  const numbers = Array.from({ length: 40 }, (_, i) => (i * 37) % 41);
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const shuffledOrder = [...numbers].sort(() => (random() < 0.5 ? -1 : 1));
  const ignoresSecond = [...numbers].sort((x) => x % 3 - 1);
  const keepsEverything = (sorted) => JSON.stringify([...sorted].sort((x, y) => x - y)) === JSON.stringify([...numbers].sort((x, y) => x - y));
  return {
    data: {
      byTeam,
      descending: [...numbers].sort((x, y) => y - x).slice(0, 8),
      toSorted: numbers.toSorted((x, y) => (x % 5) - (y % 5)).slice(0, 12),
      typed: [...new Float64Array([3.5, -1, 2, 0.5, -7]).sort((x, y) => Math.abs(x) - Math.abs(y))],
      defaultOrder: [10, 9, 1, 100, 25].sort(),
      inconsistent: [keepsEverything(shuffledOrder), keepsEverything(ignoresSecond), shuffledOrder.length],
    },
  };
};
