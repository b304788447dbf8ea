// "Open in system browser" and a lasting "needs consent", in the real app against the real provider
// (tests/oauth-server). The app is started with $BROWSER set to oauth-browser.mjs, which plays the person at their
// own browser: it signs in and consents with an HTTP client and lands on the loopback redirect URI the app listens
// on (RFC 8252). Then the provider withdraws the grant; Refresh now is refused, and the connection says "Needs
// consent" — also after the app restarts — until a new consent.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createConnection, findConnectionRow, openConnection } from './connection-form.mjs';
import { freshFolders, repoRoot, waitForBlockList, withApp } from './harness.mjs';
import { keyringSecrets } from './keyring.mjs';
import { startOAuthProvider } from './oauth-provider.mjs';
import { CONNECTED, isTokenRequest, NEEDS_CONSENT, statusText, waitForStatus, WINDOW_TIMEOUT_MS } from './oauth-steps.mjs';
import { freePort } from './processes.mjs';
import { waitFor } from './webdriver.mjs';

const CONNECTION = 'Browser Provider';
const SCOPES = 'openid api:read';

/** What the stand-in browser did, one entry per line of its log. */
function browserLog(file) {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line));
  } catch {
    return [];
  }
}

/** The stored token of the connection, read from the keyring as any keyring client can. */
function storedToken() {
  const tokens = keyringSecrets()
    .map((secret) => {
      try {
        return JSON.parse(secret);
      } catch {
        return null;
      }
    })
    .filter((value) => value !== null && typeof value.accessToken === 'string');
  assert.equal(tokens.length, 1, 'one token in the keyring');
  return tokens[0];
}

async function problemText(session) {
  return session.text(await session.findByTestId('oauth-problem', { timeoutMs: WINDOW_TIMEOUT_MS }));
}

test('Open in system browser connects through the loopback redirect; Cancel stops waiting; a refused refresh needs consent across a restart', async (t) => {
  const provider = await startOAuthProvider(t);
  const folders = freshFolders(t);
  const log = join(folders.configDir, '..', 'browser.log');
  const mode = join(folders.configDir, '..', 'browser.mode');
  // The app's environment comes from this process's (tauri-driver hands it down).
  Object.assign(process.env, {
    BROWSER: `${process.execPath} ${join(repoRoot, 'tests/e2e/oauth-browser.mjs')}`,
    BLOCKSMITH_TEST_BROWSER_LOG: log,
    BLOCKSMITH_TEST_BROWSER_MODE: mode,
  });
  t.after(() => {
    for (const name of ['BROWSER', 'BLOCKSMITH_TEST_BROWSER_LOG', 'BLOCKSMITH_TEST_BROWSER_MODE']) delete process.env[name];
  });
  const redirectUri = `http://127.0.0.1:${await freePort()}/callback`;

  await withApp(t, folders, async (app) => {
    let { session } = app;
    await waitForBlockList(session);
    await createConnection(session, {
      kind: 'authorizationcode',
      name: CONNECTION,
      fields: provider.confidentialClientFields(SCOPES, redirectUri),
    });
    await waitForStatus(session, /^Not connected$/, '“Not connected”');

    // A person who never consents: the app waits, shows the redirect URI to register, and Cancel ends the wait.
    writeFileSync(mode, 'ignore');
    await session.click(await session.findByTestId('oauth-system-browser'));
    await waitForStatus(session, /^Waiting for consent in your browser…$/, '“Waiting for consent in your browser…”');
    const shownUri = await waitFor(
      async () => (await session.property(await session.findByTestId('oauth-redirect-uri'), 'value')) || false,
      { message: 'the redirect URI to register' },
    );
    assert.equal(shownUri, redirectUri, 'the loopback redirect URI of the connection is shown');
    const copy = await session.findByTestId('oauth-copy-redirect-uri');
    await session.click(copy);
    await waitFor(async () => (await session.text(copy)) === 'Copied', { message: 'Copy to say “Copied”' });
    const opened = await waitFor(() => browserLog(log).find((entry) => entry.ignored), {
      message: 'the app to start $BROWSER with the authorize URL',
    });
    const url = new URL(opened.ignored);
    assert.equal(`${url.origin}${url.pathname}`, provider.endpoints.authorization_endpoint);
    assert.equal(url.searchParams.get('redirect_uri'), redirectUri);
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    await session.click(await session.findByTestId('oauth-cancel'));
    const cancelled = await problemText(session);
    assert.match(cancelled, /Cancelled: stopped waiting for consent in the browser; nothing changed\./, cancelled);
    await waitForStatus(session, /^Not connected$/, '“Not connected” after Cancel');

    // The person signs in and consents in their browser; the browser lands on the loopback listener.
    writeFileSync(mode, 'consent');
    await session.click(await session.findByTestId('oauth-system-browser'));
    const connected = await waitForStatus(session, CONNECTED, '“Connected …”', WINDOW_TIMEOUT_MS);
    assert.ok(CONNECTED.exec(connected)[2].split(' ').includes('api:read'), connected);
    const visits = browserLog(log);
    assert.deepEqual(visits.at(-1), { done: true }, JSON.stringify(visits));
    assert.ok(
      visits.some((entry) => entry.url?.startsWith(`${redirectUri}?`) && entry.status === 200),
      'the browser landed on the loopback redirect URI, which answered',
    );
    assert.equal(provider.requests.filter(isTokenRequest(provider)).length, 1, 'one code exchange');

    // The person withdraws the app's access at the provider: Refresh now is refused and says "Needs consent".
    await provider.revoke(storedToken().refreshToken);
    await session.click(await session.findByTestId('oauth-refresh'));
    await waitForStatus(session, NEEDS_CONSENT, '“Needs consent” after the refused refresh', WINDOW_TIMEOUT_MS);
    const marked = storedToken();
    assert.equal(marked.needsConsent, true, 'the mark is kept with the token in the keyring');
    assert.equal(marked.refreshToken, undefined, 'the refused refresh token is dropped');

    // After a restart the connection still needs consent.
    await app.restart();
    session = app.session;
    await waitForBlockList(session);
    await openConnection(session, CONNECTION);
    await waitForStatus(session, NEEDS_CONSENT, '“Needs consent” after a restart', WINDOW_TIMEOUT_MS);
    assert.match(await session.text(await findConnectionRow(session, CONNECTION)), /token/);

    // A new consent clears it.
    await session.click(await session.findByTestId('oauth-system-browser'));
    await waitForStatus(session, CONNECTED, '“Connected …” after consenting again', WINDOW_TIMEOUT_MS);
    assert.equal(storedToken().needsConsent, undefined, 'the mark is gone');
  });
});
