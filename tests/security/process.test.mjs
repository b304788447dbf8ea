// Class 7 (the host process): a block's `process` is Node-shaped but reaches nothing of the host. Its `env` is
// empty even though the CLI's environment holds tokens and the worker itself has LANG, TZ and HOME; nothing
// reachable from `process` (members, their prototypes, property names) holds a host variable's name or value;
// the members that would act on the host (`exit`, `kill`, `chdir`, `binding`, `dlopen`, `abort`) throw an error
// with a code and leave the worker running; and `cwd()` does not give the host's folder away.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { cli, scratchDir } from "./harness.mjs";

const hostEnvironment = {
  GITHUB_TOKEN: "ghp_process_env_must_not_show_0123456789",
  AWS_SECRET_ACCESS_KEY: "aws-secret-process-env-must-not-show",
  NODE_ENV: "production-host-value",
  BLOCKSMITH_PROBE_VARIABLE: "probe-value-process-env-must-not-show",
  LANG: "de_DE.UTF-8",
  TZ: "Europe/Berlin",
  HOME: "/home/blocksmith-process-test",
};

// Walks everything reachable from `process` (own and inherited names, nested objects, what its functions
// return when called with no arguments, except the members that throw by design) and returns it as text.
const probeBlock = `
module.exports = async () => {
  const seen = new Set();
  const texts = [];
  const refusing = new Set(["exit", "abort", "kill", "chdir", "binding", "dlopen"]);
  function walk(value, path, depth) {
    if (depth > 4 || value === null || value === undefined) return;
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      texts.push(path + "=" + String(value));
      return;
    }
    if (typeof value !== "object" && typeof value !== "function") return;
    if (seen.has(value)) return;
    seen.add(value);
    for (let object = value; object && object !== Object.prototype && object !== Function.prototype; object = Object.getPrototypeOf(object)) {
      for (const key of Reflect.ownKeys(object)) {
        const name = String(key);
        texts.push(path + "." + name);
        let member;
        try { member = value[key]; } catch (error) { continue; }
        if (typeof member === "function" && !refusing.has(name) && name !== "constructor") {
          try { walk(member.call(value), path + "." + name + "()", depth + 1); } catch (error) {}
        }
        walk(member, path + "." + name, depth + 1);
      }
    }
  }
  walk(process, "process", 0);
  const refused = {};
  for (const name of refusing) {
    try {
      process[name](0);
      refused[name] = "returned";
    } catch (error) {
      refused[name] = { name: error.name, code: error.code, message: error.message };
    }
  }
  return {
    data: {
      envKeys: Object.keys(process.env),
      envJson: JSON.stringify(process.env),
      nodeEnv: process.env.NODE_ENV,
      cwd: process.cwd(),
      refused,
      everything: texts.join("\\n"),
      stillRunning: true,
    },
  };
};
`;

test("process.env is empty and nothing in process holds the host's environment", async () => {
  const dir = scratchDir("process");
  const file = join(dir, "probe.js");
  writeFileSync(file, probeBlock);
  const ran = await cli(["run", file], { env: hostEnvironment });
  assert.equal(ran.code, 0, ran.stderr);
  const result = ran.json.result;
  assert.deepEqual(result.envKeys, []);
  assert.equal(result.envJson, "{}");
  assert.equal(result.nodeEnv, undefined);
  assert.equal(result.stillRunning, true);

  const everything = result.everything;
  // The walk did reach process's members (a walk that saw nothing would prove nothing).
  for (const member of ["process.env", "process.nextTick", "process.hrtime", "process.versions.node", "process.platform=linux"]) {
    assert.ok(everything.includes(member), `the walk did not reach ${member}`);
  }
  for (const [name, value] of Object.entries(hostEnvironment)) {
    assert.ok(!everything.includes(value), `the host's ${name} value is reachable from process`);
    assert.ok(!everything.includes(`process.env.${name}`), `process.env has the host's ${name}`);
  }
  // Nor any variable of the environment the suite itself runs in (PATH and the like), except values that are
  // public facts a block's process states too (a CI image's NODE_VERSION, say).
  const publicFacts = new Set([process.platform, process.arch, process.version, ...Object.values(process.versions)]);
  for (const [name, value] of Object.entries(process.env)) {
    if (value.length < 6 || publicFacts.has(value)) continue; // short values ("1", "C", "/") appear anywhere
    assert.ok(!everything.includes(value), `the value of the suite's ${name} is reachable from process`);
  }
  assert.ok(!everything.includes(dir), "the block's folder is reachable from process");
  assert.equal(result.cwd, "/");
});

test("process members that would reach the host throw a coded error and the run goes on", async () => {
  const dir = scratchDir("process");
  const file = join(dir, "probe.js");
  writeFileSync(file, probeBlock);
  const ran = await cli(["run", file]);
  assert.equal(ran.code, 0, ran.stderr);
  const { refused } = ran.json.result;
  for (const member of ["exit", "abort", "kill", "chdir", "binding", "dlopen"]) {
    const outcome = refused[member];
    assert.equal(typeof outcome, "object", `process.${member}() returned instead of throwing`);
    assert.equal(outcome.name, "Error", member);
    assert.equal(outcome.code, "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", member);
    assert.match(outcome.message, new RegExp(`^process\\.${member}\\(\\) is not available in a code block`), member);
  }
});
