// The payload editor and the webhook listener give a trigger the same payload for the same request: the block sees
// in the editor what it sees when it is called for real (lower-cased header names, decoded query, parsed JSON body,
// the path fragment). The block echoes the request parts of its payload in a log line and as its webhook answer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { blockFile, freshFolders, repoFile, selectBlock, testIdText, turnOnWebhookListener, withApp } from './harness.mjs';
import { replaceEditorText, waitForEditor, waitForEditorValue } from './monaco.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const ECHOES_REQUEST = repoFile('tests/e2e/fixtures/echoes-request.js');
const TRIGGER_TEMPLATE = repoFile('crates/workspace/templates/code-block-trigger.js');
const TRIGGER = 'Code Block Trigger';

/** The request both paths send: a mixed-case custom header, a query value with a space, a JSON body, a path. */
const REQUEST = {
  header: ['X-Shop', 'acme'],
  query: ['note', 'paid in full'],
  body: '{"order": 42, "lines": [1, 2]}',
  path: 'orders/42',
};

/** Types `text` into the field found by `css`, replacing what it held. */
async function typeInto(session, css, text) {
  await session.click(await session.find(css));
  await session.pressChord(Keys.CONTROL, 'a');
  await session.typeText(text);
}

/** Adds one row to a name/value list (`payload-headers`, `payload-query`) and types the name and value. */
async function addRow(session, listTestId, noun, [name, value]) {
  await session.click(await session.find(`[data-testid="${listTestId}"] > button.link-button`));
  await typeInto(session, `[data-testid="${listTestId}"] input[aria-label="${noun} name"]`, name);
  await typeInto(session, `[data-testid="${listTestId}"] input[aria-label="${noun} value"]`, value);
}

/** The request parts the block logged, parsed from its `REQUEST {…}` log line. */
async function loggedRequest(session) {
  const line = await waitFor(
    async () => {
      const logs = await testIdText(session, 'logs');
      const found = logs.split('\n').find((text) => text.includes('REQUEST {'));
      return found ?? false;
    },
    { timeoutMs: 30_000, message: 'the run to log its REQUEST line' },
  );
  return JSON.parse(line.slice(line.indexOf('REQUEST ') + 'REQUEST '.length));
}

test('the payload editor gives a trigger the payload a real webhook call gives it', async (t) => {
  const folders = freshFolders(t);
  await withApp(t, folders, async ({ session }) => {
    await selectBlock(session, TRIGGER);
    await waitForEditor(session);
    // The editor shows the trigger (not still the block selected before) before its text is replaced.
    await waitForEditorValue(session, TRIGGER_TEMPLATE);
    await replaceEditorText(session, ECHOES_REQUEST);
    // The listener runs the saved file, so the edit must reach the disk first.
    await waitFor(() => readFileSync(blockFile(folders.workspace, TRIGGER), 'utf8').includes('REQUEST '), {
      timeoutMs: 15_000,
      message: 'the edited trigger to be saved',
    });

    await typeInto(session, '[data-testid="payload-path"]', REQUEST.path);
    await typeInto(session, '[data-testid="payload-body"]', REQUEST.body);
    await addRow(session, 'payload-headers', 'header', REQUEST.header);
    await addRow(session, 'payload-query', 'query parameter', REQUEST.query);
    await session.click(await session.findByTestId('run'));
    const fromEditor = await loggedRequest(session);

    const url = await turnOnWebhookListener(session);
    const query = new URLSearchParams([REQUEST.query]).toString();
    const response = await fetch(`${url}/${REQUEST.path}?${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [REQUEST.header[0]]: REQUEST.header[1] },
      body: REQUEST.body,
    });
    assert.equal(response.status, 200);
    const fromWebhook = await response.json();

    // A real caller's client adds its own headers (host, user-agent, …); every header the editor gave is there,
    // under the same lower-cased name and with the same value.
    assert.deepEqual(Object.keys(fromEditor.headers).sort(), ['content-type', 'x-shop']);
    for (const [name, value] of Object.entries(fromEditor.headers)) {
      assert.equal(fromWebhook.headers[name], value, `header ${name}`);
    }
    const { headers: _editorHeaders, ...editorRest } = fromEditor;
    const { headers: _webhookHeaders, ...webhookRest } = fromWebhook;
    assert.deepEqual(editorRest, webhookRest);
    assert.deepEqual(editorRest.body.data, JSON.parse(REQUEST.body));
    assert.deepEqual(editorRest.queryParameters, { note: 'paid in full' });
    assert.equal(editorRest.pathFragment, REQUEST.path);

    await session.click(await session.findByTestId('webhook-toggle'));
  });
});
