// The differential suite: every block in blocks/ runs through `blocksmith run` and through Node (the
// reference harness), and the two JSON lines must agree field by field: ok, returned, result, response,
// logs, error.name, error.message and error.line (not durationMs, column or stack). Known, explained
// differences are listed in allowlist.json.
//
//   BLOCKSMITH_BIN=path/to/blocksmith node --test tests/differential/
//
// Without BLOCKSMITH_BIN it uses $CARGO_TARGET_DIR (or ./target) /debug/blocksmith.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { COMPARED, fieldOf, parseLine, run } from "./compare.mjs";
import { startServer } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, "../..");
const blocksDir = join(here, "blocks");
const reference = join(here, "reference.mjs");
const binary =
  process.env.BLOCKSMITH_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(repository, "target"), "debug", "blocksmith");
const allowed = JSON.parse(readFileSync(join(here, "allowlist.json"), "utf8")).allowed;

let server;
let scratch;
before(async () => {
  server = await startServer();
  scratch = mkdtempSync(join(tmpdir(), "blocksmith-differential-"));
});
after(() => server.close());

// The sidecar NAME.json gives the flags; "${SERVER}" in it stands for the test server's base URL.
function argumentsFor(block) {
  const sidecar = join(blocksDir, block.replace(/\.js$/, ".json"));
  if (!existsSync(sidecar)) return [];
  const spec = JSON.parse(readFileSync(sidecar, "utf8").replaceAll("${SERVER}", server.url));
  const args = spec.trigger ? ["--trigger"] : [];
  for (const [key, flag] of [["configVars", "--config-vars"], ["stepResults", "--step-results"], ["payload", "--payload"]]) {
    if (spec[key] !== undefined) {
      const file = join(scratch, `${block}.${key}.json`);
      writeFileSync(file, JSON.stringify(spec[key]));
      args.push(flag, file);
    }
  }
  return args;
}

const blocks = readdirSync(blocksDir).filter((name) => name.endsWith(".js")).sort();

test("the suite has at least 40 blocks", () => {
  assert.ok(blocks.length >= 40, `only ${blocks.length} blocks`);
});

test("the blocksmith binary exists", () => {
  assert.ok(existsSync(binary), `${binary} is missing: build it with \`cargo build -p blocksmith-cli\` or set BLOCKSMITH_BIN`);
});

for (const block of blocks) {
  test(block, { skip: !existsSync(binary) && "no blocksmith binary" }, async () => {
    const file = join(blocksDir, block);
    const args = argumentsFor(block);
    const [ours, node] = await Promise.all([run(binary, ["run", file, ...args]), run(process.execPath, [reference, file, ...args])]);
    const boa = parseLine("blocksmith run", ours);
    const expected = parseLine("the Node harness", node);
    assert.equal(ours.code, node.code, "exit status");
    for (const field of COMPARED) {
      if (allowed.some((entry) => entry.block === block && entry.field === field)) continue;
      assert.deepEqual(fieldOf(boa, field), fieldOf(expected, field), `${block}: ${field} differs from Node`);
    }
  });
}
