// The run history keeps what matters: after an edit and a second run, comparing the two shows the code, input,
// result and log differences side by side in a dialog as wide as the window; a Run flow and a webhook call of the
// flow are kept in the step's history too, each marked as such.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshFolders, repoFile, selectBlock, testIdText, turnOnWebhookListener, withApp } from './harness.mjs';
import { replaceEditorText, waitForEditor } from './monaco.mjs';
import { elementArgument, waitFor } from './webdriver.mjs';

const FIRST_VERSION = repoFile('tests/e2e/fixtures/returns-data-and-logs.js');
const SECOND_VERSION = FIRST_VERSION.replace('answer: 42', 'answer: 43').replace('hello from', 'goodbye from');
const STEP = 'Code Block';

async function runAndWaitFor(session, text) {
  await session.click(await session.findByTestId('run'));
  await waitFor(async () => (await testIdText(session, 'result')).includes(text), {
    timeoutMs: 30_000,
    message: `the result to show ${text}`,
  });
}

/** The history list's rows, as their text. */
async function historyRows(session) {
  await session.findByTestId('history');
  return session.executeScript(
    `return [...document.querySelectorAll('[data-testid="history"] .history-run')].map((row) => row.innerText);`,
  );
}

/** What the comparison's diff editor holds once it has computed the changes, or null before. */
function shownDiff(session, part) {
  return session.executeScript(
    `const host = document.querySelector('[data-testid="run-comparison-${part}"]');
     const diff = host && window.monaco.editor.getDiffEditors().find((editor) => host.contains(editor.getContainerDomNode()));
     const changes = diff && diff.getLineChanges();
     if (!changes) return null;
     const { original, modified } = diff.getModel();
     return { older: original.getValue(), newer: modified.getValue(), changedLines: changes.length };`,
  );
}

test('history compares the code, result and logs of two runs side by side after an edit', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await selectBlock(session, STEP);
    await waitForEditor(session);
    await replaceEditorText(session, FIRST_VERSION);
    await runAndWaitFor(session, '42');
    await replaceEditorText(session, SECOND_VERSION);
    await runAndWaitFor(session, '43');

    await waitFor(async () => (await historyRows(session)).length === 2, { message: 'History to list both runs' });
    for (const box of await session.findAll('[data-testid="history"] .history-run input[type="checkbox"]')) {
      await session.click(box);
    }
    await session.click(await session.findByTestId('history-compare'));
    const dialog = await session.findByTestId('run-comparison');
    const width = await session.executeScript('return arguments[0].getBoundingClientRect().width / window.innerWidth;', [
      elementArgument(dialog),
    ]);
    assert.ok(width >= 0.8, `the comparison takes most of the window's width: ${width}`);

    const code = await waitFor(() => shownDiff(session, 'code'), { timeoutMs: 15_000, message: 'the code diff' });
    assert.equal(code.older.trim(), FIRST_VERSION.trim(), 'the older run’s code on the left');
    assert.equal(code.newer.trim(), SECOND_VERSION.trim(), 'the newer run’s code on the right');
    assert.equal(code.changedLines, 2, 'the two edited lines are marked');

    await session.click(await session.findByTestId('comparison-tab-result'));
    const result = await waitFor(() => shownDiff(session, 'result'), { timeoutMs: 15_000, message: 'the result diff' });
    assert.match(result.older, /"answer": 42/);
    assert.match(result.newer, /"answer": 43/);
    assert.match(await testIdText(session, 'run-comparison-result-changes'), /~ answer: 42 → 43/);

    await session.click(await session.findByTestId('comparison-tab-logs'));
    const logs = await waitFor(() => shownDiff(session, 'logs'), { timeoutMs: 15_000, message: 'the log diff' });
    assert.match(logs.older, /info {3}hello from the end-to-end test/);
    assert.match(logs.newer, /info {3}goodbye from the end-to-end test/);
    assert.equal(logs.changedLines, 1);
  });
});

test('a Run flow and a webhook call are kept in the history of each step', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await selectBlock(session, STEP);
    await waitForEditor(session);
    await session.click(await session.findByTestId('run-flow'));
    await waitFor(
      async () => {
        const [shown] = await session.findAllByXPath('//*[@data-testid="flow-run-status"]');
        return shown && (await session.text(shown)) === 'All 2 steps succeeded.';
      },
      { timeoutMs: 60_000, message: 'the flow run to finish' },
    );
    await session.click(await session.findByTestId('flow-run-close'));

    const url = await turnOnWebhookListener(session);
    const response = await fetch(url, { method: 'POST', body: '{"from":"e2e"}' });
    assert.equal(response.status, 200);

    const rows = await waitFor(
      async () => {
        const listed = await historyRows(session);
        return listed.length === 2 && listed;
      },
      { timeoutMs: 15_000, message: "the step's history to list the flow run and the webhook call" },
    );
    // Newest first: the webhook call, then the flow run.
    assert.match(rows[0], /Webhook call to “Flow 1”/);
    assert.match(rows[1], /Run flow “Flow 1”/);
  });
});
