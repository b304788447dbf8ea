// CPU benchmark: JSON.stringify and JSON.parse of about 1 MB, three times.
module.exports = async () => {
  const records = Array.from({ length: 8_000 }, (_, i) => ({
    id: i,
    name: `record number ${i}`,
    tags: ["alpha", "beta", "gamma"],
    nested: { value: i * 1.5, active: i % 2 === 0 },
  }));
  let length = 0;
  for (let round = 0; round < 3; round++) {
    const text = JSON.stringify(records);
    length = text.length;
    JSON.parse(text);
  }
  return { data: length };
};
