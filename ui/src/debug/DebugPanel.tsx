// The Debug view: runs the open block (Debug) or its whole flow (Debug flow) under the debugger with the same
// input as Run and Run flow, and while it is paused shows where (the editor opens the paused step's block and
// highlights the line), the call stack, the variables by scope, watch expressions and a
// console that evaluate in the frame chosen in the call stack (the paused one until another is clicked). Keys as in the editors people know: F5 starts or continues,
// F10 steps over, F11 steps into, Shift+F11 steps out.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { FlowOutcome, JsonValue } from '../common/backend';
import type { ParsedJson } from '../common/json';
import { useNotices } from '../common/notices';
import { useEditorSession } from '../editor/EditorSession';
import { breakpointStore, useBreakpoints } from './breakpointStore';
import type { ExceptionFilters } from './debugApi';
import { DebugSession, IDLE, type DebugSnapshot } from './debugSession';
import { usePausedEditor } from './usePausedEditor';
import { VariablesTree } from './VariablesTree';
import './debug.css';

interface ConsoleEntry {
  expression: string;
  result: string;
  failed: boolean;
}

const STATUS_TEXT: Record<DebugSnapshot['phase'], string> = {
  idle: 'Press Debug (F5) to run this block under the debugger.',
  running: 'Running…',
  paused: 'Paused',
  ended: 'Ended',
};

const REASON_TEXT: Record<string, string> = {
  breakpoint: 'breakpoint',
  step: 'step',
  exception: 'exception',
  entry: 'entry',
  pause: 'paused',
};

interface DebugPanelProps {
  /** The block open in the editor. */
  blockId: string;
  /** The open block's run input, as Run reads it. */
  readInput: () => Promise<ParsedJson>;
  /** The flow the open block belongs to, which Debug flow runs. */
  flow: string | null;
  /** The trigger's payload for Debug flow, as Run flow chooses it (null: the trigger's saved sample). */
  readFlowPayload: () => Promise<JsonValue | null>;
  /** Opens a block in the editor: where a flow's debug run paused. */
  showBlock: (blockId: string) => void;
}

