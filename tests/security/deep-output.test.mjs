// Class 5 (deep or huge output): whatever a block produces is accepted or refused with a clear error, never a
// crash, a panic or a workspace that cannot run again. Blocksmith keeps at most 100 levels of nesting (every
// reader of a block's JSON — the state file, the run history, the next step, the worker protocol — reads 127);
// deeper is refused with a NestingLimitError naming what was too deep, exit status 3 (a limit), and the state
// from before is kept. A run's logs stop at 10,000 lines / 5 MB, inside the worker, with a closing count.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { addConnection, cli, newWorkspace, readManifest, scratchDir, writeManifest } from "./harness.mjs";
import { deepBlockSource, depthOf } from "./limits-helpers.mjs";

const LIMIT = 100;
const DEPTHS = [10, 99, 100, 101, 127, 128, 129, 200, 1_000, 10_000];
const WHERES = ["result", "instanceState", "executionState", "log"];

/** The start of the error message a refused run gives for a value too deep `where`. */
function refusalOf(where) {
  const what = where === "result" ? 'The value the block returned is nested more than 100 levels deep (under "data")'
    : `${where} is nested more than 100 levels deep (under "kept")`;
  return what;
}

/** Checks one `blocksmith run` outcome (of a block or of the flow's step) for `depth` and `where`. */
function checkOutcome(outcome, ran, depth, where, label) {
  assert.doesNotMatch(ran.stderr, /panicked|RUST_BACKTRACE/, `${label}: ${ran.stderr}`);
  if (where === "log") {
    assert.equal(outcome.ok, true, `${label}: ${JSON.stringify(outcome.error)}`);
    const message = outcome.logs[0].message;
    if (depth <= LIMIT) assert.ok(message.startsWith('{"level":{"level":'), `${label}: ${message.slice(0, 80)}`);
    else
      assert.equal(
        message,
        '[not logged: a value nested more than 100 levels deep (under "level"); Blocksmith logs at most 100 levels of objects and arrays]',
        label,
      );
    return;
  }
  if (depth <= LIMIT) {
    assert.equal(outcome.ok, true, `${label}: ${JSON.stringify(outcome.error)}`);
    return;
  }
  assert.equal(outcome.ok, false, label);
  assert.equal(outcome.error.name, "NestingLimitError", `${label}: ${JSON.stringify(outcome.error)}`);
  assert.ok(outcome.error.message.startsWith(refusalOf(where)), `${label}: ${outcome.error.message}`);
  assert.equal(outcome.result, null, label);
}

/** Runs a block FILE (optionally with --workspace) leaving each depth in each place; after each, a run works. */
async function walkBlockRuns(file, extraArgs, label) {
  for (const where of WHERES) {
    if (where === "executionState") continue; // lives in a flow; walked by the flow test
    for (const depth of DEPTHS) {
      writeFileSync(file, deepBlockSource(depth, where));
      const ran = await cli(["run", file, ...extraArgs]);
      const name = `${label} ${where} ${depth}`;
      assert.ok(ran.json, `${name}: no JSON line (exit ${ran.code}, signal ${ran.signal}): ${ran.stderr}`);
      assert.equal(ran.code, depth <= LIMIT || where === "log" ? 0 : 3, `${name}: exit ${ran.code} ${ran.stderr}`);
      checkOutcome(ran.json, ran, depth, where, name);
      if (where === "result" && depth <= LIMIT) assert.equal(depthOf(ran.json.returned), depth, name);

      writeFileSync(file, deepBlockSource(1, "result"));
      const next = await cli(["run", file, ...extraArgs]);
      assert.equal(next.code, 0, `${name}, the next run: ${next.stderr}`);
      assert.equal(next.json.result, "bottom", `${name}, the next run`);
    }
  }
}

test("blocksmith run FILE: every depth from 10 to 10,000 is accepted or refused clearly, and the next run works", async () => {
  const file = join(scratchDir("deep-file"), "deep.js");
  await walkBlockRuns(file, [], "run FILE");
});

test("blocksmith run --workspace: a workspace block's deep output never panics the CLI, even with secrets to redact", async () => {
  const workspace = await newWorkspace("deep-workspace");
  // With a stored secret the CLI redacts what it prints, which is where a result 200 levels deep panicked.
  await addConnection(workspace, { name: "Api", kind: "apikey", secrets: { apiKey: "deep-output-secret-1234" } });
  await walkBlockRuns(join(workspace, "blocks", "code-block.js"), ["--workspace", workspace], "run --workspace");
});

