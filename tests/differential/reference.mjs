#!/usr/bin/env node
// The reference harness: runs one block on Node with the same contract as `blocksmith run` and prints
// the same one-line JSON, so the differential suite can compare the two field by field.
//
//   node reference.mjs FILE [--trigger] [--config-vars F] [--step-results F] [--payload F]
//
// Exit status: 0 ok, 1 the block failed, 2 bad invocation.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename } from "node:path";
import vm from "node:vm";

// The platform's Code step gives a block Node's `require`, from a folder with no packages installed.
Object.defineProperty(globalThis, "require", {
  value: createRequire("/blocksmith-block/block.js"),
  writable: true,
  configurable: true,
  enumerable: false,
});

const WRAPPER_PREFIX = "(function (module, exports) {";
const MAX_LOG_LINES = 10_000;
const MAX_LOG_LINE_CHARS = 4_096;
const MAX_LOG_BYTES = 5 * 1024 * 1024;

function usage(message) {
  process.stderr.write(`reference.mjs: ${message}\n`);
  process.exit(2);
}

function parseArguments(argv) {
  const options = { trigger: false };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const takeFile = () => {
      const path = argv[++i];
      if (!path) usage(`${argument} needs a file`);
      try {
        return JSON.parse(readFileSync(path, "utf8"));
      } catch (error) {
        usage(`cannot read ${path}: ${error.message}`);
      }
    };
    if (argument === "--trigger") options.trigger = true;
    else if (argument === "--config-vars") options.configVars = takeFile();
    else if (argument === "--step-results") options.stepResults = takeFile();
    else if (argument === "--payload") options.payload = takeFile();
    else if (!options.file) options.file = argument;
    else usage(`unexpected argument ${argument}`);
  }
  if (!options.file) usage("a block file is required");
  return options;
}

// The same formatting as the engine's log prelude (crates/engine/src/builtins/format.js): Node's own console
// formats differently, and the comparison is of what a block logs, not of how each side prints it.
function formatArgument(value) {
  if (typeof value === "string") return value;
  if (value === undefined) return "undefined";
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch (_) {
    // A cycle or a BigInt: fall through to String().
  }
  try {
    return String(value);
  } catch (_) {
    return Object.prototype.toString.call(value);
  }
}

const logs = [];
let keptLogBytes = 0;
let droppedLogs = 0;
// As crates/engine/src/logs.rs: once one line is past the cap (lines or UTF-8 bytes), every later line is dropped.
function log(level, args) {
  if (droppedLogs > 0) {
    droppedLogs++;
    return;
  }
  const characters = Array.from(args.map(formatArgument).join(" "));
  const message = characters.length > MAX_LOG_LINE_CHARS ? characters.slice(0, MAX_LOG_LINE_CHARS).join("") : characters.join("");
  const bytes = Buffer.byteLength(message, "utf8");
  if (logs.length >= MAX_LOG_LINES || keptLogBytes + bytes > MAX_LOG_BYTES) {
    droppedLogs = 1;
    return;
  }
  keptLogBytes += bytes;
  logs.push({ level, message });
}
function finishedLogs() {
  if (droppedLogs > 0) {
    const cap = `${MAX_LOG_LINES} lines and ${MAX_LOG_BYTES / (1024 * 1024)} MB`;
    logs.push({ level: "info", message: `${droppedLogs} more log lines were dropped: a run keeps at most ${cap} of logs.` });
  }
  return logs;
}

function makeLogger() {
  const at = (level) => (...args) => log(level, args);
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), log: at("info"), trace: at("trace"), metric: at("metric") };
}

function position(stack, fileName) {
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return { line: null, column: null };
  const line = Number(match[1]);
  let column = Number(match[2]);
  if (line === 1) column = Math.max(1, column - WRAPPER_PREFIX.length);
  return { line, column };
}

function describeError(value, fileName) {
  if (value instanceof Error) {
    const stack = typeof value.stack === "string" ? value.stack : "";
    return { name: String(value.name), message: String(value.message), ...position(stack, fileName), stack };
  }
  const message = formatArgument(value);
  return { name: "Error", message, line: null, column: null, stack: `Error: ${message}` };
}

