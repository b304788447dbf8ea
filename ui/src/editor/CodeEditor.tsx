// The centre pane: the selected block's source in Monaco, saved automatically as the user types.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { api, asBackendError, type BackendError, type ErrorCode } from '../common/backend';
import { useNotices } from '../common/notices';
import { useConnectionKinds } from '../connections/kinds';
import { takeFirstBlockSource } from '../workspace/firstScreen';
import { findBlock } from '../workspace/model';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { Autosaver, type SaveState } from './autosave';
import { STARTUP_MARKS, isMarked, markStartup } from '../startup';
import { registerBlockCompletions } from './completionProvider';
import { completionScopeFor } from './completionScope';
import { useEditorSession } from './EditorSession';
import { BLOCK_EDITOR_OPTIONS, monaco } from './monaco';
import { RunErrorMarks } from './runErrorMarks';
import { useBreakpointGutter } from '../debug/useBreakpointGutter';

const AUTOSAVE_DELAY_MS = 400;
/** The workspace's error code for a block whose `.js` file is gone from the folder. */
const BLOCK_FILE_MISSING: ErrorCode = 'block_file_missing';

const SAVE_STATE_TEXT: Record<SaveState, string> = {
  saved: 'Saved',
  pending: 'Editing…',
  saving: 'Saving…',
  failed: 'Not saved',
};

function modelUri(workspacePath: string, blockId: string): monaco.Uri {
  return monaco.Uri.from({ scheme: 'blocksmith', path: `/${encodeURIComponent(workspacePath)}/${blockId}.js` });
}

/**
 * Marks the first animation frame in which the editor in `host` has a line of text in its DOM. Monaco renders a new
 * model's lines in an animation frame; a frame callback asked for after that one runs after it, before the paint.
 */
