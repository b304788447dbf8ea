// Shares the one Monaco editor between the editor pane and the run panel (source, error marks, Ctrl/Cmd+Enter).
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type MutableRefObject,
  type ReactNode,
} from 'react';
import type { monaco } from './monaco';
import type { RunErrorMarks } from './runErrorMarks';

export interface EditorSession {
  editor: monaco.editor.IStandaloneCodeEditor | null;
  errorMarks: RunErrorMarks | null;
  attach: (editor: monaco.editor.IStandaloneCodeEditor | null, marks: RunErrorMarks | null) => void;
  /** What Ctrl/Cmd+Enter in the editor does; the run panel points it at Run. */
  runShortcut: MutableRefObject<(() => void) | null>;
}

const EditorSessionContext = createContext<EditorSession | null>(null);

export function EditorSessionProvider({ children }: { children: ReactNode }) {
  const [attached, setAttached] = useState<{
    editor: monaco.editor.IStandaloneCodeEditor | null;
    errorMarks: RunErrorMarks | null;
  }>({ editor: null, errorMarks: null });
  const runShortcut = useRef<(() => void) | null>(null);
  // Stable, so the editor pane can attach from an effect without re-running it.
  const attach = useCallback<EditorSession['attach']>(
    (editor, errorMarks) => setAttached({ editor, errorMarks }),
    [],
  );

  const session = useMemo<EditorSession>(() => ({ ...attached, attach, runShortcut }), [attached, attach]);
  return <EditorSessionContext.Provider value={session}>{children}</EditorSessionContext.Provider>;
}

export function useEditorSession(): EditorSession {
  const session = useContext(EditorSessionContext);
  if (!session) throw new Error('useEditorSession must be used inside <EditorSessionProvider>.');
  return session;
}
