// Class 6 (workers): a block runs in a worker process that holds the run's secrets while untrusted code runs.
// The worker must not inherit the person's shell environment (tokens such as GITHUB_TOKEN live there), must
// have core dumps off for good (a crash would otherwise write the secrets it holds into a core file, here into
// the current folder), and must be non-dumpable. Each test reads a live worker's /proc entries while a block
// runs in it.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { scratchDir } from "./harness.mjs";
import { environmentOf, limitOf, startCli, workerOf } from "./limits-helpers.mjs";

const waitingBlock = "module.exports = async () => { await new Promise((r) => setTimeout(r, 20000)); return { data: 1 }; };\n";

function blockFile() {
  const file = join(scratchDir("workers"), "waits.js");
  writeFileSync(file, waitingBlock);
  return file;
}

test("a worker gets only the locale, TZ and HOME, never the shell's tokens", async () => {
  const token = "ghp_worker_must_not_see_this_0123456789";
  const { child, done } = startCli(["run", blockFile(), "--timeout-ms", "5000"], {
    env: {
      GITHUB_TOKEN: token,
      AWS_SECRET_ACCESS_KEY: "aws-secret-worker-must-not-see",
      LANG: "de_DE.UTF-8",
      LC_TIME: "en_GB.UTF-8",
      TZ: "Europe/Berlin",
      HOME: "/home/blocksmith-test",
    },
  });
  try {
    const worker = await workerOf(child.pid);
    const environment = environmentOf(worker);
    assert.equal(environment.get("LANG"), "de_DE.UTF-8");
    assert.equal(environment.get("LC_TIME"), "en_GB.UTF-8");
    assert.equal(environment.get("TZ"), "Europe/Berlin");
    assert.equal(environment.get("HOME"), "/home/blocksmith-test");
    assert.equal(environment.has("GITHUB_TOKEN"), false, "GITHUB_TOKEN reached the worker");
    assert.equal(environment.has("AWS_SECRET_ACCESS_KEY"), false, "AWS_SECRET_ACCESS_KEY reached the worker");
    // Nothing else either: only the locale, TZ, HOME, and the allocator setting the memory limit depends on.
    const unexpected = [...environment.keys()].filter(
      (name) => !["LANG", "TZ", "HOME", "MALLOC_ARENA_MAX"].includes(name) && !name.startsWith("LC_"),
    );
    assert.deepEqual(unexpected, []);
    assert.ok(![...environment.values()].some((value) => value.includes(token)));
  } finally {
    const ended = await done;
    // The run itself is unaffected: it hits its time limit as it would anyway (exit 3).
    assert.equal(ended.code, 3, ended.stderr);
    assert.equal(ended.json.error.name, "TimeoutError");
  }
});

test("a worker has core dumps off for good, even when the shell allows them", async () => {
  // The CLI starts with core files allowed (soft limit raised to the hard one), as a developer's shell may.
  const { child, done } = startCli(["run", blockFile(), "--timeout-ms", "5000"], {
    wrapper: ["bash", "-c", 'ulimit -S -c "$(ulimit -H -c)"; exec "$@"', "with-core-files"],
  });
  try {
    const worker = await workerOf(child.pid);
    // The worker lowers its own limit first thing after it starts, before it takes a run (and so before any
    // secret reaches it); /proc may be read in the instant between its start and that. The block waits 20 s,
    // so a limit still raised after 2 s belongs to a worker that runs the block with core files allowed.
    const deadline = Date.now() + 2_000;
    let limit = limitOf(worker, "Max core file size");
    while (limit.soft !== "0" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      limit = limitOf(worker, "Max core file size");
    }
    assert.deepEqual(limit, { soft: "0", hard: "0" });
  } finally {
    assert.equal((await done).code, 3);
  }
});
