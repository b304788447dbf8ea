// OAuth 2.0 authorization code in the real app against a real provider (tests/oauth-server, oidc-provider): Connect
// opens the consent window at the provider's authorize URL; the test signs in on the provider's login page and
// allows on its consent page, as a person would; the window catches the redirect and closes, and the connection
// shows connected, with the granted scopes and its expiry counting down.
//
// The consent window is private (incognito): WebKit gives it a web context of its own, which WebKitWebDriver's
// automation session does not control, so WebDriver lists only the main window. When WebDriver lists the consent
// window, the test drives it through WebDriver; otherwise it types into the X window with xdotool, following its
// pages through the requests the provider answered (oauth-request-log.mjs) and the window's painted pixels.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createConnection, findConnectionRow, findSecretsInFiles, typeInto } from './connection-form.mjs';
import { freshFolders, waitForBlockList, withApp } from './harness.mjs';
import { CONFIDENTIAL_CLIENT, startOAuthProvider } from './oauth-provider.mjs';
import {
  CONNECTED,
  consentThroughKeyboard,
  consentWindowTitle,
  Decision,
  isTokenRequest,
  LOGIN,
  PASSWORD,
  statusText,
  waitForStatus,
  WINDOW_TIMEOUT_MS,
} from './oauth-steps.mjs';
import { waitFor } from './webdriver.mjs';
import { visibleWindow } from './x-windows.mjs';

const CONNECTION = 'Test Provider';
/** `api:read` is the provider's API scope: the token it issues carries that one (OpenID scopes are not for the API). */
const SCOPES = 'openid offline_access api:read';

/** Login and consent through WebDriver, in the consent window's own browsing context. */
async function consentThroughWebDriver(session, consentHandle, mainHandle, decision) {
  await session.switchToWindow(consentHandle);
  const login = await session.waitForElement('input[name="login"]', { timeoutMs: WINDOW_TIMEOUT_MS });
  await typeInto(session, login, LOGIN);
  await typeInto(session, await session.find('input[name="password"]'), PASSWORD);
  await session.click(await session.find('button[type="submit"]'));
  await session.waitForElement('input[name="prompt"][value="consent"]', { timeoutMs: WINDOW_TIMEOUT_MS });
  const answer = decision === Decision.allow ? 'button[type="submit"]' : 'a[href$="/abort"]';
  await session.click(await session.find(answer));
  await session.switchToWindow(mainHandle);
}

/**
 * Creates the authorization code connection for the provider's confidential client, presses Connect, checks the
 * authorization request the consent window made, signs in and gives `decision` there, and waits for the window to
 * close. WebDriver drives the window when it lists it; otherwise the keyboard does.
 */
async function connectThroughConsentWindow(t, session, provider, decision) {
  await waitForBlockList(session);
  await createConnection(session, {
    kind: 'authorizationcode',
    name: CONNECTION,
    fields: provider.confidentialClientFields(SCOPES),
  });
  // An OAuth connection's form stays open after Save, with Connect.
  await waitForStatus(session, /^Not connected$/, '“Not connected”');

  const mainHandle = await session.currentWindow();
  const handlesBefore = await session.windowHandles();
  await session.click(await session.findByTestId('oauth-connect'));
  await waitForStatus(session, /Waiting for consent/, '“Waiting for consent…”');

  // The title names the host of the page shown: the provider's.
  const windowTitle = consentWindowTitle(CONNECTION, provider.issuer);
  const windowId = await waitFor(() => visibleWindow(windowTitle), {
    timeoutMs: WINDOW_TIMEOUT_MS,
    message: `the consent window “${windowTitle}”`,
  });
  const authorize = await provider.waitForRequest(
    (request) => `${provider.issuer}${request.path}` === provider.endpoints.authorization_endpoint,
    'the authorization request',
  );
  assert.equal(authorize.status, 303, 'the provider accepts the authorization request');
  const query = Object.fromEntries(authorize.query);
  assert.equal(query.response_type, 'code');
  assert.equal(query.client_id, CONFIDENTIAL_CLIENT.clientId);
  assert.equal(query.redirect_uri, CONFIDENTIAL_CLIENT.windowRedirectUri);
  assert.equal(query.scope, SCOPES);
  assert.equal(query.code_challenge_method, 'S256');
  assert.match(query.code_challenge ?? '', /^[A-Za-z0-9_-]{43}$/, 'a PKCE S256 challenge');
  assert.ok((query.state ?? '').length >= 16, 'an unguessable state');

  const handles = await session.windowHandles();
  const consentHandle = handles.find((handle) => !handlesBefore.includes(handle));
  if (consentHandle) {
    await consentThroughWebDriver(session, consentHandle, mainHandle, decision);
  } else {
    t.diagnostic(
      `WebDriver lists no handle for the consent window (handles: ${JSON.stringify(handles)}); ` +
        'it is driven through its X window instead.',
    );
    await consentThroughKeyboard(provider, windowId, decision);
  }

  // The window catches the redirect to the redirect URI and closes.
  await waitFor(() => !visibleWindow(windowTitle), {
    timeoutMs: WINDOW_TIMEOUT_MS,
    message: 'the consent window to close after the redirect',
  });
  assert.deepEqual(await session.windowHandles(), handlesBefore, 'only the main window is left');
}

