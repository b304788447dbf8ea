// OAuth 2.0 authorization code in the real app against a real provider (tests/oauth-server, oidc-provider): Connect
// opens the consent window at the provider's authorize URL; WebDriver switches to that window, signs in on the
// provider's login page and allows on its consent page, as a person would; the window catches the redirect and
// closes, and the connection shows connected, with the granted scopes and its expiry counting down.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createConnection, findConnectionRow, typeInto } from './connection-form.mjs';
import { freshFolders, waitForBlockList, withApp } from './harness.mjs';
import { CONFIDENTIAL_CLIENT, startOAuthProvider } from './oauth-provider.mjs';
import { waitFor } from './webdriver.mjs';

const CONNECTION = 'Test Provider';
const SCOPES = 'openid offline_access';

/** How long the consent window and the provider's pages may take to appear on 2 busy cores. */
const WINDOW_TIMEOUT_MS = 30_000;

/** The status line once connected: "Connected · expires in 0:59 · scopes: … · refresh token: yes". */
const CONNECTED = /^Connected · expires in (\d+:\d\d) · scopes: (.+) · refresh token: yes$/;

async function statusText(session) {
  return session.text(await session.findByTestId('oauth-status'));
}

function waitForStatus(session, pattern, what, timeoutMs = 10_000) {
  return waitFor(
    async () => {
      const text = await statusText(session);
      return pattern.test(text) && text;
    },
    { timeoutMs, message: `oauth-status to say ${what}` },
  );
}

/** Waits for the window WebDriver did not list before (the consent window) and answers its handle. */
async function waitForNewWindow(session, known) {
  let handles = known;
  try {
    return await waitFor(
      async () => {
        handles = await session.windowHandles();
        return handles.find((handle) => !known.includes(handle));
      },
      { timeoutMs: WINDOW_TIMEOUT_MS, message: 'a second window handle (the consent window)' },
    );
  } catch (error) {
    error.message += `\nWindow handles WebDriver lists: ${JSON.stringify(handles)} (before Connect: ${JSON.stringify(known)})`;
    throw error;
  }
}

/** On the provider's login page (oidc-provider's development page): any login and password sign in. */
async function signIn(session) {
  const login = await session.waitForElement('input[name="login"]', { timeoutMs: WINDOW_TIMEOUT_MS });
  await typeInto(session, login, 'e2e-person');
  await typeInto(session, await session.find('input[name="password"]'), 'any password');
  await session.click(await session.find('button[type="submit"]'));
}

/** On the provider's consent page: Continue allows what the app asked for. */
async function allow(session) {
  await session.waitForElement('input[name="prompt"][value="consent"]', { timeoutMs: WINDOW_TIMEOUT_MS });
  await session.click(await session.find('button[type="submit"]'));
}

test('OAuth Connect: sign in and consent in the consent window, then the connection shows connected', async (t) => {
  const provider = await startOAuthProvider(t);
  await withApp(t, freshFolders(t), async ({ session }) => {
    await waitForBlockList(session);
    await createConnection(session, {
      kind: 'authorizationcode',
      name: CONNECTION,
      fields: {
        authorizeUrl: provider.authorization_endpoint,
        tokenUrl: provider.token_endpoint,
        scopes: SCOPES,
        clientId: CONFIDENTIAL_CLIENT.clientId,
        clientSecret: CONFIDENTIAL_CLIENT.clientSecret,
        redirectUri: CONFIDENTIAL_CLIENT.windowRedirectUri,
      },
    });
    // An OAuth connection's form stays open after Save, with Connect.
    await waitForStatus(session, /^Not connected$/, '“Not connected”');

    const mainWindow = await session.currentWindow();
    const before = await session.windowHandles();
    await session.click(await session.findByTestId('oauth-connect'));
    await waitForStatus(session, /Waiting for consent/, '“Waiting for consent…”');

    const consentWindow = await waitForNewWindow(session, before);
    await session.switchToWindow(consentWindow);
    const consentUrl = new URL(await session.command('GET', '/url'));
    assert.equal(consentUrl.origin, provider.issuer, 'the consent window shows the provider’s page');
    await signIn(session);
    await allow(session);

    // The window catches the redirect to the redirect URI and closes itself.
    await session.switchToWindow(mainWindow);
    await waitFor(async () => (await session.windowHandles()).length === before.length, {
      timeoutMs: WINDOW_TIMEOUT_MS,
      message: 'the consent window to close after the redirect',
    });
    const connected = await waitForStatus(session, CONNECTED, '“Connected · expires in …”', WINDOW_TIMEOUT_MS);
    const [, expiresIn, scopes] = CONNECTED.exec(connected);
    assert.ok(scopes.split(' ').includes('openid'), `the granted scopes are shown (${scopes})`);
    await waitFor(async () => CONNECTED.exec(await statusText(session))?.[1] !== expiresIn, {
      message: `the expiry to count down from ${expiresIn}`,
    });
    const row = await findConnectionRow(session, CONNECTION);
    assert.match(await session.text(row), /token/, 'the connection is listed with a token');
  });
});
