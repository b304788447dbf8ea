// The local webhook listener: turned on beside the flow, its URL (carrying the workspace's token) answers a caller
// with the trigger's response (the seed template's "hello", text/plain), the call shows in the window, the flow's
// path without the token runs nothing, and turning it off closes the port.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshFolders, selectBlock, testIdText, turnOnWebhookListener, withApp } from './harness.mjs';
import { waitFor } from './webdriver.mjs';

test('the webhook listener answers a call with the trigger response and shows the call', async (t) => {
  await withApp(t, freshFolders(t), async ({ session }) => {
    await selectBlock(session, 'Code Block Trigger');
    const url = await turnOnWebhookListener(session);

    const response = await fetch(`${url}/orders?from=e2e`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Test': 'webhook-e2e' },
      body: JSON.stringify({ hello: 'from the end-to-end test' }),
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(await response.text(), 'hello');

    const calls = await waitFor(
      async () => {
        const text = await testIdText(session, 'webhook-calls');
        return text.includes('POST /flow-1/orders → 200') && text;
      },
      { timeoutMs: 15_000, message: 'webhook-calls to list the call' },
    );
    assert.match(calls, /200/);
    assert.ok(!calls.includes(new URL(url).pathname.split('/')[1]), 'the call list does not repeat the token');

    // Without the token the flow's path is not found, and the refusal shows too.
    const guessed = await fetch(`${new URL(url).origin}/flow-1`, { method: 'POST', body: '{}' });
    assert.equal(guessed.status, 404);
    await waitFor(async () => (await testIdText(session, 'webhook-calls')).includes('POST /flow-1 → 404'), {
      timeoutMs: 15_000,
      message: 'webhook-calls to list the refused call',
    });

    // Off: the URL goes away and the port no longer answers.
    await session.click(await session.findByTestId('webhook-toggle'));
    await waitFor(async () => (await session.findAllBy('css selector', '[data-testid="webhook-url"]')).length === 0, {
      timeoutMs: 15_000,
      message: 'webhook-url to disappear when the listener is off',
    });
    await assert.rejects(fetch(url, { method: 'POST', body: '{}' }), 'the port is closed');
  });
});
