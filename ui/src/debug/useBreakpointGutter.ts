// The editor's side of breakpoints: a click in the glyph margin toggles one on that line, and each shows there
// as a dot (a diamond for a logpoint, a dot with a mark for a condition). The Debug view edits them.
import { useEffect } from 'react';
import { monaco } from '../editor/monaco';
import { breakpointStore, useBreakpoints } from './breakpointStore';
import type { SavedBreakpoint } from './debugApi';

function glyphClass(breakpoint: SavedBreakpoint): string {
  if (breakpoint.logMessage) return 'debug-glyph debug-glyph-logpoint';
  if (breakpoint.condition) return 'debug-glyph debug-glyph-conditional';
  return 'debug-glyph debug-glyph-breakpoint';
}

function hoverText(breakpoint: SavedBreakpoint): string {
  if (breakpoint.logMessage) return `Logpoint: ${breakpoint.logMessage}`;
  if (breakpoint.condition) return `Breakpoint when ${breakpoint.condition}`;
  return 'Breakpoint (click to remove)';
}

export function useBreakpointGutter(editor: monaco.editor.IStandaloneCodeEditor | null, blockId: string | null) {
  const breakpoints = useBreakpoints();

  useEffect(() => {
    void breakpointStore.open(blockId);
  }, [blockId]);

  useEffect(() => {
    if (!editor) return;
    const clicks = editor.onMouseDown((event) => {
      if (event.target.type !== monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN) return;
      const line = event.target.position?.lineNumber;
      if (line !== undefined) breakpointStore.toggle(line);
    });
    return () => clicks.dispose();
  }, [editor]);

  useEffect(() => {
    if (!editor) return;
    const decorations = editor.createDecorationsCollection();
    const show = () =>
      decorations.set(
        breakpoints.map((breakpoint) => ({
          range: new monaco.Range(breakpoint.line, 1, breakpoint.line, 1),
          options: {
            glyphMarginClassName: glyphClass(breakpoint),
            glyphMarginHoverMessage: { value: hoverText(breakpoint) },
            stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
          },
        })),
      );
    show();
    const modelChange = editor.onDidChangeModel(show);
    return () => {
      modelChange.dispose();
      decorations.clear();
    };
  }, [editor, breakpoints]);
}
