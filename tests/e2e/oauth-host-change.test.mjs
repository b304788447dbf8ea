// A connection's secrets belong to the hosts they were stored for: editing a saved OAuth connection so that its
// Token URL points to another host, while its client secret is stored, asks before saving. The question names the
// connection and both hosts; Cancel saves nothing, confirming saves and binds the new host.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { createConnection } from './connection-form.mjs';
import { freshFolders, readManifest, waitForBlockList, withApp } from './harness.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const CONNECTION = 'Token Service';
const STORED_FOR = 'https://login.acme.example';
const MOVED_TO = 'https://collector.example';
/** A save goes through the keyring (D-Bus), which is slow on 2 busy cores. */
const SAVE_TIMEOUT_MS = 30_000;

function savedTokenUrl(workspace) {
  return readManifest(workspace).connections.find((connection) => connection.name === CONNECTION)?.inputs.tokenUrl;
}

/** Replaces the Token URL field's text (select all, then type over it) and presses Save. */
async function saveWithTokenUrl(session, tokenUrl) {
  const field = await session.findByTestId('connection-field-tokenUrl');
  await session.click(field);
  await session.pressChord(Keys.CONTROL, 'a');
  await session.typeText(tokenUrl);
  assert.equal(await session.property(field, 'value'), tokenUrl);
  await session.click(await session.findByTestId('connection-save'));
}

test('saving a connection whose Token URL moves to another host asks first: Cancel keeps it, confirming saves it', async (t) => {
  const folders = freshFolders(t);
  await withApp(t, folders, async ({ session }) => {
    await waitForBlockList(session);
    await createConnection(session, {
      kind: 'clientcredentials',
      name: CONNECTION,
      fields: {
        tokenUrl: `${STORED_FOR}/oauth/token`,
        clientId: 'blocksmith',
        clientSecret: `client-secret-${randomUUID()}`,
      },
    });
    await waitFor(() => savedTokenUrl(folders.workspace) === `${STORED_FOR}/oauth/token`, {
      timeoutMs: SAVE_TIMEOUT_MS,
      message: 'the connection in the manifest',
    });

    await saveWithTokenUrl(session, `${MOVED_TO}/oauth/token`);
    const question = await session.findByTestId('host-change');
    const asked = await session.text(question);
    for (const named of [`"${CONNECTION}"`, `stored for ${STORED_FOR}`, `is on ${MOVED_TO}`]) {
      assert.ok(asked.includes(named), `the question names ${named}: ${asked}`);
    }
    await session.click(await session.findByTestId('host-change-cancel'));
    const problem = await session.text(await session.findByTestId('connection-save-problem'));
    assert.match(problem, /Not saved/);
    assert.equal(savedTokenUrl(folders.workspace), `${STORED_FOR}/oauth/token`, 'Cancel saved nothing');

    await session.click(await session.findByTestId('connection-save'));
    await session.findByTestId('host-change');
    await session.click(await session.findByTestId('host-change-confirm'));
    await waitFor(() => savedTokenUrl(folders.workspace) === `${MOVED_TO}/oauth/token`, {
      timeoutMs: SAVE_TIMEOUT_MS,
      message: 'the confirmed Token URL in the manifest',
    });
  });
});