test('OAuth Connect: sign in and consent in the consent window, then the connection shows connected', async (t) => {
  const provider = await startOAuthProvider(t);
  const folders = freshFolders(t);
  await withApp(t, folders, async ({ session }) => {
    await connectThroughConsentWindow(t, session, provider, Decision.allow);
    const exchange = await provider.waitForRequest(isTokenRequest(provider), 'the token request (code exchange)');
    assert.equal(exchange.status, 200, 'the provider answers the code exchange with a token');

    const connected = await waitForStatus(session, CONNECTED, '“Connected · expires in …”', WINDOW_TIMEOUT_MS);
    const [, expiresIn, scopes] = CONNECTED.exec(connected);
    assert.ok(scopes.split(' ').includes('api:read'), `the granted scopes are shown (${scopes})`);
    await waitFor(async () => CONNECTED.exec(await statusText(session))?.[1] !== expiresIn, {
      message: `the expiry to count down from ${expiresIn}`,
    });
    assert.match(await session.text(await findConnectionRow(session, CONNECTION)), /token/, 'listed with a token');

    // The inspector shows the code exchange as Rust recorded it (a typed record), every secret masked.
    const inspector = await session.findByTestId('oauth-inspector');
    await session.click(inspector);
    const shown = await waitFor(
      async () => {
        const text = await session.text(inspector);
        return text.includes('Status') && text;
      },
      { message: 'the inspector to show the last token request and response' },
    );
    assert.ok(shown.includes(`POST ${provider.endpoints.token_endpoint}`), `the request line: ${shown}`);
    assert.match(shown, /grant_type\s*authorization_code/, 'the form of the code exchange');
    assert.match(shown, /Status\s*200/);
    assert.ok(!shown.includes(CONFIDENTIAL_CLIENT.clientSecret), 'the client secret is masked');
    // What the token is: each requested scope beside whether it was granted, the expiry, and the ID token (the
    // answer to the `openid` scope) decoded, its signature left out.
    assert.match(shown, /api:read\s*yes\s*yes/, `api:read requested and granted: ${shown}`);
    assert.match(shown, /Expires \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(in /, 'the expiry');
    assert.match(shown, /ID token/, 'the ID token is decoded');
    assert.match(shown, new RegExp(`sub\\s*${LOGIN}`), 'its subject is the person who signed in');
    assert.match(shown, /exp\s*\d+ \(\d{4}-/, 'its expiry claim, with its UTC time');
  });
  const { found } = findSecretsInFiles([folders.workspace, folders.configDir], [CONFIDENTIAL_CLIENT.clientSecret]);
  assert.deepEqual(found, [], 'the client secret is in no file of the workspace or settings folder');
});

test('OAuth Connect: Cancel on the consent page is reported as access denied, and nothing is stored', async (t) => {
  const provider = await startOAuthProvider(t);
  await withApp(t, freshFolders(t), async ({ session }) => {
    await connectThroughConsentWindow(t, session, provider, Decision.deny);
    const problem = await session.text(await session.findByTestId('oauth-problem', { timeoutMs: WINDOW_TIMEOUT_MS }));
    assert.match(problem, /access_denied/, 'the message names what the provider said');
    assert.match(problem, /nothing was stored/i);
    await waitForStatus(session, /^Not connected$/, '“Not connected”');
    assert.equal(provider.requests.filter(isTokenRequest(provider)).length, 0, 'no code was exchanged');
    assert.doesNotMatch(await session.text(await findConnectionRow(session, CONNECTION)), /token/, 'no token badge');
  });
});
