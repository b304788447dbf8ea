// Marks the line a failed run points at: a squiggle (model marker) and a gutter mark, until the next run or edit.
import type { RunError } from '../common/backend';
import { monaco } from './monaco';

const MARKER_OWNER = 'blocksmith-run';

export class RunErrorMarks {
  private readonly decorations: monaco.editor.IEditorDecorationsCollection;

  constructor(private readonly editor: monaco.editor.IStandaloneCodeEditor) {
    this.decorations = editor.createDecorationsCollection();
  }

  show(error: RunError): void {
    const model = this.editor.getModel();
    if (!model || error.line === null || error.line < 1 || error.line > model.getLineCount()) return;
    const line = error.line;
    const startColumn = Math.min(Math.max(error.column ?? 1, 1), model.getLineMaxColumn(line));
    const endColumn = Math.max(model.getLineMaxColumn(line), startColumn + 1);
    monaco.editor.setModelMarkers(model, MARKER_OWNER, [
      {
        severity: monaco.MarkerSeverity.Error,
        message: `${error.name}: ${error.message}`,
        startLineNumber: line,
        startColumn,
        endLineNumber: line,
        endColumn,
      },
    ]);
    this.decorations.set([
      {
        range: new monaco.Range(line, 1, line, 1),
        options: {
          isWholeLine: true,
          className: 'run-error-line',
          glyphMarginClassName: 'run-error-glyph',
          glyphMarginHoverMessage: { value: `${error.name}: ${error.message}` },
        },
      },
    ]);
    this.editor.revealLineInCenterIfOutsideViewport(line);
  }

  clear(): void {
    for (const model of monaco.editor.getModels()) monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
    this.decorations.clear();
  }
}
