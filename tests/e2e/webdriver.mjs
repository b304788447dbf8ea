// A small W3C WebDriver client over Node's `fetch`, for driving the real Blocksmith app through tauri-driver (which
// starts WebKitWebDriver, which starts the app). `TauriDriver` owns the driver process and everything under it;
// `Session` is one running app window with the few commands the end-to-end tests use.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { descendants, endProcesses, freePort } from './processes.mjs';

/** The W3C key under which a WebDriver response names an element. */
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** Longest a single WebDriver request may take; a hung app must fail the test, not hang it. */
const REQUEST_TIMEOUT_MS = 60_000;

/** Pause after each key: Monaco drops a key repeated faster than it handles the previous one. */
const KEY_PAUSE_MS = 15;

/** An element found earlier, as an argument of `executeScript` (the page receives the DOM element). */
export function elementArgument(element) {
  return { [ELEMENT_KEY]: element };
}

/** WebDriver's codes for keys that are not characters. */
export const Keys = Object.freeze({
  BACKSPACE: '\uE003',
  TAB: '\uE004',
  ENTER: '\uE007',
  SHIFT: '\uE008',
  CONTROL: '\uE009',
  ESCAPE: '\uE00C',
  END: '\uE010',
  HOME: '\uE011',
  ARROW_LEFT: '\uE012',
  ARROW_RIGHT: '\uE014',
  DELETE: '\uE017',
});

