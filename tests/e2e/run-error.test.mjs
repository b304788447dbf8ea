// A failed run reads as Node's error and names the step: the message first (Node's wording), then the step by its
// display name with the line as a link that moves the editor's cursor there; the stack's frames name the step, not
// its file id, and no frame reads `<main>`. The Result tab carries an error mark.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshFolders, repoFile, selectBlock, testIdText, withApp } from './harness.mjs';
import { replaceEditorText, waitForEditor } from './monaco.mjs';
import { waitFor } from './webdriver.mjs';

const READS_A_MISSING_STEP = repoFile('tests/e2e/fixtures/reads-a-missing-step.js');

test('an error names the step and its line, in Node’s words, and the line is a link into the editor', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await selectBlock(session, 'Code Block');
    await waitForEditor(session);
    await replaceEditorText(session, READS_A_MISSING_STEP);
    await session.click(await session.findByTestId('run'));

    // Each part read on its own: the view's paragraphs are laid out on one line, so its text has no line breaks.
    const parts = await waitFor(
      () =>
        session.executeScript(`
          const view = document.querySelector('[data-testid="run-error"]');
          if (!view) return null;
          const text = (selector) => view.querySelector(selector)?.textContent?.trim() ?? '';
          return [text('.error-title'), text('[data-testid="run-error-where"]'), text('.error-stack')];`),
      { timeoutMs: 30_000, message: 'the run to fail with its error' },
    );
    const [title, where, stackText] = parts;
    const stack = stackText.split('\n');
    assert.equal(title, "TypeError: Cannot read properties of undefined (reading 'id')");
    assert.match(where, /^In Code Block, line 3, column \d+$/);
    const frames = stack.join('\n');
    assert.match(frames, /at .*\(Code Block:3:\d+\)|at Code Block:3:\d+/, 'the frame names the step');
    assert.doesNotMatch(frames, /<main>|code-block-\d/, 'no <main> frame and no file id');
    assert.match(await testIdText(session, 'run-tab-result-badge'), /^!/, 'the Result tab is marked as failed');

    await session.click(await session.findByTestId('run-error-location'));
    const cursor = await session.executeScript(
      `const editor = window.monaco.editor.getEditors().find((candidate) => candidate.hasTextFocus());
       return editor && editor.getPosition();`,
    );
    assert.equal(cursor?.lineNumber, 3, 'the editor has focus with its cursor on the failing line');
  });
});
