// The block's `context` against the platform's own type and runtime, Spectral (`@prismatic-io/spectral`, pinned in
// package.json): context/every-member.ts reads every member Blocksmith declares. It must typecheck under
// `tsc --strict` against Spectral's `ActionContext` and against the `.d.ts` `blocksmith export --format dts` ships,
// and Blocksmith's context must be assignable to Spectral's. Compiled to JavaScript, it runs in `blocksmith run`
// and in Node through Spectral's test harness (`invoke`, which builds the platform's context shape), and each
// member's runtime shape must be the same in both.
//
//   BLOCKSMITH_BIN=path/to/blocksmith node --test tests/differential/
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const binary =
  process.env.BLOCKSMITH_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(root, "target"), "debug", "blocksmith");
const tsc = join(root, "node_modules", ".bin", "tsc");
const require = createRequire(import.meta.url);
const skip = (!existsSync(binary) && "no blocksmith binary") || (!existsSync(tsc) && "no node_modules (npm ci)");

const SPECTRAL_CONTEXT = "@prismatic-io/spectral/dist/types/ActionPerformFunction";
const TSC_OPTIONS = ["--strict", "--module", "commonjs", "--moduleResolution", "node", "--target", "es2022"];
// Some of Spectral's dependencies' declarations do not check under these options, so declaration files are not
// checked with the block; Blocksmith's own `.d.ts` is checked on its own, without the repository's ambient types.
const SKIP_LIBRARIES = "--skipLibCheck";
const ALONE = ["--typeRoots", "./no-ambient-types"];

