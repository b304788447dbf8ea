// What the debugger's e2e tests do as a person would: click the editor's gutter, wait for a pause on a line, and
// read the Local variables as the Debug view shows them.
import assert from 'node:assert/strict';
import { testIdText } from './harness.mjs';
import { elementArgument, waitFor } from './webdriver.mjs';

/** Clicks the editor's glyph margin beside `lineNumber`, where a person clicks to set a breakpoint. */
export async function clickGutter(session, lineNumber) {
  const host = await session.find('[data-testid="editor"]');
  const offset = await session.executeScript(
    `const host = arguments[0];
     const editor = window.monaco.editor.getEditors().find((candidate) => host.contains(candidate.getContainerDomNode()));
     const layout = editor.getLayoutInfo();
     const top = editor.getTopForLineNumber(arguments[1]) - editor.getScrollTop();
     const rect = host.getBoundingClientRect();
     return {
       x: Math.round(layout.glyphMarginLeft + layout.glyphMarginWidth / 2 - rect.width / 2),
       y: Math.round(top + editor.getOption(window.monaco.editor.EditorOption.lineHeight) / 2 - rect.height / 2),
     };`,
    [elementArgument(host), lineNumber],
  );
  const origin = elementArgument(host);
  await session.performMouseActions([
    { type: 'pointerMove', duration: 0, origin, x: offset.x, y: offset.y },
    { type: 'pointerDown', button: 0 },
    { type: 'pointerUp', button: 0 },
  ]);
}

/** The lines the editor marks as paused (the highlighted line's number), as Monaco holds its decorations. */
export function pausedLines(session) {
  return session.executeScript(`
    const host = document.querySelector('[data-testid="editor"]');
    const editor = window.monaco.editor.getEditors().find((candidate) => host.contains(candidate.getContainerDomNode()));
    return editor.getModel().getAllDecorations()
      .filter((decoration) => decoration.options.className === 'debug-paused-line')
      .map((decoration) => decoration.range.startLineNumber);`);
}

export async function waitForPauseOn(session, line) {
  await waitFor(
    async () => (await testIdText(session, 'debug-status')).startsWith(`Paused on line ${line}`),
    { timeoutMs: 30_000, message: `the debugger to pause on line ${line}` },
  );
  // In a flow, the editor opens the paused step's block just after the status changes: the highlight follows.
  const highlighted = await waitFor(
    async () => {
      const lines = await pausedLines(session);
      return lines.length > 0 && lines;
    },
    { timeoutMs: 5_000, message: `the paused line ${line} to be highlighted` },
  );
  assert.deepEqual(highlighted, [line], 'only the paused line is highlighted');
}

/** The Local scope's variables as `name → value` text, as the Variables section shows them. */
export async function locals(session) {
  return waitFor(
    async () => {
      const shown = await session.executeScript(`
        const rows = document.querySelectorAll('[data-scope="Local"] > .debug-tree > [data-testid="debug-variable"]');
        return Object.fromEntries([...rows].map((row) => [
          row.dataset.name,
          row.querySelector('[data-testid="debug-variable-value"]').textContent,
        ]));`);
      return Object.keys(shown).length > 0 && shown;
    },
    { message: 'the Local variables' },
  );
}

/** Waits for the Debug view's result section, once the run has ended; its text. */
export function debugResult(session) {
  return waitFor(
    async () => {
      const found = await session.findAll('[data-testid="debug-result"]');
      return found.length > 0 && session.text(found[0]);
    },
    { timeoutMs: 30_000, message: 'the debug run result' },
  );
}
