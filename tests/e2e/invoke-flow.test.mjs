// Flow-invokes-flow in the real app: a step of "Flow 1" calls `context.invokeFlow("Flow 2", …)`. Its result shows
// Flow 2's answer; the History tab links the invoking run to the invoked one and back, and each link opens the other
// run in its block's history (selected, expanded, in view); Run flow's view links the step to the run it invoked; and
// a cycle (Flow 1 → Flow 2 → Flow 1) fails with the chain of flow names.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
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
import { waitForEditor } from './monaco.mjs';
import { elementArgument, waitFor } from './webdriver.mjs';

const STEP = 'Code Block';
const INVOKED_FLOW = 'Flow 2';
const CHAIN = 'Flow 1 → Flow 2 → Flow 1';

function fixture(name) {
  return repoFile(`tests/e2e/fixtures/invoke-flow/${name}`);
}

/** The id of the trigger block of the flow named `flow`, as the manifest names it. */
function triggerOf(workspace, flow) {
  const found = readManifest(workspace).flows.find((candidate) => candidate.name === flow);
  if (!found) throw new Error(`The manifest in ${workspace} has no flow named "${flow}".`);
  return found.trigger;
}

/**
 * Adds "Flow 2" with the "+ Flow" button, then (the app stopped) gives the first flow's step the block that invokes
 * "Flow 2" and Flow 2's trigger `flow2Trigger`, and starts the app again. Answers Flow 2's trigger id.
 */
async function twoFlows(app, folders, flow2Trigger) {
  await waitForBlockList(app.session);
  await app.session.click(await app.session.findByTestId('new-trigger'));
  await waitFor(() => readManifest(folders.workspace).flows.some((flow) => flow.name === INVOKED_FLOW), {
    message: `the manifest to hold "${INVOKED_FLOW}"`,
  });
  await app.stop();
  const invokedTrigger = triggerOf(folders.workspace, INVOKED_FLOW);
  writeFileSync(blockFile(folders.workspace, STEP), fixture('invokes-flow-2.js'));
  writeFileSync(join(folders.workspace, 'blocks', `${invokedTrigger}.js`), fixture(flow2Trigger));
  await app.start();
  await waitForBlockList(app.session);
  return invokedTrigger;
}

async function runStepAndWaitFor(session, testId, text) {
  await selectBlock(session, STEP);
  await waitForEditor(session);
  await session.click(await session.findByTestId('run'));
  return waitFor(
    async () => {
      const shown = (await session.findAll(`[data-testid="${testId}"]`)).length > 0;
      const value = shown ? await testIdText(session, testId) : '';
      return value.includes(text) && value;
    },
    { timeoutMs: 60_000, message: `${testId} to show ${text}` },
  );
}

/** What a link or a history row shows, read from the page: its text, its run id, and its row's state. */
function describe(session, element) {
  return session.executeScript(
    `const element = arguments[0];
     const row = element.closest('[data-testid="history-run"]');
     return {
       // The mark and the words are a button's separate flex items: read as one line.
       text: element.innerText.replace(/\\s+/g, ' ').trim(),
       runId: Number(element.dataset.runId),
       rowRunId: row ? Number(row.dataset.runId) : null,
     };`,
    [elementArgument(element)],
  );
}

/**
 * Waits until `blockId` is the selected block and its History lists run `runId` marked as the one asked for,
 * expanded and in view; answers the row's text and the text of its details.
 */
async function waitForShownRun(session, blockId, runId) {
  return waitFor(
    () =>
      session.executeScript(
        `const [blockId, runId] = arguments;
         if (!document.querySelector('[data-testid="block-' + blockId + '"].selected')) return null;
         const history = document.querySelector('[data-testid="history"]');
         if (!history || history.closest('[hidden]')) return null;
         const row = history.querySelector('[data-testid="history-run"][data-run-id="' + runId + '"]');
         if (!row || row.getAttribute('aria-current') !== 'true') return null;
         const expand = row.querySelector('[data-testid="history-run-expand"]');
         const details = row.querySelector('[data-testid="history-run-details"]');
         if (expand.getAttribute('aria-expanded') !== 'true' || !details || details.innerText.includes('Reading')) {
           return null;
         }
         const box = row.getBoundingClientRect();
         const inView = box.top >= 0 && box.top < window.innerHeight;
         return { row: row.innerText, details: details.innerText, inView };`,
        [blockId, runId],
      ),
    { timeoutMs: 15_000, message: `run #${runId} of ${blockId} to show, expanded, in its History` },
  );
}

/** The one link with `testId` in the History row of run `runId`. */
async function linkInRow(session, runId, testId) {
  const links = await session.findAll(
    `[data-testid="history"] [data-testid="history-run"][data-run-id="${runId}"] [data-testid="${testId}"]`,
  );
  assert.equal(links.length, 1, `run #${runId} has one ${testId}`);
  return links[0];
}

