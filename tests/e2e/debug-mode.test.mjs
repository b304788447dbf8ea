// Debug mode in the run panel: with the box ticked, a block's `context.debug` is enabled, and what it recorded
// (marks, the measurement between them, the worker's memory, the run's allowance) shows as a small table; without
// it, the block sees debug mode off and no table shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshFolders, repoFile, selectBlock, withApp } from './harness.mjs';
import { replaceEditorText, waitForEditor } from './monaco.mjs';
import { waitFor } from './webdriver.mjs';

const DEBUG_MARKS = repoFile('tests/e2e/fixtures/debug-marks.js');

async function testIdText(session, testId) {
  return session.text(await session.findByTestId(testId));
}

async function runAndWaitForResult(session) {
  await session.click(await session.findByTestId('run'));
  return waitFor(
    async () => {
      const result = await testIdText(session, 'result');
      return result.includes('debugEnabled') && result;
    },
    { timeoutMs: 30_000, message: 'the result panel to show what the block returned' },
  );
}

test('debug mode shows what context.debug recorded as a table', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await selectBlock(session, 'Code Block');
    await waitForEditor(session);
    await replaceEditorText(session, DEBUG_MARKS);

    const off = await runAndWaitForResult(session);
    assert.match(off, /debugEnabled[\s\S]*false/);
    assert.equal((await session.findAll('[data-testid="debug-results"]')).length, 0, 'no table without debug mode');

    await session.click(await session.findByTestId('debug-mode'));
    const on = await runAndWaitForResult(session);
    assert.match(on, /debugEnabled[\s\S]*true/);
    const table = await waitFor(async () => (await session.findAll('[data-testid="debug-results"]'))[0], {
      message: 'the debug results table',
    });
    const text = await session.text(table);
    assert.match(text, /Mark\s*before work\s*at [\d.]+ ms/);
    assert.match(text, /Mark\s*after work\s*at [\d.]+ ms/);
    assert.match(text, /Measure\s*the work \(before work → after work\)\s*[\d.]+ ms/);
    assert.match(text, /Memory\s*at the end\s*rss [\d.]+ MB, heap [\d.]+ MB of [\d.]+ MB/);
    assert.match(text, /Allowed memory: \d+ MB/);
  });
});