/** A scratch folder with the block, Blocksmith's exported `.d.ts` and the repository's node_modules. */
function scratch(t) {
  const dir = mkdtempSync(join(tmpdir(), "blocksmith-context-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  copyFileSync(join(here, "context", "every-member.ts"), join(dir, "block.ts"));
  const workspace = join(dir, "workspace");
  execFileSync(binary, ["export", "--workspace", workspace, "--format", "dts", "-o", join(dir, "blocksmith-context.d.ts")]);
  return dir;
}

function typecheck(dir, files, options = [SKIP_LIBRARIES]) {
  try {
    execFileSync(tsc, [...TSC_OPTIONS, ...options, "--noEmit", ...files], { cwd: dir, encoding: "utf8" });
  } catch (error) {
    assert.fail(`tsc --strict failed:\n${error.stdout}${error.stderr}`);
  }
}

/** The members `BlocksmithContext` declares, in order. */
function declaredMembers(declarations) {
  const body = declarations.split("export interface BlocksmithContext {")[1].split("\n}")[0];
  return [...body.matchAll(/^ {2}(\w+): /gm)].map((match) => match[1]);
}

test("the block typechecks against Spectral's ActionContext and Blocksmith's exported .d.ts", { skip }, (t) => {
  const dir = scratch(t);
  const declarations = readFileSync(join(dir, "blocksmith-context.d.ts"), "utf8");
  const block = readFileSync(join(dir, "block.ts"), "utf8");
  const members = declaredMembers(declarations);
  assert.ok(members.length >= 21, `BlocksmithContext declares ${members.join(", ")}`);
  for (const member of members) {
    assert.match(block, new RegExp(`context\\.${member}\\b`), `every-member.ts reads context.${member}`);
  }

  typecheck(dir, ["blocksmith-context.d.ts"], ALONE);
  writeFileSync(join(dir, "context-type.ts"), `export type { ActionContext as Context } from "${SPECTRAL_CONTEXT}";\n`);
  typecheck(dir, ["block.ts"]);
  writeFileSync(join(dir, "context-type.ts"), `export type { BlocksmithContext as Context } from "./blocksmith-context";\n`);
  typecheck(dir, ["block.ts"]);

  // Blocksmith's context can stand wherever Spectral's is expected. `invokeFlow` is checked on its own: Spectral
  // types its answer as Axios's whole `AxiosResponse` (with the request's `config`, an `AxiosHeaders` instance),
  // of which Blocksmith gives the fields a block reads, and takes any flow name Spectral's does.
  writeFileSync(
    join(dir, "assignable.ts"),
    `import type { ActionContext } from "${SPECTRAL_CONTEXT}";\n` +
      `import type { AxiosResponse } from "axios";\n` +
      `import type { BlocksmithContext } from "./blocksmith-context";\n` +
      `declare const blocksmith: BlocksmithContext;\n` +
      `export const asSpectral: Omit<ActionContext, "invokeFlow"> = blocksmith;\n` +
      `type Answer = Awaited<ReturnType<BlocksmithContext["invokeFlow"]>>;\n` +
      `declare const answer: Answer;\n` +
      `export const asAxios: Pick<AxiosResponse, "data" | "status" | "statusText" | "headers"> = answer;\n` +
      `declare const spectralName: Parameters<ActionContext["invokeFlow"]>[0];\n` +
      `export const name: Parameters<BlocksmithContext["invokeFlow"]>[0] = spectralName;\n`,
  );
  typecheck(dir, ["assignable.ts"]);
});

test("each member has Spectral's runtime shape, and debug mode records", { skip }, async (t) => {
  const dir = scratch(t);
  writeFileSync(join(dir, "context-type.ts"), `export type { BlocksmithContext as Context } from "./blocksmith-context";\n`);
  execFileSync(tsc, [...TSC_OPTIONS, SKIP_LIBRARIES, "--outDir", join(dir, "js"), "block.ts"], { cwd: dir });
  const compiled = join(dir, "js", "block.js");

  const line = execFileSync(binary, ["run", compiled, "--debug-mode"], { encoding: "utf8" });
  const outcome = JSON.parse(line.trim().split("\n").pop());
  assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
  const ours = outcome.result;

  const { invoke } = require("@prismatic-io/spectral/dist/testing");
  const spectral = (await invoke({ perform: require(compiled) }, {}, {})).result.data;
  const expected = structuredClone(spectral.shape);
  // Spectral's harness gives the logger of code-native integrations; a code step's `ActionLogger` has no sections.
  delete expected.logger.section;
  delete expected.logger.sectionEnd;
  assert.deepEqual(ours.shape, expected);

  // The frame names this run and step, as the other ids do.
  assert.equal(ours.frame.executionId, ours.uses.executionId);
  assert.equal(ours.frame.executionStartedAt, ours.uses.startedAt);
  assert.equal(ours.frame.stepName, "block");
  assert.equal(ours.frame.componentActionKey, "runCode");
  assert.equal(ours.frame.invokedByExecutionJWT, "", "not invoked by another flow");
  assert.equal(ours.uses.stepId, "block");
  assert.deepEqual(ours.uses.flowSchemas, []);

  assert.match(ours.componentsError, /^TypeError: context\.components has no component "slack": a code step has no component registry/);

  // Debug mode: marks on a monotonic clock, their measurement, memory rows with the worker's real figures (MB).
  const { enabled, results } = ours.debug;
  assert.equal(enabled, true);
  const { start, end } = results.timeElapsed.marks;
  assert.ok(start >= 0 && end >= start, `marks ${start} → ${end}`);
  assert.deepEqual(results.timeElapsed.measurements["whole run"], { marks: { start: "start", end: "end" }, duration: end - start });
  assert.equal(results.allowedMemory, 512);
  assert.deepEqual(results.memoryUsage.map((row) => row.mark), ["start", "end"]);
  const [first, last] = results.memoryUsage;
  assert.ok(first.rss > 1 && first.rss < 512, `rss ${first.rss} MB`);
  assert.deepEqual(Object.keys(first.detail), ["rss", "heapTotal", "heapUsed", "external", "arrayBuffers"]);
  assert.ok(first.detail.heapUsed > 0 && first.detail.heapTotal >= first.detail.heapUsed, JSON.stringify(first.detail));
  assert.equal(last.detail, undefined, "no detail unless asked");
  // The line carries the same results for the run panel's table.
  assert.deepEqual(outcome.debugResults, results);
});

test("without debug mode, context.debug records nothing", { skip }, (t) => {
  const dir = scratch(t);
  writeFileSync(join(dir, "context-type.ts"), `export type { BlocksmithContext as Context } from "./blocksmith-context";\n`);
  execFileSync(tsc, [...TSC_OPTIONS, SKIP_LIBRARIES, "--outDir", join(dir, "js"), "block.ts"], { cwd: dir });
  const line = execFileSync(binary, ["run", join(dir, "js", "block.js")], { encoding: "utf8" });
  const outcome = JSON.parse(line.trim().split("\n").pop());
  assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
  assert.deepEqual(outcome.result.debug, {
    enabled: false,
    results: { timeElapsed: { marks: {}, measurements: {} }, memoryUsage: [], allowedMemory: 512 },
  });
  assert.equal("debugResults" in outcome, false);
});

/** A workspace (made by the CLI) with one flow per `[name, trigger file under context/]`. */
function workspaceWithFlows(t, flows) {
  const dir = mkdtempSync(join(tmpdir(), "blocksmith-invoke-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  execFileSync(binary, ["config-vars", "list", "--workspace", dir]);
  const manifest = JSON.parse(readFileSync(join(dir, "blocksmith.json"), "utf8"));
  for (const [name, file] of flows) {
    const id = name.toLowerCase();
    manifest.blocks.push({ id, name: `${name} Trigger`, kind: "trigger" });
    manifest.flows.push({ name, trigger: id, steps: [] });
    copyFileSync(join(here, "context", file), join(dir, "blocks", `${id}.js`));
  }
  writeFileSync(join(dir, "blocksmith.json"), JSON.stringify(manifest, null, 2));
  return dir;
}

/** `blocksmith serve` on a free port, until the test ends: its flows' URLs by name. */
async function serve(t, workspace) {
  const child = spawn(binary, ["serve", "--workspace", workspace, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  t.after(() => child.kill());
  const first = await new Promise((resolveLine, reject) => {
    let buffered = "";
    child.stdout.on("data", (chunk) => {
      buffered += chunk;
      if (buffered.includes("\n")) resolveLine(buffered.split("\n")[0]);
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return JSON.parse(first).flows;
}

/** An axios response as the blocks return it; the date (the clock's) is checked for its form only. */
function answered(response) {
  const headers = { ...response.headers };
  assert.match(headers.date, / GMT$/);
  delete headers.date;
  return { status: response.status, statusText: response.statusText, data: response.data, headers };
}

test("invokeFlow answers what axios gets from the flow's webhook", { skip }, async (t) => {
  const workspace = workspaceWithFlows(t, [
    ["Orders", "invoke-orders.js"],
    ["Broken", "invoke-broken.js"],
    ["Caller", "invoke-caller.js"],
  ]);
  const line = execFileSync(binary, ["run", "--workspace", workspace, "--flow", "Caller"], { encoding: "utf8" });
  const outcome = JSON.parse(line);
  assert.equal(outcome.ok, true, JSON.stringify(outcome.steps));
  const ours = outcome.steps[0].result;

  const axios = require("axios");
  const urls = await serve(t, workspace);
  const orders = await axios.post(urls.Orders, { id: 7 }, { headers: { "X-Source": "caller" } });
  const error = await axios.post(urls.Broken, {}).then(
    () => assert.fail("axios resolved a 500"),
    (rejected) => rejected,
  );

  assert.deepEqual(answered(ours.orders), answered(orders));
  assert.equal(ours.broken.name, error.name);
  assert.equal(ours.broken.code, error.code);
  assert.equal(ours.broken.status, error.status);
  const theirs = answered(error.response);
  const mine = answered(ours.broken.response);
  // The execution ids differ (two executions); the rest of the failure answer is the same.
  assert.match(mine.data.executionId, /^local-/);
  delete mine.data.executionId;
  delete theirs.data.executionId;
  assert.equal(mine.headers["content-length"] !== undefined, true);
  delete mine.headers["content-length"];
  delete theirs.headers["content-length"];
  assert.deepEqual(mine, theirs);
});
