module.exports = async () => {
  const original = { date: new Date(Date.UTC(2024, 0, 1)), map: new Map([["k", { v: 1 }]]), set: new Set([1, 2]), list: [1, { x: 2 }] };
  original.self = original;
  const copy = structuredClone(original);
  let failure;
  try {
    structuredClone({ fn() {} });
  } catch (error) {
    failure = error.name;
  }
  return {
    data: {
      distinct: copy !== original && copy.list !== original.list,
      cycleKept: copy.self === copy,
      date: copy.date instanceof Date && copy.date.toISOString(),
      map: copy.map.get("k"),
      set: [...copy.set],
      list: copy.list,
      failure,
      typed: Array.from(structuredClone(new Uint16Array([1, 65535]))),
    },
  };
};
