// CPU benchmark: inserting, reading and deleting 200,000 Map entries.
module.exports = async () => {
  const map = new Map();
  let hits = 0;
  for (let i = 0; i < 200_000; i++) {
    map.set(`key${i}`, i);
    if (map.has(`key${i >> 1}`)) hits += map.get(`key${i >> 1}`) & 1;
    if (i % 3 === 0) map.delete(`key${i - 1}`);
  }
  return { data: [map.size, hits] };
};
