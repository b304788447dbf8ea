// Connections in the real app, with a real OS keyring (scripts/e2e.sh runs the suites in one): secrets typed into the
// form are kept only in the keyring — shown masked, revealed only on request, still there after a restart, redacted
// wherever a block logs or returns them, and nowhere in the workspace folder. A connection with a bad input is
// refused at the form and nothing of it is saved.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  MASK,
  REDACTED,
  closeConnectionForm,
  createConnection,
  fillField,
  findSecretsInFiles,
  formProblems,
  listedConnectionNames,
  newConnection,
  openConnection,
  pageHtml,
  revealSecret,
  storedSecretText,
} from './connection-form.mjs';
import { freshFolders, readManifest, repoFile, selectBlock, waitForBlockList, withApp } from './harness.mjs';
import { keyringSecrets } from './keyring.mjs';
import { replaceEditorText, waitForEditor } from './monaco.mjs';
import { waitFor } from './webdriver.mjs';

const USES_CONNECTION_SECRETS = repoFile('tests/e2e/fixtures/uses-connection-secrets.js');

/** The connections the fixture block reads; its source names them. */
const API_KEY_CONNECTION = 'Acme API';
const BASIC_CONNECTION = 'Acme Login';
const USERNAME = 'e2e-operator';

/** How long a run may take to show its result: a cold worker on 2 busy cores. */
const RUN_TIMEOUT_MS = 30_000;

async function assertNotInPage(session, secrets, when) {
  const html = await pageHtml(session);
  for (const secret of secrets) assert.ok(!html.includes(secret), `a secret value is in the window's HTML ${when}`);
}

/**
 * Opens the connection: the stored secret shows masked and its value is nowhere in the page until Reveal, which
 * shows exactly the stored value; closing the form takes it out of the page again.
 */
async function expectStoredSecret(session, connection, inputKey, secret) {
  await openConnection(session, connection);
  assert.equal(await storedSecretText(session, inputKey), MASK, `${connection}’s ${inputKey} shows masked`);
  const replaceField = await session.findByTestId(`connection-field-${inputKey}`);
  assert.equal(await session.property(replaceField, 'value'), '', 'the Replace field starts empty');
  await assertNotInPage(session, [secret], `while ${connection}’s ${inputKey} is masked`);

  assert.equal(await revealSecret(session, inputKey), secret, `Reveal shows ${connection}’s stored ${inputKey}`);
  await closeConnectionForm(session);
  await assertNotInPage(session, [secret], `after ${connection}’s form closed`);
}

async function testIdText(session, testId) {
  return session.text(await session.findByTestId(testId));
}

const SECRETS_STAY_IN_THE_KEYRING =
  'connection secrets stay in the keyring: masked, revealed on request, kept across a restart, redacted from runs, ' +
  'absent from the workspace';

test(SECRETS_STAY_IN_THE_KEYRING, async (t) => {
  const folders = freshFolders(t);
  const apiKey = `acme-api-key-${randomUUID()}`;
  const password = `acme-password-${randomUUID()}`;
  const secrets = [apiKey, password];

  await withApp(t, folders, async (app) => {
    await waitForBlockList(app.session);
    await createConnection(app.session, { kind: 'apikey', name: API_KEY_CONNECTION, fields: { apiKey } });
    await createConnection(app.session, {
      kind: 'basic',
      name: BASIC_CONNECTION,
      fields: { username: USERNAME, password },
    });
    await assertNotInPage(app.session, secrets, 'after both connections were saved');
    const inKeyring = keyringSecrets();
    assert.ok(inKeyring.includes(apiKey), 'the API key is stored in the OS keyring');
    assert.ok(inKeyring.includes(password), 'the password is stored in the OS keyring');

    const manifest = readManifest(folders.workspace);
    assert.deepEqual(
      manifest.connections.map(({ name, kind, inputs }) => ({ name, kind, inputs })),
      [
        { name: API_KEY_CONNECTION, kind: 'apikey', inputs: {} },
        { name: BASIC_CONNECTION, kind: 'basic', inputs: { username: USERNAME } },
      ],
      'the manifest holds each connection’s non-secret inputs only',
    );
    await expectStoredSecret(app.session, API_KEY_CONNECTION, 'apiKey', apiKey);
    await expectStoredSecret(app.session, BASIC_CONNECTION, 'password', password);

    await app.restart();
    await waitForBlockList(app.session);
    await waitFor(async () => (await listedConnectionNames(app.session)).length === 2, {
      timeoutMs: 30_000,
      message: 'both connections to be listed after the restart',
    });
    assert.deepEqual(await listedConnectionNames(app.session), [API_KEY_CONNECTION, BASIC_CONNECTION]);
    // Each row says its secret is stored and how a block reads it.
    const usage = await waitFor(
      async () => {
        const rows = await app.session.executeScript(`
          return [...document.querySelectorAll('[data-testid="connection"]')].map((row) => [
            row.querySelector('[data-testid="connection-secret-state"]')?.textContent ?? null,
            row.querySelector('[data-testid="connection-usage"]').textContent,
          ]);`);
        return rows.every(([state]) => state !== null) && rows;
      },
      { message: 'the connection rows to say whether their secrets are stored' },
    );
    assert.deepEqual(usage, [
      ['secret stored', `configVars["${API_KEY_CONNECTION}"].fields.apiKey`],
      ['secret stored', `configVars["${BASIC_CONNECTION}"].fields.password`],
    ]);
    await expectStoredSecret(app.session, API_KEY_CONNECTION, 'apiKey', apiKey);
    await expectStoredSecret(app.session, BASIC_CONNECTION, 'password', password);

    await selectBlock(app.session, 'Code Block');
    await waitForEditor(app.session);
    await replaceEditorText(app.session, USES_CONNECTION_SECRETS);
    await app.session.click(await app.session.findByTestId('run'));
    const result = await waitFor(
      async () => {
        const shown = await testIdText(app.session, 'result');
        return shown.includes(USERNAME) && shown;
      },
      { timeoutMs: RUN_TIMEOUT_MS, message: `the result panel to show what the block returned (“${USERNAME}”)` },
    );
    const logs = await testIdText(app.session, 'logs');
    assert.ok(
      result.split(REDACTED).length - 1 >= 2,
      `both returned secrets show as ${REDACTED}; the result shows:\n${result}`,
    );
    assert.match(logs, new RegExp(`calling Acme with ${REDACTED}`), 'the logged API key shows redacted');
    assert.match(logs, new RegExp(`signing in as ${USERNAME} with ${REDACTED}`), 'the logged password shows redacted');
    for (const secret of secrets) {
      assert.ok(!result.includes(secret), 'no secret value in the result panel');
      assert.ok(!logs.includes(secret), 'no secret value in the logs');
    }
    await assertNotInPage(app.session, secrets, 'after the run');
  });

  // The app has closed, so everything it recorded is on disk.
  assert.ok(
    existsSync(join(folders.workspace, '.blocksmith', 'history.sqlite')),
    'the run was recorded in .blocksmith/history.sqlite (so the search below covers it)',
  );
  assert.ok(
    findSecretsInFiles([join(folders.workspace, '.blocksmith')], [REDACTED]).found.length > 0,
    `the run history holds the run, with ${REDACTED} in place of the secrets`,
  );
  const { found, searched } = findSecretsInFiles([folders.workspace, folders.configDir], secrets);
  assert.ok(searched > 3, `the workspace and settings folders hold the app's files (${searched} searched)`);
  assert.deepEqual(found, [], 'no secret value in any file of the workspace or settings folder');
});

