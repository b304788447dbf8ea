// Completion in the editor, as a block author types: `configVars.` offers the workspace's config variables, an
// identifier name as it is and any other name as bracket access; an empty spot offers the block's names, never
// plain words of the file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshFolders, selectBlock, withApp } from './harness.mjs';
import { editorValue, placeCursor, replaceEditorText, waitForEditor } from './monaco.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const BLOCK = [
  'module.exports = async ({ logger, configVars }, stepResults) => {',
  '  const wordOnlyInThisFile = 1;',
  '  const base = ',
  '  return { data: base };',
  '};',
].join('\n');

async function addConfigVar(session, name, value) {
  await session.click(await session.findByTestId('config-var-new-name'));
  await session.typeText(name);
  await session.click(await session.findByTestId('config-var-new-value'));
  await session.typeText(value);
  await session.click(await session.findByTestId('config-var-add'));
  await waitFor(
    () =>
      session.executeScript(
        `return [...document.querySelectorAll('[data-testid="config-var"] label')].some(
          (label) => label.textContent === arguments[0]);`,
        [name],
      ),
    { message: `the config variable ${name} to be listed` },
  );
}

/** The labels the open suggest widget lists, once it lists something. */
function suggestionLabels(session) {
  return waitFor(
    async () => {
      const labels = await session.executeScript(`
        const rows = document.querySelectorAll('.monaco-editor .suggest-widget.visible .monaco-list-row');
        return [...rows].map((row) => row.querySelector('.label-name')?.textContent ?? '');`);
      return labels.length > 0 && labels;
    },
    { timeoutMs: 10_000, message: 'the suggest widget to list suggestions' },
  );
}

async function closeSuggestions(session) {
  await session.pressChord(Keys.ESCAPE);
}

test('configVars. completes names, and an empty spot offers the block’s names, not words', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await addConfigVar(session, 'App Base URL', 'https://api.example.com');
    await addConfigVar(session, 'region', 'eu');
    await selectBlock(session, 'Code Block');
    await waitForEditor(session);
    await replaceEditorText(session, BLOCK);

    await placeCursor(session, 3, '  const base = '.length + 1);
    await session.typeText('configVars.');
    const afterDot = await suggestionLabels(session);
    assert.ok(afterDot.includes('region'), `region offered: ${afterDot}`);
    assert.ok(afterDot.includes('App Base URL'), `App Base URL offered: ${afterDot}`);

    // Typing narrows to the name with spaces; accepting it writes bracket access in place of the dot.
    await session.typeText('App');
    await waitFor(async () => (await suggestionLabels(session))[0] === 'App Base URL', {
      message: 'App Base URL to be the first suggestion',
    });
    await session.pressChord(Keys.ENTER);
    await waitFor(async () => (await editorValue(session)).includes('const base = configVars["App Base URL"]'), {
      message: 'the accepted suggestion to read configVars["App Base URL"]',
    });

    // Ctrl+Space at an empty spot: the block's arguments and globals, and names it declares, never plain words.
    await placeCursor(session, 4, '  return { data: base };'.length + 1);
    await session.pressChord(Keys.ENTER);
    await session.pressChord(Keys.CONTROL, ' ');
    const atEmptySpot = await suggestionLabels(session);
    assert.deepEqual(atEmptySpot.slice(0, 3), ['configVars', 'stepResults', 'logger']);
    await closeSuggestions(session);
    await session.typeText('wordO');
    const typed = await suggestionLabels(session);
    assert.deepEqual(typed, ['wordOnlyInThisFile'], 'a declared name is offered');
    await closeSuggestions(session);
    await session.typeText('nly ');
    await session.pressChord(Keys.CONTROL, ' ');
    const labels = await suggestionLabels(session);
    assert.ok(!labels.includes('exports'), `no plain words of the file: ${labels}`);
    assert.ok(!labels.includes('data'), `no plain words of the file: ${labels}`);
  });
});
