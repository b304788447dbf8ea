#!/usr/bin/env node
// Times pasted libraries on inputs of integration size (bench/big-inputs/: a 20,000-row CSV through papaparse, a
// 20,000-row table through handlebars, a 400 KB Markdown document through marked): `blocksmith run` against
// Node's reference harness on the same pasted block, each side's reported `durationMs` (so start-up does not
// hide the work), median of RUNS. Prints a markdown table with the ratio blocksmith / node.
//
//   BLOCKSMITH_BIN=$CARGO_TARGET_DIR/release/blocksmith node bench/big-inputs.mjs [RUNS]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { pastedBlock } from "../tests/differential/libraries/paste.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const binary = process.env.BLOCKSMITH_BIN;
if (!binary) {
  console.error("big-inputs.mjs: set BLOCKSMITH_BIN to a release build of the CLI (cargo build --release -p blocksmith-cli)");
  process.exit(2);
}
const runs = Number(process.argv[2] ?? 5);
const reference = join(root, "tests/differential/reference.mjs");
const drivers = join(root, "bench/big-inputs");
const scratch = mkdtempSync(join(tmpdir(), "blocksmith-big-inputs-"));

/** Median `durationMs` of RUNS runs; fails loudly when a run does not succeed or the two sides disagree. */
function medianReported(command, args) {
  const times = [];
  let returned;
  for (let i = 0; i < runs; i++) {
    const report = JSON.parse(execFileSync(command, args, { encoding: "utf8", maxBuffer: 64 << 20 }));
    if (!report.ok) throw new Error(`${command} ${args.join(" ")}: ${JSON.stringify(report.error)}`);
    times.push(report.durationMs);
    returned = JSON.stringify(report.returned);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], returned };
}

console.log("| block | Blocksmith | Node | ratio |");
console.log("| --- | --- | --- | --- |");
for (const name of readdirSync(drivers).filter((file) => file.endsWith(".js")).sort()) {
  const block = pastedBlock(join(drivers, name));
  const file = join(scratch, name);
  writeFileSync(file, block.source);
  process.stderr.write(`big-inputs: ${block.name}…\n`);
  const ours = medianReported(binary, ["run", file]);
  const node = medianReported(process.execPath, [reference, file]);
  if (ours.returned !== node.returned) throw new Error(`${block.name}: Blocksmith and Node returned different results`);
  console.log(`| ${block.name} | ${ours.ms.toFixed(1)} ms | ${node.ms.toFixed(1)} ms | ${(ours.ms / node.ms).toFixed(2)}× |`);
}
