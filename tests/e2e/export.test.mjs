// Export and import through the window: the Export menu saves a flow as integration YAML and the workspace as a
// bundle through the native save dialog, copies a block to the clipboard, and Import reads a file through the
// native open dialog, asking before it imports renamed copies. The GTK dialogs are separate X windows WebDriver cannot reach; under Xvfb they are
// driven with xdotool, as a person at the keyboard would: type the full path into the name field, press Return.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import {
  findBlockItem,
  freshFolders,
  readManifest,
  repoFile,
  repoRoot,
  selectBlock,
  waitForBlockList,
  windowText,
  withApp,
} from './harness.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const TRIGGER_TEMPLATE = repoFile('crates/workspace/templates/code-block-trigger.js');
const ACTION_TEMPLATE = repoFile('crates/workspace/templates/code-block.js');
const ORDERS_YAML = join(repoRoot, 'tests/e2e/fixtures/export/orders.yml');

/** How long a GTK file dialog may take to appear on 2 busy cores. */
const DIALOG_TIMEOUT_MS = 30_000;

/** How long the file chooser's location field needs after typing before Return opens the path, not a completion. */
const LOCATION_SETTLE_MS = 800;

/** How often Return is pressed at most before the dialog is given up on. */
const RETURN_ATTEMPTS = 4;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function xdotool(...args) {
  return execFileSync('xdotool', args, { encoding: 'utf8' }).trim();
}

function requireXdotool() {
  try {
    execFileSync('sh', ['-c', 'command -v xdotool'], { stdio: 'ignore' });
  } catch {
    throw new Error('xdotool is needed to answer the native file dialogs; install it (scripts/system-deps.sh).');
  }
}

/** The X window id of the visible dialog titled `title`, or undefined while there is none. */
function visibleDialog(title) {
  try {
    return xdotool('search', '--onlyvisible', '--name', `^${title}$`).split('\n')[0];
  } catch {
    // xdotool exits with 1 while no window matches.
    return undefined;
  }
}

function waitForDialog(title) {
  return waitFor(() => visibleDialog(title), {
    timeoutMs: DIALOG_TIMEOUT_MS,
    message: `the native dialog “${title}”`,
  });
}

/**
 * Types `path` into the dialog's focused location field and presses Return until the dialog closes: the GTK file
 * chooser loads the typed folder to offer completions, and a Return pressed before that has finished is ignored.
 */
async function typePathAndConfirm(title, path) {
  xdotool('type', '--delay', '20', path);
  for (let attempt = 0; attempt < RETURN_ATTEMPTS; attempt += 1) {
    await sleep(LOCATION_SETTLE_MS);
    const dialog = visibleDialog(title);
    if (!dialog) return;
    xdotool('windowfocus', '--sync', dialog);
    xdotool('key', 'Return');
  }
  await waitFor(() => !visibleDialog(title), { message: `the native dialog “${title}” to close after Return` });
}

/** Answers the save dialog titled `title`: replaces the suggested name with the full `path`, then saves. */
async function saveAs(title, path) {
  const dialog = await waitForDialog(title);
  xdotool('windowfocus', '--sync', dialog);
  xdotool('key', '--clearmodifiers', 'ctrl+a');
  await typePathAndConfirm(title, path);
}

/**
 * Answers the open dialog titled `title` with `path`, typed into its location field (Ctrl+L; Ctrl+A replaces what
 * a dialog opened before left there).
 */
async function openPath(title, path) {
  const dialog = await waitForDialog(title);
  xdotool('windowfocus', '--sync', dialog);
  xdotool('key', '--clearmodifiers', 'ctrl+l');
  xdotool('key', '--clearmodifiers', 'ctrl+a');
  await typePathAndConfirm(title, path);
}

async function chooseFromExportMenu(session, testId) {
  await session.click(await session.findByTestId('export'));
  await session.click(await session.findByTestId(testId));
}

function waitForFile(path) {
  return waitFor(() => existsSync(path) && readFileSync(path, 'utf8'), {
    timeoutMs: DIALOG_TIMEOUT_MS,
    message: `the export to be saved at ${path}`,
  });
}

/**
 * The literal block scalars (`value: |` / `value: |-`) of a YAML text, read the way YAML reads them: the lines
 * indented deeper than the key, less the first line's indentation; `|` keeps one final newline, `|-` none.
 */
function codeBlockScalars(yaml) {
  const lines = yaml.split('\n');
  const scalars = [];
  lines.forEach((line, index) => {
    const header = /^( *)value: \|(-?)$/.exec(line);
    if (!header) return;
    const keyIndent = header[1].length;
    const body = [];
    for (const next of lines.slice(index + 1)) {
      if (next.trim() !== '' && next.length - next.trimStart().length <= keyIndent) break;
      body.push(next);
    }
    while (body.length > 0 && body.at(-1).trim() === '') body.pop();
    const indent = body[0].length - body[0].trimStart().length;
    const text = body.map((bodyLine) => bodyLine.slice(indent)).join('\n');
    scalars.push(header[2] === '-' ? text : `${text}\n`);
  });
  return scalars;
}

