// Reads and drives the Monaco editor inside `[data-testid="editor"]` through `window.monaco`, which debug builds of
// the app expose. Text the user would type goes in as real key presses (see `typeIntoEditor`); the API is for
// reading state and for placing the cursor, which has no reliable key-only equivalent.
import { waitFor } from './webdriver.mjs';

/** Page-side lookup of the editor instance hosted by the `editor` test id, shared by every script below. */
const FIND_EDITOR = `
  const host = document.querySelector('[data-testid="editor"]');
  const editor = host && window.monaco
    ? window.monaco.editor.getEditors().find((candidate) => host.contains(candidate.getContainerDomNode()))
    : undefined;
`;

/** Waits for the editor to be on screen, i.e. Monaco has rendered its lines. */
export async function waitForEditor(session, { timeoutMs = 30_000 } = {}) {
  try {
    await waitFor(
      () =>
        session.executeScript(`${FIND_EDITOR}
          const lines = host && host.querySelector('.view-lines');
          return Boolean(editor && lines && lines.offsetHeight > 0);`),
      { timeoutMs, message: 'the Monaco editor to render inside [data-testid="editor"]' },
    );
  } catch (error) {
    if (!(await session.executeScript('return Boolean(window.monaco);'))) {
      error.message +=
        '\nwindow.monaco is missing: the front end was built for production. Build it as a debug build' +
        ' (`TAURI_ENV_DEBUG=true npm run ui:build`; `tauri build --debug` sets this itself).';
    }
    throw error;
  }
}

/** The text in the editor, or null while there is no editor. */
export function editorValue(session) {
  return session.executeScript(`${FIND_EDITOR} return editor ? editor.getValue() : null;`);
}

/** Waits until the editor holds exactly `expected`; returns it. On timeout the message shows what it held. */
export async function waitForEditorValue(session, expected, { timeoutMs = 10_000 } = {}) {
  let last = null;
  try {
    await waitFor(
      async () => {
        last = await editorValue(session);
        return last === expected;
      },
      { timeoutMs, message: 'the editor to hold the expected text' },
    );
  } catch (error) {
    error.message += `\nexpected: ${JSON.stringify(expected)}\nactual:   ${JSON.stringify(last)}`;
    throw error;
  }
}

/** Focuses the editor the way a person does (a click on its text), then moves the cursor to `lineNumber:column`. */
export async function placeCursor(session, lineNumber, column) {
  await session.click(await session.waitForElement('[data-testid="editor"] .monaco-editor .view-lines'));
  await session.executeScript(
    `${FIND_EDITOR} editor.setPosition({ lineNumber: arguments[0], column: arguments[1] }); editor.focus();`,
    [lineNumber, column],
  );
}

/** Where a new line can be typed after the last line of the editor's text. */
export async function endOfText(session) {
  return session.executeScript(`${FIND_EDITOR}
    const model = editor.getModel();
    const lineNumber = model.getLineCount();
    return { lineNumber, column: model.getLineMaxColumn(lineNumber) };`);
}

/**
 * Replaces the whole text through Monaco's edit API, as a paste would: the app sees an ordinary content change.
 * For long programs, where typing key by key would only test Monaco's auto-closing of brackets.
 */
export async function replaceEditorText(session, text) {
  await session.executeScript(
    `${FIND_EDITOR}
     const model = editor.getModel();
     editor.pushUndoStop();
     editor.executeEdits('e2e', [{ range: model.getFullModelRange(), text: arguments[0] }]);
     editor.pushUndoStop();`,
    [text],
  );
}

/** The markers (errors, warnings) Monaco shows on the editor's text. */
export function editorMarkers(session) {
  return session.executeScript(`${FIND_EDITOR}
    const uri = editor.getModel().uri;
    return window.monaco.editor.getModelMarkers({ resource: uri }).map((marker) => ({
      severity: marker.severity,
      message: marker.message,
      startLineNumber: marker.startLineNumber,
      owner: marker.owner,
    }));`);
}

/** Monaco's severity of an error marker (`monaco.MarkerSeverity.Error`). */
export const MARKER_ERROR = 8;
