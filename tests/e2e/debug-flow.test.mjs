// Debug flow in the real app: breakpoints set by clicking the gutter of two blocks of a flow, then Debug flow
// pauses in the trigger and then in the step, each time with that block open in the editor, its paused line
// highlighted and its locals readable, and shows the flow's steps and result when it ends.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { clickGutter, debugResult, locals, waitForPauseOn } from './debugging.mjs';
import { blockFile, freshFolders, repoFile, selectBlock, testIdText, waitForBlockList, withApp } from './harness.mjs';
import { waitForEditor, waitForEditorValue } from './monaco.mjs';
import { waitFor } from './webdriver.mjs';

const TRIGGER = 'Code Block Trigger';
const STEP = 'Code Block';
const TRIGGER_SOURCE = repoFile('tests/e2e/fixtures/flow-trigger-logs.js');
const STEP_SOURCE = repoFile('tests/e2e/fixtures/flow-step-doubles.js');

/** Opens `name` and sets a breakpoint on `line` of it, waiting until the Debug view lists it. */
async function breakOn(session, name, line) {
  await selectBlock(session, name);
  await waitForEditor(session);
  await clickGutter(session, line);
  await waitFor(async () => (await session.findAll(`[data-testid="debug-breakpoint"][data-line="${line}"]`)).length === 1, {
    message: `the breakpoint on line ${line} of ${name} to be listed`,
  });
}

test('Debug flow pauses in each step with its block open, and shows the steps and the result', async (t) => {
  const folders = freshFolders(t);
  await withApp(t, folders, async (app) => {
    await waitForBlockList(app.session);
    await app.stop();
    writeFileSync(blockFile(folders.workspace, TRIGGER), TRIGGER_SOURCE);
    writeFileSync(blockFile(folders.workspace, STEP), STEP_SOURCE);
    await app.start();
    const { session } = app;
    await waitForBlockList(session);

    await breakOn(session, TRIGGER, 2);
    await breakOn(session, STEP, 4);

    // Started from the step: the first pause is in the trigger, which the editor opens.
    await session.click(await session.findByTestId('debug-flow'));
    await waitForPauseOn(session, 2);
    assert.match(await testIdText(session, 'debug-status'), /^Paused on line 2 in Code Block Trigger \(breakpoint\)/);
    await waitForEditorValue(session, TRIGGER_SOURCE);
    assert.ok('payload' in (await locals(session)), "the trigger's locals");

    await session.click(await session.findByTestId('debug-continue'));
    await waitForPauseOn(session, 4);
    assert.match(await testIdText(session, 'debug-status'), /^Paused on line 4 in Code Block \(breakpoint\)/);
    await waitForEditorValue(session, STEP_SOURCE);
    assert.equal((await locals(session)).n, '21', "the trigger's result reached the step");

    await session.click(await session.findByTestId('debug-continue'));
    const result = await debugResult(session);
    assert.match(result, /Code Block Trigger/);
    assert.match(result, /"doubled": 42/);
    assert.equal(await testIdText(session, 'debug-status'), 'Ended');
  });
});
