// The debugger in the real app: a click in the editor's gutter sets a breakpoint (saved for the block in
// `.blocksmith/`, not in its file), Debug runs the block and pauses there with the line highlighted and the
// locals readable (a caller's too, chosen in the call stack), the steps and Continue move it on, and the result
// shows when it ends.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { blockFile, freshFolders, repoFile, selectBlock, testIdText, withApp } from './harness.mjs';
import { replaceEditorText, waitForEditor } from './monaco.mjs';
import { elementArgument, waitFor } from './webdriver.mjs';

const DEBUG_STEPS = repoFile('tests/e2e/fixtures/debug-steps.js');

/** Clicks the editor's glyph margin beside `lineNumber`, where a person clicks to set a breakpoint. */
async function clickGutter(session, lineNumber) {
  const host = await session.find('[data-testid="editor"]');
  const offset = await session.executeScript(
    `const host = arguments[0];
     const editor = window.monaco.editor.getEditors().find((candidate) => host.contains(candidate.getContainerDomNode()));
     const layout = editor.getLayoutInfo();
     const top = editor.getTopForLineNumber(arguments[1]) - editor.getScrollTop();
     const rect = host.getBoundingClientRect();
     return {
       x: Math.round(layout.glyphMarginLeft + layout.glyphMarginWidth / 2 - rect.width / 2),
       y: Math.round(top + editor.getOption(window.monaco.editor.EditorOption.lineHeight) / 2 - rect.height / 2),
     };`,
    [elementArgument(host), lineNumber],
  );
  const origin = elementArgument(host);
  await session.command('POST', '/actions', {
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', duration: 0, origin, x: offset.x, y: offset.y },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
  await session.command('DELETE', '/actions');
}

/** The lines the editor marks as paused (the highlighted line's number), as Monaco holds its decorations. */
function pausedLines(session) {
  return session.executeScript(`
    const host = document.querySelector('[data-testid="editor"]');
    const editor = window.monaco.editor.getEditors().find((candidate) => host.contains(candidate.getContainerDomNode()));
    return editor.getModel().getAllDecorations()
      .filter((decoration) => decoration.options.className === 'debug-paused-line')
      .map((decoration) => decoration.range.startLineNumber);`);
}

async function waitForPauseOn(session, line) {
  await waitFor(
    async () => (await testIdText(session, 'debug-status')).startsWith(`Paused on line ${line}`),
    { timeoutMs: 30_000, message: `the debugger to pause on line ${line}` },
  );
  assert.deepEqual(await pausedLines(session), [line], 'the paused line is highlighted');
}

/** The Local scope's variables as `name → value` text, as the Variables section shows them. */
async function locals(session) {
  return waitFor(
    async () => {
      const shown = await session.executeScript(`
        const rows = document.querySelectorAll('[data-scope="Local"] > .debug-tree > [data-testid="debug-variable"]');
        return Object.fromEntries([...rows].map((row) => [
          row.dataset.name,
          row.querySelector('[data-testid="debug-variable-value"]').textContent,
        ]));`);
      return Object.keys(shown).length > 0 && shown;
    },
    { message: 'the Local variables' },
  );
}

test('a gutter breakpoint pauses Debug on its line; stepping and continuing reach the result', async (t) => {
  await withApp(t, freshFolders(t), async ({ session, workspace }) => {
    await selectBlock(session, 'Code Block');
    await waitForEditor(session);
    await replaceEditorText(session, DEBUG_STEPS);

    await clickGutter(session, 8);
    await waitFor(async () => (await session.findAll('[data-testid="debug-breakpoint"][data-line="8"]')).length === 1, {
      message: 'the breakpoint on line 8 to be listed',
    });
    const saved = await waitFor(
      () => {
        try {
          return JSON.parse(readFileSync(join(workspace, '.blocksmith/breakpoints.json'), 'utf8'));
        } catch {
          return null;
        }
      },
      { message: 'the breakpoint to be saved in .blocksmith/' },
    );
    assert.deepEqual(Object.values(saved), [[{ line: 8 }]]);

    await session.click(await session.findByTestId('debug'));
    await waitForPauseOn(session, 8);
    const before = await locals(session);
    assert.equal(before.base, '4');

    await session.click(await session.findByTestId('debug-step-into'));
    await waitForPauseOn(session, 2);
    await session.click(await session.findByTestId('debug-step-over'));
    await waitForPauseOn(session, 3);
    assert.equal((await locals(session)).twice, '8');
    // The caller's frame, chosen in the call stack, shows its own variables.
    const frames = await waitFor(
      async () => {
        const found = await session.findAll('[data-testid="debug-frame"]');
        return found.length === 2 && found;
      },
      { message: 'the call stack with the callee and its caller' },
    );
    await session.click(frames[1]);
    await waitFor(async () => (await locals(session)).base === '4', { message: "the caller's Local variables" });

    await session.click(await session.findByTestId('debug-step-out'));
    await waitForPauseOn(session, 9);
    assert.equal((await locals(session)).doubled, '8');

    await session.click(await session.findByTestId('debug-continue'));
    const result = await waitFor(
      async () => {
        const found = await session.findAll('[data-testid="debug-result"]');
        return found.length > 0 && session.text(found[0]);
      },
      { timeoutMs: 30_000, message: 'the debug run result' },
    );
    assert.match(result, /"base": 4/);
    assert.match(result, /"doubled": 8/);
    assert.equal(await testIdText(session, 'debug-status'), 'Ended');
    assert.ok(!readFileSync(blockFile(workspace, 'Code Block'), 'utf8').includes('breakpoint'));
  });
});
