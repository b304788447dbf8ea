// An edit typed into a block is saved to the workspace folder on its own and is there after the app restarts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { blockFile, freshFolders, repoFile, selectBlock, waitForBlockList, withApp } from './harness.mjs';
import { endOfText, placeCursor, waitForEditor, waitForEditorValue } from './monaco.mjs';
import { waitFor } from './webdriver.mjs';

const ACTION_TEMPLATE = repoFile('crates/workspace/templates/code-block.js');
const TYPED = '// kept across a restart: "quotes" (parens) {braces}';

test('an edit typed into a block is saved and survives a restart', async (t) => {
  const folders = freshFolders(t);
  await withApp(t, folders, async (app) => {
    await selectBlock(app.session, 'Code Block');
    await waitForEditor(app.session);
    await waitForEditorValue(app.session, ACTION_TEMPLATE);

    // The template ends with a newline, so the last line is empty: type there.
    const end = await endOfText(app.session);
    await placeCursor(app.session, end.lineNumber, end.column);
    await app.session.typeText(TYPED);
    const edited = ACTION_TEMPLATE + TYPED;
    await waitForEditorValue(app.session, edited);

    const file = blockFile(folders.workspace, 'Code Block');
    await waitFor(() => readFileSync(file, 'utf8') === edited, {
      timeoutMs: 10_000,
      message: `the autosave to write the edit to ${file}`,
    });

    await app.restart();
    await waitForBlockList(app.session);
    await selectBlock(app.session, 'Code Block');
    await waitForEditor(app.session);
    await waitForEditorValue(app.session, edited);
    assert.equal(readFileSync(file, 'utf8'), edited);
  });
});
