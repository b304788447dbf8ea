// Run flow shows the flow run as a view of its own, in place of the block's: every step in order with its status,
// duration, result, logs and error, then the trigger's response. It replaces the block's own (older, contradicting)
// result, its JSON trees keep their expand arrows, and selecting another block closes it.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { blockFile, freshFolders, repoFile, selectBlock, waitForBlockList, withApp } from './harness.mjs';
import { waitForEditor } from './monaco.mjs';
import { elementArgument, waitFor } from './webdriver.mjs';

const TRIGGER = 'Code Block Trigger';
const STEP = 'Code Block';

/** Whether the element takes up room on the page (not `display: none`, nor inside such an element). */
function isShown(session, element) {
  return session.executeScript('return arguments[0].getClientRects().length > 0;', [elementArgument(element)]);
}

async function shownByTestId(session, testId) {
  const [element] = await session.findAllByXPath(`//*[@data-testid=${JSON.stringify(testId)}]`);
  return element !== undefined && isShown(session, element);
}

test('Run flow shows every step with its status, result and logs in a view of its own, closed by selecting another block', async (t) => {
  const folders = freshFolders(t);
  await withApp(t, folders, async (app) => {
    await waitForBlockList(app.session);
    await app.stop();
    writeFileSync(blockFile(folders.workspace, TRIGGER), repoFile('tests/e2e/fixtures/flow-trigger-logs.js'));
    writeFileSync(blockFile(folders.workspace, STEP), repoFile('tests/e2e/fixtures/flow-step-doubles.js'));
    await app.start();
    const { session } = app;
    await waitForBlockList(session);

    // The step run on its own first: its result (doubled 0) contradicts what the flow run will give it (42).
    await selectBlock(session, STEP);
    await waitForEditor(session);
    await session.click(await session.findByTestId('run'));
    await waitFor(async () => (await session.text(await session.findByTestId('result'))).includes('doubled'), {
      timeoutMs: 30_000,
      message: 'the step run on its own to show its result',
    });

    await session.click(await session.findByTestId('run-flow'));
    const status = await waitFor(
      async () => {
        const [shown] = await session.findAllByXPath('//*[@data-testid="flow-run-status"]');
        return shown && session.text(shown);
      },
      { timeoutMs: 60_000, message: 'the flow run to finish' },
    );
    assert.equal(status, 'All 2 steps succeeded.');

    const steps = await session.findAllByXPath('//*[@data-testid="flow-step"]');
    assert.equal(steps.length, 2, 'both blocks of the flow are listed');
    const described = [];
    for (const step of steps) {
      described.push(
        await session.executeScript(
          `const step = arguments[0];
           const part = (id) => step.querySelector('[data-testid="' + id + '"]');
           return {
             status: step.dataset.status,
             name: part('flow-step-name').textContent,
             statusText: part('flow-step-status').textContent,
             text: step.innerText,
           };`,
          [elementArgument(step)],
        ),
      );
    }
    assert.deepEqual(
      described.map(({ name, status, statusText }) => ({ name, status, statusText })),
      [
        { name: TRIGGER, status: 'succeeded', statusText: 'Succeeded' },
        { name: STEP, status: 'succeeded', statusText: 'Succeeded' },
      ],
      'the steps in run order, each with its status',
    );
    const [trigger, step] = described;
    assert.match(trigger.text, /"?n"?\s*:?\s*21/, `the trigger's result is shown: ${trigger.text}`);
    assert.match(trigger.text, /trigger got 21/, "the trigger's log line is shown");
    assert.match(trigger.text, /\d+ ms/, "the trigger's duration is shown");
    assert.match(step.text, /"?doubled"?\s*:?\s*42/, `the step's result from the flow run is shown: ${step.text}`);
    assert.match(step.text, /doubling 21/, "the step's log line is shown");
    const response = await session.text(await session.findByTestId('flow-response'));
    assert.match(response, /202/, `the trigger's response is shown: ${response}`);
    assert.match(response, /accepted/);

    // The flow run is the panel's view: the block's own result (doubled 0) and its history are not shown below it.
    assert.equal(await shownByTestId(session, 'result'), false, "the block's own result gives way to the flow run");
    assert.equal(await shownByTestId(session, 'history'), false, 'the flow run is not appended below History');

    // A JSON tree inside a step keeps its expand arrows: the step list's styles do not hide or squash them.
    const treeToggle = await session.executeScript(
      `const toggle = document.querySelector('[data-testid="flow-step"] .json-tree [data-testid="json-toggle"]');
       return toggle && { display: getComputedStyle(toggle).display, width: toggle.getBoundingClientRect().width };`,
    );
    assert.ok(
      treeToggle && treeToggle.display !== 'none' && treeToggle.width > 0,
      `the step result trees keep their expand arrows: ${JSON.stringify(treeToggle)}`,
    );

    // Closed, the flow run leaves the step's own result area empty, not showing the older run that contradicted it.
    await session.click(await session.findByTestId('flow-run-close'));
    await waitFor(() => shownByTestId(session, 'result'), { message: "the block's own view to come back" });
    assert.doesNotMatch(await session.text(await session.findByTestId('result')), /doubled/);

    // Run again, then select another block: the flow run view goes, and that block's own view shows.
    await session.click(await session.findByTestId('run-flow'));
    await waitFor(async () => (await session.findAllByXPath('//*[@data-testid="flow-step"]')).length === 2, {
      timeoutMs: 60_000,
      message: 'the second flow run to finish',
    });
    await selectBlock(session, TRIGGER);
    await waitFor(async () => (await session.findAllByXPath('//*[@data-testid="flow-run"]')).length === 0, {
      message: 'the flow run view to close when another block is selected',
    });
    assert.equal(await shownByTestId(session, 'result'), true, "the selected block's own view is shown");
  });
});
