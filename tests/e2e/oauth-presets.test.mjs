// Provider presets in the real app: picking Google fills in its URLs, the parameters it needs for a refresh token
// and consent in the system browser; a preset from the person's own oauth-presets.toml (pointed at the real test
// provider, tests/oauth-server, through its domain parameter) fills the form, and Connect goes through the system
// browser with the preset's extra parameters and client authentication on the wire. $BROWSER is the stand-in
// browser (oauth-browser.mjs), which signs in and consents as the person would.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fillField, typeInto } from './connection-form.mjs';
import { freshFolders, repoRoot, waitForBlockList, withApp } from './harness.mjs';
import { startOAuthProvider } from './oauth-provider.mjs';
import { CONNECTED, isTokenRequest, waitForStatus, WINDOW_TIMEOUT_MS } from './oauth-steps.mjs';
import { freePort } from './processes.mjs';
import { elementArgument, waitFor } from './webdriver.mjs';

/** The provider's client that takes its secret only in the request body (client_secret_post). */
const BODY_CLIENT = { clientId: 'blocksmith-confidential-post', clientSecret: 'confidential-post-secret' };

/** The person's presets file: one preset for the test provider, whose host:port is its parameter. */
function userPresets() {
  return `
[[provider]]
key = "local-test"
label = "Local Test Provider"
note = "The OAuth test provider on this machine."
authorizeUrl = "http://{domain}/auth"
tokenUrl = "http://{domain}/token"
scopes = "openid offline_access api:read"
clientAuthentication = "body"
consentInSystemBrowser = true
authorizeParams = { access_type = "offline", prompt = "consent" }

[[provider.parameters]]
key = "domain"
label = "Provider host"
help = "host:port of the test provider"
format = "host"
`;
}

async function choosePreset(session, key) {
  await session.click(await session.waitForElement(`[data-testid="oauth-preset"] option[value="${key}"]`));
  const list = await session.findByTestId('oauth-preset');
  await waitFor(async () => (await session.property(list, 'value')) === key, { message: `the preset “${key}” chosen` });
}

async function fieldValue(session, inputKey) {
  return session.property(await session.findByTestId(`connection-field-${inputKey}`), 'value');
}

/** Waits until the form's field `inputKey` holds `expected`. */
function waitForField(session, inputKey, expected) {
  return waitFor(async () => (await fieldValue(session, inputKey)) === expected, {
    message: `${inputKey} to be filled in with ${expected}`,
  });
}

test('Provider presets fill in the form; a preset of your own connects through the system browser with its parameters', async (t) => {
  const provider = await startOAuthProvider(t);
  const folders = freshFolders(t);
  writeFileSync(join(folders.configDir, 'oauth-presets.toml'), userPresets());
  Object.assign(process.env, {
    BROWSER: `${process.execPath} ${join(repoRoot, 'tests/e2e/oauth-browser.mjs')}`,
    BLOCKSMITH_TEST_BROWSER_LOG: join(folders.configDir, '..', 'browser.log'),
  });
  t.after(() => {
    for (const name of ['BROWSER', 'BLOCKSMITH_TEST_BROWSER_LOG']) delete process.env[name];
  });
  const providerHost = new URL(provider.issuer).host;
  const redirectUri = `http://127.0.0.1:${await freePort()}/callback`;

  await withApp(t, folders, async ({ session }) => {
    await waitForBlockList(session);
    await session.click(await session.findByTestId('new-connection'));

    // Google: its URLs, a refresh token's parameters, the secret in the body, consent in the system browser.
    await choosePreset(session, 'google');
    await waitForField(session, 'authorizeUrl', 'https://accounts.google.com/o/oauth2/v2/auth');
    assert.equal(await session.property(await session.findByTestId('connection-kind'), 'value'), 'authorizationcode');
    assert.equal(await fieldValue(session, 'tokenUrl'), 'https://oauth2.googleapis.com/token');
    assert.equal(await fieldValue(session, 'issuer'), 'https://accounts.google.com');
    assert.deepEqual(JSON.parse(await fieldValue(session, 'authorizeParams')), {
      access_type: 'offline',
      prompt: 'consent',
    });
    assert.equal(await fieldValue(session, 'clientAuthentication'), 'body');
    assert.equal(await session.property(await session.findByTestId('connection-field-systemBrowser'), 'checked'), true);
    assert.match(await session.text(await session.findByTestId('oauth-preset-note')), /embedded/);

    // A preset of the person's own, listed as theirs; its host parameter completes the URLs.
    const own = await session.waitForElement('[data-testid="oauth-preset"] option[value="local-test"]');
    assert.equal(await session.text(own), 'Local Test Provider (yours)');
    await choosePreset(session, 'local-test');
    await waitFor(() => session.findByTestId('oauth-preset-missing'), {
      message: 'the form to ask for the provider host first',
    });
    await typeInto(session, await session.findByTestId('oauth-preset-param-domain'), providerHost);
    await waitForField(session, 'tokenUrl', `http://${providerHost}/token`);
    assert.equal(await fieldValue(session, 'authorizeUrl'), `http://${providerHost}/auth`);
    assert.equal(await fieldValue(session, 'issuer'), '', "Google's issuer does not linger");
    assert.equal(await fieldValue(session, 'revocationUrl'), '', 'nor its revocation URL');

    await typeInto(session, await session.findByTestId('connection-name'), 'Preset Provider');
    await fillField(session, 'clientId', BODY_CLIENT.clientId);
    await fillField(session, 'clientSecret', BODY_CLIENT.clientSecret);
    await fillField(session, 'redirectUri', redirectUri);
    await session.click(await session.findByTestId('connection-save'));
    await waitForStatus(session, /^Not connected$/, '“Not connected”');

    // Connect asks for consent in the system browser: there is no separate button for it.
    assert.deepEqual(await session.findAll('[data-testid="oauth-system-browser"]'), []);
    // The form is long: bring Connect to the middle of the side panel, clear of its horizontal scroll bar.
    const connect = await session.findByTestId('oauth-connect');
    await session.executeScript('arguments[0].scrollIntoView({ block: "center" });', [elementArgument(connect)]);
    await session.click(connect);
    await waitForStatus(session, CONNECTED, '“Connected …”', WINDOW_TIMEOUT_MS);
    const authorize = provider.requests.find((request) => request.path === '/auth');
    assert.ok(authorize, 'the browser opened the authorize URL');
    assert.equal(authorize.query.get('access_type'), 'offline');
    assert.equal(authorize.query.get('prompt'), 'consent');
    assert.equal(authorize.query.get('redirect_uri'), redirectUri);
    // The body-only client is refused with HTTP Basic: a successful exchange proves the secret went in the body.
    const exchange = provider.requests.find(isTokenRequest(provider));
    assert.equal(exchange.status, 200);

    // The keyring session is shared by the suite's tests: the token goes, as the person would drop it.
    await session.click(await session.findByTestId('oauth-disconnect'));
    await waitForStatus(session, /^Not connected$/, '“Not connected” after Disconnect');
  });
});
