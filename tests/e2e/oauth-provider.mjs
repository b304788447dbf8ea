// The real test OAuth 2.0 provider (tests/oauth-server/server.mjs, oidc-provider) for one test: started on a free
// port, its endpoints read from its discovery document, ended by its PID when the test ends.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './harness.mjs';
import { endProcesses } from './processes.mjs';

/** How long the provider may take to print its `READY <issuer>` line on 2 busy cores. */
const START_TIMEOUT_MS = 20_000;

/** The provider's confidential client (client_secret_basic) and its redirect URI for the app's window. */
export const CONFIDENTIAL_CLIENT = Object.freeze({
  clientId: 'blocksmith-confidential',
  clientSecret: 'confidential-secret',
  windowRedirectUri: 'https://blocksmith.example/oauth/callback',
});

function waitForIssuer(child) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The OAuth test provider printed no READY line within ${START_TIMEOUT_MS} ms.`)),
      START_TIMEOUT_MS,
    );
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const ready = /^READY (\S+)$/.exec(line);
      if (!ready) return;
      clearTimeout(timer);
      resolve(ready[1]);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The OAuth test provider exited (${code ?? signal}) before it was ready.`));
    });
  });
}

/**
 * Starts the provider for the test `t` and answers its issuer and discovered endpoints
 * (`authorization_endpoint`, `token_endpoint`, …). The provider is ended when the test ends.
 */
export async function startOAuthProvider(t) {
  const child = spawn(process.execPath, [join(repoRoot, 'tests/oauth-server/server.mjs'), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  t.after(() => endProcesses([child.pid]));
  const issuer = await waitForIssuer(child);
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`The provider's discovery document answered ${response.status}.`);
  return { issuer, ...(await response.json()) };
}
