// Writes the 11 MB trigger payload the engine benchmark feeds to big-trigger.js.
import { writeFileSync } from "node:fs";

const target = process.argv[2];
const rows = [];
let size = 0;
for (let i = 0; size < 11 * 1024 * 1024; i++) {
  const row = { id: i, name: `customer ${i}`, email: `user${i}@example.com`, score: (i * 7919) % 1000 / 10, active: i % 3 !== 0, tags: ["a", "b"] };
  size += JSON.stringify(row).length + 1;
  rows.push(row);
}
writeFileSync(target, JSON.stringify({ headers: {}, body: { data: rows, contentType: "application/json" } }));