test("blocksmith run --flow: deep results, states and logs are accepted or refused, the state from before is kept", async () => {
  const workspace = await newWorkspace("deep-flow");
  // A second step reads back what the first left: its results, instanceState and executionState.
  writeFileSync(
    join(workspace, "blocks", "read-back.js"),
    `const depthOf = (v) => (v !== null && typeof v === "object" ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);
module.exports = async (context, stepResults) => ({
  data: {
    resultsDepth: depthOf(stepResults.codeBlock.results),
    instanceStateDepth: depthOf(context.instanceState),
    executionStateDepth: depthOf(context.executionState),
    markerBefore: context.executionState.markerBefore,
  },
});
`,
  );
  const manifest = readManifest(workspace);
  manifest.blocks.push({ id: "read-back", name: "Read Back", kind: "action" });
  manifest.flows[0].steps.push("read-back");
  writeManifest(workspace, manifest);
  const step = join(workspace, "blocks", "code-block.js");
  const runFlow = () => cli(["run", "--workspace", workspace, "--flow", "Flow 1"]);

  let lastKept = null;
  for (const where of WHERES) {
    for (const depth of DEPTHS) {
      const name = `run --flow ${where} ${depth}`;
      writeFileSync(step, deepBlockSource(depth, where));
      const ran = await runFlow();
      assert.ok(ran.json, `${name}: no JSON line (exit ${ran.code}, signal ${ran.signal}): ${ran.stderr}`);
      const accepted = depth <= LIMIT || where === "log";
      assert.equal(ran.code, accepted ? 0 : 3, `${name}: exit ${ran.code} ${ran.stderr}`);
      const [, codeBlock, readBack] = ran.json.steps;
      checkOutcome({ ...codeBlock, result: codeBlock.result }, ran, depth, where, name);
      if (accepted) {
        const seen = readBack.result;
        assert.equal(seen.markerBefore, lastKept, `${name}: the state the run started with`);
        if (where === "result") assert.equal(seen.resultsDepth, depth - 1, name);
        if (where === "instanceState") assert.equal(seen.instanceStateDepth, depth, name);
        if (where === "executionState") assert.equal(seen.executionStateDepth, depth, name);
      } else {
        assert.equal(ran.json.ok, false, name);
        assert.equal(readBack, undefined, `${name}: the flow stops at the refused step`);
      }
      // A refused instanceState leaves the one from before; anything else refused fails the step, whose
      // instanceState (the marker) is kept as after any failing step.
      if (accepted || where !== "instanceState") lastKept = depth;

      // The next run works and starts from the last state that was kept.
      writeFileSync(step, deepBlockSource(1, "result"));
      const next = await runFlow();
      assert.equal(next.code, 0, `${name}, the next run: ${next.stderr}`);
      assert.equal(next.json.steps[2].result.markerBefore, lastKept, `${name}, the next run's state`);
      lastKept = 1;
    }
  }
});

test("a state file left unreadable by a deep state is set aside whole, and the flow runs again", async () => {
  const workspace = await newWorkspace("deep-bricked");
  let nested = '"bottom"';
  for (let i = 0; i < 200; i++) nested = `{"level":${nested}}`;
  // What older versions wrote after a block left instanceState 200 levels deep (no JSON reader takes it back).
  const bricked = `{"instanceState":{"Flow 1":${nested}},"crossFlowState":{}}\n`;
  writeFileSync(join(workspace, "state.json"), bricked);

  writeFileSync(join(workspace, "blocks", "code-block.js"), deepBlockSource(5, "instanceState"));
  const ran = await cli(["run", "--workspace", workspace, "--flow", "Flow 1"]);
  assert.equal(ran.code, 0, ran.stderr);
  assert.equal(ran.json.ok, true);
  const notice = ran.stderr.match(/state file (\S+) could not be read \(.*\), so it was moved to (\S+) \(nothing in it is lost\)/);
  assert.ok(notice, `no notice on stderr: ${ran.stderr}`);
  const keptAs = notice[2];
  assert.match(keptAs, /state\.json\.unreadable-\d+$/);
  assert.equal(readFileSync(keptAs, "utf8"), bricked, "the unreadable file is kept whole");

  // The state is usable again: the next run sees what this one kept, and says nothing more.
  writeFileSync(join(workspace, "blocks", "code-block.js"), deepBlockSource(1, "result"));
  const next = await cli(["run", "--workspace", workspace, "--flow", "Flow 1"]);
  assert.equal(next.code, 0, next.stderr);
  assert.doesNotMatch(next.stderr, /could not be read/);
  assert.ok(existsSync(keptAs));
});

test("a run's logs stop at 10,000 lines with a closing count", async () => {
  const file = join(scratchDir("logs-lines"), "many.js");
  writeFileSync(file, "module.exports = async ({ logger }) => { for (let i = 0; i < 25000; i++) logger.info('line', i); return { data: 1 }; };\n");
  const ran = await cli(["run", file]);
  assert.equal(ran.code, 0, ran.stderr);
  const logs = ran.json.logs;
  assert.equal(logs.length, 10_001);
  assert.equal(logs[9_999].message, "line 9999");
  assert.equal(logs[10_000].message, "15000 more log lines were dropped: a run keeps at most 10000 lines and 5 MB of logs.");
});

test("a run's logs stop at 5 MB with a closing count", async () => {
  const file = join(scratchDir("logs-bytes"), "wide.js");
  // 2,000 lines of 4,096 characters: 8 MB. 1,280 of them make exactly 5 MB.
  writeFileSync(file, "module.exports = async ({ logger }) => { for (let i = 0; i < 2000; i++) logger.info('x'.repeat(4096)); return { data: 1 }; };\n");
  const ran = await cli(["run", file]);
  assert.equal(ran.code, 0, ran.stderr);
  const logs = ran.json.logs;
  assert.equal(logs.length, 1_281);
  assert.equal(logs.slice(0, -1).reduce((sum, line) => sum + line.message.length, 0), 5 * 1024 * 1024);
  assert.equal(logs.at(-1).message, "720 more log lines were dropped: a run keeps at most 10000 lines and 5 MB of logs.");
});

test("a run killed after its log cap shows where logging stopped, and the worker sent nothing past it", async () => {
  const file = join(scratchDir("logs-killed"), "hangs.js");
  writeFileSync(file, "module.exports = async ({ logger }) => { for (let i = 0; i < 20000; i++) logger.info('line', i); while (true) {} };\n");
  const ran = await cli(["run", file, "--timeout-ms", "8000"]);
  assert.equal(ran.code, 3, ran.stderr);
  assert.equal(ran.json.error.name, "TimeoutError");
  const logs = ran.json.logs;
  assert.equal(logs.length, 10_001);
  assert.equal(logs[9_999].message, "line 9999");
  assert.equal(logs[10_000].message, "Log lines past this point are dropped: a run keeps at most 10000 lines and 5 MB of logs.");
});
