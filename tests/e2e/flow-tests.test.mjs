// Flow tests in the app: a flow run against a real local server saved as a test of the whole flow from the flow run
// view (the flow runs once more, live, with that run's trigger input, one cassette per step), and one of its steps
// saved from the History as a block case with the stepResults the flow gave it. With the server stopped, the Tests
// tab (turned to the flow's cases) runs them green; a changed step makes them red with the diff shown; "Accept new
// result" and the next run make them green again; Delete removes a case's file.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  blockFile,
  freshFolders,
  readManifest,
  repoFile,
  selectBlock,
  testIdText,
  waitForBlockList,
  withApp,
} from './harness.mjs';
import { replaceEditorText, waitForEditor } from './monaco.mjs';
import {
  caseSelector,
  caseStatus,
  nameAndSaveCase,
  openSection,
  runAllCases,
  startOrdersServer,
  stopServer,
} from './saved-cases.mjs';
import { waitFor } from './webdriver.mjs';

const TRIGGER = 'Code Block Trigger';
const STEP = 'Code Block';
const WHOLE_RUN = 'whole-run';
const STEP_CASE = 'step-of-the-run';

/** The path of the whole flow's case `caseId` (under `tests/_flows/<flow folder>/`), once there is one. */
function flowCaseFile(workspace, caseId) {
  const flows = join(workspace, 'tests', '_flows');
  if (!existsSync(flows)) return null;
  for (const folder of readdirSync(flows)) {
    const file = join(flows, folder, `${caseId}.json`);
    if (existsSync(file)) return file;
  }
  return null;
}

/** The text of the part `testId` inside the listed case `caseId`. */
async function caseText(session, caseId, testId) {
  return session.text(await session.find(`${caseSelector(caseId)} [data-testid="${testId}"]`));
}

const TITLE =
  'a flow run saved as a test of the whole flow, and one of its steps as a block case, replay green offline, ' +
  'fail with a diff when the step changes, and Accept makes them green';

