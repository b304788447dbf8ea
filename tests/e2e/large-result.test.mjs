// A block that returns 20,000 small objects (about 11 MB of JSON) must not freeze the window: the result paints
// soon after the block ends (and after the run's reply), only the rows in view are in the DOM, the window keeps
// answering, the web process stays small, search finds a node deep in a collapsed part, Copy path copies it, Raw
// JSON opens, and the next step's stepResults shows a summary rather than megabytes of text. The figures are
// printed for the README.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  appBinary,
  blockFile,
  findBlockItem,
  freshFolders,
  readManifest,
  repoFile,
  selectBlock,
  waitForBlockList,
  windowText,
  withApp,
} from './harness.mjs';
import { memoryKib } from './processes.mjs';
import { waitForEditor } from './monaco.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const LARGE_BLOCK = repoFile('tests/e2e/fixtures/twenty-thousand-customers.js');
const ITEMS = 20_000;
const NEXT_STEP = 'Next Step';

/** From the run's reply arriving in the window to the result's first paint. */
const REPLY_TO_PAINT_MAX_MS = 500;
/** The app under test is a release build (the suite's own is the debug build). */
const RELEASE_APP = /[/\\]release[/\\]/.test(appBinary());
/**
 * From the block's end to the result's first paint: the Run click to the paint, less the block's own duration as
 * the run reports it. So it also counts the run's start (the request's way to the worker), and bounds from above the
 * way back: the worker's reply, the session, the IPC and the window. The goal is 500 ms. The debug build does not
 * reach it (1–2.4 s: serde_json decodes the 11 MB reply at opt-level 0, and the IPC and the page's JSON.parse take
 * most of a second; README, "Large results"), so there the bound guards against the result crossing twice or being
 * parsed on its way again (5.5 s and more).
 */
const BLOCK_END_TO_PAINT_MAX_MS = RELEASE_APP ? 500 : 4000;
/** Growth of the window's web process while the result arrives and is shown. */
const MEMORY_GROWTH_MAX_MB = 200;
/** The longest the window may go without painting a frame from Run to the painted result: it keeps answering. */
const FRAME_GAP_MAX_MS = 1000;
/** From a click on another block to that block's editor and its stepResults summary. */
const OTHER_BLOCK_RESPONDS_WITHIN_MS = 2000;
/** A virtual list keeps about a view's worth of rows (plus a few beyond each edge) in the DOM. */
const MAX_ROWS_IN_DOM = 60;

