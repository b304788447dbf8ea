// Two texts side by side in Monaco's diff editor, read-only: changed lines and characters are marked on both sides,
// and only the lines in view are in the DOM, so a long block or a large result compares as smoothly as a short one.
import { useEffect, useRef } from 'react';
import { monaco } from '../editor/monaco';

interface Props {
  older: string;
  newer: string;
  /** Monaco's language for both sides, e.g. `javascript` for code, `plaintext` for JSON and logs. */
  language: string;
  testId: string;
  label: string;
}

export function TextDiffView({ older, newer, language, testId, label }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const original = monaco.editor.createModel(older, language);
    const modified = monaco.editor.createModel(newer, language);
    const editor = monaco.editor.createDiffEditor(host, {
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      // Side by side even in a narrow window: the comparison is what this view is for.
      useInlineViewWhenSpaceIsLimited: false,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12,
      ariaLabel: label,
    });
    editor.setModel({ original, modified });
    return () => {
      editor.dispose();
      original.dispose();
      modified.dispose();
    };
  }, [older, newer, language, label]);

  return <div ref={hostRef} className="text-diff-view" data-testid={testId} />;
}
