// Drives the Connections panel as a person does: New connection, choose a kind, type into its fields, Save; open a
// saved connection again; read a secret field's masked or revealed value. Also the leak search the connection tests
// share: every file under a folder, searched byte for byte for each secret value.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from './webdriver.mjs';

/** XPath test for an element whose own text is exactly `text`. */
const ownTextIs = (text) => `text()[normalize-space()=${JSON.stringify(text)}]`;

/** The connection form (there is at most one open). */
const FORM = '//form[@aria-label="Connection"]';

/** What a stored secret shows in place of its value until Reveal is pressed. */
export const MASK = '••••••••';

/** What the app shows in place of a secret a block logged or returned. */
export const REDACTED = '«redacted»';

async function testIdText(session, testId) {
  return session.text(await session.findByTestId(testId));
}

/** Clicks the input and types `text` into it, key by key, so React sees every change. */
export async function typeInto(session, element, text) {
  await session.click(element);
  await session.typeText(text);
}

/** Types into the connection form's field of `inputKey` (`connection-field-<inputKey>`). */
export async function fillField(session, inputKey, text) {
  await typeInto(session, await session.findByTestId(`connection-field-${inputKey}`), text);
}

/** Opens a new connection form and chooses `kindKey` (e.g. `apikey`) from the Kind list. */
export async function newConnection(session, kindKey, name) {
  await session.click(await session.findByTestId('new-connection'));
  const option = await session.waitForElement(`[data-testid="connection-kind"] option[value="${kindKey}"]`);
  await session.click(option);
  const kindList = await session.findByTestId('connection-kind');
  await waitFor(async () => (await session.property(kindList, 'value')) === kindKey, {
    message: `the Kind list to show “${kindKey}”`,
  });
  await typeInto(session, await session.findByTestId('connection-name'), name);
}

/**
 * Creates a connection through the form: `fields` maps input keys to what is typed into them. Waits until the
 * connection is listed; an OAuth connection's form stays open after Save, any other closes.
 */
export async function createConnection(session, { kind, name, fields }) {
  await newConnection(session, kind, name);
  for (const [inputKey, text] of Object.entries(fields)) await fillField(session, inputKey, text);
  await session.click(await session.findByTestId('connection-save'));
  await waitFor(() => findConnectionRow(session, name), { message: `“${name}” in the connections list` });
}

/** The Edit button of the listed connection `name`, or undefined. */
export async function findConnectionRow(session, name) {
  const [row] = await session.findAllByXPath(
    `//*[@data-testid="connection"]//button[.//*[${ownTextIs(name)}]]`,
  );
  return row;
}

/** Names of the listed connections, in order. */
export function listedConnectionNames(session) {
  return session.executeScript(`
    return [...document.querySelectorAll('[data-testid="connection"] .block-name > span:first-child')]
      .map((span) => span.textContent.trim());`);
}

/** Opens the saved connection `name` in the form. */
export async function openConnection(session, name) {
  const row = await waitFor(() => findConnectionRow(session, name), {
    timeoutMs: 30_000,
    message: `“${name}” in the connections list`,
  });
  await session.click(row);
  await waitFor(async () => (await session.property(await session.findByTestId('connection-name'), 'value')) === name, {
    message: `the form to show the connection “${name}”`,
  });
}

/** Closes the open connection form with its Close (or Cancel) button. */
export async function closeConnectionForm(session) {
  const [close] = await session.findAllByXPath(`${FORM}//button[${ownTextIs('Close')} or ${ownTextIs('Cancel')}]`);
  if (!close) throw new Error('The connection form has no Close or Cancel button.');
  await session.click(close);
  await waitFor(async () => (await session.findAllByXPath(FORM)).length === 0, {
    message: 'the connection form to close',
  });
}

/** What the stored secret `inputKey` shows: the mask, or its value after Reveal. */
export function storedSecretText(session, inputKey) {
  return testIdText(session, `secret-value-${inputKey}`);
}

/** Presses Reveal on the stored secret `inputKey` and answers the value it then shows. */
export async function revealSecret(session, inputKey) {
  await session.click(await session.findByTestId(`reveal-${inputKey}`));
  return waitFor(
    async () => {
      const shown = await storedSecretText(session, inputKey);
      return shown !== MASK && shown;
    },
    { message: `Reveal to show the stored ${inputKey}` },
  );
}

/** The page's whole HTML as the window holds it now (attributes and hidden text included). */
export function pageHtml(session) {
  return session.executeScript('return document.documentElement.outerHTML;');
}

/** The problems shown in the connection form (beside fields and under it), as text. */
export function formProblems(session) {
  return session.executeScript(`
    const form = document.querySelector('form[aria-label="Connection"]');
    return form ? [...form.querySelectorAll('.field-problem')].map((problem) => problem.textContent.trim()) : [];`);
}

function filesUnder(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * Every file under `folders` that holds one of `secrets` (as UTF-8 bytes), as `{ file, secret }` pairs, and how many
 * files were searched.
 */
export function findSecretsInFiles(folders, secrets) {
  const found = [];
  let searched = 0;
  for (const folder of folders) {
    for (const file of filesUnder(folder)) {
      searched += 1;
      const bytes = readFileSync(file);
      for (const secret of secrets) if (bytes.includes(Buffer.from(secret, 'utf8'))) found.push({ file, secret });
    }
  }
  return { found, searched };
}