/** Adds an action after the template's "Code Block", so that block's result becomes its stepResults. */
function addNextStep(workspace) {
  const manifest = readManifest(workspace);
  manifest.blocks.push({ id: 'next-step', name: NEXT_STEP, kind: 'action' });
  manifest.flows[0].steps.push('next-step');
  writeFileSync(join(workspace, 'blocksmith.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(workspace, 'blocks', 'next-step.js'), 'module.exports = async (context, stepResults) => ({ data: 1 });\n');
}

/**
 * Page-side probe of one run: when Run was clicked, when the run's reply arrived (the app marks it with User
 * Timing), when the result's first row was painted, and the longest gap between two painted frames.
 */
const INSTALL_PROBE = `
  performance.clearMarks('blocksmith:run-reply');
  const probe = { clickAt: null, shownAt: null, paintedAt: null, maxFrameGapMs: 0 };
  window.__largeResultProbe = probe;
  document.querySelector('[data-testid="run"]').addEventListener(
    'click', () => { probe.clickAt = performance.now(); }, { capture: true, once: true });
  let lastFrame = performance.now();
  const frame = (now) => {
    if (probe.clickAt !== null) probe.maxFrameGapMs = Math.max(probe.maxFrameGapMs, now - lastFrame);
    lastFrame = now;
    if (probe.paintedAt === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const observer = new MutationObserver(() => {
    const row = document.querySelector('[data-testid="result"] [data-testid="json-row"]');
    if (probe.shownAt !== null || !row || !row.textContent.includes('${ITEMS} items')) return;
    probe.shownAt = performance.now();
    observer.disconnect();
    // The frame that shows the row is painted right after this animation frame's callbacks.
    requestAnimationFrame(() => setTimeout(() => { probe.paintedAt = performance.now(); }, 0));
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
`;

/** The probe once the result is painted, with the reply's mark: when it came and the block's own duration. */
const READ_PROBE = `
  const probe = window.__largeResultProbe;
  const [reply] = performance.getEntriesByName('blocksmith:run-reply');
  return probe.paintedAt !== null && reply
    ? { ...probe, replyAt: reply.startTime, durationMs: reply.detail.durationMs }
    : false;
`;

/** The window's WebKit web process: the app's largest one (WebKitWebProcess, cut to 15 characters in /proc). */
function webProcessPid(app) {
  const candidates = app.driver
    .processes()
    .filter((proc) => proc.name.startsWith('WebKitWebProces'))
    .map((proc) => ({ pid: proc.pid, rssKib: memoryKib(proc.pid)?.rssKib ?? 0 }))
    .sort((a, b) => b.rssKib - a.rssKib);
  assert.ok(candidates.length > 0, 'the app has a WebKit web process');
  return candidates[0].pid;
}

/** Samples a process's RSS every 100 ms until stopped; answers the peak in MB. */
function sampleRss(pid) {
  let peakKib = memoryKib(pid)?.rssKib ?? 0;
  const timer = setInterval(() => {
    peakKib = Math.max(peakKib, memoryKib(pid)?.rssKib ?? 0);
  }, 100);
  return () => {
    clearInterval(timer);
    return Math.max(peakKib, memoryKib(pid)?.rssKib ?? 0) / 1024;
  };
}

const rowsInResult = (session) =>
  session.executeScript(`return document.querySelectorAll('[data-testid="result"] [data-testid="json-row"]').length;`);

const resultRowTexts = (session) =>
  session.executeScript(
    `return [...document.querySelectorAll('[data-testid="result"] [data-testid="json-row"]')].map((row) => row.textContent);`,
  );

test('a block returning 20,000 objects paints its result at once, and the window keeps answering', async (t) => {
  const folders = freshFolders(t);
  await withApp(t, folders, async (app) => {
    await waitForBlockList(app.session);
    await app.stop();
    addNextStep(folders.workspace);
    writeFileSync(blockFile(folders.workspace, 'Code Block'), LARGE_BLOCK);
    await app.start();
    const { session } = app;
    await waitForBlockList(session);
    await selectBlock(session, 'Code Block');
    await waitForEditor(session);

    const webProcess = webProcessPid(app);
    const baselineMb = (memoryKib(webProcess)?.rssKib ?? 0) / 1024;
    await session.executeScript(INSTALL_PROBE);
    const stopSampling = sampleRss(webProcess);
    await session.click(await session.findByTestId('run'));
    const probe = await waitFor(
      () => session.executeScript(READ_PROBE),
      { timeoutMs: 180_000, intervalMs: 200, message: 'the result of 20,000 objects to be painted' },
    );
    const peakMb = stopSampling();
    const figures = {
      blockMs: probe.durationMs,
      clickToReplyMs: Math.round(probe.replyAt - probe.clickAt),
      replyToPaintMs: Math.round(probe.paintedAt - probe.replyAt),
      blockEndToPaintMs: Math.round(probe.paintedAt - probe.clickAt - probe.durationMs),
      maxFrameGapMs: Math.round(probe.maxFrameGapMs),
      webProcessBaselineMb: Math.round(baselineMb),
      webProcessGrowthMb: Math.round(peakMb - baselineMb),
    };
    t.diagnostic(`large result: ${JSON.stringify(figures)}`);
    assert.match(await session.text(await session.findByTestId('run-status')), /succeeded/i);
    assert.ok(
      figures.replyToPaintMs <= REPLY_TO_PAINT_MAX_MS,
      `the result paints within ${REPLY_TO_PAINT_MAX_MS} ms of the reply: ${JSON.stringify(figures)}`,
    );
    assert.ok(
      figures.blockEndToPaintMs <= BLOCK_END_TO_PAINT_MAX_MS,
      `the result paints within ${BLOCK_END_TO_PAINT_MAX_MS} ms of the block's end: ${JSON.stringify(figures)}`,
    );
    assert.ok(
      figures.maxFrameGapMs <= FRAME_GAP_MAX_MS,
      `the window paints at least every ${FRAME_GAP_MAX_MS} ms: ${JSON.stringify(figures)}`,
    );
    assert.ok(
      figures.webProcessGrowthMb <= MEMORY_GROWTH_MAX_MB,
      `the web process grows by at most ${MEMORY_GROWTH_MAX_MB} MB: ${JSON.stringify(figures)}`,
    );

    // Only the rows in view are in the DOM; the root lists its 20,000 items collapsed.
    const rows = await resultRowTexts(session);
    assert.ok(rows.length <= MAX_ROWS_IN_DOM, `at most ${MAX_ROWS_IN_DOM} rows in the DOM, not ${rows.length}`);
    assert.match(rows[0], new RegExp(`\\[${ITEMS} items\\]`));
    assert.match(rows[1], /^▸\s*0: \{7 keys\}/, `the first item is collapsed: ${rows[1]}`);

    // Expanding an item lists its entries under it, and only then.
    await session.click((await session.findAllByXPath('//*[@data-testid="result"]//*[@data-testid="json-toggle"]'))[1]);
    await waitFor(async () => (await resultRowTexts(session)).some((text) => text.includes('email: "customer0@example.com"')), {
      message: 'the expanded item to show its entries',
    });
    assert.ok((await rowsInResult(session)) <= MAX_ROWS_IN_DOM, 'expanding keeps the DOM to the rows in view');

    // Search finds a node in a collapsed item at the far end and reveals it.
    const search = await session.findByTestId('json-search');
    const searchStartedAt = Date.now();
    await session.click(search);
    await session.typeText('customer 19999');
    await waitFor(async () => /1 of 2/.test(await session.text(await session.findByTestId('json-search-count'))), {
      message: 'the search to count its matches (the name and the note of customer 19999)',
    });
    const revealed = await waitFor(
      async () => {
        const [row] = await session.findAllByXPath(
          '//*[@data-testid="result"]//*[@data-testid="json-row" and contains(@class, "current")]',
        );
        return row && (await session.text(row)).includes('name: "customer 19999"') && row;
      },
      { message: 'the first match to be revealed, selected and scrolled into view' },
    );
    t.diagnostic(`search and reveal: ${Date.now() - searchStartedAt} ms (typing included)`);

    // Copy path on the revealed node; pasting shows what the clipboard holds.
    await session.click(await session.findByTestId('json-copy-path'));
    await waitFor(async () => (await windowText(session)).includes('Copied result[19999].name.'), {
      message: 'the notice that the path was copied',
    });
    await session.click(search);
    await session.pressChord(Keys.CONTROL, 'a');
    await session.pressChord(Keys.CONTROL, 'v');
    await waitFor(async () => (await session.property(search, 'value')) === 'result[19999].name', {
      message: 'the pasted text to be the node’s path',
    });
    assert.ok(revealed);

    // Raw JSON opens in a read-only Monaco editor, which keeps only the lines in view in the DOM.
    const rawStartedAt = Date.now();
    const stopRawSampling = sampleRss(webProcess);
    await session.click(await session.findByTestId('raw-toggle'));
    await waitFor(
      () =>
        session.executeScript(
          `const lines = document.querySelector('[data-testid="result-raw"] .view-lines');
           return Boolean(lines && lines.textContent.replace(/\u00a0/g, ' ').includes('"id": 0'));`,
        ),
      { timeoutMs: 60_000, message: 'Raw JSON to show the result in Monaco' },
    );
    const rawMs = Date.now() - rawStartedAt;
    const rawPeakGrowthMb = Math.round(stopRawSampling() - baselineMb);
    t.diagnostic(`raw JSON: ${JSON.stringify({ rawMs, webProcessGrowthWithRawMb: rawPeakGrowthMb })}`);
    assert.equal(
      await session.executeScript(
        `const host = document.querySelector('[data-testid="result-raw"]');
         const editor = window.monaco.editor.getEditors().find((candidate) => host.contains(candidate.getContainerDomNode()));
         return editor.getRawOptions().readOnly;`,
      ),
      true,
      'Raw JSON is read-only',
    );
    await session.click(await session.findByTestId('raw-toggle'));

    // A click on another block answers at once; its stepResults holds the 20,000 items as a summary with Open.
    const clickedAt = Date.now();
    await session.click(await findBlockItem(session, NEXT_STEP));
    const summary = await waitFor(
      async () => {
        const [shown] = await session.findAllByXPath('//*[@data-testid="step-results-input-summary"]');
        if (shown) await session.showTabOf(shown); // It is on the Input tab.
        return shown && (await session.text(shown));
      },
      { timeoutMs: 30_000, message: 'the next step’s stepResults summary' },
    );
    const otherBlockMs = Date.now() - clickedAt;
    t.diagnostic(`another block with its stepResults summary: ${otherBlockMs} ms`);
    assert.match(summary, /MB of JSON: .*codeBlock\.results \(20,000 items\)/);
    assert.ok(otherBlockMs <= OTHER_BLOCK_RESPONDS_WITHIN_MS, `the other block shows within ${OTHER_BLOCK_RESPONDS_WITHIN_MS} ms: ${otherBlockMs}`);
    assert.equal((await session.findAllByXPath('//*[@data-testid="step-results-input"]')).length, 0, 'no textarea of megabytes');

    await session.click(await session.findByTestId('step-results-input-open'));
    await waitFor(
      () =>
        session.executeScript(
          `const lines = document.querySelector('[data-testid="step-results-input-editor"] .view-lines');
           return Boolean(lines && lines.textContent.includes('"codeBlock"'));`,
        ),
      { timeoutMs: 30_000, message: 'Open to show the stepResults in an editor' },
    );
  });
});