test('a connection with an invalid Token URL is refused at the form, and nothing is saved', async (t) => {
  const folders = freshFolders(t);
  const clientSecret = `token-service-secret-${randomUUID()}`;

  await withApp(t, folders, async ({ session }) => {
    await waitForBlockList(session);
    const manifestBefore = readManifest(folders.workspace);

    await newConnection(session, 'clientcredentials', 'Token Service');
    await fillField(session, 'tokenUrl', 'localhost:8080/oauth/token');
    await fillField(session, 'clientId', 'blocksmith');
    await fillField(session, 'clientSecret', clientSecret);
    await session.click(await session.findByTestId('connection-save'));

    const problems = await waitFor(
      async () => {
        const shown = await formProblems(session);
        return shown.length > 0 && shown;
      },
      { message: 'the form to say what is wrong' },
    );
    assert.deepEqual(problems, ['Token URL must be an http:// or https:// URL.']);
    const tokenUrl = await session.findByTestId('connection-field-tokenUrl');
    assert.equal(await session.property(tokenUrl, 'ariaInvalid'), 'true', 'the Token URL field is marked invalid');

    assert.deepEqual(await listedConnectionNames(session), [], 'no connection is listed');
    assert.deepEqual(readManifest(folders.workspace), manifestBefore, 'the manifest is unchanged');
    assert.ok(!keyringSecrets().includes(clientSecret), 'the client secret is not in the keyring');
  });
  const { found } = findSecretsInFiles([folders.workspace, folders.configDir], [clientSecret]);
  assert.deepEqual(found, [], 'the typed client secret is in no file');
});

test('a connection named like an existing one is refused at the form, and the existing one is kept', async (t) => {
  const folders = freshFolders(t);
  const firstKey = `first-api-key-${randomUUID()}`;
  const secondKey = `second-api-key-${randomUUID()}`;

  await withApp(t, folders, async ({ session }) => {
    await waitForBlockList(session);
    await createConnection(session, { kind: 'apikey', name: API_KEY_CONNECTION, fields: { apiKey: firstKey } });
    const manifestBefore = readManifest(folders.workspace);

    await newConnection(session, 'apikey', API_KEY_CONNECTION);
    await fillField(session, 'apiKey', secondKey);
    await session.click(await session.findByTestId('connection-save'));
    const problems = await waitFor(
      async () => {
        const shown = await formProblems(session);
        return shown.length > 0 && shown;
      },
      { message: 'the form to say the name is taken' },
    );
    assert.deepEqual(problems, [`A connection or config variable named “${API_KEY_CONNECTION}” exists already.`]);

    assert.deepEqual(await listedConnectionNames(session), [API_KEY_CONNECTION], 'still one connection');
    assert.deepEqual(readManifest(folders.workspace), manifestBefore, 'the manifest is unchanged');
    const inKeyring = keyringSecrets();
    assert.ok(inKeyring.includes(firstKey), 'the existing connection keeps its API key');
    assert.ok(!inKeyring.includes(secondKey), 'the refused API key is not in the keyring');
  });
});
