// Helpers of the webhook listener's security tests: `blocksmith serve` running on a free port, and HTTP requests
// written byte for byte, as a browser or a hostile local client would send them (Node's own clients fill in a
// Host header and frame bodies themselves, which these attacks must control).
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { binary, readManifest } from "./harness.mjs";

/**
 * Replaces the source of the first flow's trigger: `source` is the whole block file. Returns the flow's name and
 * its slug as the listener's URLs name it.
 */
export function setTrigger(dir, source) {
  const flow = readManifest(dir).flows[0];
  writeFileSync(join(dir, "blocks", `${flow.trigger}.js`), source);
  return flow.name;
}

/**
 * `blocksmith serve --workspace DIR --port 0` running: resolves once its first line (where it listens) is printed,
 * with `{ listening, flows, port, lines, stop }`. `lines` collects every later stdout line, parsed; `stop` sends
 * Ctrl+C (SIGINT).
 */
export async function startServe(dir, extraArgs = []) {
  const child = spawn(binary, ["serve", "--workspace", dir, "--port", "0", ...extraArgs], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const lines = [];
  const reader = createInterface({ input: child.stdout });
  const first = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed nothing in 30 s: ${stderr}`)), 30_000);
    child.on("exit", (code) => reject(new Error(`serve ended (${code}) before listening: ${stderr}`)));
    reader.once("line", (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
  });
  reader.on("line", (line) => lines.push(JSON.parse(line)));
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
  };
  const port = Number(new URL(first.listening).port);
  return { listening: first.listening, flows: first.flows, port, lines, stop, child };
}

/**
 * Sends `request` (a string or Buffer: request line, headers and body exactly as given) to 127.0.0.1:`port` and
 * resolves with what came back before the server closed the connection, or before `timeoutMs`:
 * `{ status, headers, body, raw, closed, timedOut, ms }`.
 */
export function rawRequest(port, request, { timeoutMs = 30_000, endAfterWrite = false } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect({ host: "127.0.0.1", port });
    const chunks = [];
    let settled = false;
    const finish = (closed, timedOut) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseAnswer(Buffer.concat(chunks)), closed, timedOut, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false, true), timeoutMs);
    socket.on("connect", () => {
      socket.write(request);
      if (endAfterWrite) socket.end();
    });
    socket.on("data", (chunk) => {
      chunks.push(chunk);
      // A server that keeps the connection open after a complete answer has still answered.
      if (isComplete(Buffer.concat(chunks))) finish(false, false);
    });
    socket.on("end", () => finish(true, false));
    socket.on("close", () => finish(true, false));
    socket.on("error", (error) => {
      // A server that answers early and closes may reset a connection still sending: what arrived counts.
      if (chunks.length > 0) finish(true, false);
      else if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(error);
      }
    });
  });
}

/**
 * A connection that sends `opening` and then nothing more until it is ended: `{ closedByServer, answer, end }`.
 * `closedByServer` resolves with what the server sent once it hangs up.
 */
export function stalledCaller(port, opening = "") {
  const socket = connect({ host: "127.0.0.1", port });
  const chunks = [];
  socket.on("connect", () => {
    if (opening) socket.write(opening);
  });
  socket.on("data", (chunk) => chunks.push(chunk));
  socket.on("error", () => undefined);
  const closedByServer = new Promise((resolve) => {
    socket.on("close", () => resolve(parseAnswer(Buffer.concat(chunks))));
  });
  return { closedByServer, end: () => socket.destroy() };
}

/** An HTTP/1.1 request as text: `headers` in order (a header given as `null` value is left out). */
export function requestText(method, path, headers, body = "") {
  const lines = [`${method} ${path} HTTP/1.1`];
  for (const [name, value] of headers) if (value !== null) lines.push(`${name}: ${value}`);
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
}

/** True once `raw` holds a whole answer with a Content-Length (or a bodiless status). */
function isComplete(raw) {
  const split = raw.indexOf("\r\n\r\n");
  if (split === -1) return false;
  const { status, headers } = parseAnswer(raw);
  if (status === 100) return false;
  if (status === 204 || status === 304) return true;
  const length = Number(headers["content-length"]);
  return Number.isInteger(length) && raw.length - (split + 4) >= length;
}

function parseAnswer(raw) {
  const text = raw.toString("latin1");
  const split = text.indexOf("\r\n\r\n");
  const head = split === -1 ? text : text.slice(0, split);
  const [statusLine, ...headerLines] = head.split("\r\n");
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? "");
  const headers = {};
  for (const line of headerLines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    status: match ? Number(match[1]) : null,
    headers,
    body: split === -1 ? "" : raw.subarray(Buffer.byteLength(text.slice(0, split + 4), "latin1")).toString("utf8"),
    raw: text,
  };
}

/** Waits until `predicate()` is true, or fails after `timeoutMs` with `message`. */
export async function eventually(predicate, { timeoutMs = 10_000, message = "the condition" } = {}) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${message}`);
}
