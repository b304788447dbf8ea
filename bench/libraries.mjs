#!/usr/bin/env node
// Times the real-library suite's blocks (tests/differential/libraries/) as whole processes: `blocksmith run`
// against Node's reference harness on the same pasted block, median of RUNS each, the two taking turns. Prints the
// README's library table (markdown) with each ratio blocksmith / node and their geometric mean.
//
//   BLOCKSMITH_BIN=$CARGO_TARGET_DIR/release/blocksmith node bench/libraries.mjs [RUNS]
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { LIBRARIES } from "../tests/differential/libraries/list.mjs";
import { libraryDrivers, pastedBlock } from "../tests/differential/libraries/paste.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const binary = process.env.BLOCKSMITH_BIN;
if (!binary) {
  console.error("libraries.mjs: set BLOCKSMITH_BIN to a release build of the CLI (cargo build --release -p blocksmith-cli)");
  process.exit(2);
}
const runs = Number(process.argv[2] ?? 7);
const reference = join(root, "tests/differential/reference.mjs");
const scratch = mkdtempSync(join(tmpdir(), "blocksmith-library-bench-"));

// The two sides take turns, run by run, so that a stretch of a busy machine slows both rather than one: the
// ratio is what the table is for, and Node's own time moves by a fifth between sittings.
function medianMsInTurn(sides) {
  const times = sides.map(() => []);
  for (const [command, args] of sides) execFileSync(command, args, { stdio: "ignore" }); // warm the file cache
  for (let i = 0; i < runs; i++) {
    sides.forEach(([command, args], side) => {
      const started = process.hrtime.bigint();
      execFileSync(command, args, { stdio: "ignore" });
      times[side].push(Number(process.hrtime.bigint() - started) / 1e6);
    });
  }
  return times.map((side) => side.sort((a, b) => a - b)[Math.floor(side.length / 2)]);
}

// A library's package is the folder of its first pasted file; its version is what `npm ci` installed.
const packageOf = (block) => block.pasted[0].file.split("/")[0];
const versionOf = (name) => JSON.parse(execFileSync("npm", ["ls", "--json", "--depth=0", name], { cwd: root, encoding: "utf8" })).dependencies[name].version;

const rows = [];
for (const driver of libraryDrivers(LIBRARIES)) {
  const block = pastedBlock(driver);
  const file = join(scratch, `${block.name}.js`);
  writeFileSync(file, block.source);
  const [ours, node] = medianMsInTurn([
    [binary, ["run", file]],
    [process.execPath, [reference, file]],
  ]);
  const kib = block.pasted.reduce((sum, paste) => sum + paste.bytes, 0) / 1024;
  const name = packageOf(block);
  rows.push({ name, version: versionOf(name), kib, ours, node, ratio: ours / node });
}
const geometricMean = Math.exp(rows.reduce((sum, row) => sum + Math.log(row.ratio), 0) / rows.length);
console.log(`| library | pasted | Blocksmith | Node | ratio |`);
console.log(`| --- | --- | --- | --- | --- |`);
for (const row of rows) {
  console.log(`| ${row.name} ${row.version} | ${row.kib.toFixed(0)} KB | ${row.ours.toFixed(1)} ms | ${row.node.toFixed(1)} ms | ${row.ratio.toFixed(2)}× |`);
}
console.log(`| geometric mean | | | | ${geometricMean.toFixed(2)}× |`);
