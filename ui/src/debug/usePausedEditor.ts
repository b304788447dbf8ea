// What the editor shows while a debug run is paused: the paused line highlighted (and scrolled into view), and a
// hover on a name showing its value in the paused frame.
import { useEffect } from 'react';
import { monaco } from '../editor/monaco';

/** Evaluates a name in the paused frame: its value as text, or why not. */
type EvaluateName = (expression: string) => Promise<string>;

export function usePausedEditor(
  editor: monaco.editor.IStandaloneCodeEditor | null,
  pausedLine: number | null,
  evaluate: EvaluateName,
) {
  useEffect(() => {
    if (!editor || pausedLine === null) return;
    const decorations = editor.createDecorationsCollection();
    const mark = () => {
      decorations.set([
        {
          range: new monaco.Range(pausedLine, 1, pausedLine, 1),
          options: {
            isWholeLine: true,
            className: 'debug-paused-line',
            glyphMarginClassName: 'debug-glyph debug-glyph-paused',
          },
        },
      ]);
      editor.revealLineInCenterIfOutsideViewport(pausedLine);
    };
    mark();
    // A flow's debug run opens the paused step's block, whose text may reach the editor after the pause: mark the
    // line again in it.
    const modelChanged = editor.onDidChangeModel(mark);
    return () => {
      modelChanged.dispose();
      decorations.clear();
    };
  }, [editor, pausedLine]);

  useEffect(() => {
    if (!editor || pausedLine === null) return;
    const hover = monaco.languages.registerHoverProvider('javascript', {
      provideHover: async (hovered, position) => {
        // The editor's model now: a flow's debug run may have opened another block since the pause.
        if (hovered !== editor.getModel()) return null;
        const word = hovered.getWordAtPosition(position);
        if (!word) return null;
        try {
          const value = await evaluate(word.word);
          return {
            range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
            contents: [{ value: `\`${word.word}\` = \`${value}\`` }],
          };
        } catch {
          return null;
        }
      },
    });
    return () => hover.dispose();
  }, [editor, pausedLine, evaluate]);
}
