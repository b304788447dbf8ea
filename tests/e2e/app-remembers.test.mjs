// The app remembers what a person set up, across a restart: the workspace opened last (and the recent ones, in a
// menu), the block selected in it and its last result, the window's size and the theme. And a start paints a skeleton of the layout
// before the app's code has loaded, then shows the editor.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { freshFolders, selectBlock, waitForBlockList, withApp } from './harness.mjs';
import { waitForEditor } from './monaco.mjs';
import { waitFor } from './webdriver.mjs';

async function workspaceName(session) {
  return (await session.text(await session.findByTestId('workspace-name'))).trim();
}

/** The name and path lines of the Recent menu's entries, and whether each can be opened. */
async function recentEntries(session) {
  await session.click(await session.findByTestId('recent'));
  await session.findByTestId('recent-list');
  return session.executeScript(`
    return [...document.querySelectorAll('[data-testid="recent-workspace"]')].map((entry) => ({
      name: entry.querySelector('strong').textContent,
      enabled: !entry.disabled,
    }));`);
}

function runState(session) {
  return session.executeScript(`return document.querySelector('[data-testid="run-status"]')?.dataset.state ?? null;`);
}

async function selectedBlockName(session) {
  return session.executeScript(`
    const selected = document.querySelector('[data-testid="block-list"] .block-row.selected .block-name');
    return selected ? selected.textContent.trim() : null;`);
}

/** The start's moments: first paint, the app mounting, the editor showing its first block (ms since navigation). */
function startupTimes(session) {
  return session.executeScript(`
    const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
    const paint = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-paint')
      ?? performance.getEntriesByType('paint')[0];
    return {
      firstPaint: paint ? paint.startTime : null,
      appMounting: mark('blocksmith:app-mounting'),
      editorShowsBlock: mark('blocksmith:editor-shows-block'),
    };`);
}

test('the app reopens the last workspace with its selected block, its last result, window size and theme', async (t) => {
  const folders = freshFolders(t);
  const first = join(folders.workspace, '..', 'First Workspace');
  const second = join(folders.workspace, '..', 'Second Workspace');
  mkdirSync(first);
  mkdirSync(second);
  // As if the person had used both before, the first one last.
  writeFileSync(
    join(folders.configDir, 'settings.json'),
    JSON.stringify({ lastWorkspace: first, recentWorkspaces: [first, second] }),
  );

  await withApp(
    t,
    folders,
    async (app) => {
      await waitForBlockList(app.session);
      assert.match(await workspaceName(app.session), /^First Workspace/);

      const recent = await recentEntries(app.session);
      assert.deepEqual(recent, [
        { name: 'First Workspace', enabled: false },
        { name: 'Second Workspace', enabled: true },
      ]);
      await app.session.click((await app.session.findAllBy('css selector', '[data-testid="recent-workspace"]'))[1]);
      await waitFor(async () => /^Second Workspace/.test(await workspaceName(app.session)), {
        timeoutMs: 30_000,
        message: 'the second workspace to open from the Recent menu',
      });

      await selectBlock(app.session, 'Code Block Trigger');
      await waitFor(async () => (await selectedBlockName(app.session)) === 'Code Block Trigger', {
        message: 'the trigger to be selected',
      });
      // Its last result is kept too: run it once.
      await app.session.click(await app.session.findByTestId('run'));
      await waitFor(
        async () => (await runState(app.session)) === 'succeeded',
        { timeoutMs: 30_000, message: 'the trigger’s run to succeed' },
      );
      await app.session.setWindowRect({ width: 1000, height: 700 });
      const resized = await app.session.windowRect();
      await app.session.executeScript(`
        const picker = document.querySelector('[data-testid="theme"]');
        const setValue = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
        setValue.call(picker, 'dark');
        picker.dispatchEvent(new Event('change', { bubbles: true }));`);
      await waitFor(
        () => app.session.executeScript(`return document.documentElement.dataset.theme === 'dark';`),
        { message: 'the window to turn dark' },
      );
      // The size is saved once the window has been still for a moment.
      await new Promise((settled) => setTimeout(settled, 1500));

      await app.restart();
      await waitForBlockList(app.session);
      assert.match(await workspaceName(app.session), /^Second Workspace/, 'the last workspace opens');
      await waitFor(async () => (await selectedBlockName(app.session)) === 'Code Block Trigger', {
        timeoutMs: 15_000,
        message: 'the block selected before the restart to be selected again',
      });
      await waitFor(
        async () =>
          (await runState(app.session)) === 'succeeded' &&
          (await app.session.findAllBy('css selector', '[data-testid="run-from-history"]')).length === 1,
        { timeoutMs: 15_000, message: 'the last run’s result to show again, marked as from the history' },
      );
      const reopened = await app.session.windowRect();
      assert.deepEqual(
        { width: reopened.width, height: reopened.height },
        { width: resized.width, height: resized.height },
        'the window has the size it was given',
      );
      await waitFor(
        () => app.session.executeScript(`return document.documentElement.dataset.theme === 'dark';`),
        { message: 'the dark theme to be applied again after the restart' },
      );
      assert.equal(await app.session.property(await app.session.findByTestId('theme'), 'value'), 'dark');
      const recentAfter = await recentEntries(app.session);
      assert.deepEqual(
        recentAfter.map((entry) => entry.name),
        ['Second Workspace', 'First Workspace'],
      );
    },
    { openLastWorkspace: true },
  );
});

test('a start paints the layout’s skeleton before the app’s code runs, then shows the editor', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await waitForEditor(session);
    const times = await waitFor(
      async () => {
        const measured = await startupTimes(session);
        return measured.editorShowsBlock !== null && measured;
      },
      { timeoutMs: 30_000, message: 'the editor to show its first block' },
    );
    assert.ok(times.firstPaint !== null, `the window reports its first paint: ${JSON.stringify(times)}`);
    assert.ok(
      times.firstPaint < times.appMounting,
      `the skeleton painted (${times.firstPaint} ms) before the app mounted (${times.appMounting} ms)`,
    );
    assert.ok(times.appMounting < times.editorShowsBlock);
    assert.equal(
      (await session.findAllBy('css selector', '[data-testid="skeleton"]')).length,
      0,
      'the app replaced the skeleton',
    );
    t.diagnostic(
      `start: first paint ${Math.round(times.firstPaint)} ms, app mounting ${Math.round(times.appMounting)} ms, ` +
        `editor shows the block ${Math.round(times.editorShowsBlock)} ms`,
    );
  });
});