function describeSyntaxError(error, fileName) {
  // V8 puts "FILE:LINE", the source line and a caret line before the message.
  const lines = String(error.stack).split("\n");
  const match = new RegExp(`^${fileName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+)`).exec(lines[0]);
  const line = match ? Number(match[1]) : null;
  let column = lines[2] && lines[2].includes("^") ? lines[2].indexOf("^") + 1 : null;
  if (line === 1 && column !== null) column = Math.max(1, column - WRAPPER_PREFIX.length);
  return { name: error.name, message: error.message, line, column, stack: `${error.name}: ${error.message}` };
}

const options = parseArguments(process.argv.slice(2));
const fileName = basename(options.file);
let source;
try {
  source = readFileSync(options.file, "utf8");
} catch (error) {
  usage(`cannot read ${options.file}: ${error.message}`);
}

const started = performance.now();
let finished = false;
function finish(outcome) {
  if (finished) return;
  finished = true;
  const line = JSON.stringify({
    ok: outcome.ok,
    returned: outcome.returned ?? null,
    result: outcome.result ?? null,
    response: outcome.response ?? null,
    logs: finishedLogs(),
    error: outcome.error ?? null,
    durationMs: performance.now() - started,
  });
  process.stdout.write(line + "\n", () => process.exit(outcome.ok ? 0 : 1));
}
function fail(error) {
  finish({ ok: false, error });
}

for (const [method, level] of [["log", "info"], ["info", "info"], ["debug", "debug"], ["warn", "warn"], ["error", "error"], ["trace", "trace"], ["dirxml", "info"]]) {
  console[method] = (...args) => log(level, args);
}

// A block's process.emitWarning goes to its log at warn level (crates/engine/src/builtins/process.js), in the
// words Node prints on standard error after "(node:PID) ".
process.removeAllListeners("warning");
process.on("warning", (warning) => {
  const code = warning.code === undefined ? "" : `[${warning.code}] `;
  const detail = typeof warning.detail === "string" ? `\n${warning.detail}` : "";
  log("warn", [`${code}${warning.name}: ${warning.message}${detail}`]);
});
process.on("uncaughtException", (error) => fail(describeError(error, fileName)));
process.on("unhandledRejection", () => {
  // As in the engine, a rejection nobody awaits does not end the run; only the block's own promise counts.
});
process.on("beforeExit", () => {
  fail({
    name: "Error",
    message:
      "The block's promise never settled: nothing was left that could settle it (no pending timer or request). Check for a promise that is never resolved or rejected.",
    line: null,
    column: null,
    stack: "",
  });
});

function toJson(value) {
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}

async function main() {
  // A block's process.env is empty on the platform (its settings come from configVars), as in the engine. A
  // new object rather than deleting the variables, which would change Node's own behaviour (TZ, for one).
  process.env = {};
  let factory;
  try {
    factory = new vm.Script(`${WRAPPER_PREFIX}${source}\n})`, { filename: fileName }).runInThisContext();
  } catch (error) {
    return fail(describeSyntaxError(error, fileName));
  }
  const context = {
    stepId: "step",
    executionId: "execution",
    logger: makeLogger(),
    configVars: options.configVars ?? {},
    instanceState: {},
    crossFlowState: {},
    executionState: {},
    integrationState: {},
  };
  const input = options.trigger ? options.payload ?? {} : options.stepResults ?? {};
  let returned;
  try {
    const module = { exports: {} };
    factory.call(module.exports, module, module.exports);
    if (typeof module.exports !== "function") {
      const message = `module.exports must be a function (the block exported ${typeof module.exports})`;
      return fail({ name: "TypeError", message, line: null, column: null, stack: `TypeError: ${message}` });
    }
    const value = await module.exports(context, input);
    returned = toJson(value);
  } catch (error) {
    return fail(describeError(error, fileName));
  }
  const field = options.trigger ? "payload" : "data";
  const isObject = returned !== null && typeof returned === "object" && !Array.isArray(returned);
  finish({
    ok: true,
    returned,
    result: isObject && field in returned ? returned[field] : returned,
    response: options.trigger && isObject && "response" in returned ? returned.response : null,
  });
}

main();
