// The surface-parity test: surface/walk.js lists the public names of Node 20's built-in surface (the globals,
// each built-in's own names and its prototype's, Intl, the web APIs, Buffer, `process` and every module a block
// can `require`) as a block sees them, once in Node and once in `blocksmith run`. Every name Node has must be in
// Blocksmith's list, or be listed with a reason in COMPAT.md's "Names a block does not have" table, which this
// test reads. A row of that table that no longer matches a missing name fails too, so the table stays true.
//
//   BLOCKSMITH_BIN=path/to/blocksmith node --test tests/differential/surface.test.mjs
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { parseLine, run } from "./compare.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, "../..");
const binary =
  process.env.BLOCKSMITH_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(repository, "target"), "debug", "blocksmith");
const walker = join(here, "surface", "walk.js");
const EXCEPTIONS_HEADING = "## Names a block does not have";

/**
 * The rows of COMPAT.md's exceptions table: each `{ patterns, why }`, where the first cell holds one or more
 * backticked names (`*` in a name stands for any run of characters) and the second the reason.
 */
export function readExceptions(markdown) {
  const start = markdown.indexOf(EXCEPTIONS_HEADING);
  assert.notEqual(start, -1, `COMPAT.md has no "${EXCEPTIONS_HEADING}" section`);
  const section = markdown.slice(start + EXCEPTIONS_HEADING.length).split(/\n## /)[0];
  const rows = section.split("\n").filter((line) => line.startsWith("|") && !/^\|\s*(Names|---)/.test(line));
  return rows.map((row) => {
    const [names, why] = row.split(/(?<!\\)\|/).slice(1, 3).map((cell) => cell.trim());
    const patterns = [...names.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
    assert.ok(patterns.length > 0, `a COMPAT.md exception row names nothing: ${row}`);
    assert.ok(why && why.length > 10, `a COMPAT.md exception row gives no reason: ${row}`);
    return { patterns: patterns.map(toRegExp), text: names, why };
  });
}

function toRegExp(pattern) {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*");
  return new RegExp(`^${escaped}$`);
}

// The walk's names by where they come from, for the counts printed.
const SURFACE_PARTS = {
  "globals (but process)": (name) => !name.startsWith("require") && !/^process(\.|$)/.test(name),
  process: (name) => /^process(\.|$)/.test(name),
  "require()'s modules": (name) => name.startsWith("require"),
};

async function walk(command, args) {
  const outcome = parseLine(command, await run(command, [...args, walker]));
  assert.equal(outcome.ok, true, `the walk failed in ${command}: ${JSON.stringify(outcome.error)}`);
  return outcome.result;
}

test("every public name of Node's built-in surface is in Blocksmith or excused in COMPAT.md", { skip: !existsSync(binary) && "no blocksmith binary" }, async (t) => {
  const [node, ours] = await Promise.all([walk(process.execPath, [join(here, "reference.mjs")]), walk(binary, ["run"])]);
  const present = new Set(ours);
  const missing = node.filter((name) => !present.has(name));
  const exceptions = readExceptions(readFileSync(join(here, "COMPAT.md"), "utf8"));
  const excused = new Map(exceptions.map((exception) => [exception, 0]));
  const unexcused = [];
  for (const name of missing) {
    const exception = exceptions.find(({ patterns }) => patterns.some((pattern) => pattern.test(name)));
    if (exception) excused.set(exception, excused.get(exception) + 1);
    else unexcused.push(name);
  }
  t.diagnostic(
    `Node's surface: ${node.length} names; Blocksmith has ${node.length - missing.length}; ` +
      `${missing.length - unexcused.length} missing with a reason in COMPAT.md; ${unexcused.length} missing without one`,
  );
  for (const [part, inPart] of Object.entries(SURFACE_PARTS)) {
    const names = node.filter(inPart);
    t.diagnostic(`  ${part}: Blocksmith has ${names.filter((name) => present.has(name)).length} of ${names.length}`);
  }
  assert.deepEqual(unexcused, [], "names Node has that Blocksmith lacks, not listed in COMPAT.md");
  const stale = exceptions.filter((exception) => excused.get(exception) === 0).map((exception) => exception.text);
  assert.deepEqual(stale, [], "COMPAT.md exception rows that match no missing name (remove them)");
});