export function DebugPanel({ blockId, readInput, flow, readFlowPayload, showBlock }: DebugPanelProps) {
  const { editor } = useEditorSession();
  const { reportError } = useNotices();
  const breakpoints = useBreakpoints();
  const [state, setState] = useState<DebugSnapshot>(IDLE);
  // One session for the panel's life, not per block: a flow's debug run goes on while the editor opens each step.
  const session = useMemo(() => new DebugSession(setState), []);
  useEffect(() => () => session.dispose(), [session]);
  // Another block opened after a run ended: its result was the other block's.
  useEffect(() => session.clear(), [session, blockId]);
  useEffect(() => {
    breakpointStore.onSaveFailed = (error) => reportError('The breakpoint could not be saved.', error);
    return () => {
      breakpointStore.onSaveFailed = null;
    };
  }, [reportError]);

  const [exceptions, setExceptions] = useState<ExceptionFilters>({ uncaught: false, all: false });
  const [watches, setWatches] = useState<string[]>([]);
  const [consoleEntries, setConsoleEntries] = useState<ConsoleEntry[]>([]);
  const paused = state.phase === 'paused';
  const going = state.phase === 'running' || paused;

  const start = useCallback(async () => {
    const source = editor?.getModel()?.getValue();
    if (source === undefined) return;
    const input = await readInput();
    if (!input.ok) {
      reportError('The block was not debugged: its input is not valid.', new Error(input.message));
      return;
    }
    setConsoleEntries([]);
    await session.start(blockId, source, input.value, { exceptions, stopOnEntry: false });
  }, [editor, readInput, reportError, session, blockId, exceptions]);

  const startFlow = useCallback(async () => {
    if (!flow) return;
    const payload = await readFlowPayload();
    setConsoleEntries([]);
    await session.startFlow(flow, payload, { exceptions, stopOnEntry: false });
  }, [flow, readFlowPayload, session, exceptions]);

  // A flow's run paused in a step whose block is not open: open it, so the paused line shows.
  const pausedBlockId = state.phase === 'paused' ? state.runningBlockId : null;
  useEffect(() => {
    if (pausedBlockId && pausedBlockId !== blockId) showBlock(pausedBlockId);
    // On each pause only (`state.paused` is a new object each time), not when the person opens another block
    // while the run is paused: `blockId` and `showBlock` are left out on purpose.
  }, [pausedBlockId, state.paused]);

  // The keys work wherever the focus is, the editor included.
  const keys = useRef({ start, session, paused, going });
  keys.current = { start, session, paused, going };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { start: begin, session: run, paused: isPaused, going: isGoing } = keys.current;
      const command =
        event.key === 'F5' ? (isGoing ? 'continue' : 'start')
        : event.key === 'F10' ? 'next'
        : event.key === 'F11' ? (event.shiftKey ? 'stepOut' : 'stepIn')
        : null;
      if (!command) return;
      event.preventDefault();
      event.stopPropagation();
      if (command === 'start') void begin();
      else if (isPaused) run.move({ command });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const evaluateText = useCallback(async (expression: string) => (await session.evaluate(expression)).result, [session]);
  const pausedHere = paused && state.runningBlockId === blockId;
  usePausedEditor(editor, pausedHere ? (state.paused?.line ?? null) : null, evaluateText);
  const loadMembers = useCallback((reference: number) => session.variables(reference), [session]);

  const submitConsole = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const field = event.currentTarget.elements.namedItem('expression') as HTMLInputElement;
    const expression = field.value.trim();
    if (!expression) return;
    field.value = '';
    try {
      const result = await evaluateText(expression);
      setConsoleEntries((entries) => [...entries, { expression, result, failed: false }]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setConsoleEntries((entries) => [...entries, { expression, result: message, failed: true }]);
    }
  };

  const addWatch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const field = event.currentTarget.elements.namedItem('watch') as HTMLInputElement;
    const expression = field.value.trim();
    if (expression) setWatches((list) => [...list, expression]);
    field.value = '';
  };

  const inStep = state.target?.kind === 'flow' && state.stepName ? ` in ${state.stepName}` : '';
  const status =
    state.phase === 'paused' && state.paused
      ? `Paused on line ${state.paused.line}${inStep} (${REASON_TEXT[state.paused.reason] ?? state.paused.reason})${state.paused.text ? `: ${state.paused.text}` : ''}`
      : state.phase === 'running' && inStep
        ? `Running${inStep}…`
        : STATUS_TEXT[state.phase];

  return (
    <section className="debug-panel" data-testid="debug-panel" aria-label="Debug">
      <div className="debug-toolbar" role="toolbar" aria-label="Debugger">
        {going ? (
          <button type="button" data-testid="debug-continue" disabled={!paused} onClick={() => session.move({ command: 'continue' })} title="Continue (F5)">
            Continue
          </button>
        ) : (
          <>
            <button type="button" className="primary" data-testid="debug" onClick={() => void start()} title="Debug this block (F5)">
              Debug
            </button>
            {flow && (
              <button type="button" data-testid="debug-flow" onClick={() => void startFlow()} title={`Debug every step of ${flow}, each with its breakpoints`}>
                Debug flow
              </button>
            )}
          </>
        )}
        <button type="button" data-testid="debug-step-over" disabled={!paused} onClick={() => session.move({ command: 'next' })} title="Step over (F10)">
          Step over
        </button>
        <button type="button" data-testid="debug-step-into" disabled={!paused} onClick={() => session.move({ command: 'stepIn' })} title="Step into (F11)">
          Step into
        </button>
        <button type="button" data-testid="debug-step-out" disabled={!paused} onClick={() => session.move({ command: 'stepOut' })} title="Step out (Shift+F11)">
          Step out
        </button>
        <button type="button" data-testid="debug-stop" disabled={!going} onClick={() => session.stop()} title="Stop the debug run">
          Stop
        </button>
        <label title="Pause where an exception that nothing catches is raised">
          <input
            type="checkbox"
            data-testid="debug-pause-uncaught"
            checked={exceptions.uncaught}
            disabled={going}
            onChange={(event) => setExceptions({ ...exceptions, uncaught: event.target.checked })}
          />{' '}
          Uncaught exceptions
        </label>
        <label title="Pause where any exception is raised, caught or not">
          <input
            type="checkbox"
            data-testid="debug-pause-all"
            checked={exceptions.all}
            disabled={going}
            onChange={(event) => setExceptions({ ...exceptions, all: event.target.checked })}
          />{' '}
          All exceptions
        </label>
      </div>
      <p className="debug-status" data-testid="debug-status" data-state={state.phase} aria-live="polite">
        {status}
      </p>

      <details className="debug-section" data-testid="debug-breakpoints">
        <summary>Breakpoints ({breakpoints.length})</summary>
        {breakpoints.length === 0 && <p className="muted">Click in the editor’s gutter, left of a line number, to add one.</p>}
        {breakpoints.map((breakpoint) => (
          <div className="debug-breakpoint-row" key={breakpoint.line} data-testid="debug-breakpoint" data-line={breakpoint.line}>
            <span>Line {breakpoint.line}</span>
            <input
              type="text"
              aria-label={`Condition of the breakpoint on line ${breakpoint.line}`}
              placeholder="Condition (pause when true)"
              defaultValue={breakpoint.condition ?? ''}
              onBlur={(event) => breakpointStore.edit(breakpoint.line, { condition: event.target.value.trim() })}
            />
            <input
              type="text"
              aria-label={`Log message of the breakpoint on line ${breakpoint.line}`}
              placeholder="Log message, {expression} (logpoint)"
              defaultValue={breakpoint.logMessage ?? ''}
              onBlur={(event) => breakpointStore.edit(breakpoint.line, { logMessage: event.target.value.trim() })}
            />
            <button type="button" onClick={() => breakpointStore.toggle(breakpoint.line)} aria-label={`Remove the breakpoint on line ${breakpoint.line}`}>
              ×
            </button>
          </div>
        ))}
      </details>

      {paused && (
        <>
          <section className="debug-section" data-testid="debug-stack" aria-label="Call stack">
            <h3>Call stack</h3>
            <ol className="debug-stack">
              {state.frames.map((frame) => (
                <li key={frame.id} aria-current={frame.id === state.selectedFrame ? 'true' : undefined}>
                  <button type="button" data-testid="debug-frame" onClick={() => void session.selectFrame(frame.id)} title="Show this frame's variables">
                    {frame.name} <span className="muted">line {frame.line}</span>
                  </button>
                </li>
              ))}
            </ol>
          </section>
          <section className="debug-section" data-testid="debug-variables" aria-label="Variables">
            <h3>Variables</h3>
            {state.scopes.map((scope) => (
              <details key={`${state.paused?.line}:${state.selectedFrame}:${scope.name}`} open={scope.name === 'Local'} data-testid="debug-scope" data-scope={scope.name}>
                <summary>{scope.name}</summary>
                <VariablesTree variablesReference={scope.variablesReference} load={loadMembers} />
              </details>
            ))}
          </section>
          <section className="debug-section" data-testid="debug-watch" aria-label="Watch">
            <h3>Watch</h3>
            <ul className="debug-watches">
              {watches.map((expression, index) => (
                <WatchRow
                  key={`${index}:${expression}:${state.paused?.line}:${state.selectedFrame}`}
                  expression={expression}
                  evaluate={evaluateText}
                  onRemove={() => setWatches((list) => list.filter((_, at) => at !== index))}
                />
              ))}
            </ul>
            <form onSubmit={addWatch}>
              <input name="watch" type="text" placeholder="Add an expression to watch" aria-label="Watch expression" data-testid="debug-watch-input" />
            </form>
          </section>
        </>
      )}

      {(paused || consoleEntries.length > 0) && (
        <section className="debug-section" data-testid="debug-console" aria-label="Debug console">
          <h3>Console</h3>
          <ol className="debug-console-lines">
            {consoleEntries.map((entry, index) => (
              <li key={index} className={entry.failed ? 'debug-console-error' : undefined}>
                <code>› {entry.expression}</code>
                <code data-testid="debug-console-result">{entry.result}</code>
              </li>
            ))}
          </ol>
          {paused && (
            <form onSubmit={(event) => void submitConsole(event)}>
              <input name="expression" type="text" placeholder="Evaluate in the paused frame" aria-label="Debug console" data-testid="debug-console-input" />
            </form>
          )}
        </section>
      )}

      {state.logpoints.length > 0 && (
        <section className="debug-section" aria-label="Logpoints">
          <h3>Logpoints</h3>
          <ol className="debug-console-lines" data-testid="debug-logpoints">
            {state.logpoints.map((message, index) => (
              <li key={index}>{message}</li>
            ))}
          </ol>
        </section>
      )}

      {state.phase === 'ended' && (
        <section className="debug-section" data-testid="debug-result" aria-label="Debug run result">
          <h3>{(state.outcome ?? state.flowOutcome)?.ok ? 'Result' : 'Failed'}</h3>
          {state.failure && <p role="alert">{state.failure}</p>}
          {state.outcome && (
            <pre className="debug-result-json">
              {state.outcome.ok
                ? JSON.stringify(state.outcome.result, null, 2)
                : `${state.outcome.error?.name ?? 'Error'}: ${state.outcome.error?.message ?? ''}`}
            </pre>
          )}
          {state.flowOutcome && <FlowDebugResult outcome={state.flowOutcome} />}
        </section>
      )}
    </section>
  );
}

