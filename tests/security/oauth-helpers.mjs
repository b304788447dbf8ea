// Helpers of the OAuth security tests (oauth.test.mjs): a provider stand-in that records what it receives, and a
// running `blocksmith connections authorize` whose loopback listener the test calls as a browser (or an attacker)
// would.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

import { binary, recordingServer } from "./harness.mjs";

/**
 * A provider on 127.0.0.1 that records every request: its token endpoint (`/token`) grants any request a token
 * with a refresh token, `expiresIn` seconds long; `/.well-known/openid-configuration` describes it as `issuer`
 * (its own URL) with `authorization_response_iss_parameter_supported: issParameterSupported`, when that is given;
 * everything else answers 404.
 */
export async function fakeProvider({ expiresIn = 3600, issParameterSupported } = {}) {
  let issuer = "";
  const server = await recordingServer((request) => {
    const path = new URL(request.url, "http://provider").pathname;
    if (request.method === "POST" && path === "/token") {
      return {
        body: {
          access_token: "access-token-from-the-provider",
          token_type: "Bearer",
          expires_in: expiresIn,
          refresh_token: "refresh-token-secret-value",
        },
      };
    }
    if (path === "/.well-known/openid-configuration" && issParameterSupported !== undefined) {
      return {
        body: {
          issuer,
          authorization_endpoint: `${issuer}/auth`,
          token_endpoint: `${issuer}/token`,
          authorization_response_iss_parameter_supported: issParameterSupported,
        },
      };
    }
    return { status: 404, body: { error: "not_found" } };
  });
  issuer = server.url;
  return {
    ...server,
    issuer,
    authorizeUrl: `${server.url}/auth`,
    tokenUrl: `${server.url}/token`,
    /** The requests its token endpoint received. */
    tokenRequests: () => server.requests.filter((request) => request.url.startsWith("/token")),
  };
}

/** A loopback redirect URI on a free port (the CLI listens on it once `authorize` starts). */
export async function freeRedirectUri() {
  const probe = await recordingServer();
  await probe.close();
  return `${probe.url}/callback`;
}

/**
 * Starts `blocksmith connections authorize --no-browser` and waits for the authorization URL it prints first.
 * Resolves to `{ authorizeUrl, state, redirectUri, exited, finished }`: `exited()` says whether the process has
 * ended, `finished` resolves to `{ code, stdout, stderr }` when it does.
 */
export async function startAuthorize(dir, name, { extraArgs = [], timeoutS = 30 } = {}) {
  const child = spawn(
    binary,
    ["connections", "authorize", "--workspace", dir, "--name", name, "--no-browser", "--timeout-s", String(timeoutS), ...extraArgs],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  let exitCode = null;
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const finished = new Promise((resolvePromise) => {
    child.on("close", (code) => {
      exitCode = code;
      resolvePromise({ code, stdout, stderr });
    });
  });
  const lines = createInterface({ input: child.stdout });
  const firstLine = await new Promise((resolvePromise) => {
    let first = null;
    lines.on("line", (line) => {
      stdout += `${line}\n`;
      if (first === null) {
        first = line;
        resolvePromise(line);
      }
    });
    lines.on("close", () => first === null && resolvePromise(null));
  });
  if (firstLine === null || !firstLine.startsWith("http")) {
    const { code } = await finished;
    return { authorizeUrl: null, exited: () => true, finished: Promise.resolve({ code, stdout, stderr }) };
  }
  const authorizeUrl = new URL(firstLine);
  return {
    authorizeUrl,
    state: authorizeUrl.searchParams.get("state"),
    redirectUri: authorizeUrl.searchParams.get("redirect_uri"),
    exited: () => exitCode !== null,
    finished,
    kill: () => child.kill("SIGKILL"),
  };
}

/** A GET to `url` as a browser makes it: `{ status, body }`. */
export async function browse(url) {
  const response = await fetch(url, { redirect: "manual" });
  return { status: response.status, body: await response.text() };
}

/** `url` with the query parameters of `parameters` added. */
export function withQuery(url, parameters) {
  const target = new URL(url);
  for (const [key, value] of Object.entries(parameters)) target.searchParams.set(key, value);
  return target.toString();
}

export const sleep = (ms) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms));
