// Helpers of the e2e tests of test cases (block-tests, flow-tests): a real local HTTP server for the blocks to fetch
// from, and the run panel's History and Tests sections as a person uses them.
import { createServer } from 'node:http';
import { waitFor } from './webdriver.mjs';

/** The orders the local server lists. */
export const ORDERS = [
  { id: 'o-17', total: 3 },
  { id: 'o-18', total: 4 },
];

/** A local HTTP server answering `GET /orders` with ORDERS, counting the requests it answered. */
export async function startOrdersServer(t) {
  const server = createServer((request, response) => {
    server.answered += 1;
    const found = request.url.startsWith('/orders');
    response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    response.end(found ? JSON.stringify(ORDERS) : '{}');
  });
  server.answered = 0;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  return server;
}

export function stopServer(server) {
  return new Promise((resolve) => server.close(resolve));
}

/** Shows the run panel's tab `id` (History, Tests), then opens its collapsed section (`<details>`) if it is not. */
export async function openSection(session, id) {
  await session.click(await session.findByTestId(`run-tab-${id}`));
  const section = await session.findByTestId(id);
  if ((await session.property(section, 'tagName')) === 'DETAILS' && !(await session.property(section, 'open'))) {
    await session.click(await session.find(`[data-testid="${id}"] > summary`));
  }
}

/** The CSS selector of the listed case `caseId`, or of the first listed case when it is not given. */
export function caseSelector(caseId) {
  return caseId === undefined ? '[data-testid="test-case"]' : `[data-testid="test-case"][data-case-id="${caseId}"]`;
}

/** Waits until the listed case (the first, or `caseId`) has the status `expected`: `passed`, `failed` or `updated`. */
export async function caseStatus(session, expected, caseId) {
  return waitFor(
    async () => {
      const status = await session.executeScript(
        'return document.querySelector(arguments[0])?.dataset.status ?? null;',
        [caseSelector(caseId)],
      );
      return status === expected && status;
    },
    { timeoutMs: 30_000, message: `the test case ${caseId ?? ''} to be ${expected}` },
  );
}

export async function runAllCases(session) {
  await openSection(session, 'tests');
  await session.click(await session.findByTestId('tests-run-all'));
}

/** Names the case in the open "Save as test" form and records it. */
export async function nameAndSaveCase(session, name) {
  await session.click(await session.findByTestId('save-as-test-name'));
  await session.typeText(name);
  await session.click(await session.findByTestId('save-as-test-confirm'));
}