test('Export › Flow as integration YAML saves the flow through the save dialog', async (t) => {
  requireXdotool();
  const folders = freshFolders(t);
  const target = join(dirname(folders.workspace), 'exported-flow.yml');
  await withApp(t, folders, async (app) => {
    await waitForBlockList(app.session);
    await selectBlock(app.session, 'Code Block');
    await chooseFromExportMenu(app.session, 'export-flow-yaml');
    await saveAs('Export Flow 1 as integration YAML', target);

    const yaml = await waitForFile(target);
    const lines = yaml.split('\n');
    assert.equal(lines[0], 'definitionVersion: 7');
    assert.ok(lines.includes('flows:'), 'the file has a flows list');
    assert.ok(lines.includes('- name: Flow 1'), 'the flow is listed by its name');
    const trigger = lines.indexOf('  - name: Code Block Trigger');
    const action = lines.indexOf('  - name: Code Block');
    assert.ok(trigger > 0 && action > trigger, 'the trigger step comes first, then the action step');
    const triggerStep = lines.slice(trigger, action);
    assert.ok(triggerStep.includes('    isTrigger: true'));
    assert.ok(triggerStep.includes('      key: runCodeTrigger'));
    assert.ok(lines.slice(action).includes('      key: runCode'));
    assert.deepEqual(codeBlockScalars(yaml), [TRIGGER_TEMPLATE, ACTION_TEMPLATE]);

    await waitFor(async () => (await windowText(app.session)).includes(`to ${target}`), {
      message: 'the notice naming where the export was saved',
    });
  });
});

test('Export › Copy to clipboard puts the selected block’s source on the clipboard', async (t) => {
  const folders = freshFolders(t);
  await withApp(t, folders, async (app) => {
    const { session } = app;
    await waitForBlockList(session);
    await selectBlock(session, 'Code Block');
    await session.click(await session.findByTestId('export'));
    // The item is enabled once the block's source has been read: the click itself must write the clipboard.
    const copy = await session.findByTestId('export-copy');
    await waitFor(async () => !(await session.property(copy, 'disabled')), {
      message: 'Copy to clipboard to be enabled',
    });
    await session.click(copy);
    const copied = 'Copied Code Block as JavaScript to the clipboard.';
    await waitFor(async () => (await windowText(session)).includes(copied), {
      message: 'the notice that the block was copied',
    });

    // Pasting is how a person sees what was copied: into the stepResults box, which keeps every line as it is.
    const box = await session.findByTestId('step-results-input');
    await session.click(box);
    await session.pressChord(Keys.CONTROL, 'a');
    await session.pressChord(Keys.CONTROL, 'v');
    await waitFor(async () => (await session.property(box, 'value')) === ACTION_TEMPLATE, {
      message: 'the pasted text to be the block’s source',
    });
  });
});

test('Export › Workspace bundle saves every block, flow and sample as JSON', async (t) => {
  requireXdotool();
  const folders = freshFolders(t);
  const target = join(dirname(folders.workspace), 'workspace.bundle.json');
  await withApp(t, folders, async (app) => {
    await waitForBlockList(app.session);
    await chooseFromExportMenu(app.session, 'export-bundle');
    await saveAs('Export workspace as a bundle', target);

    const bundle = JSON.parse(await waitForFile(target));
    assert.equal(bundle.blocksmithBundle, 1);
    assert.equal(bundle.name, 'workspace');
    const manifest = readManifest(folders.workspace);
    assert.deepEqual(bundle.flows, manifest.flows);
    const sources = Object.fromEntries(bundle.blocks.map((block) => [block.name, block.source]));
    assert.deepEqual(sources, { 'Code Block Trigger': TRIGGER_TEMPLATE, 'Code Block': ACTION_TEMPLATE });
    assert.ok(bundle.blocks.every((block) => 'sample' in block), 'every block carries its sample');
  });
});

test('Export › Import reads a YAML file, and asks before importing renamed copies', async (t) => {
  requireXdotool();
  const folders = freshFolders(t);
  await withApp(t, folders, async (app) => {
    const { session } = app;
    await waitForBlockList(session);

    await session.click(await session.findByTestId('import'));
    await openPath('Import a bundle or integration YAML', ORDERS_YAML);
    const summary = await session.findByTestId('import-summary', { timeoutMs: DIALOG_TIMEOUT_MS });
    const summaryText = await session.text(summary);
    assert.match(summaryText, /Imported 1 flow, 1 config variable, 1 connection from orders\.yml\./);
    assert.match(summaryText, /Connection “Shop API” has no secrets yet: enter its secrets in Connections\./);
    await waitFor(() => findBlockItem(session, 'Fetch Orders'), { message: 'the imported step in the block list' });
    assert.deepEqual(
      readManifest(folders.workspace).flows.map((flow) => flow.name),
      ['Flow 1', 'Orders'],
    );

    // The same file again: its flow's name is taken, so nothing is imported until renamed copies are allowed.
    await session.click(await session.findByTestId('import'));
    await openPath('Import a bundle or integration YAML', ORDERS_YAML);
    const question = await session.findByTestId('import-clash', { timeoutMs: DIALOG_TIMEOUT_MS });
    assert.match(await session.text(question), /Some names already exist\. Import with renamed copies\?/);
    assert.equal(readManifest(folders.workspace).flows.length, 2, 'a clash imports nothing');

    await session.click(await session.findByTestId('import-rename'));
    await waitFor(
      async () => (await session.text(await session.findByTestId('import-summary'))).includes('“Orders (2)”'),
      { message: 'the summary naming the renamed flow' },
    );
    assert.deepEqual(
      readManifest(folders.workspace).flows.map((flow) => flow.name),
      ['Flow 1', 'Orders', 'Orders (2)'],
    );
  });
});
