// Helpers of the deep-output and worker suites (tests/security/deep-output.test.mjs, workers.test.mjs): starting
// the CLI in the background, finding the worker process it starts, and writing blocks that leave deep values.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

import { binary } from "./harness.mjs";

/**
 * Starts the CLI with `args` and leaves it running: `{ child, done }`, where `done` resolves to `{ code, stdout,
 * stderr, json }` when it ends. `wrapper` (e.g. a shell that raises a limit) is put in front of the binary.
 */
export function startCli(args, { env = {}, wrapper = [] } = {}) {
  const [program, ...rest] = [...wrapper, binary, ...args];
  const child = spawn(program, rest, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const done = new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      let json;
      try {
        json = JSON.parse(stdout.split("\n")[0]);
      } catch {
        json = undefined;
      }
      resolve({ code, signal, stdout, stderr, json });
    });
  });
  return { child, done };
}

/** The pids of the live processes whose parent is `parentPid`. */
export function childrenOf(parentPid) {
  const children = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so read after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[1]) === parentPid && fields[0] !== "Z") children.push(Number(name));
  }
  return children;
}

/** The worker process the CLI `cliPid` started (`blocksmith __worker`), waiting up to `timeoutMs` for it. */
export async function workerOf(cliPid, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const pid of childrenOf(cliPid)) {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        if (argv[1] === "__worker" && readlinkSync(`/proc/${pid}/exe`) === readlinkSync(`/proc/${cliPid}/exe`)) {
          return pid;
        }
      } catch {
        // ended meanwhile
      }
    }
    await sleep(25);
  }
  throw new Error(`the CLI (pid ${cliPid}) started no worker within ${timeoutMs} ms`);
}

/** `/proc/<pid>/environ` as a Map of name → value. */
export function environmentOf(pid) {
  const entries = readFileSync(`/proc/${pid}/environ`, "utf8")
    .split("\0")
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf("=");
      return [entry.slice(0, at), entry.slice(at + 1)];
    });
  return new Map(entries);
}

/** One row of `/proc/<pid>/limits` (e.g. "Max core file size") as `{ soft, hard }`. */
export function limitOf(pid, name) {
  const line = readFileSync(`/proc/${pid}/limits`, "utf8")
    .split("\n")
    .find((row) => row.startsWith(name));
  if (!line) throw new Error(`no "${name}" in /proc/${pid}/limits`);
  const [soft, hard] = line.slice(name.length).trim().split(/\s+/);
  return { soft, hard };
}

/**
 * A block that leaves a value nested `depth` levels deep (counting the outermost object) `where` says: in what
 * it returns ("result": `{ data: … }` is the whole returned value), in "instanceState", in "executionState", or
 * in a "log" line. It keeps the depth it ran with in `instanceState.marker` and passes the marker it found on in
 * `executionState.markerBefore`, so a later run shows which state was kept.
 */
export function deepBlockSource(depth, where) {
  return `const DEPTH = ${depth};
const WHERE = ${JSON.stringify(where)};
module.exports = async (context) => {
  const nested = (levels) => {
    let value = "bottom";
    for (let i = 0; i < levels; i++) value = { level: value };
    return value;
  };
  context.executionState.markerBefore = context.instanceState.marker ?? null;
  context.instanceState.marker = DEPTH;
  delete context.instanceState.kept;
  if (WHERE === "instanceState") context.instanceState.kept = nested(DEPTH - 1);
  if (WHERE === "executionState") context.executionState.kept = nested(DEPTH - 1);
  if (WHERE === "log") context.logger.info(nested(DEPTH));
  return { data: WHERE === "result" ? nested(DEPTH - 1) : "small" };
};
`;
}

/** How many levels of objects and arrays `value` nests (a string or number: 0). */
export function depthOf(value) {
  if (value === null || typeof value !== "object") return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}
