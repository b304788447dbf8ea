// Bad input on disk gives a clear message in the window and changes nothing the user has.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  blockFile,
  findBlockItem,
  freshFolders,
  repoFile,
  selectBlock,
  waitForBlockList,
  windowText,
  withApp,
} from './harness.mjs';
import { endOfText, placeCursor, waitForEditor, waitForEditorValue } from './monaco.mjs';
import { makeUnwritable } from './unwritable.mjs';
import { waitFor } from './webdriver.mjs';

const INVALID_MANIFEST = repoFile('tests/e2e/fixtures/invalid-manifest.json');
const ACTION_TEMPLATE = repoFile('crates/workspace/templates/code-block.js');

test('a manifest that is not valid JSON is reported in the window and left untouched', async (t) => {
  const folders = freshFolders(t);
  const manifest = join(folders.workspace, 'blocksmith.json');
  writeFileSync(manifest, INVALID_MANIFEST);
  const before = statSync(manifest).mtimeMs;

  await withApp(t, folders, async ({ session }) => {
    const text = await waitFor(
      async () => {
        const shown = await session.text(await session.find('[data-testid="error-banner"]'));
        return shown.includes('blocksmith.json') && /not valid/i.test(shown) && shown;
      },
      { timeoutMs: 60_000, message: 'an error message naming blocksmith.json as not valid' },
    );
    assert.match(text, /has not changed it|not changed/i, 'the message says the file was left as it was');
  });

  assert.equal(readFileSync(manifest, 'utf8'), INVALID_MANIFEST);
  assert.equal(statSync(manifest).mtimeMs, before);
});

test('a block file deleted behind the app’s back is reported, and the rest of the workspace is kept', async (t) => {
  const folders = freshFolders(t);
  await withApp(t, folders, async (app) => {
    await waitForBlockList(app.session);
    await app.stop();

    const deleted = blockFile(folders.workspace, 'Code Block');
    const kept = blockFile(folders.workspace, 'Code Block Trigger');
    const manifestPath = join(folders.workspace, 'blocksmith.json');
    const keptBefore = readFileSync(kept, 'utf8');
    const manifestBefore = readFileSync(manifestPath, 'utf8');
    rmSync(deleted);

    await app.start();
    // The app may report the missing file as it loads the workspace, or when the block is opened.
    let opened = false;
    await waitFor(
      async () => {
        if (/missing/i.test(await windowText(app.session))) return true;
        const item = opened ? undefined : await findBlockItem(app.session, 'Code Block');
        if (item) {
          await app.session.click(item);
          opened = true;
        }
        return false;
      },
      { timeoutMs: 60_000, message: 'a message in the window saying the block file is missing' },
    );

    assert.equal(readFileSync(kept, 'utf8'), keptBefore, 'the other block is unchanged');
    assert.equal(readFileSync(manifestPath, 'utf8'), manifestBefore, 'the manifest is unchanged');
  });
});

test('a folder that stops being writable is reported, the edit is kept, and it is saved once writable again', async (t) => {
  const folders = freshFolders(t);
  await withApp(t, folders, async ({ session }) => {
    await selectBlock(session, 'Code Block');
    await waitForEditor(session);
    await waitForEditorValue(session, ACTION_TEMPLATE);
    const file = blockFile(folders.workspace, 'Code Block');
    const blocksDir = join(folders.workspace, 'blocks');
    const undo = makeUnwritable(blocksDir);
    if (!undo) {
      t.skip('this machine can make no folder unwritable (root without chattr support)');
      return;
    }
    let locked = true;
    t.after(() => locked && undo());

    const typed = '// typed while the folder was read-only';
    const end = await endOfText(session);
    await placeCursor(session, end.lineNumber, end.column);
    await session.typeText(typed);
    const edited = ACTION_TEMPLATE + typed;

    const shown = await waitFor(
      async () => {
        const banner = await session.find('[data-testid="error-banner"]');
        const text = banner && (await session.text(banner));
        return text && /not writable/i.test(text) && text;
      },
      { timeoutMs: 20_000, message: 'a message saying the workspace folder is not writable' },
    );
    assert.match(shown, /kept in the editor/i, 'the message says the edit is not lost');
    await waitForEditorValue(session, edited);
    assert.equal(readFileSync(file, 'utf8'), ACTION_TEMPLATE, 'the file on disk is as it was');

    undo();
    locked = false;
    await waitFor(() => readFileSync(file, 'utf8') === edited, {
      timeoutMs: 20_000,
      message: 'the kept edit to be saved by itself once the folder is writable again',
    });
  });
});
