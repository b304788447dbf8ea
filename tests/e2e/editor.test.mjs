// A new workspace opens on the seed's two blocks, each shown in Monaco with the seed's template verbatim.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshFolders, listedBefore, repoFile, selectBlock, withApp } from './harness.mjs';
import { waitForEditor, waitForEditorValue } from './monaco.mjs';

const ACTION_TEMPLATE = repoFile('crates/workspace/templates/code-block.js');
const TRIGGER_TEMPLATE = repoFile('crates/workspace/templates/code-block-trigger.js');

test('the block list shows the trigger and then the action of the new workspace', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    assert.ok(await listedBefore(session, 'Code Block Trigger', 'Code Block'), 'the flow lists its trigger first');
  });
});

test('the editor shows the action template verbatim', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await selectBlock(session, 'Code Block');
    await waitForEditor(session);
    await waitForEditorValue(session, ACTION_TEMPLATE);
  });
});

test('the editor shows the trigger template verbatim', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await selectBlock(session, 'Code Block Trigger');
    await waitForEditor(session);
    await waitForEditorValue(session, TRIGGER_TEMPLATE);
  });
});
