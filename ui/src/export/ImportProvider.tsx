// Importing a bundle or integration YAML: from the open dialog or a file dropped on the window. A name clash
// imports nothing and asks whether to import renamed copies; a finished import shows what came in.
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { open as openDialog } from '@tauri-apps/plugin-dialog';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, asBackendError } from '../common/backend';
import { useNotices } from '../common/notices';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { IMPORT_FILTERS } from './exportChoices';
import { fileNameOf, firstImportedBlock, summariseImport, type ImportSummary } from './importSummary';

/** An import that stopped on a name clash, waiting for the person to allow renamed copies. */
export interface ClashQuestion {
  path: string;
  /** The app's explanation: which names clash. */
  message: string;
}

interface ImportState {
  importing: boolean;
  /** Whether a file is being dragged over the window. */
  dragging: boolean;
  question: ClashQuestion | null;
  summary: ImportSummary | null;
  chooseAndImport: () => Promise<void>;
  importRenamed: () => Promise<void>;
  cancelQuestion: () => void;
  dismissSummary: () => void;
}

const ImportContext = createContext<ImportState | null>(null);

export function ImportProvider({ children }: { children: ReactNode }) {
  const { workspace, update, select } = useWorkspace();
  const { reportError } = useNotices();
  const [importing, setImporting] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [question, setQuestion] = useState<ClashQuestion | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);

  const importPath = useCallback(
    async (path: string, rename: boolean) => {
      const fileName = fileNameOf(path);
      setImporting(true);
      setQuestion(null);
      setSummary(null);
      try {
        const outcome = await api.importFile(path, rename);
        const shown = await update('The workspace could not be shown after the import.', async () => outcome.workspace);
        setSummary(summariseImport(outcome.report, fileName));
        const first = shown ? firstImportedBlock(shown, outcome.report) : null;
        if (first) select(first);
      } catch (error) {
        const failure = asBackendError(error);
        if (failure.code === 'import_name_clash' && !rename) setQuestion({ path, message: failure.message });
        else reportError(`${fileName} could not be imported.`, failure);
      } finally {
        setImporting(false);
      }
    },
    [update, select, reportError],
  );

  const chooseAndImport = useCallback(async () => {
    let chosen: string | null;
    try {
      chosen = await openDialog({
        title: 'Import a bundle or integration YAML',
        multiple: false,
        filters: IMPORT_FILTERS,
      });
    } catch (error) {
      reportError('The file picker could not be opened.', error);
      return;
    }
    if (chosen) await importPath(chosen, false);
  }, [importPath, reportError]);

  const importRenamed = useCallback(async () => {
    if (question) await importPath(question.path, true);
  }, [question, importPath]);

  // The listener is registered once; it reaches the latest import through a ref.
  const onDrop = useRef<(paths: string[]) => void>(() => undefined);
  onDrop.current = (paths) => {
    const [path, ...more] = paths;
    if (!path) return;
    if (importing) {
      reportError('A file is already being imported.', new Error('Drop the next file when that import is done.'));
      return;
    }
    if (more.length > 0) {
      reportError('Only one file can be imported at a time.', new Error('Drop a single bundle or YAML file.'));
      return;
    }
    void importPath(path, false);
  };

  const hasWorkspace = workspace !== null;
  useEffect(() => {
    // Outside the app (a plain browser) there is no webview to listen to, and no workspace to import into.
    if (!hasWorkspace || !('__TAURI_INTERNALS__' in window)) return;
    let unlisten: (() => void) | null = null;
    let ended = false;
    void getCurrentWebview()
      .onDragDropEvent(({ payload }) => {
        if (payload.type === 'enter' || payload.type === 'over') setDragging(true);
        else setDragging(false);
        if (payload.type === 'drop') onDrop.current(payload.paths);
      })
      .then((stop) => {
        if (ended) stop();
        else unlisten = stop;
      })
      .catch((error: unknown) => reportError('Dropping files on the window will not work.', error));
    return () => {
      ended = true;
      unlisten?.();
    };
  }, [hasWorkspace, reportError]);

  const value = useMemo<ImportState>(
    () => ({
      importing,
      dragging,
      question,
      summary,
      chooseAndImport,
      importRenamed,
      cancelQuestion: () => setQuestion(null),
      dismissSummary: () => setSummary(null),
    }),
    [importing, dragging, question, summary, chooseAndImport, importRenamed],
  );

  return <ImportContext.Provider value={value}>{children}</ImportContext.Provider>;
}

export function useImport(): ImportState {
  const state = useContext(ImportContext);
  if (!state) throw new Error('useImport must be used inside <ImportProvider>.');
  return state;
}
