// The open workspace, the selected block, and the last results of runs — shared by every panel.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, asBackendError, type JsonValue, type WorkspaceView } from '../common/backend';
import { useNotices } from '../common/notices';
import { openWorkspace, type OpenedWorkspace } from './firstScreen';
import { defaultSelection, findBlock } from './model';

type BeforeSwitch = () => Promise<void>;

interface WorkspaceState {
  workspace: WorkspaceView | null;
  /** Why the workspace could not be opened, when it could not. */
  loadError: string | null;
  loading: boolean;
  selectedBlockId: string | null;
  select: (blockId: string) => void;
  open: (path: string | null) => Promise<void>;
  /**
   * Runs a command that answers with the updated workspace and shows it. On failure it shows `what` failed and why,
   * keeps the current view, and answers null.
   */
  update: (what: string, command: () => Promise<WorkspaceView>) => Promise<WorkspaceView | null>;
  /** Step results of runs made in this session, by block id: they pre-fill later steps' inputs and completion. */
  lastResults: Record<string, JsonValue>;
  /** The input each block was last run with in this session (a trigger's payload, an action's stepResults). */
  lastInputs: Record<string, JsonValue>;
  recordRun: (blockId: string, input: JsonValue, result: JsonValue | undefined) => void;
  /** Lets the editor save pending edits before the selection or the workspace changes. */
  registerBeforeSwitch: (flush: BeforeSwitch) => () => void;
}

const WorkspaceContext = createContext<WorkspaceState | null>(null);

/** `initial`: the workspace opened before the app loaded (shown from the first render), or null to open the default. */
export function WorkspaceProvider({ initial, children }: { initial: OpenedWorkspace | null; children: ReactNode }) {
  const { reportError } = useNotices();
  const [workspace, setWorkspace] = useState<WorkspaceView | null>(initial?.workspace ?? null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(initial === null);
  const [selectedBlockId, setSelectedBlockId] = useState<string | null>(initial?.selectedBlockId ?? null);
  const [lastResults, setLastResults] = useState<Record<string, JsonValue>>({});
  const [lastInputs, setLastInputs] = useState<Record<string, JsonValue>>({});
  const flushers = useRef(new Set<BeforeSwitch>());

  const flushPending = useCallback(async () => {
    await Promise.all([...flushers.current].map((flush) => flush()));
  }, []);

  const open = useCallback(
    async (path: string | null) => {
      setLoading(true);
      try {
        await flushPending();
        // The workspace is shown with its block already selected, so the list never shows with nothing selected.
        const opened = await openWorkspace(path);
        setWorkspace(opened.workspace);
        setLoadError(null);
        setLastResults({});
        setLastInputs({});
        setSelectedBlockId(opened.selectedBlockId);
      } catch (error) {
        const failure = asBackendError(error);
        if (workspace) reportError('The workspace could not be opened.', failure);
        else setLoadError(failure.message);
      } finally {
        setLoading(false);
      }
    },
    [flushPending, reportError, workspace],
  );

  const openRef = useRef(open);
  openRef.current = open;
  const openedBeforeStart = useRef(initial !== null);
  useEffect(() => {
    if (!openedBeforeStart.current) void openRef.current(null);
  }, []);

  const update = useCallback(
    async (what: string, command: () => Promise<WorkspaceView>) => {
      try {
        // Pending edits are saved first, so a rename or delete never races an autosave of the old block.
        await flushPending();
        const next = await command();
        setWorkspace(next);
        setSelectedBlockId((current) => (findBlock(next, current) ? current : defaultSelection(next)));
        return next;
      } catch (error) {
        reportError(what, error);
        return null;
      }
    },
    [flushPending, reportError],
  );

  const workspacePath = workspace?.path ?? null;
  const select = useCallback(
    (blockId: string) => {
      void flushPending().then(() => setSelectedBlockId(blockId));
      // Selected again at the next start; a failure to remember it costs only that convenience.
      if (workspacePath !== null) void api.lastBlockRemember(workspacePath, blockId).catch(() => undefined);
    },
    [flushPending, workspacePath],
  );

  const recordRun = useCallback((blockId: string, input: JsonValue, result: JsonValue | undefined) => {
    setLastInputs((current) => ({ ...current, [blockId]: input }));
    if (result !== undefined) setLastResults((current) => ({ ...current, [blockId]: result }));
  }, []);

  const registerBeforeSwitch = useCallback((flush: BeforeSwitch) => {
    flushers.current.add(flush);
    return () => {
      flushers.current.delete(flush);
    };
  }, []);

  const value = useMemo<WorkspaceState>(
    () => ({
      workspace,
      loadError,
      loading,
      selectedBlockId,
      select,
      open,
      update,
      lastResults,
      lastInputs,
      recordRun,
      registerBeforeSwitch,
    }),
    [
      workspace,
      loadError,
      loading,
      selectedBlockId,
      select,
      open,
      update,
      lastResults,
      lastInputs,
      recordRun,
      registerBeforeSwitch,
    ],
  );

  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceState {
  const state = useContext(WorkspaceContext);
  if (!state) throw new Error('useWorkspace must be used inside <WorkspaceProvider>.');
  return state;
}
