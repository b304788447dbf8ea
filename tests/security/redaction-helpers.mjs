// Helpers of the redaction tests (redaction.test.mjs): the forms a block easily turns a secret into, a search
// for any of them in a text, every file under a folder as text, and `blocksmith serve` started and stopped.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { binary } from "./harness.mjs";

/** `text` as it stands between the quotes of `JSON.stringify(text)`. */
export function jsonEscaped(text) {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * For each byte alignment the secret can have inside a longer text (`user:secret`), the base64 (or base64url)
 * characters that depend on the secret's bytes alone: finding one of these runs in an output means the secret
 * was printed base64-encoded, wherever in the encoded text it sat.
 */
export function base64Runs(secret, encoding = "base64") {
  const bytes = Buffer.from(secret, "utf8");
  const runs = [];
  for (let alignment = 0; alignment < 3; alignment += 1) {
    const shifted = Buffer.concat([Buffer.alloc(alignment), bytes]);
    const encoded = shifted.toString(encoding).replace(/=+$/, "");
    const first = Math.ceil((8 * alignment) / 6);
    const last = Math.floor((8 * (alignment + bytes.length)) / 6);
    runs.push(encoded.slice(first, last));
  }
  return runs;
}

/** The base64 body lines of a PEM block. */
export function pemBodyLines(pem) {
  return pem
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("-----"));
}

/** Every form of `secret` that must never be seen: as is, JSON-escaped, base64/base64url, URL-encoded, hex. */
export function formsOf(secret) {
  const forms = new Set([
    secret,
    jsonEscaped(secret),
    jsonEscaped(jsonEscaped(secret)),
    ...base64Runs(secret, "base64"),
    ...base64Runs(secret, "base64url"),
    ...base64Runs(jsonEscaped(secret), "base64"),
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    new URLSearchParams({ s: secret }).toString().slice(2),
    Buffer.from(secret).toString("hex"),
    Buffer.from(secret).toString("hex").toUpperCase(),
    ...pemBodyLines(secret).filter((line) => line.length >= 6),
  ]);
  return [...forms];
}

/** The forms of `secrets` (by name) found in `text`, as `name: form` lines; empty when none leaked. */
export function leaksIn(text, secrets) {
  const found = [];
  for (const [name, secret] of Object.entries(secrets)) {
    for (const form of formsOf(secret)) {
      if (text.includes(form)) found.push(`${name}: ${form.length > 80 ? `${form.slice(0, 80)}…` : form}`);
    }
  }
  return found;
}

/** The file at `path`, or every file under it when it is a folder (dot folders included), read as text. */
export function everyFileAsText(path) {
  if (!statSync(path).isDirectory()) return readFileSync(path, "utf8");
  return readdirSync(path)
    .map((name) => everyFileAsText(join(path, name)))
    .join("\n");
}

/** `blocksmith serve` on a free port: resolves once it prints its first line (`{ listening, flows }`). */
export function startServe(workspace) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, ["serve", "--workspace", workspace, "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let started = false;
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (!started && stdout.includes("\n")) {
        started = true;
        resolvePromise({
          first: JSON.parse(stdout.split("\n")[0]),
          output: () => stdout,
          stop: () =>
            new Promise((done) => {
              child.on("close", done);
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (!started) reject(new Error(`serve ended (${code}) before listening: ${stderr}`));
    });
  });
}