/** A flow's debug run as it ended: each step that ran, and the last one's result or error. */
function FlowDebugResult({ outcome }: { outcome: FlowOutcome }) {
  const last = outcome.steps.at(-1);
  return (
    <>
      <ol className="debug-flow-steps" data-testid="debug-flow-steps">
        {outcome.steps.map((step, index) => (
          <li key={index} data-ok={step.ok}>
            {step.name} <span className="muted">{step.ok ? `${step.durationMs} ms` : 'failed'}</span>
          </li>
        ))}
      </ol>
      {last && (
        <pre className="debug-result-json">
          {last.ok ? JSON.stringify(last.result, null, 2) : `${last.error?.name ?? 'Error'}: ${last.error?.message ?? ''}`}
        </pre>
      )}
    </>
  );
}

function WatchRow({ expression, evaluate, onRemove }: { expression: string; evaluate: (expression: string) => Promise<string>; onRemove: () => void }) {
  const [shown, setShown] = useState('…');
  useEffect(() => {
    let current = true;
    evaluate(expression)
      .then((value) => current && setShown(value))
      .catch((error: unknown) => current && setShown(`<${error instanceof Error ? error.message : String(error)}>`));
    return () => {
      current = false;
    };
  }, [expression, evaluate]);
  return (
    <li data-testid="debug-watch-row">
      <code>{expression}</code> = <code>{shown}</code>{' '}
      <button type="button" onClick={onRemove} aria-label={`Stop watching ${expression}`}>
        ×
      </button>
    </li>
  );
}
