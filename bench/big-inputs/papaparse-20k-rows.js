// paste Papa = papaparse/papaparse.min.js
// A CSV export and import at integration size: 20,000 records unparsed to 1 MB of CSV (quoted fields with
// commas on every tenth row) and parsed back with a header row.
module.exports = async () => {
  const rows = [];
  for (let i = 0; i < 20_000; i++) {
    rows.push({ id: i, name: `name ${i}`, email: `user${i}@example.com`, amount: (i * 1.5).toFixed(2), note: i % 10 === 0 ? "has, comma" : "plain" });
  }
  const csv = Papa.unparse(rows);
  const back = Papa.parse(csv, { header: true });
  return { data: { bytes: csv.length, rows: back.data.length, last: back.data[back.data.length - 1] } };
};
