// Class 2 of the Trust issue: the manifest and every file of a workspace are untrusted. A shared folder whose
// blocksmith.json names a block `../../outside/victim` or `/abs/outside/victim`, or whose block file, `blocks/`,
// `samples/` or `.blocksmith/` is a symbolic link out of the folder, must not make the real CLI run, read, copy,
// write or delete anything outside it; the refusal names the entry and the file. (Deleting a step has no CLI
// command: crates/workspace/tests/untrusted_folder.rs proves the delete path.)
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";

import { cli, readManifest, scratchDir } from "./harness.mjs";
import {
  copyVictimAs,
  OUTSIDE_MARKER,
  setTriggerId,
  snapshot,
  workspaceBesideOutside,
} from "./manifest-paths-helpers.mjs";

/** Asserts the outside files never reached the output of a CLI call. */
function assertNothingLeaked(result, what) {
  for (const [stream, text] of [
    ["stdout", result.stdout],
    ["stderr", result.stderr],
  ]) {
    assert.ok(!text.includes(OUTSIDE_MARKER), `${what}: ${stream} holds an outside file's contents:\n${text}`);
  }
}

/** Every CLI command that reads the flow's files: run the flow, run a block with the workspace, export 3 ways. */
function readingCommands(dir, flow, outputDir) {
  const block = join(outputDir, "own-block.js");
  writeFileSync(block, "module.exports = async () => ({ data: 1 });\n");
  return [
    ["run --flow", ["run", "--workspace", dir, "--flow", flow]],
    ["run FILE --workspace", ["run", block, "--workspace", dir]],
    ["export js", ["export", "--workspace", dir, "--format", "js", "--block", "Code Block Trigger", "-o", join(outputDir, "out.js")]],
    ["export yaml", ["export", "--workspace", dir, "--format", "yaml", "-o", join(outputDir, "out.yml")]],
    ["export bundle", ["export", "--workspace", dir, "--format", "bundle", "-o", join(outputDir, "out.json")]],
  ];
}

for (const [kind, idFor] of [
  ["a traversal id", () => "../../outside/victim"],
  ["an absolute id", (outside) => join(outside, "victim")],
]) {
  test(`a manifest naming a block by ${kind} is refused by run, run --flow and every export, and nothing outside is read, copied or written`, async () => {
    const { dir, outside, flow } = await workspaceBesideOutside("manifest-id");
    const id = idFor(outside);
    setTriggerId(dir, id);
    const outputDir = scratchDir("manifest-id-out");
    const before = { workspace: snapshot(dir), outside: snapshot(outside) };

    for (const [what, args] of readingCommands(dir, flow, outputDir)) {
      const result = await cli(args);
      assertNothingLeaked(result, what);
      assert.notEqual(result.code, 0, `${what} ran with a hostile manifest:\n${result.stdout}`);
      assert.match(result.stderr, /not a file name inside the workspace/, what);
      assert.ok(result.stderr.includes(JSON.stringify(id)), `${what}: the error names the id:\n${result.stderr}`);
      assert.ok(result.stderr.includes(join(dir, "blocksmith.json")), `${what}: the error names the file:\n${result.stderr}`);
    }
    for (const name of ["out.js", "out.yml", "out.json"]) {
      assert.ok(!existsSync(join(outputDir, name)), `an export wrote ${name}`);
    }
    assert.deepEqual(snapshot(outside), before.outside, "a file outside the workspace changed");
    assert.deepEqual(snapshot(dir), before.workspace, "the hostile workspace was changed");
  });
}

test("a block file linked outside the workspace is neither run nor exported", async () => {
  const { dir, outside, flow, triggerId } = await workspaceBesideOutside("linked-block");
  const link = join(dir, "blocks", `${triggerId}.js`);
  rmSync(link);
  symlinkSync(join(outside, "victim.js"), link);
  const outputDir = scratchDir("linked-block-out");
  const before = snapshot(outside);

  for (const [what, args] of readingCommands(dir, flow, outputDir)) {
    if (what === "run FILE --workspace") continue; // It does not read the workspace's block files.
    const result = await cli(args);
    assertNothingLeaked(result, what);
    assert.notEqual(result.code, 0, `${what} followed the link:\n${result.stdout}`);
    assert.ok(result.stderr.includes(link), `${what}: the error names the link:\n${result.stderr}`);
    assert.match(result.stderr, /symbolic link .* outside the workspace folder/, what);
  }
  assert.deepEqual(snapshot(outside), before);
});