/** A WebDriver command the driver answered with an error. */
export class WebDriverError extends Error {
  constructor(command, status, error, message) {
    super(`WebDriver ${command} failed (${status} ${error}): ${message}`);
    this.name = 'WebDriverError';
    this.error = error;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `condition` until it returns a truthy value, and returns that value. A condition that throws counts as "not
 * yet" (the page may be reloading); after `timeoutMs` the last error or `message` fails the wait.
 */
export async function waitFor(condition, { timeoutMs = 10_000, intervalMs = 50, message = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError = null;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
      lastError = null;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${message}${cause}`);
    }
    await sleep(intervalMs);
  }
}

async function request(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let payload;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new WebDriverError(`${method} ${url}`, response.status, 'invalid response', text.slice(0, 500));
  }
  const value = payload?.value;
  if (!response.ok || (value && typeof value === 'object' && 'error' in value)) {
    const error = value?.error ?? 'unknown error';
    throw new WebDriverError(`${method} ${url}`, response.status, error, value?.message ?? text);
  }
  return value;
}

/**
 * The tauri-driver process on a free port, and its WebKitWebDriver on another. Its environment is the app's: each
 * session's app inherits it, which is how tests hand the app its workspace and config folders.
 */
export class TauriDriver {
  static async start({ env = {}, logFile, startTimeoutMs = 20_000 } = {}) {
    const [port, nativePort] = [await freePort(), await freePort()];
    const log = logFile ? openSync(logFile, 'a') : 'ignore';
    const child = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', log, log],
    });
    if (typeof log === 'number') closeSync(log);
    await new Promise((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (error) => reject(new Error(`Could not start tauri-driver: ${error.message}`)));
    });
    const driver = new TauriDriver(child, `http://127.0.0.1:${port}`);
    try {
      await waitFor(
        async () => {
          if (child.exitCode !== null || child.signalCode !== null) {
            throw new Error(`tauri-driver exited (${child.exitCode ?? child.signalCode}); see ${logFile}`);
          }
          return (await request('GET', `${driver.url}/status`))?.ready !== false;
        },
        { timeoutMs: startTimeoutMs, intervalMs: 100, message: `tauri-driver to listen on port ${port}` },
      );
    } catch (error) {
      await driver.stop();
      throw error;
    }
    return driver;
  }

  constructor(child, url) {
    this.child = child;
    this.url = url;
  }

  get pid() {
    return this.child.pid;
  }

  /** Starts the app at `application` and opens a session on its window. */
  async newSession(application, { args = [] } = {}) {
    const value = await request('POST', `${this.url}/session`, {
      capabilities: { alwaysMatch: { 'tauri:options': { application, args } } },
    });
    return new Session(this.url, value.sessionId);
  }

  /** The live processes under the driver: WebKitWebDriver, the app, its web and network processes, its workers. */
  processes() {
    return this.child.pid === undefined ? [] : descendants(this.child.pid);
  }

  /** Ends the driver and every process it started, by PID: the app's children first, the driver last. */
  async stop() {
    const started = this.processes().map((proc) => proc.pid);
    await endProcesses([...started.reverse(), this.child.pid].filter((pid) => pid !== undefined));
  }
}

/** One WebDriver session: the app's window(s). */
export class Session {
  constructor(driverUrl, id) {
    this.base = `${driverUrl}/session/${id}`;
    this.id = id;
  }

  command(method, path, body) {
    return request(method, `${this.base}${path}`, body);
  }

  /**
   * The first element matching a CSS selector; fails with "no such element" when there is none. An element on a
   * tab that is not selected (inside a hidden `role="tabpanel"`) is brought into view by clicking its tab, as a
   * person would before using it.
   */
  async find(css) {
    const value = await this.command('POST', '/element', { using: 'css selector', value: css });
    const element = value[ELEMENT_KEY];
    await this.showTabOf(element);
    return element;
  }

  /** Every element matching a CSS selector, in document order. */
  findAll(css) {
    return this.findAllBy('css selector', css);
  }

  /** Every element matching an XPath expression, in document order. */
  findAllByXPath(xpath) {
    return this.findAllBy('xpath', xpath);
  }

  async findAllBy(using, value) {
    const values = await this.command('POST', '/elements', { using, value });
    return values.map((found) => found[ELEMENT_KEY]);
  }

  /** Waits for an element with the given `data-testid` and returns it. */
  findByTestId(testId, { timeoutMs = 10_000 } = {}) {
    return this.waitForElement(`[data-testid="${testId}"]`, { timeoutMs });
  }

  waitForElement(css, { timeoutMs = 10_000 } = {}) {
    return waitFor(() => this.find(css), { timeoutMs, message: `an element matching ${css}` });
  }

  /** Clicks the tab of the hidden tab panel that holds `element`, if any. */
  async showTabOf(element) {
    const tab = await this.executeScript(
      `const panel = arguments[0].closest('[role="tabpanel"][hidden]');
       return panel && document.getElementById(panel.getAttribute('aria-labelledby'));`,
      [elementArgument(element)],
    );
    if (tab) await this.click(tab[ELEMENT_KEY]);
  }

  async click(element) {
    await this.command('POST', `/element/${element}/click`, {});
  }

  /** The element's rendered text, as the user sees it. */
  text(element) {
    return this.command('GET', `/element/${element}/text`);
  }

  /** Property of a DOM element, e.g. `disabled` or `value`. */
  property(element, name) {
    return this.command('GET', `/element/${element}/property/${name}`);
  }

  /** Runs `script` (a function body; `arguments` holds `args`) in the page and returns what it returns. */
  executeScript(script, args = []) {
    return this.command('POST', '/execute/sync', { script, args });
  }

  /**
   * Types `text` into whatever has focus, as key presses with a short pause after each (`\n` presses Enter). Use
   * `Keys` for keys that are not characters.
   */
  async typeText(text) {
    const actions = [];
    for (const character of text) {
      const key = character === '\n' ? Keys.ENTER : character;
      actions.push(
        { type: 'keyDown', value: key },
        { type: 'keyUp', value: key },
        { type: 'pause', duration: KEY_PAUSE_MS },
      );
    }
    await this.performKeyActions(actions);
  }

  /** Presses keys together, e.g. `pressChord(Keys.CONTROL, 'a')`, releasing them in reverse order. */
  async pressChord(...keys) {
    await this.performKeyActions([
      ...keys.map((value) => ({ type: 'keyDown', value })),
      ...[...keys].reverse().map((value) => ({ type: 'keyUp', value })),
      { type: 'pause', duration: KEY_PAUSE_MS },
    ]);
  }

  /** Moves the mouse over the element's centre, as a person pointing at it does (rows show some controls on hover). */
  async hover(element) {
    await this.performMouseActions([{ type: 'pointerMove', duration: 0, origin: elementArgument(element), x: 0, y: 0 }]);
  }

  /** Moves and presses the mouse as `actions` say (WebDriver pointer actions), then releases every button. */
  async performMouseActions(actions) {
    await this.command('POST', '/actions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
    await this.command('DELETE', '/actions');
  }

  async performKeyActions(actions) {
    await this.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.command('DELETE', '/actions');
  }

  /** A PNG of the current window, as a Buffer. */
  async screenshot() {
    return Buffer.from(await this.command('GET', '/screenshot'), 'base64');
  }

  pageSource() {
    return this.command('GET', '/source');
  }

  windowHandles() {
    return this.command('GET', '/window/handles');
  }

  currentWindow() {
    return this.command('GET', '/window');
  }

  async switchToWindow(handle) {
    await this.command('POST', '/window', { handle });
  }

  /** The window's outer size and position: `{ x, y, width, height }` in CSS pixels. */
  windowRect() {
    return this.command('GET', '/window/rect');
  }

  /** Resizes (and, given `x` and `y`, moves) the window, as a person dragging its edges does. */
  setWindowRect(rect) {
    return this.command('POST', '/window/rect', rect);
  }

  /** Ends the session, which closes the app. */
  async end() {
    await this.command('DELETE', '');
  }
}
