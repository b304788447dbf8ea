// Steps added, reordered and deleted in the block list are saved to the workspace manifest and are there after a
// restart.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  blockFile,
  findBlockItem,
  findBlockRowControl,
  freshFolders,
  listedBefore,
  readManifest,
  repoFile,
  waitForBlockList,
  withApp,
} from './harness.mjs';
import { waitForEditor, waitForEditorValue } from './monaco.mjs';
import { waitFor } from './webdriver.mjs';

const ACTION_TEMPLATE = repoFile('crates/workspace/templates/code-block.js');

/** The display names of the first flow's steps, in run order, as the manifest on disk has them. */
function savedStepNames(workspace) {
  const manifest = readManifest(workspace);
  const nameOf = (id) => manifest.blocks.find((block) => block.id === id)?.name;
  return manifest.flows[0].steps.map(nameOf);
}

/** Points at a block's row, where its controls appear, and clicks one of them. */
async function clickRowControl(session, blockName, testId) {
  await session.hover(await waitFor(() => findBlockItem(session, blockName), { message: `"${blockName}" listed` }));
  const control = await waitFor(() => findBlockRowControl(session, blockName, testId), {
    message: `${testId} in the row of "${blockName}"`,
  });
  await session.click(control);
}

test('a new step opens on the action template, and reordering and deleting steps is saved', async (t) => {
  const folders = freshFolders(t);
  await withApp(t, folders, async (app) => {
    await waitForBlockList(app.session);
    await app.session.click(await app.session.findByTestId('new-action'));
    await waitFor(() => findBlockItem(app.session, 'Code Block 2'), { message: '"Code Block 2" in the block list' });
    await waitForEditor(app.session);
    await waitForEditorValue(app.session, ACTION_TEMPLATE);
    await waitFor(() => savedStepNames(folders.workspace).join() === 'Code Block,Code Block 2', {
      message: 'the manifest to list the steps Code Block, Code Block 2',
    });
    assert.equal(readFileSync(blockFile(folders.workspace, 'Code Block 2'), 'utf8'), ACTION_TEMPLATE);

    await clickRowControl(app.session, 'Code Block 2', 'move-up');
    await waitFor(() => savedStepNames(folders.workspace).join() === 'Code Block 2,Code Block', {
      message: 'the manifest to list the steps Code Block 2, Code Block',
    });

    await app.restart();
    await waitForBlockList(app.session);
    assert.ok(await listedBefore(app.session, 'Code Block 2', 'Code Block'), 'the new order is kept after a restart');

    await clickRowControl(app.session, 'Code Block', 'delete-step');
    await clickRowControl(app.session, 'Code Block', 'confirm-delete');
    await waitFor(async () => !(await findBlockItem(app.session, 'Code Block')), {
      message: '"Code Block" to leave the block list',
    });
    await waitFor(() => savedStepNames(folders.workspace).join() === 'Code Block 2', {
      message: 'the manifest to list only the step Code Block 2',
    });
    assert.ok(!readManifest(folders.workspace).blocks.some((block) => block.name === 'Code Block'));
    assert.ok(existsSync(blockFile(folders.workspace, 'Code Block Trigger')), 'the trigger’s file is kept');
  });
});
