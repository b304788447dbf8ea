// What the differential suites share: running one side as a process, reading its one-line JSON report, and
// the fields compared between Blocksmith and Node.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";

export const COMPARED = ["ok", "returned", "result", "response", "logs", "error.name", "error.message", "error.line"];

/** Runs `command args` to its end (at most `timeoutMs`): `{ code, stdout, stderr }`. */
export function run(command, args, timeoutMs = 60_000) {
  return new Promise((resolvePromise) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs }, (error, stdout, stderr) => {
      resolvePromise({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

export function fieldOf(outcome, field) {
  return field.split(".").reduce((value, key) => (value == null ? value : value[key]), outcome);
}

/** The last line of a side's output, parsed; fails the test with what it printed when it is not JSON. */
export function parseLine(label, result) {
  const line = result.stdout.trim().split("\n").pop();
  try {
    return JSON.parse(line);
  } catch (_) {
    assert.fail(`${label} printed no JSON line (exit ${result.code}): ${result.stdout}${result.stderr}`);
  }
}
