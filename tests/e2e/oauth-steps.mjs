// What the OAuth end-to-end tests share: the connection's status line, the provider's requests told apart, and
// the provider's login and consent pages answered at the keyboard in the consent window (an X window WebDriver does
// not reach: private, or with a cookie store of its own, it is outside the automation session's web context).
import assert from 'node:assert/strict';
import { waitFor } from './webdriver.mjs';
import { pressInWindow, typeInWindow, waitForSteadyImage } from './x-windows.mjs';

/** How long the consent window and the provider's pages may take to appear on 2 busy cores. */
export const WINDOW_TIMEOUT_MS = 30_000;

/** The status line once connected: "Connected · expires in 0:59 · scopes: … · refresh token: yes". */
export const CONNECTED = /^Connected · expires in (\d+:\d\d) · scopes: (.+) · refresh token: yes$/;

/** The status line of a connection whose refresh the provider refused. */
export const NEEDS_CONSENT = /^Needs consent · press Connect to sign in again$/;

/**
 * The consent window's X window title, as an xdotool pattern: "Connect <connection> — <host of the page shown>".
 * The test provider's pages are on its issuer (plain http on 127.0.0.1), which the title names with its scheme.
 * The separator may reach X in another encoding, so any text stands for it.
 */
export function consentWindowTitle(connection, issuer) {
  const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `Connect ${literal(connection)} .+ ${literal(issuer)}`;
}

export const LOGIN = 'e2e-person';
export const PASSWORD = 'any password';

/** A provider page the window shows: an interaction (login or consent), served. */
export const isInteractionPage = (request) =>
  request.method === 'GET' && /^\/interaction\/[^/]+$/.test(request.path) && request.status === 200;

/** A request to the provider's token endpoint (code exchange or refresh). */
export const isTokenRequest = (provider) => (request) =>
  request.method === 'POST' && `${provider.issuer}${request.path}` === provider.endpoints.token_endpoint;

export async function statusText(session) {
  return session.text(await session.findByTestId('oauth-status'));
}

export function waitForStatus(session, pattern, what, timeoutMs = 10_000) {
  return waitFor(
    async () => {
      const text = await statusText(session);
      return pattern.test(text) && text;
    },
    { timeoutMs, message: `oauth-status to say ${what}` },
  );
}

/** The person's answer on the provider's consent page: Continue, or its Cancel link. */
export const Decision = Object.freeze({ allow: 'allow', deny: 'deny' });

/**
 * Signs in on the login page the window shows (served as the provider's request `loginPage`), as keys typed into
 * the X window: the page focuses its login field. Answers the provider's request that took the login, and the
 * fingerprint of the filled-in page.
 */
export async function signInThroughKeyboard(provider, windowId, loginPage) {
  await waitForSteadyImage(windowId, { what: 'the login page' });
  typeInWindow(windowId, LOGIN);
  pressInWindow(windowId, 'Tab');
  typeInWindow(windowId, PASSWORD);
  const filledIn = await waitForSteadyImage(windowId, { what: 'the filled-in login page' });
  pressInWindow(windowId, 'Return');
  const signedIn = await provider.waitForRequest(
    (request) => request.method === 'POST' && request.path === loginPage.path,
    'the login form',
    { from: loginPage.index },
  );
  assert.equal(signedIn.status, 303, 'the provider accepts the login');
  return { signedIn, filledIn };
}

/**
 * Answers the consent page the window shows (the provider's request `consentPage`) with `decision`: the page
 * focuses its Continue button, and the Cancel link comes next in the tab order. `differentFrom` is the image the
 * window showed before the page, so its painting is told apart.
 */
export async function answerConsentThroughKeyboard(provider, windowId, consentPage, decision, differentFrom = null) {
  await waitForSteadyImage(windowId, { differentFrom, what: 'the consent page' });
  if (decision === Decision.deny) pressInWindow(windowId, 'Tab');
  pressInWindow(windowId, 'Return');
  const answered = await provider.waitForRequest(
    (request) =>
      decision === Decision.allow
        ? request.method === 'POST' && request.path === consentPage.path
        : request.method === 'GET' && request.path === `${consentPage.path}/abort`,
    decision === Decision.allow ? 'the consent form' : 'the Cancel link',
    { from: consentPage.index },
  );
  assert.equal(answered.status, 303, `the provider takes the ${decision}`);
}

/**
 * Login and consent as keys typed into the X window, as a person at the keyboard. A page is typed into once the
 * provider has served it and the window shows it painted; each submission is confirmed by the request it makes.
 * `from` is the index of the first provider request of this authorization.
 */
export async function consentThroughKeyboard(provider, windowId, decision, { from = 0 } = {}) {
  const loginPage = await provider.waitForRequest(isInteractionPage, 'the login page request', { from });
  const { signedIn, filledIn } = await signInThroughKeyboard(provider, windowId, loginPage);
  const consentPage = await provider.waitForRequest(isInteractionPage, 'the consent page request', {
    from: signedIn.index,
  });
  await answerConsentThroughKeyboard(provider, windowId, consentPage, decision, filledIn);
}
