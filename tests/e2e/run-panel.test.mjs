// The run panel: Run shows what a block returned and logged, log lines show as they are logged and stay after Stop,
// Stop ends a block that never returns, and a syntax error is marked in the editor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshFolders, repoFile, selectBlock, withApp } from './harness.mjs';
import { MARKER_ERROR, editorMarkers, replaceEditorText, waitForEditor } from './monaco.mjs';
import { waitFor } from './webdriver.mjs';

const RETURNS_DATA_AND_LOGS = repoFile('tests/e2e/fixtures/returns-data-and-logs.js');
const NEVER_ENDS = repoFile('tests/e2e/fixtures/never-ends.js');
const LOGS_THEN_LOOPS = repoFile('tests/e2e/fixtures/logs-then-loops.js');
const SYNTAX_ERROR_LINE_3 = repoFile('tests/e2e/fixtures/syntax-error-line-3.js');

/** How long Stop may take to show, from the click: "at once" to a person. */
const STOP_VISIBLE_WITHIN_MS = 1000;

async function openActionWith(session, source) {
  await selectBlock(session, 'Code Block');
  await waitForEditor(session);
  await replaceEditorText(session, source);
}

async function testIdText(session, testId) {
  return session.text(await session.findByTestId(testId));
}

/** Presses Run and waits for the result panel to show the fixture's returned data. */
async function runAndExpectAnswer(session) {
  await session.click(await session.findByTestId('run'));
  return waitFor(
    async () => {
      const result = await testIdText(session, 'result');
      return result.includes('answer') && result.includes('42') && result;
    },
    { timeoutMs: 30_000, message: 'the result panel to show { answer: 42, … }' },
  );
}

test('running a block shows its result and its log lines', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await openActionWith(session, RETURNS_DATA_AND_LOGS);
    const result = await runAndExpectAnswer(session);
    assert.match(result, /first/);
    assert.match(result, /second/);

    const logs = await testIdText(session, 'logs');
    assert.match(logs, /hello from the end-to-end test/);
    assert.match(logs, /careful 7/, 'logger arguments are joined with a space');
    assert.match(logs, /warn/i, 'each log line shows its level');
  });
});

test('Stop ends a block that never returns within a second, and the next run works', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await openActionWith(session, NEVER_ENDS);
    await session.click(await session.findByTestId('run'));
    await waitFor(async () => /running/i.test(await testIdText(session, 'run-status')), {
      timeoutMs: 30_000,
      message: 'run-status to say the block is running',
    });

    const stop = await session.findByTestId('stop');
    const pressed = Date.now();
    await session.click(stop);
    await waitFor(async () => /stopped/i.test(await testIdText(session, 'run-status')), {
      timeoutMs: Math.max(0, STOP_VISIBLE_WITHIN_MS - (Date.now() - pressed)),
      intervalMs: 20,
      message: `run-status to say "stopped" within ${STOP_VISIBLE_WITHIN_MS} ms of pressing Stop`,
    });

    await replaceEditorText(session, RETURNS_DATA_AND_LOGS);
    await runAndExpectAnswer(session);
    assert.doesNotMatch(await testIdText(session, 'run-status'), /running/i);
  });
});

test('a line logged before an endless loop shows while the block runs, with its time, and stays after Stop', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await openActionWith(session, LOGS_THEN_LOOPS);
    await session.click(await session.findByTestId('run'));
    await waitFor(async () => (await testIdText(session, 'logs')).includes('fetched the first page'), {
      timeoutMs: 30_000,
      message: 'the logged line to show while the block loops',
    });
    assert.match(await testIdText(session, 'run-status'), /running/i, 'the line showed while the block still ran');
    const time = await session.text(await session.findByTestId('log-time'));
    assert.match(time, /^\+\d+\.\d{3} s$/, `the line shows when it was logged since the run started: ${time}`);

    await session.click(await session.findByTestId('stop'));
    await waitFor(async () => /stopped/i.test(await testIdText(session, 'run-status')), {
      timeoutMs: STOP_VISIBLE_WITHIN_MS,
      intervalMs: 20,
      message: 'run-status to say "stopped"',
    });
    // The stopped run's answer (its outcome, with the lines it logged) comes after Stop shows: wait for it to land.
    await waitFor(async () => (await testIdText(session, 'result')).includes('StoppedError'), {
      message: 'the stopped run to answer with a StoppedError',
    });
    const logs = await testIdText(session, 'logs');
    assert.match(logs, /fetched the first page/, 'the line logged before Stop is still shown');
    assert.doesNotMatch(logs, /Nothing was logged/);
    assert.match(await testIdText(session, 'run-status'), /stopped/i);
  });
});

test('a syntax error is marked on its line in the editor', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await openActionWith(session, SYNTAX_ERROR_LINE_3);
    await session.click(await session.findByTestId('run'));
    const markers = await waitFor(
      async () => {
        const found = await editorMarkers(session);
        return found.some((marker) => marker.severity === MARKER_ERROR) && found;
      },
      { timeoutMs: 30_000, message: 'an error marker in the editor' },
    );
    const errorLines = markers.filter((marker) => marker.severity === MARKER_ERROR).map((m) => m.startLineNumber);
    assert.ok(errorLines.includes(3), `an error is marked on line 3 (marked lines: ${errorLines.join(', ')})`);
  });
});
