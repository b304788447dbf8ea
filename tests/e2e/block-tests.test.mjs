// Block tests in the app: a run in the History saved as a test (the block runs once more, live, against a real
// local server, recording what it fetches), replayed green with the server stopped, red with the diff shown once
// the block changes, and green again after "Accept new result".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { blockFile, freshFolders, readManifest, repoFile, selectBlock, testIdText, withApp } from './harness.mjs';
import { replaceEditorText, waitForEditor } from './monaco.mjs';
import { caseStatus, openSection, runAllCases, startOrdersServer, stopServer } from './saved-cases.mjs';
import { waitFor } from './webdriver.mjs';

const SUMS_FETCHED_ORDERS = repoFile('tests/e2e/fixtures/sums-fetched-orders.js');

test('a run saved as a test replays green offline, fails with a diff when the block changes, and Accept makes it green', async (t) => {
  const server = await startOrdersServer(t);
  const { port } = server.address();
  const source = SUMS_FETCHED_ORDERS.replaceAll('ORDERS_URL', `http://127.0.0.1:${port}/orders`);
  const folders = freshFolders(t);
  await withApp(t, folders, async ({ session }) => {
    await selectBlock(session, 'Code Block');
    await waitForEditor(session);
    await replaceEditorText(session, source);
    const file = blockFile(folders.workspace, 'Code Block');
    await waitFor(() => readFileSync(file, 'utf8') === source, { message: 'the block to be saved' });

    await session.click(await session.findByTestId('run'));
    let shown = '';
    await waitFor(
      async () => {
        shown = await testIdText(session, 'result');
        return /total\W+7/.test(shown);
      },
      { timeoutMs: 60_000, message: 'the run to show total 7' },
    ).catch((error) => {
      throw new Error(`${error.message}; the result panel showed: ${shown}`);
    });
    assert.equal(server.answered, 1);

    // Save as test: the History's run, recorded again live.
    await openSection(session, 'history');
    const saveAsTest = await session.findByTestId('save-as-test').catch(async (error) => {
      const history = await session.executeScript(
        "return document.querySelector('[data-testid=\"history\"]')?.outerHTML.slice(0, 2000);",
      );
      throw new Error(`${error.message}; the History showed: ${history}`);
    });
    await session.click(saveAsTest);
    await session.click(await session.findByTestId('save-as-test-name'));
    await session.typeText('Open orders');
    await session.click(await session.findByTestId('save-as-test-confirm'));
    await openSection(session, 'tests');
    await waitFor(async () => /1 case/.test(await testIdText(session, 'tests-summary')), {
      timeoutMs: 30_000,
      message: 'the Tests panel to list the saved case',
    });
    assert.equal(server.answered, 2, 'Save as test ran the block once more, live');
    const blockId = readManifest(folders.workspace).blocks.find((block) => block.name === 'Code Block').id;
    const caseFile = JSON.parse(readFileSync(`${folders.workspace}/tests/${blockId}/open-orders.json`, 'utf8'));
    assert.deepEqual(caseFile.expected.result, { count: 2, total: 7 });
    assert.equal(caseFile.cassette.exchanges.length, 1);

    // Replayed with the server gone: the cassette answers.
    await stopServer(server);
    await runAllCases(session);
    await caseStatus(session, 'passed');
    assert.match(await testIdText(session, 'test-case-status'), /pass/);

    // The block changes: the case fails, and the diff says where.
    const changed = source.replace('const ORDER_WEIGHT = 1;', 'const ORDER_WEIGHT = 2;');
    await replaceEditorText(session, changed);
    await waitFor(() => readFileSync(file, 'utf8') === changed, { message: 'the changed block to be saved' });
    await runAllCases(session);
    await caseStatus(session, 'failed');
    const diff = await testIdText(session, 'test-diff');
    assert.match(diff, /\$\.result\.total: expected 7, got 14/);
    assert.match(await testIdText(session, 'test-case-status'), /FAIL/);

    // Accept new result: the new outcome is the expected one, and the next run is green.
    await session.click(await session.findByTestId('test-accept'));
    await caseStatus(session, 'updated');
    await runAllCases(session);
    await caseStatus(session, 'passed');
    assert.equal(server.answered, 2, 'nothing was fetched live after the case was saved');
  });
});