test(TITLE, async (t) => {
  const server = await startOrdersServer(t);
  const { port } = server.address();
  const stepSource = repoFile('tests/e2e/fixtures/flow-step-sums-fetched-orders.js').replaceAll(
    'ORDERS_URL',
    `http://127.0.0.1:${port}/orders`,
  );
  const folders = freshFolders(t);
  await withApp(t, folders, async (app) => {
    await waitForBlockList(app.session);
    await app.stop();
    writeFileSync(blockFile(folders.workspace, TRIGGER), repoFile('tests/e2e/fixtures/flow-trigger-asks-open.js'));
    writeFileSync(blockFile(folders.workspace, STEP), stepSource);
    await app.start();
    const { session } = app;
    await waitForBlockList(session);
    await selectBlock(session, STEP);
    await waitForEditor(session);

    // Run flow against the live server.
    await session.click(await session.findByTestId('run-flow'));
    const status = await waitFor(
      async () => {
        const [shown] = await session.findAllByXPath('//*[@data-testid="flow-run-status"]');
        return shown && session.text(shown);
      },
      { timeoutMs: 60_000, message: 'the flow run to finish' },
    );
    assert.equal(status, 'All 2 steps succeeded.');
    assert.equal(server.answered, 1);

    // Save as test on the flow run view: the whole flow, recorded again live.
    await session.click(await session.findByTestId('save-flow-as-test'));
    await nameAndSaveCase(session, 'Whole run');
    const wholeRunFile = await waitFor(() => flowCaseFile(folders.workspace, WHOLE_RUN), {
      timeoutMs: 60_000,
      message: 'the whole flow case to be saved',
    });
    assert.equal(server.answered, 2, 'Save as test ran the whole flow once more, live');
    const wholeRun = JSON.parse(readFileSync(wholeRunFile, 'utf8'));
    assert.deepEqual(
      wholeRun.cassettes.map((step) => [step.step, step.cassette.exchanges.length]),
      [
        [TRIGGER, 0],
        [STEP, 1],
      ],
      'one cassette per step, the step holding its one request',
    );
    assert.deepEqual(wholeRun.expected.steps[1].result, { count: 2, total: 7 });

    // Save step as test on the History row of the step's run in that flow run: a block case with its stepResults.
    await session.click(await session.findByTestId('flow-run-close'));
    await openSection(session, 'history');
    await session.click(await session.findByTestId('save-as-test'));
    await nameAndSaveCase(session, 'Step of the run');
    const stepId = readManifest(folders.workspace).blocks.find((block) => block.name === STEP).id;
    const stepCaseFile = join(folders.workspace, 'tests', stepId, `${STEP_CASE}.json`);
    await waitFor(() => existsSync(stepCaseFile), { timeoutMs: 60_000, message: 'the step case to be saved' });
    assert.equal(server.answered, 3, 'Save step as test ran the step once more, live');
    const stepCase = JSON.parse(readFileSync(stepCaseFile, 'utf8'));
    assert.deepEqual(
      stepCase.inputs.input.codeBlockTrigger.results,
      { status: 'open' },
      'the stepResults the flow gave it',
    );
    assert.deepEqual(stepCase.expected.result, { count: 2, total: 7 });

    // The Tests tab turned to the flow's cases when the whole run was saved: both are listed.
    await openSection(session, 'tests');
    assert.equal(await session.property(await session.findByTestId('tests-scope'), 'value'), 'flow');
    await waitFor(async () => /^2 cases/.test(await testIdText(session, 'tests-summary')), {
      timeoutMs: 30_000,
      message: 'the Tests panel to list both cases',
    });

    // Replayed with the server gone: the cassettes answer.
    await stopServer(server);
    await runAllCases(session);
    await caseStatus(session, 'passed', WHOLE_RUN);
    await caseStatus(session, 'passed', STEP_CASE);
    assert.match(await caseText(session, WHOLE_RUN, 'test-case-status'), /pass/);

    // The step changes: both cases fail, and the whole run's diff names the step's result.
    const changed = stepSource.replace('const ORDER_WEIGHT = 1;', 'const ORDER_WEIGHT = 2;');
    await replaceEditorText(session, changed);
    const file = blockFile(folders.workspace, STEP);
    await waitFor(() => readFileSync(file, 'utf8') === changed, { message: 'the changed step to be saved' });
    await runAllCases(session);
    await caseStatus(session, 'failed', WHOLE_RUN);
    await caseStatus(session, 'failed', STEP_CASE);
    assert.match(await caseText(session, WHOLE_RUN, 'test-case-status'), /FAIL/);
    const diff = await caseText(session, WHOLE_RUN, 'test-diff');
    assert.match(diff, /\$\.steps\[1\]\.result\.total: expected 7, got 14/, `the diff shown: ${diff}`);
    assert.match(await caseText(session, STEP_CASE, 'test-diff'), /\$\.result\.total: expected 7, got 14/);

    // Accept new result on each: the new outcomes are expected, and the next run is green.
    await session.click(await session.find(`${caseSelector(WHOLE_RUN)} [data-testid="test-accept"]`));
    await caseStatus(session, 'updated', WHOLE_RUN);
    await session.click(await session.find(`${caseSelector(STEP_CASE)} [data-testid="test-accept"]`));
    await caseStatus(session, 'updated', STEP_CASE);
    assert.deepEqual(JSON.parse(readFileSync(wholeRunFile, 'utf8')).expected.steps[1].result, { count: 2, total: 14 });
    await runAllCases(session);
    await caseStatus(session, 'passed', WHOLE_RUN);
    await caseStatus(session, 'passed', STEP_CASE);
    assert.equal(server.answered, 3, 'nothing was fetched live after the cases were saved');

    // Delete removes the whole run's case file.
    await session.click(await session.find(`${caseSelector(WHOLE_RUN)} [data-testid="test-delete"]`));
    await session.click(await session.find(`${caseSelector(WHOLE_RUN)} [data-testid="test-confirm-delete"]`));
    await waitFor(async () => /^1 case/.test(await testIdText(session, 'tests-summary')), {
      message: 'the deleted case to leave the list',
    });
    assert.equal(existsSync(wholeRunFile), false);
  });
});
