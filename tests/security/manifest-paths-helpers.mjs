// Helpers of manifest-paths.test.mjs: a workspace beside a folder "outside" that holds files a hostile
// workspace would like Blocksmith to run, read, copy, overwrite or delete, and a way to tell whether any of them
// was touched.
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

import { newWorkspace, readManifest, writeManifest } from "./harness.mjs";

/** Text that exists only in the files outside the workspace: seeing it anywhere means one was read. */
export const OUTSIDE_MARKER = "OUTSIDE-FILE-MARKER-7f3a9c";

/** A trigger that hands back the payload it was given, and logs and returns the marker. */
const OUTSIDE_TRIGGER = `module.exports = async ({ logger }, payload) => {
  logger.info("${OUTSIDE_MARKER}-source");
  return { payload: { marker: "${OUTSIDE_MARKER}-source", payload } };
};
`;
const OUTSIDE_PAYLOAD = `{ "marker": "${OUTSIDE_MARKER}-payload" }\n`;

/**
 * A new workspace (from the templates) and, beside it, `outside/` holding `victim.js` (a trigger) and
 * `victim.json` (a payload sample), both carrying OUTSIDE_MARKER. `samples/` exists, as after a saved sample.
 */
export async function workspaceBesideOutside(label) {
  const dir = await newWorkspace(label);
  const outside = join(dirname(dir), "outside");
  mkdirSync(outside);
  writeFileSync(join(outside, "victim.js"), OUTSIDE_TRIGGER);
  writeFileSync(join(outside, "victim.json"), OUTSIDE_PAYLOAD);
  mkdirSync(join(dir, "samples"), { recursive: true });
  const manifest = readManifest(dir);
  const flow = manifest.flows[0];
  return { dir, outside, flow: flow.name, triggerId: flow.trigger, stepId: flow.steps[0] };
}

/** Puts the outside files' contents where a block's own files would be (for links into `outside/`). */
export function copyVictimAs(outside, id) {
  writeFileSync(join(outside, `${id}.js`), OUTSIDE_TRIGGER);
  writeFileSync(join(outside, `${id}.json`), OUTSIDE_PAYLOAD);
}

/** Gives the first flow's trigger the id `id` in the manifest (its block entry and the flow's reference). */
export function setTriggerId(dir, id) {
  const manifest = readManifest(dir);
  const old = manifest.flows[0].trigger;
  manifest.flows[0].trigger = id;
  for (const block of manifest.blocks) if (block.id === old) block.id = id;
  writeManifest(dir, manifest);
}

/** Every entry under `dir` without following links: a file's text, a link's target, a folder's name. */
export function snapshot(dir) {
  const entries = {};
  const walk = (folder) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const key = relative(dir, path);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) entries[key] = `link to ${readlinkSync(path)}`;
      else if (stat.isDirectory()) {
        entries[key] = "folder";
        walk(path);
      } else entries[key] = readFileSync(path, "utf8");
    }
  };
  walk(dir);
  return entries;
}
