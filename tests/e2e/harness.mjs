// Runs the built Blocksmith app for one test: fresh workspace and settings folders, a tauri-driver of its own, and a
// WebDriver session on the app's window. On failure it keeps a screenshot, the page's HTML and the driver's log in
// tests/e2e/out/ so a red run in CI can be understood afterwards.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TauriDriver, elementArgument, waitFor } from './webdriver.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const outDir = join(repoRoot, 'tests/e2e/out');

/** How long the app may take from launch to its block list: a cold debug build under Xvfb on 2 busy cores. */
const APP_READY_TIMEOUT_MS = 60_000;

/** The debug app binary: `BLOCKSMITH_APP` when set, else cargo's target dir (`CARGO_TARGET_DIR` or ./target). */
export function appBinary() {
  if (process.env.BLOCKSMITH_APP) return resolve(process.env.BLOCKSMITH_APP);
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(repoRoot, 'target');
  return join(resolve(targetDir), 'debug', 'blocksmith-app');
}

/** A file under the repository, as text. */
export function repoFile(path) {
  return readFileSync(join(repoRoot, path), 'utf8');
}

/**
 * A new empty workspace folder and settings folder under the system temp dir, removed when the test ends. The
 * workspace is created from the templates when the app opens it.
 */
export function freshFolders(t) {
  const root = mkdtempSync(join(tmpdir(), 'blocksmith-e2e-'));
  const folders = { workspace: join(root, 'workspace'), configDir: join(root, 'config') };
  mkdirSync(folders.workspace);
  mkdirSync(folders.configDir);
  t.after(() => rmSync(root, { recursive: true, force: true }));
  return folders;
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Keeps what the window showed when a test failed: a PNG and the page's HTML. */
async function keepEvidence(session, name) {
  try {
    writeFileSync(join(outDir, `${name}.png`), await session.screenshot());
    writeFileSync(join(outDir, `${name}.html`), await session.pageSource());
  } catch (error) {
    writeFileSync(join(outDir, `${name}.evidence-error.txt`), String(error?.stack ?? error));
  }
}

/** The running app of one test. `session` is null while the app is stopped, and new after each start. */
class RunningApp {
  constructor(driver, folders) {
    this.driver = driver;
    this.session = null;
    this.workspace = folders.workspace;
    this.configDir = folders.configDir;
  }

  async start() {
    this.session = await this.driver.newSession(appBinary());
  }

  /** Closes the app, as closing its window does, and waits for its process to exit. */
  async stop() {
    await this.session.end();
    this.session = null;
    await waitFor(() => !this.appRunning(), { timeoutMs: 10_000, message: 'the app to exit after its session ended' });
  }

  /** Stops the app and starts it again on the same workspace and settings. */
  async restart() {
    await this.stop();
    await this.start();
  }

  appRunning() {
    // /proc keeps the first 15 characters of a process name.
    const name = basename(appBinary()).slice(0, 15);
    return this.driver.processes().some((proc) => proc.name === name);
  }
}

/**
 * Starts the app on `folders` (see `freshFolders`), runs `body(app)`, and always ends the app and its driver. The
 * app's environment carries the folders: tauri-driver hands its environment down to the app. With
 * `openLastWorkspace`, the workspace is not named, so the app opens the one its settings remember, as it does for
 * a person.
 */
export async function withApp(t, folders, body, { openLastWorkspace = false } = {}) {
  const application = appBinary();
  if (!existsSync(application)) {
    throw new Error(`The app is not built: ${application} is missing. Build it first (npm test does).`);
  }
  mkdirSync(outDir, { recursive: true });
  const name = slug(t.fullName ?? t.name);
  const logFile = join(outDir, `${name}.driver.log`);
  rmSync(logFile, { force: true });

  const driver = await TauriDriver.start({
    env: openLastWorkspace
      ? { BLOCKSMITH_CONFIG_DIR: folders.configDir }
      : { BLOCKSMITH_WORKSPACE: folders.workspace, BLOCKSMITH_CONFIG_DIR: folders.configDir },
    logFile,
  });
  const app = new RunningApp(driver, folders);
  try {
    await app.start();
    await body(app);
  } catch (error) {
    if (app.session) await keepEvidence(app.session, name);
    error.message += `\n(the driver's and the app's output: ${logFile})`;
    throw error;
  } finally {
    if (app.session) await app.session.end().catch(() => undefined);
    await driver.stop();
  }
  rmSync(logFile, { force: true });
}

/** XPath of the block rows (`data-testid="block-<id>"`) in the block list. */
const BLOCK_ROWS = '//*[@data-testid="block-list"]//*[starts-with(@data-testid, "block-")]';

/** XPath test for an element whose own text is exactly `name` (so "Code Block" never finds "Code Block Trigger"). */
const ownTextIs = (name) => `text()[normalize-space()=${JSON.stringify(name)}]`;

/** Waits until the block list shows at least one block, i.e. the workspace has loaded. */
export async function waitForBlockList(session) {
  await waitFor(async () => (await session.findAllByXPath(BLOCK_ROWS)).length > 0, {
    timeoutMs: APP_READY_TIMEOUT_MS,
    message: 'the block list to show the workspace’s blocks',
  });
}

/** The visible text of the whole window. */
export function windowText(session) {
  return session.executeScript('return document.body.innerText;');
}

/**
 * The element of a block row that shows `name` as its own text, or undefined. Matching a whole text node keeps the
 * row's icons and buttons around the name out of the way.
 */
export async function findBlockItem(session, name) {
  const [item] = await session.findAllByXPath(`${BLOCK_ROWS}//*[${ownTextIs(name)}]`);
  return item;
}

/** The control with `data-testid=testId` (e.g. `move-up`) in the row of the block named `name`, or undefined. */
export async function findBlockRowControl(session, name, testId) {
  const [control] = await session.findAllByXPath(
    `${BLOCK_ROWS}[.//*[${ownTextIs(name)}]]//*[@data-testid=${JSON.stringify(testId)}]`,
  );
  return control;
}

/** Whether the block list shows block `first` above block `second`; both must be shown. */
export async function listedBefore(session, first, second) {
  const shown = (name) =>
    waitFor(() => findBlockItem(session, name), {
      timeoutMs: APP_READY_TIMEOUT_MS,
      message: `"${name}" in the block list`,
    });
  const [a, b] = [await shown(first), await shown(second)];
  return session.executeScript(
    'return Boolean(arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING);',
    [elementArgument(a), elementArgument(b)],
  );
}

/** Clicks the block whose display name is exactly `name` in the block list. */
export async function selectBlock(session, name) {
  const item = await waitFor(() => findBlockItem(session, name), {
    timeoutMs: APP_READY_TIMEOUT_MS,
    message: `block "${name}" in the block list`,
  });
  await session.click(item);
}

/** The workspace manifest as the app wrote it. */
export function readManifest(workspace) {
  return JSON.parse(readFileSync(join(workspace, 'blocksmith.json'), 'utf8'));
}

/** The `.js` file of the block named `name`, looked up in the manifest. */
export function blockFile(workspace, name) {
  const block = readManifest(workspace).blocks.find((candidate) => candidate.name === name);
  if (!block) throw new Error(`The manifest in ${workspace} has no block named "${name}".`);
  return join(workspace, 'blocks', `${block.id}.js`);
}

/** The rendered text of the element with `data-testid="testId"`. */
export async function testIdText(session, testId) {
  return session.text(await session.findByTestId(testId));
}

/** Turns the selected flow's webhook listener on and answers its local URL once the window shows it. */
export async function turnOnWebhookListener(session) {
  await session.click(await session.findByTestId('webhook-toggle'));
  return waitFor(
    async () => {
      const shown = (await session.findAllBy('css selector', '[data-testid="webhook-url"]')).length > 0;
      const text = shown ? (await testIdText(session, 'webhook-url')).trim() : '';
      return /^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32,}\/flow-1$/.test(text) && text;
    },
    { timeoutMs: 15_000, message: 'webhook-url to show the flow’s local URL' },
  );
}
