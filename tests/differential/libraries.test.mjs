// The real-library suite: published npm libraries at pinned versions (devDependencies, installed by `npm ci`,
// nothing downloaded at test time), each bundled build pasted into a block as a developer would paste it
// (libraries/paste.mjs) and driven through its everyday API by libraries/NAME.js. Each block runs through
// `blocksmith run` and through Node's reference harness, and the two must agree field by field, as in the
// differential suite. bench/libraries.mjs times the same blocks for the README's table.
//
//   BLOCKSMITH_BIN=path/to/blocksmith node --test tests/differential/libraries.test.mjs
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { COMPARED, fieldOf, parseLine, run } from "./compare.mjs";
import { LIBRARIES } from "./libraries/list.mjs";
import { libraryDrivers, pastedBlock } from "./libraries/paste.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, "../..");
const reference = join(here, "reference.mjs");
const binary =
  process.env.BLOCKSMITH_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(repository, "target"), "debug", "blocksmith");
const scratch = mkdtempSync(join(tmpdir(), "blocksmith-libraries-"));
const RUN_TIMEOUT_MS = 120_000;

for (const driver of libraryDrivers(LIBRARIES)) {
  const block = pastedBlock(driver);
  test(`${block.name} (${block.pasted.map((paste) => paste.file).join(", ")})`, { skip: !existsSync(binary) && "no blocksmith binary" }, async () => {
    const file = join(scratch, `${block.name}.js`);
    writeFileSync(file, block.source);
    // What this checks is behaviour; a debug build runs the heaviest libraries for many seconds, so the run gets
    // more than the default 30 s (bench/libraries.mjs measures speed on a release build).
    const [ours, node] = await Promise.all([
      run(binary, ["run", file, "--timeout-ms", String(RUN_TIMEOUT_MS)], RUN_TIMEOUT_MS + 10_000),
      run(process.execPath, [reference, file]),
    ]);
    const boa = parseLine("blocksmith run", ours);
    const expected = parseLine("the Node harness", node);
    assert.equal(expected.ok, true, `the driver fails on Node itself: ${JSON.stringify(expected.error)}`);
    assert.equal(ours.code, node.code, `exit status (blocksmith error: ${JSON.stringify(boa.error)})`);
    for (const field of COMPARED) {
      assert.deepEqual(fieldOf(boa, field), fieldOf(expected, field), `${block.name}: ${field} differs from Node`);
    }
  });
}
