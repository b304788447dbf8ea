// Shared helpers of the security suite: each test attacks the real `blocksmith` binary from outside, as a web
// page, a shared workspace folder or a hostile block would, inside the real keyring session that
// scripts/with-keyring.sh opens (scripts/security.sh runs the suite that way).
//
//   BLOCKSMITH_BIN=path/to/blocksmith bash scripts/with-keyring.sh node --test tests/security/
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const repository = resolve(here, "../..");
export const binary =
  process.env.BLOCKSMITH_BIN ??
  join(process.env.CARGO_TARGET_DIR ?? join(process.env.HOME, ".cache/blocksmith/target"), "debug", "blocksmith");

/** A fresh empty folder under the system's temporary folder. */
export function scratchDir(label = "security") {
  return mkdtempSync(join(tmpdir(), `blocksmith-${label}-`));
}

/**
 * Runs the CLI to its end: `{ code, stdout, stderr, json }`, where `json` is stdout's first line parsed when it
 * is JSON. `input` goes to standard input (secrets are only read from there).
 */
export function cli(args, { input = "", env = {}, timeoutMs = 60_000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, args, { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      let json;
      try {
        json = JSON.parse(stdout.split("\n")[0]);
      } catch {
        json = undefined;
      }
      resolvePromise({ code, signal, stdout, stderr, json });
    });
    // A command that exits without reading its input closes the pipe; that is its answer, not a test failure.
    child.stdin.on("error", () => {});
    child.stdin.end(input);
  });
}

/** A new workspace from the templates (what `--workspace` on an empty folder makes). */
export async function newWorkspace(label) {
  const dir = join(scratchDir(label), "workspace");
  const made = await cli(["config-vars", "list", "--workspace", dir]);
  if (made.code !== 0) throw new Error(`could not create a workspace: ${made.stderr}`);
  return dir;
}

export function readManifest(dir) {
  return JSON.parse(readFileSync(join(dir, "blocksmith.json"), "utf8"));
}

export function writeManifest(dir, manifest) {
  writeFileSync(join(dir, "blocksmith.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Adds a connection; `secrets` are `KEY=VALUE` lines sent on standard input. */
export async function addConnection(dir, { name, kind, set = {}, secrets = {} }) {
  const args = ["connections", "add", "--workspace", dir, "--name", name, "--kind", kind];
  for (const [key, value] of Object.entries(set)) args.push("--set", `${key}=${value}`);
  const input = Object.entries(secrets)
    .map(([key, value]) => `${key}=${value}\n`)
    .join("");
  const added = await cli(args, { input });
  if (added.code !== 0) throw new Error(`could not add connection ${name}: ${added.stderr}`);
}

/**
 * A real HTTP server on 127.0.0.1 that records every request it receives (method, url, headers, body) and
 * answers with `respond(request, body)` (default: 200 `{}`).
 */
export async function recordingServer(respond = () => ({ status: 200, body: {} })) {
  const requests = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      requests.push({ method: request.method, url: request.url, headers: request.headers, body });
      const answer = respond(request, body);
      response.writeHead(answer.status ?? 200, { "content-type": "application/json", ...(answer.headers ?? {}) });
      response.end(typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body ?? {}));
    });
  });
  await new Promise((resolvePromise) => server.listen(0, "127.0.0.1", resolvePromise));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolvePromise) => server.close(resolvePromise)),
  };
}
