// The consent window's choices against the real provider (tests/oauth-server): "Remember provider login" keeps the
// provider's sign-in between connects in a cookie store of the window's own (so the second Connect is not asked to
// sign in), while the default private window asks again; closing the window — as a window manager's close button
// does — or pressing Cancel cancels, stores nothing and leaves the previous token in place.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fillField, newConnection } from './connection-form.mjs';
import { freshFolders, readManifest, waitForBlockList, withApp } from './harness.mjs';
import { startOAuthProvider } from './oauth-provider.mjs';
import {
  answerConsentThroughKeyboard,
  CONNECTED,
  consentThroughKeyboard,
  consentWindowTitle,
  Decision,
  isInteractionPage,
  isTokenRequest,
  statusText,
  waitForStatus,
  WINDOW_TIMEOUT_MS,
} from './oauth-steps.mjs';
import { waitFor } from './webdriver.mjs';
import { closeWindow, visibleWindow, waitForSteadyImage } from './x-windows.mjs';

const CONNECTION = 'Remembering Provider';
/** The consent window's title, naming the provider's host: set once the provider runs. */
let WINDOW_TITLE = null;
/** No `offline_access`: the provider then asks for consent only while the grant lacks a scope. */
const SCOPES = 'openid api:read';

async function rememberLoginBox(session) {
  return session.findByTestId('connection-field-rememberLogin');
}

/** Ticks or unticks "Remember provider login" in the open form and saves; waits for the manifest to say so. */
async function setRememberLogin(session, workspace, remember) {
  const box = await rememberLoginBox(session);
  if ((await session.property(box, 'checked')) !== remember) await session.click(box);
  await session.click(await session.findByTestId('connection-save'));
  await waitFor(
    () => {
      const connection = readManifest(workspace).connections.find((candidate) => candidate.name === CONNECTION);
      return connection && (connection.inputs.rememberLogin === 'true') === remember;
    },
    { message: `the manifest to say rememberLogin ${remember}` },
  );
}

/** Presses Connect; answers `{ from }`, the index of the first provider request it can cause. */
async function pressConnect(session, provider) {
  const from = provider.requests.length;
  await session.click(await session.findByTestId('oauth-connect'));
  return { from };
}

function waitForWindow() {
  return waitFor(() => visibleWindow(WINDOW_TITLE), {
    timeoutMs: WINDOW_TIMEOUT_MS,
    message: `the consent window “${WINDOW_TITLE}”`,
  });
}

function waitForWindowGone() {
  return waitFor(() => !visibleWindow(WINDOW_TITLE), {
    timeoutMs: WINDOW_TIMEOUT_MS,
    message: 'the consent window to close',
  });
}

async function problemText(session) {
  return session.text(await session.findByTestId('oauth-problem', { timeoutMs: WINDOW_TIMEOUT_MS }));
}

test('Remember provider login skips the sign-in on the next Connect; a private window asks again; closing it or Cancel cancels', async (t) => {
  const provider = await startOAuthProvider(t);
  WINDOW_TITLE = consentWindowTitle(CONNECTION, provider.issuer);
  const folders = freshFolders(t);
  await withApp(t, folders, async ({ session }) => {
    await waitForBlockList(session);
    await newConnection(session, 'authorizationcode', CONNECTION);
    for (const [key, text] of Object.entries(provider.confidentialClientFields(SCOPES))) {
      await fillField(session, key, text);
    }
    assert.equal(await session.property(await rememberLoginBox(session), 'checked'), false, 'off by default');
    await setRememberLogin(session, folders.workspace, true);
    await waitForStatus(session, /^Not connected$/, '“Not connected”');

    // First Connect: the provider asks to sign in and to consent.
    const first = await pressConnect(session, provider);
    const firstWindow = await waitForWindow();
    await consentThroughKeyboard(provider, firstWindow, Decision.allow, first);
    await waitForWindowGone();
    await waitForStatus(session, CONNECTED, '“Connected …”', WINDOW_TIMEOUT_MS);
    assert.deepEqual(await provider.prompts(), ['login', 'consent']);
    const cookies = join(folders.configDir, 'consent-browser', 'cookies');
    await waitFor(() => existsSync(cookies) && readFileSync(cookies, 'utf8').includes('_session'), {
      message: `the provider's session cookie in the consent window's own store (${cookies})`,
    });

    // Disconnect, then Connect again: the window remembers the sign-in, so no login page is shown.
    await session.click(await session.findByTestId('oauth-disconnect'));
    await waitForStatus(session, /^Not connected$/, '“Not connected” after Disconnect');
    const second = await pressConnect(session, provider);
    let consentAnswered = false;
    await waitFor(
      async () => {
        if (CONNECTED.test(await statusText(session))) return true;
        // The provider may still ask for consent (never for a login): answer it.
        const prompts = await provider.prompts();
        if (!consentAnswered && prompts.length > 2 && prompts.at(-1) === 'consent' && visibleWindow(WINDOW_TITLE)) {
          consentAnswered = true;
          const consentPage = await provider.waitForRequest(isInteractionPage, 'the consent page', second);
          await answerConsentThroughKeyboard(provider, visibleWindow(WINDOW_TITLE), consentPage, Decision.allow);
          return false;
        }
        return false;
      },
      { timeoutMs: WINDOW_TIMEOUT_MS * 2, message: 'the second Connect to connect without signing in' },
    );
    const afterSecond = await provider.prompts();
    t.diagnostic(`the provider's prompts after the second Connect: ${JSON.stringify(afterSecond)}`);
    assert.ok(!afterSecond.slice(2).includes('login'), `no login page the second time (${afterSecond})`);
    await waitForWindowGone();
    const connected = await statusText(session);
    const exchanges = provider.requests.filter(isTokenRequest(provider)).length;

    // Remember off: the private window knows no sign-in, so the login page is back. Closing the window cancels.
    await setRememberLogin(session, folders.workspace, false);
    const third = await pressConnect(session, provider);
    const thirdWindow = await waitForWindow();
    await provider.waitForRequest(isInteractionPage, 'the login page request', third);
    assert.equal((await provider.prompts()).at(-1), 'login', 'a private window is asked to sign in');
    await waitForSteadyImage(thirdWindow, { what: 'the login page' });
    await closeWindow(thirdWindow);
    await waitForWindowGone();
    const closed = await problemText(session);
    assert.match(closed, /Cancelled: the sign-in window was closed/, closed);
    assert.match(closed, /nothing changed/);
    assert.match(await statusText(session), CONNECTED, 'the previous token is still there');
    assert.equal(provider.requests.filter(isTokenRequest(provider)).length, exchanges, 'no code was exchanged');

    // Cancel while the window is open does the same.
    const fourth = await pressConnect(session, provider);
    await waitForWindow();
    await provider.waitForRequest(isInteractionPage, 'the login page request', fourth);
    await session.click(await session.findByTestId('oauth-cancel'));
    await waitForWindowGone();
    await waitFor(async () => /Cancelled/.test(await problemText(session)), { message: 'the cancelled message' });
    const status = await statusText(session);
    assert.match(status, CONNECTED, 'the previous token is still there');
    assert.equal(CONNECTED.exec(status)[2], CONNECTED.exec(connected)[2], 'with the same scopes');
    assert.equal(provider.requests.filter(isTokenRequest(provider)).length, exchanges, 'no code was exchanged');
  });
});
