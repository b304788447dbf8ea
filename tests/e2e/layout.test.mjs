// The layout fits the window: splitters between the panes resize them and are remembered across a restart, and a
// narrow window keeps the editor the widest pane.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshFolders, waitForBlockList, withApp } from './harness.mjs';
import { elementArgument, waitFor } from './webdriver.mjs';

/** The rendered widths of the three panes, in CSS pixels. */
function paneWidths(session) {
  return session.executeScript(`
    const width = (css) => Math.round(document.querySelector(css).getBoundingClientRect().width);
    return { sidebar: width('.sidebar'), editor: width('.editor-pane'), runPanel: width('.run-panel') };`);
}

/** Drags the splitter by `dx` pixels with the mouse, as a person does. */
async function dragSplitter(session, testId, dx) {
  const origin = elementArgument(await session.findByTestId(testId));
  await session.performMouseActions([
    { type: 'pointerMove', duration: 0, origin, x: 0, y: 0 },
    { type: 'pointerDown', button: 0 },
    { type: 'pointerMove', duration: 100, origin: 'pointer', x: Math.round(dx / 2), y: 0 },
    { type: 'pointerMove', duration: 100, origin: 'pointer', x: dx - Math.round(dx / 2), y: 0 },
    { type: 'pointerUp', button: 0 },
  ]);
}

test('splitters resize the side panes, the widths survive a restart, and the editor stays the widest pane', async (t) => {
  await withApp(t, freshFolders(t), async (app) => {
    await waitForBlockList(app.session);
    await app.session.setWindowRect({ width: 1280, height: 800 });
    const before = await waitFor(async () => {
      const widths = await paneWidths(app.session);
      return widths.sidebar > 0 && widths;
    });

    await dragSplitter(app.session, 'splitter-sidebar', 60);
    await dragSplitter(app.session, 'splitter-run-panel', -50);
    const dragged = await waitFor(async () => {
      const widths = await paneWidths(app.session);
      return widths.sidebar !== before.sidebar && widths.runPanel !== before.runPanel && widths;
    }, { message: 'both side panes to change width' });
    assert.ok(Math.abs(dragged.sidebar - (before.sidebar + 60)) <= 5, `sidebar ${before.sidebar} → ${dragged.sidebar}`);
    assert.ok(Math.abs(dragged.runPanel - (before.runPanel + 50)) <= 5, `run panel ${before.runPanel} → ${dragged.runPanel}`);

    await app.restart();
    await waitForBlockList(app.session);
    await app.session.setWindowRect({ width: 1280, height: 800 });
    await waitFor(
      async () => {
        const widths = await paneWidths(app.session);
        return Math.abs(widths.sidebar - dragged.sidebar) <= 2 && Math.abs(widths.runPanel - dragged.runPanel) <= 2;
      },
      { timeoutMs: 15_000, message: 'the dragged widths to be restored after the restart' },
    );

    // A narrow window: the side panes give way and the editor keeps the most room.
    await app.session.setWindowRect({ width: 820, height: 700 });
    const narrow = await waitFor(async () => {
      const widths = await paneWidths(app.session);
      return widths.sidebar + widths.editor + widths.runPanel < 830 && widths;
    }, { message: 'the panes to fit an 820 px window' });
    assert.ok(narrow.editor > narrow.sidebar && narrow.editor > narrow.runPanel, JSON.stringify(narrow));
    assert.ok(narrow.editor >= 300, `the editor keeps room to write in: ${JSON.stringify(narrow)}`);
  });
});
