// The real test OAuth 2.0 provider (tests/oauth-server/server.mjs, oidc-provider) for one test: started on a free
// port with `oauth-request-log.mjs` preloaded, its endpoints read from its discovery document, the requests it
// answered kept in order, and ended by its PID when the test ends.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './harness.mjs';
import { endProcesses } from './processes.mjs';
import { waitFor } from './webdriver.mjs';

/** How long the provider may take to print its `READY <issuer>` line on 2 busy cores. */
const START_TIMEOUT_MS = 20_000;

/** The provider's confidential client (client_secret_basic) and its redirect URI for the app's window. */
export const CONFIDENTIAL_CLIENT = Object.freeze({
  clientId: 'blocksmith-confidential',
  clientSecret: 'confidential-secret',
  windowRedirectUri: 'https://blocksmith.example/oauth/callback',
});

/** One request the provider answered: `{ method, path, query (URLSearchParams), status }`. */
function parseRequestLine(line) {
  const logged = /^REQUEST (\S+) (\S+) (\d+)$/.exec(line);
  if (!logged) return null;
  const url = new URL(logged[2], 'http://provider.invalid');
  return { method: logged[1], path: url.pathname, query: url.searchParams, status: Number(logged[3]) };
}

class TestProvider {
  constructor(child) {
    this.child = child;
    /** Every request the provider answered, in order. */
    this.requests = [];
    this.issuer = null;
    this.errorOutput = '';
    child.stderr.setEncoding('utf8').on('data', (text) => {
      this.errorOutput += text;
    });
  }

  /** Resolves with the issuer once the provider prints its READY line; fails if it exits first. */
  ready() {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The OAuth test provider printed no READY line within ${START_TIMEOUT_MS} ms.`)),
        START_TIMEOUT_MS,
      );
      createInterface({ input: this.child.stdout }).on('line', (line) => {
        const request = parseRequestLine(line);
        if (request) this.requests.push(request);
        const ready = /^READY (\S+)$/.exec(line);
        if (ready) {
          clearTimeout(timer);
          this.issuer = ready[1];
          resolve(ready[1]);
        }
      });
      this.child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(
            `The OAuth test provider exited (${code ?? signal}) before it was ready:\n${this.errorOutput.slice(-2000)}`,
          ),
        );
      });
    });
  }

  /**
   * The authorization code connection's fields for the confidential client of this provider: its endpoints,
   * `scopes`, the client's id and secret, and `redirectUri` (the URI the consent window intercepts unless given).
   */
  confidentialClientFields(scopes, redirectUri = CONFIDENTIAL_CLIENT.windowRedirectUri) {
    return {
      authorizeUrl: this.endpoints.authorization_endpoint,
      tokenUrl: this.endpoints.token_endpoint,
      scopes,
      clientId: CONFIDENTIAL_CLIENT.clientId,
      clientSecret: CONFIDENTIAL_CLIENT.clientSecret,
      redirectUri,
    };
  }

  /** The page each interaction started with so far, in order: `login` or `consent` (the provider's own record). */
  async prompts() {
    const response = await fetch(`${this.issuer}/__test/prompts`);
    if (!response.ok) throw new Error(`The provider's /__test/prompts answered ${response.status}.`);
    return (await response.json()).prompts;
  }

  /** Revokes a token at the provider's revocation endpoint as the confidential client (a refresh token revokes
   * its whole grant), as when the person withdraws the app's access at the provider. */
  async revoke(token) {
    const response = await fetch(this.endpoints.revocation_endpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${CONFIDENTIAL_CLIENT.clientId}:${CONFIDENTIAL_CLIENT.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token, token_type_hint: 'refresh_token' }).toString(),
    });
    if (!response.ok) throw new Error(`The provider's revocation endpoint answered ${response.status}.`);
  }

  /** Waits for a request matching `matches` (from the `from`-th on) and answers it with its index. */
  async waitForRequest(matches, what, { from = 0, timeoutMs = 30_000 } = {}) {
    try {
      return await waitFor(
        () => {
          const index = this.requests.findIndex((request, at) => at >= from && matches(request));
          return index >= 0 && { ...this.requests[index], index };
        },
        { timeoutMs, message: `the provider to receive ${what}` },
      );
    } catch (error) {
      const seen = this.requests.map(({ method, path, status }) => `${method} ${path} ${status}`);
      error.message += `\nRequests the provider answered: ${JSON.stringify(seen)}`;
      throw error;
    }
  }
}

/**
 * Starts the provider for the test `t` and answers it with its issuer and discovered endpoints under
 * `endpoints` (`authorization_endpoint`, `token_endpoint`, …). The provider is ended when the test ends.
 */
export async function startOAuthProvider(t) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      join(repoRoot, 'tests/e2e/oauth-request-log.mjs'),
      join(repoRoot, 'tests/oauth-server/server.mjs'),
      '--port',
      '0',
    ],
    // Its standard error is kept, not shown: it warns about its development-only setup on every start.
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  t.after(() => endProcesses([child.pid]));
  const provider = new TestProvider(child);
  const issuer = await provider.ready();
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`The provider's discovery document answered ${response.status}.`);
  provider.endpoints = await response.json();
  return provider;
}
