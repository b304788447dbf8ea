// A step's `stepResults` key comes from Rust, as the platform camelCases display names: "Bob's Step" is
// `bobsStep` and "Crème Brûlée" is `cremeBrulee`. What "Fill from earlier steps" writes, what the block then
// reads, and what a flow run gives it all use the same keys.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { freshFolders, readManifest, selectBlock, waitForBlockList, withApp } from './harness.mjs';
import { waitForEditor } from './monaco.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const TRIGGER = 'Crème Brûlée';
const MIDDLE = "Bob's Step";
const LAST = 'Last Step';
const LAST_SOURCE = `module.exports = async (context, stepResults) => {
  return { data: { keys: Object.keys(stepResults).join(",") || "none" } };
};
`;

/** Renames the template flow's blocks and adds a last step that returns the keys it was given. */
function nameTheSteps(workspace) {
  const path = join(workspace, 'blocksmith.json');
  const manifest = readManifest(workspace);
  const flow = manifest.flows[0];
  manifest.blocks.find((block) => block.id === flow.trigger).name = TRIGGER;
  manifest.blocks.find((block) => block.id === flow.steps[0]).name = MIDDLE;
  manifest.blocks.push({ id: 'last-step', name: LAST, kind: 'action' });
  flow.steps.push('last-step');
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(workspace, 'blocks', 'last-step.js'), LAST_SOURCE);
}

test('"Fill from earlier steps" and a run use the platform\'s keys for accented names and apostrophes', async (t) => {
  const folders = freshFolders(t);
  await withApp(t, folders, async (app) => {
    await waitForBlockList(app.session);
    await app.stop();
    nameTheSteps(folders.workspace);
    await app.start();
    const { session } = app;
    await waitForBlockList(session);

    await selectBlock(session, LAST);
    await waitForEditor(session);
    await session.click(await session.findByTestId('fill-step-results'));
    const box = await session.findByTestId('step-results-input');
    const filled = await waitFor(
      async () => {
        const text = await session.property(box, 'value');
        try {
          return Object.keys(JSON.parse(text)).length > 0 && JSON.parse(text);
        } catch {
          return false;
        }
      },
      { message: 'the stepResults box to be filled from the earlier steps' },
    );
    assert.deepEqual(Object.keys(filled), ['cremeBrulee', 'bobsStep']);

    await session.click(await session.findByTestId('run'));
    await waitFor(async () => (await session.text(await session.findByTestId('result'))).includes('cremeBrulee,bobsStep'), {
      timeoutMs: 30_000,
      message: 'the block to read the filled keys',
    });

    // Emptied and run again, so that only the flow run can bring the keys back into the result. The run moved the
    // panel to its Result tab, so the box is found again (which opens the Input tab).
    await session.click(await session.findByTestId('step-results-input'));
    await session.pressChord(Keys.CONTROL, 'a');
    await session.typeText('{}');
    await session.click(await session.findByTestId('run'));
    await waitFor(async () => (await session.text(await session.findByTestId('result'))).includes('none'), {
      timeoutMs: 30_000,
      message: 'the block run with no stepResults',
    });

    await session.click(await session.findByTestId('run-flow'));
    const status = await waitFor(
      async () => {
        const [shown] = await session.findAllByXPath('//*[@data-testid="flow-run-status"]');
        return shown && session.text(shown);
      },
      { timeoutMs: 60_000, message: 'the flow run to finish' },
    );
    assert.equal(status, 'All 3 steps succeeded.');
    // A step that succeeded keeps its result folded away; its text is in the page all the same.
    const flowRun = await session.executeScript(
      'return document.querySelector(\'[data-testid="flow-run"]\').textContent;',
    );
    assert.ok(flowRun.includes('cremeBrulee,bobsStep'), `the flow run gave the last step the same keys: ${flowRun}`);
  });
});