function markWhenLinesRendered(host: HTMLElement | null) {
  if (isMarked(STARTUP_MARKS.editorLinesRendered)) return;
  let framesLeft = 30;
  const check = () => {
    if (host?.querySelector('.view-lines .view-line')) markStartup(STARTUP_MARKS.editorLinesRendered);
    else if (--framesLeft > 0) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

export function CodeEditor() {
  const workspaceState = useWorkspace();
  const { workspace, selectedBlockId, registerBeforeSwitch } = workspaceState;
  const { kinds } = useConnectionKinds();
  const { reportError } = useNotices();
  const session = useEditorSession();
  const hostRef = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [readFailure, setReadFailure] = useState<BackendError | null>(null);
  const [reloadCount, setReloadCount] = useState(0);
  const modelBlockIds = useRef(new WeakMap<monaco.editor.ITextModel, string>());
  useBreakpointGutter(editor, selectedBlockId);

  // Completion asks for the scope on every request; the ref always holds the latest workspace and runs.
  const scopeInputs = useRef(workspaceState);
  scopeInputs.current = workspaceState;
  const kindsRef = useRef(kinds);
  kindsRef.current = kinds;

  const reportErrorRef = useRef(reportError);
  reportErrorRef.current = reportError;

  // One editor for the window's lifetime; blocks swap models in and out of it. Created before the browser paints
  // (a layout effect), so the first frame that shows the pane shows the editor in it.
  const { attach, runShortcut } = session;
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const instance = monaco.editor.create(host, { ...BLOCK_EDITOR_OPTIONS, model: null });
    markStartup(STARTUP_MARKS.editorCreated);
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runShortcut.current?.());
    const marks = new RunErrorMarks(instance);
    const saver = new Autosaver(
      async (blockId, source) => {
        await api.blockSave(blockId, source);
      },
      AUTOSAVE_DELAY_MS,
      (state, error) => {
        setSaveState(state);
        if (state === 'failed') reportErrorRef.current('Your edit could not be saved; it is kept in the editor and saved again every few seconds.', error);
      },
    );
    const contentListener = instance.onDidChangeModelContent(() => {
      const model = instance.getModel();
      const blockId = model ? modelBlockIds.current.get(model) : undefined;
      if (!model || blockId === undefined) return;
      marks.clear();
      saver.schedule(blockId, model.getValue());
    });
    const completions = registerBlockCompletions(() => {
      const current = scopeInputs.current;
      return completionScopeFor(
        current.workspace,
        current.selectedBlockId,
        kindsRef.current,
        current.lastResults,
        current.lastInputs,
      );
    });
    const saveNow = () => void saver.flush();
    const saveWhenHidden = () => document.visibilityState === 'hidden' && saveNow();
    window.addEventListener('pagehide', saveNow);
    document.addEventListener('visibilitychange', saveWhenHidden);
    const unregister = registerBeforeSwitch(() => saver.flush());

    setEditor(instance);
    attach(instance, marks);
    return () => {
      unregister();
      window.removeEventListener('pagehide', saveNow);
      document.removeEventListener('visibilitychange', saveWhenHidden);
      void saver.flush();
      saver.dispose();
      completions.dispose();
      contentListener.dispose();
      attach(null, null);
      instance.dispose();
    };
  }, [attach, runShortcut, registerBeforeSwitch]);

  // Models belong to one workspace: opening another drops them all.
  const workspacePath = workspace?.path ?? null;
  useEffect(() => {
    return () => {
      if (workspacePath === null) return;
      for (const model of monaco.editor.getModels()) {
        if (model.uri.scheme === 'blocksmith') model.dispose();
      }
    };
  }, [workspacePath]);

  // Open the selected block, reading its file the first time. Before the browser paints, so that at start the block
  // read before the app loaded is in the first frame of the editor.
  useLayoutEffect(() => {
    if (!editor || workspacePath === null || selectedBlockId === null) return;
    let cancelled = false;
    const uri = modelUri(workspacePath, selectedBlockId);
    const cached = monaco.editor.getModel(uri);
    session.errorMarks?.clear();
    if (cached) {
      editor.setModel(cached);
      setReadFailure(null);
      return;
    }
    const show = (source: string) => {
      const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(source, 'javascript', uri);
      modelBlockIds.current.set(model, selectedBlockId);
      editor.setModel(model);
      setReadFailure(null);
      setSaveState('saved');
      markStartup(STARTUP_MARKS.editorShowsBlock);
      markWhenLinesRendered(hostRef.current);
    };
    const prefetched = takeFirstBlockSource(workspacePath, selectedBlockId);
    if (prefetched !== null) {
      show(prefetched);
      return;
    }
    api
      .blockRead(selectedBlockId)
      .then((source) => {
        if (!cancelled) show(source);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        editor.setModel(null);
        setReadFailure(asBackendError(error));
      });
    return () => {
      cancelled = true;
    };
  }, [editor, workspacePath, selectedBlockId, session.errorMarks, reloadCount]);

  /** A block whose file was deleted outside the app starts again from an empty file (the manifest keeps it). */
  const recreateMissingFile = async () => {
    if (selectedBlockId === null) return;
    try {
      await api.blockSave(selectedBlockId, '');
      setReloadCount((count) => count + 1);
    } catch (error) {
      reportError('The block file could not be created again.', error);
    }
  };

  const block = workspace ? findBlock(workspace, selectedBlockId) : null;

  return (
    <section className="editor-pane" aria-label="Code">
      <header className="pane-header">
        <h2>
          {block ? block.name : 'No block selected'}
          {block && <span className="badge">{block.kind === 'trigger' ? 'Trigger' : 'Action'}</span>}
        </h2>
        {block && !readFailure && (
          <span className={`save-state save-${saveState}`} data-testid="save-state">
            {SAVE_STATE_TEXT[saveState]}
          </span>
        )}
      </header>
      <div className="editor-body">
        <div className="editor-host" data-testid="editor" ref={hostRef} />
        {readFailure && (
          <div className="editor-overlay" role="alert" data-testid="block-read-error">
            <strong>This block could not be opened.</strong>
            <p>{readFailure.message}</p>
            {readFailure.code === BLOCK_FILE_MISSING && (
              <button type="button" onClick={() => void recreateMissingFile()}>
                Start it again from an empty file
              </button>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