test('a block that invokes a flow shows its answer, and History links the two runs both ways', async (t) => {
  const folders = freshFolders(t);
  await withApp(t, folders, async (app) => {
    const invokedTrigger = await twoFlows(app, folders, 'doubles-the-order.js');
    const { session } = app;
    const stepId = readManifest(folders.workspace).flows[0].steps[0];

    const result = await runStepAndWaitFor(session, 'result', 'doubled');
    assert.match(result, /doubled\W+14/, 'Flow 2 doubled the order it was sent');
    assert.match(result, /answeredBy\W+Flow 2/);
    assert.match(result, /status\W+200/);

    await session.click(await session.findByTestId('run-tab-history'));
    const childLink = await waitFor(async () => (await session.findAll('[data-testid="history-child-run-link"]'))[0], {
      message: 'the run to link to the flow it invoked',
    });
    const child = await describe(session, childLink);
    const parentId = child.rowRunId;
    assert.equal(child.text, `✓ Invoked flow “${INVOKED_FLOW}”: run #${child.runId}`);

    await session.click(childLink);
    const shownChild = await waitForShownRun(session, invokedTrigger, child.runId);
    assert.ok(shownChild.inView, 'the invoked run is scrolled into view');
    assert.match(shownChild.details, /"doubled": 14/, 'the invoked run expands to the answer Flow 2 gave');
    const parentLink = await describe(session, await linkInRow(session, child.runId, 'history-parent-run-link'));
    assert.equal(parentLink.text, `✓ Invoked by ${STEP} run #${parentId}`);
    assert.equal(parentLink.runId, parentId);

    await session.click(await linkInRow(session, child.runId, 'history-parent-run-link'));
    const shownParent = await waitForShownRun(session, stepId, parentId);
    assert.ok(shownParent.inView, 'the invoking run is scrolled into view');
    assert.match(shownParent.details, /doubled\W+14/, 'the invoking run expands to its result');
  });
});

test('Run flow links the step that invoked a flow to the invoked run, which links back to the step', async (t) => {
  const folders = freshFolders(t);
  await withApp(t, folders, async (app) => {
    const invokedTrigger = await twoFlows(app, folders, 'doubles-the-order.js');
    const { session } = app;
    const stepId = readManifest(folders.workspace).flows[0].steps[0];

    await selectBlock(session, STEP);
    await waitForEditor(session);
    await session.click(await session.findByTestId('run-flow'));
    const status = await waitFor(
      async () => {
        const [shown] = await session.findAll('[data-testid="flow-run-status"]');
        return shown && session.text(shown);
      },
      { timeoutMs: 60_000, message: 'the flow run to finish' },
    );
    assert.equal(status, 'All 2 steps succeeded.');
    const stepLink = await waitFor(
      async () =>
        (await session.findAll('[data-testid="flow-step"]:nth-of-type(2) [data-testid="flow-step-child-run-link"]'))[0],
      { message: 'the step to link to the run it invoked' },
    );
    const child = await describe(session, stepLink);
    assert.equal(child.text, `✓ Invoked flow “${INVOKED_FLOW}”: run #${child.runId}`);
    const triggerLinks = await session.findAll(
      '[data-testid="flow-step"]:nth-of-type(1) [data-testid="flow-step-child-run-link"]',
    );
    assert.equal(triggerLinks.length, 0, 'the trigger invoked nothing');

    await session.click(stepLink);
    await waitForShownRun(session, invokedTrigger, child.runId);
    const parentLink = await linkInRow(session, child.runId, 'history-parent-run-link');
    const parent = await describe(session, parentLink);
    assert.match(parent.text, new RegExp(`^✓ Invoked by ${STEP} run #${parent.runId}$`));

    await session.click(parentLink);
    const shownStep = await waitForShownRun(session, stepId, parent.runId);
    assert.match(shownStep.row, /Run flow “Flow 1”/, 'the invoking run is the flow run’s step');
  });
});

test('a cycle of invoked flows fails with the chain of flow names, and the failed run is linked', async (t) => {
  const folders = freshFolders(t);
  await withApp(t, folders, async (app) => {
    const invokedTrigger = await twoFlows(app, folders, 'invokes-flow-1.js');
    const { session } = app;

    const error = await runStepAndWaitFor(session, 'run-error', CHAIN);
    assert.match(error, /Request failed with status code 500/);
    assert.match(error, new RegExp(`the flow "Flow 1" is already running in this chain \\(${CHAIN}\\)`));

    await session.click(await session.findByTestId('run-tab-history'));
    const childLink = await waitFor(async () => (await session.findAll('[data-testid="history-child-run-link"]'))[0], {
      message: 'the failed run to link to the flow it invoked',
    });
    const child = await describe(session, childLink);
    assert.equal(child.text, `✗ Invoked flow “${INVOKED_FLOW}”: run #${child.runId}`);

    await session.click(childLink);
    const shown = await waitForShownRun(session, invokedTrigger, child.runId);
    assert.ok(shown.details.includes(CHAIN), `the invoked run's error names the chain: ${shown.details}`);
    const parent = await describe(session, await linkInRow(session, child.runId, 'history-parent-run-link'));
    assert.equal(parent.text, `✗ Invoked by ${STEP} run #${child.rowRunId}`);
  });
});
