// The run panel's tabs (Result, Logs, Input, History, State, Webhook): arrows and Home/End move between them as the
// WAI-ARIA tabs pattern has it, the Logs tab counts the lines logged, and the selected tab stays selected when
// another block is opened and back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshFolders, repoFile, selectBlock, withApp } from './harness.mjs';
import { replaceEditorText, waitForEditor } from './monaco.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const RETURNS_DATA_AND_LOGS = repoFile('tests/e2e/fixtures/returns-data-and-logs.js');
const TAB_IDS = ['result', 'logs', 'input', 'history', 'tests', 'state', 'webhook'];

/** The ids of the tabs (`run-tab-<id>`), and which one is selected and which panel shows, read from the page. */
function tabState(session) {
  return session.executeScript(`
    const tabs = [...document.querySelectorAll('[role="tablist"][aria-label="Run"] [role="tab"]')];
    const selected = tabs.filter((tab) => tab.getAttribute('aria-selected') === 'true');
    const shownPanels = tabs
      .map((tab) => document.getElementById(tab.getAttribute('aria-controls')))
      .filter((panel) => panel && !panel.hidden);
    return {
      ids: tabs.map((tab) => tab.dataset.testid.replace(/^run-tab-/, '')),
      selected: selected.map((tab) => tab.dataset.testid.replace(/^run-tab-/, '')),
      shownPanels: shownPanels.map((panel) => panel.getAttribute('aria-labelledby').replace(/^run-tab-/, '')),
      focused: document.activeElement?.dataset?.testid ?? null,
    };
  `);
}

async function expectSelected(session, id, message) {
  const state = await waitFor(
    async () => {
      const read = await tabState(session);
      return read.selected.length === 1 && read.selected[0] === id && read;
    },
    { timeoutMs: 5_000, message },
  );
  assert.deepEqual(state.shownPanels, [id], `only the ${id} panel shows`);
  return state;
}

test('the run panel is in tabs: arrows move between them, Logs counts the lines, the tab is remembered', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await selectBlock(session, 'Code Block');
    await waitForEditor(session);
    assert.deepEqual((await tabState(session)).ids, TAB_IDS);
    await expectSelected(session, 'result', 'Result to be the first tab shown');

    await replaceEditorText(session, RETURNS_DATA_AND_LOGS);
    await session.click(await session.findByTestId('run'));
    const badge = await waitFor(
      async () => {
        const [shown] = await session.findAll('[data-testid="run-tab-logs-badge"]');
        return shown && session.text(shown);
      },
      { timeoutMs: 30_000, message: 'the Logs tab to count the lines logged' },
    );
    // The fixture logs two lines; the tab shows the count, and the Logs panel holds as many lines.
    assert.match(badge, /^2\b/);
    assert.equal((await session.findAll('[data-testid="run-tab-result-badge"]')).length, 0, 'no error mark on success');

    // Keyboard: the selected tab is the focus stop; arrows wrap around, Home and End go to the ends.
    await session.click(await session.findByTestId('run-tab-result'));
    await session.pressChord(Keys.ARROW_RIGHT);
    let state = await expectSelected(session, 'logs', 'ArrowRight to select Logs');
    assert.equal(state.focused, 'run-tab-logs', 'focus follows the selection');
    assert.match(await session.text(await session.findByTestId('logs')), /hello from the end-to-end test/);
    await session.pressChord(Keys.ARROW_LEFT);
    await expectSelected(session, 'result', 'ArrowLeft to go back to Result');
    await session.pressChord(Keys.ARROW_LEFT);
    await expectSelected(session, 'webhook', 'ArrowLeft on the first tab to wrap to the last');
    await session.pressChord(Keys.HOME);
    await expectSelected(session, 'result', 'Home to select the first tab');
    await session.pressChord(Keys.END);
    state = await expectSelected(session, 'webhook', 'End to select the last tab');
    assert.equal(state.focused, 'run-tab-webhook');

    // The selected tab stays when another block is opened, and when the first one is opened again.
    await session.click(await session.findByTestId('run-tab-history'));
    await expectSelected(session, 'history', 'a click to select History');
    await selectBlock(session, 'Code Block Trigger');
    await expectSelected(session, 'history', 'History to stay selected on another block');
    await selectBlock(session, 'Code Block');
    await expectSelected(session, 'history', 'History to stay selected back on the first block');

    // Run from a tab that does not show output moves the panel to Result, where the outcome appears.
    await session.click(await session.findByTestId('run'));
    await expectSelected(session, 'result', 'Run to show the Result tab');
  });
});
