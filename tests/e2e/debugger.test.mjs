// The debugger in the real app: a click in the editor's gutter sets a breakpoint (saved for the block in
// `.blocksmith/`, not in its file), Debug runs the block and pauses there with the line highlighted and the
// locals readable (a caller's too, chosen in the call stack), the steps and Continue move it on, and the result
// shows when it ends.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { clickGutter, debugResult, locals, waitForPauseOn } from './debugging.mjs';
import { blockFile, freshFolders, repoFile, selectBlock, testIdText, withApp } from './harness.mjs';
import { replaceEditorText, waitForEditor } from './monaco.mjs';
import { waitFor } from './webdriver.mjs';

const DEBUG_STEPS = repoFile('tests/e2e/fixtures/debug-steps.js');

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
    const result = await debugResult(session);
    assert.match(result, /"base": 4/);
    assert.match(result, /"doubled": 8/);
    assert.equal(await testIdText(session, 'debug-status'), 'Ended');
    assert.ok(!readFileSync(blockFile(workspace, 'Code Block'), 'utf8').includes('breakpoint'));
  });
});