test("a samples folder linked outside the workspace is not read as the trigger's payload", async () => {
  const { dir, outside, flow, triggerId } = await workspaceBesideOutside("linked-samples");
  copyVictimAs(outside, triggerId);
  rmSync(join(dir, "samples"), { recursive: true });
  symlinkSync(outside, join(dir, "samples"));
  const before = snapshot(outside);

  const result = await cli(["run", "--workspace", dir, "--flow", flow]);

  assertNothingLeaked(result, "run --flow");
  assert.notEqual(result.code, 0, result.stdout);
  assert.ok(result.stderr.includes(join(dir, "samples")), result.stderr);
  assert.deepEqual(snapshot(outside), before);
});

test("a blocks folder linked outside the workspace is neither run nor written by an import", async () => {
  const { dir, outside, flow, triggerId, stepId } = await workspaceBesideOutside("linked-blocks");
  const bundle = join(dirname(dir), "shared.blocksmith.json");
  const exported = await cli(["export", "--workspace", dir, "--format", "bundle", "-o", bundle]);
  assert.equal(exported.code, 0, exported.stderr);
  copyVictimAs(outside, triggerId);
  copyVictimAs(outside, stepId);
  rmSync(join(dir, "blocks"), { recursive: true });
  symlinkSync(outside, join(dir, "blocks"));
  const before = snapshot(outside);

  const run = await cli(["run", "--workspace", dir, "--flow", flow]);
  assertNothingLeaked(run, "run --flow");
  assert.notEqual(run.code, 0, run.stdout);
  assert.ok(run.stderr.includes(join(dir, "blocks")), run.stderr);

  const imported = await cli(["import", "--workspace", dir, "--rename", bundle]);
  assert.notEqual(imported.code, 0, `the import wrote through the link:\n${imported.stdout}`);
  assert.ok(imported.stderr.includes(join(dir, "blocks")), imported.stderr);
  assert.deepEqual(snapshot(outside), before, "the import wrote outside the workspace");
});

test("a .blocksmith folder linked outside the workspace is refused before anything is written there", async () => {
  const { dir, outside } = await workspaceBesideOutside("linked-local");
  const elsewhere = join(outside, "local");
  mkdirSync(elsewhere);
  rmSync(join(dir, ".blocksmith"), { recursive: true });
  symlinkSync(elsewhere, join(dir, ".blocksmith"));

  const result = await cli(["config-vars", "list", "--workspace", dir]);

  assert.notEqual(result.code, 0, result.stdout);
  assert.ok(result.stderr.includes(join(dir, ".blocksmith")), result.stderr);
  assert.deepEqual(snapshot(elsewhere), {}, "Blocksmith wrote into the linked folder");
});

test("an import bundle naming a block by a traversal id is refused, naming the id and the file, and writes nothing", async () => {
  const { dir, outside } = await workspaceBesideOutside("bundle-id");
  const bundle = join(dirname(dir), "hostile.blocksmith.json");
  const id = "../../outside/planted";
  writeFileSync(
    bundle,
    JSON.stringify({
      blocksmithBundle: 1,
      name: "Shared",
      configVars: [],
      connections: [],
      execution: {},
      blocks: [{ id, name: "Planted", kind: "trigger", source: "module.exports = () => ({});\n", sample: {} }],
      flows: [{ name: "Imported", trigger: id, steps: [] }],
    }),
  );
  const before = { workspace: snapshot(dir), outside: snapshot(outside), manifest: readManifest(dir) };

  const result = await cli(["import", "--workspace", dir, bundle]);

  assert.notEqual(result.code, 0, `the bundle was imported:\n${result.stdout}`);
  assert.ok(result.stderr.includes(bundle), `the error names the file:\n${result.stderr}`);
  assert.ok(result.stderr.includes(JSON.stringify(id)), `the error names the id:\n${result.stderr}`);
  assert.match(result.stderr, /not a file name inside the workspace/);
  assert.deepEqual(readManifest(dir), before.manifest);
  assert.deepEqual(snapshot(dir), before.workspace);
  assert.deepEqual(snapshot(outside), before.outside);
});

test("a flow run keeps its state under .blocksmith/, out of the committed files, and moves an old root state.json there", async () => {
  const { dir, flow } = await workspaceBesideOutside("state-place");
  const oldState = { instanceState: { [flow]: { kept: "from-before" } }, crossFlowState: {} };
  writeFileSync(join(dir, "state.json"), JSON.stringify(oldState));

  const result = await cli(["run", "--workspace", dir, "--flow", flow]);

  assert.equal(result.code, 0, result.stderr);
  assert.ok(!existsSync(join(dir, "state.json")), "state is still kept at the folder's root");
  assert.ok(existsSync(join(dir, ".blocksmith", "state.json")), "state is not under .blocksmith/");
  const moved = JSON.parse(readFileSync(join(dir, ".blocksmith", "state.json"), "utf8"));
  assert.deepEqual(moved.instanceState[flow], { kept: "from-before" });
});
