// Squiggles syntax errors in every JavaScript model as the user types. The parser is loaded on first use, after the
// editor is on screen, so it costs the window's start nothing.
import type * as Monaco from 'monaco-editor/editor';

const MARKER_OWNER = 'blocksmith-syntax';
/** Typing pauses shorter than this do not re-check: a half-typed word is not worth a squiggle. */
const CHECK_DELAY_MS = 300;

type MonacoApi = typeof Monaco;

let checker: Promise<typeof import('./syntaxCheck')> | null = null;
const loadChecker = () => (checker ??= import('./syntaxCheck'));

function watchModel(monaco: MonacoApi, model: Monaco.editor.ITextModel): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checked = -1;
  const check = async () => {
    const version = model.getVersionId();
    if (model.isDisposed() || version === checked || model.getLanguageId() !== 'javascript') return;
    const { syntaxProblems } = await loadChecker();
    // The text may have moved on while the parser loaded: the next scheduled check marks it.
    if (model.isDisposed() || model.getVersionId() !== version) return;
    checked = version;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      syntaxProblems(model.getValue()).map((problem) => {
        const line = Math.min(problem.line, model.getLineCount());
        const column = Math.min(problem.column, model.getLineMaxColumn(line));
        // Mark the word at the error (or one character) so the squiggle is visible even at the end of a line.
        const word = model.getWordAtPosition({ lineNumber: line, column });
        return {
          severity: monaco.MarkerSeverity.Error,
          message: problem.message,
          source: 'syntax',
          startLineNumber: line,
          startColumn: word ? word.startColumn : column,
          endLineNumber: line,
          endColumn: word ? word.endColumn : column + 1,
        };
      }),
    );
  };
  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), delay);
  };
  const changes = model.onDidChangeContent(() => schedule(CHECK_DELAY_MS));
  const language = model.onDidChangeLanguage(() => schedule(CHECK_DELAY_MS));
  model.onWillDispose(() => {
    clearTimeout(timer);
    changes.dispose();
    language.dispose();
  });
  schedule(CHECK_DELAY_MS);
}

/** Checks every model Monaco creates from now on; call once, when Monaco is set up. */
export function watchSyntax(monaco: MonacoApi): void {
  for (const model of monaco.editor.getModels()) watchModel(monaco, model);
  monaco.editor.onDidCreateModel((model) => watchModel(monaco, model));
}
