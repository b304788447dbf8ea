// Class 6 (workers): a block runs in a worker process that holds the run's secrets while untrusted code runs.
// The worker must not inherit the person's shell environment (tokens such as GITHUB_TOKEN live there), must
// have core dumps off for good (a crash would otherwise write the secrets it holds into a core file, here into
// the current folder), and must be non-dumpable. Each test reads a live worker's /proc entries while a block
// runs in it.
import assert from "node:assert/strict";
import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { binary, scratchDir } from "./harness.mjs";
import { environmentOf, limitOf, startCli, workerOf } from "./limits-helpers.mjs";

const waitingBlock = "module.exports = async () => { await new Promise((r) => setTimeout(r, 20000)); return { data: 1 }; };\n";

function blockFile(folder = scratchDir("workers")) {
  const file = join(folder, "waits.js");
  writeFileSync(file, waitingBlock);
  return file;
}

/** The bytes of `pid`'s stack, or null when this user may not read another process's memory. */
function stackOf(pid) {
  const line = readFileSync(`/proc/${pid}/maps`, "utf8")
    .split("\n")
    .find((row) => row.endsWith("[stack]"));
  const [start, end] = line.split(" ")[0].split("-").map((address) => Number.parseInt(address, 16));
  let fd;
  try {
    fd = openSync(`/proc/${pid}/mem`, "r");
  } catch (error) {
    if (error.code === "EACCES" || error.code === "EPERM") return null;
    throw error;
  }
  try {
    const bytes = Buffer.alloc(end - start);
    readSync(fd, bytes, 0, bytes.length, start);
    return bytes;
  } finally {
    closeSync(fd);
  }
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

test("the worker `run` forks keeps nothing of the command line or the environment it was forked from", async (t) => {
  // `run` forks its worker from itself as it starts (crates/runner/src/forked_worker.rs), so the worker
  // begins with the command's memory: the token in the shell's environment and the one in an argument (here a
  // folder's name) must be gone from it, not only from what /proc shows.
  const token = "ghp_forked_worker_must_not_see_this_987654321";
  const folder = join(scratchDir("workers"), `named-${token}`);
  mkdirSync(folder, { recursive: true });
  const { child, done } = startCli(["run", blockFile(folder), "--timeout-ms", "5000"], {
    env: { GITHUB_TOKEN: token, LANG: "de_DE.UTF-8" },
  });
  try {
    const worker = await workerOf(child.pid);
    const rawCommandLine = readFileSync(`/proc/${worker}/cmdline`);
    const commandLine = rawCommandLine.toString("utf8").split("\0").filter(Boolean);
    assert.deepEqual(commandLine, [binary, "__worker"]);
    // This is the forked worker, not one started anew: its command line is the command's memory rewritten in
    // place, so it keeps the command's length, zero-filled past `__worker`.
    assert.ok(
      rawCommandLine.length > Buffer.byteLength(`${binary}\0__worker\0`),
      "the worker was started as a new program, so the fork was not taken",
    );
    const environment = environmentOf(worker);
    assert.equal(environment.get("LANG"), "de_DE.UTF-8");
    assert.equal(environment.has("GITHUB_TOKEN"), false);
    assert.ok(![...environment.values()].some((value) => value.includes(token)));
    const stack = stackOf(worker);
    if (stack === null) {
      t.diagnostic("this user may not read the worker's memory: only /proc's view was checked");
    } else {
      assert.equal(stack.includes(token), false, "the token is still in the worker's stack");
      // The same read finds what is kept, so a failed read cannot pass for a clean stack.
      assert.equal(stack.includes("LANG=de_DE.UTF-8"), true, "the worker's kept variables are not where expected");
    }
  } finally {
    const ended = await done;
    assert.equal(ended.code, 3, ended.stderr);
  }
});
