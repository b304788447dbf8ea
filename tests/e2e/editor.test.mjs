// A new workspace opens on the seed's two blocks, each shown in Monaco with the seed's template verbatim; syntax errors are
// marked while typing, and Go to Definition works through the TypeScript worker.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshFolders, listedBefore, repoFile, selectBlock, withApp } from './harness.mjs';
import { editorMarkers, MARKER_ERROR, placeCursor, replaceEditorText, waitForEditor, waitForEditorValue } from './monaco.mjs';
import { waitFor } from './webdriver.mjs';

const ACTION_TEMPLATE = repoFile('crates/workspace/templates/code-block.js');
const TRIGGER_TEMPLATE = repoFile('crates/workspace/templates/code-block-trigger.js');

test('the block list shows the trigger and then the action of the new workspace', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    assert.ok(await listedBefore(session, 'Code Block Trigger', 'Code Block'), 'the flow lists its trigger first');
  });
});

test('the editor shows the action template verbatim', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await openActionTemplate(session);
  });
});

test('the editor shows the trigger template verbatim', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await selectBlock(session, 'Code Block Trigger');
    await waitForEditor(session);
    await waitForEditorValue(session, TRIGGER_TEMPLATE);
  });
});

/** Opens the seed's action block and waits until the editor shows its template. */
async function openActionTemplate(session) {
  await selectBlock(session, 'Code Block');
  await waitForEditor(session);
  await waitForEditorValue(session, ACTION_TEMPLATE);
}

test('a syntax error is marked while typing, without running, and the mark goes once it is fixed', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await openActionTemplate(session);
    const broken = 'module.exports = async (context, stepResults) => {\n  const total = 1 +;\n  return { data: total };\n};\n';
    await replaceEditorText(session, broken);
    const syntaxMarks = async () =>
      (await editorMarkers(session)).filter((marker) => marker.owner === 'blocksmith-syntax');
    const marks = await waitFor(async () => {
      const found = await syntaxMarks();
      return found.length > 0 && found;
    }, { timeoutMs: 10_000, message: 'a syntax error mark without pressing Run' });
    assert.equal(marks[0].severity, MARKER_ERROR);
    assert.equal(marks[0].startLineNumber, 2, 'the mark is on the line with the error');

    await replaceEditorText(session, broken.replace('1 +;', '1 + 2;'));
    await waitFor(async () => (await syntaxMarks()).length === 0, {
      timeoutMs: 10_000,
      message: 'the syntax mark to go once the code is fixed',
    });
  });
});

test('Go to Definition moves to the declaration, answered by the TypeScript worker on ECMAScript typings alone', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await openActionTemplate(session);
    const source = 'const rate = 2;\nmodule.exports = async () => ({ data: [1, 2].map((n) => n * rate) });\n';
    await replaceEditorText(session, source);
    await placeCursor(session, 2, source.split('\n')[1].lastIndexOf('rate') + 2);
    await session.executeScript(`
      const host = document.querySelector('[data-testid="editor"]');
      const editor = window.monaco.editor.getEditors().find((candidate) => host.contains(candidate.getContainerDomNode()));
      editor.trigger('e2e', 'editor.action.revealDefinition', {});`);
    const selection = await waitFor(
      async () => {
        const at = await session.executeScript(`
          const host = document.querySelector('[data-testid="editor"]');
          const editor = window.monaco.editor.getEditors().find((candidate) => host.contains(candidate.getContainerDomNode()));
          return editor.getSelection();`);
        return at.startLineNumber === 1 && at;
      },
      { timeoutMs: 30_000, message: 'the cursor to move to the declaration of `rate` on line 1' },
    );
    assert.equal(selection.startColumn, 7, 'the cursor is on the name `rate`');
  });
});
