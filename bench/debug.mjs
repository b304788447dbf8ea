// The debugger's cost: each block of the CPU set run by `blocksmith run` and by `blocksmith debug` (driven as
// an editor drives it, with no breakpoints), comparing the durationMs each reports; median of RUNS.
//   node bench/debug.mjs [path/to/blocksmith]
import { spawn, execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const blocksmith =
  process.argv[2] ?? join(process.env.CARGO_TARGET_DIR ?? `${process.env.HOME}/.cache/blocksmith/target`, "release/blocksmith");
const RUNS = 5;
const blocks = [
  join(here, "engine/cpu-sum-loop.js"),
  join(here, "debug/cpu-sum-loop-braced.js"),
  join(here, "engine/cpu-sort.js"),
  join(here, "engine/cpu-json.js"),
  join(here, "engine/cpu-map-churn.js"),
];

function runMs(block) {
  const line = execFileSync(blocksmith, ["run", block], { encoding: "utf8" });
  return JSON.parse(line).durationMs;
}

function debugMs(block) {
  return new Promise((resolve, reject) => {
    const child = spawn(blocksmith, ["debug"], { stdio: ["pipe", "pipe", "inherit"] });
    let seq = 0;
    const send = (command, args = {}) => {
      const body = JSON.stringify({ seq: ++seq, type: "request", command, arguments: args });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    let buffer = Buffer.alloc(0);
    child.stdout.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/.exec(buffer.subarray(0, end).toString())[1]);
        if (buffer.length < end + 4 + length) return;
        const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
        buffer = buffer.subarray(end + 4 + length);
        if (message.event === "output" && message.body.category === "stdout") {
          send("disconnect");
          child.stdin.end();
          resolve(JSON.parse(message.body.output).durationMs);
        }
      }
    });
    child.on("error", reject);
    send("initialize", { adapterID: "bench" });
    send("launch", { program: block });
    send("setBreakpoints", { source: { path: block }, breakpoints: [] });
    send("configurationDone");
  });
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log("block | run (ms) | debug, no breakpoints (ms) | ratio");
for (const block of blocks) {
  const run = [];
  const debug = [];
  for (let i = 0; i < RUNS; i++) {
    run.push(runMs(block));
    debug.push(await debugMs(block));
  }
  const name = block.split("/").pop();
  console.log(`${name} | ${median(run).toFixed(1)} | ${median(debug).toFixed(1)} | ${(median(debug) / median(run)).toFixed(2)}x`);
}
