// The run panel: the selected block's inputs, Run/Stop, and what the run produced — or, after Run flow, the flow
// run as its own view in place of the block's.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type FlowOutcome, type JsonValue, type RunEntry } from '../common/backend';
import { PlayIcon, StopIcon } from '../common/icons';
import { useNotices } from '../common/notices';
import { parseJsonInput } from '../common/json';
import { useEditorSession } from '../editor/EditorSession';
import { StatePanel } from '../execution-state/StatePanel';
import { findBlock, flowOfBlock } from '../workspace/model';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { DebugResultsView } from './DebugResultsView';
import { ErrorView } from './ErrorView';
import { FlowRunView } from './FlowRunView';
import { HistoryPanel } from './HistoryPanel';
import { LogsView } from './LogsView';
import { PayloadEditor } from './PayloadEditor';
import { lastRecordedRun, recordedInput, recordedOutcome } from './recordedRun';
import type { HistoryTarget } from './runLinks';
import { ResultView } from './ResultView';
import { RunStatus } from './RunStatus';
import { StepResultsInput } from './StepResultsInput';
import { errorBadge, logCountBadge, tabForRun } from './runTabs';
import { TabbedPanels, type TabbedPanel } from './TabbedPanels';
import { TimeLimitField } from './TimeLimitField';
import { useBlockRun } from './useBlockRun';
import { useFlowRun } from './useFlowRun';
import { useRememberedTab } from './useRememberedTab';
import { useRunInput } from './useRunInput';
import { WebhookPanel } from '../webhook/WebhookPanel';
import { DebugPanel } from '../debug/DebugPanel';
import { TestsPanel } from '../tests/TestsPanel';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);
const RESULT_TAB = 'result';
const LOGS_TAB = 'logs';
const HISTORY_TAB = 'history';
/** The tabs showing a run's output: a Run keeps the panel on these, and moves it there from the others. */
const OUTPUT_TABS = [RESULT_TAB, LOGS_TAB];

export function RunPanel() {
  const { workspace, selectedBlockId, select, lastResults, lastInputs, recordRun } = useWorkspace();
  const { reportError, notify } = useNotices();
  const session = useEditorSession();
  const { phase, outcome, logs, start, stop, reset, showRecorded } = useBlockRun();
  const block = workspace ? findBlock(workspace, selectedBlockId) : null;
  const input = useRunInput(workspace, block, lastResults);
  const isTrigger = block?.kind === 'trigger';
  // Debug mode: runs give `context.debug.enabled` true, and what it records shows under the logs.
  const [debugMode, setDebugMode] = useState(false);
  const [selectedTab, selectTab] = useRememberedTab(RESULT_TAB);
  /** The run a link asked to show in History; `request` counts the clicks, so the same link scrolls again. */
  const [historyFocus, setHistoryFocus] = useState<(HistoryTarget & { request: number }) | null>(null);
  // Parsed only when the person edited the text, and then once per edit, not on every render: earlier steps'
  // results can make it megabytes.
  const { stepResultsText, stepResultsValue } = input;
  const typedInput = useMemo(() => {
    if (isTrigger) return null;
    return stepResultsValue !== undefined ? { ok: true as const, value: stepResultsValue } : parseJsonInput(stepResultsText);
  }, [isTrigger, stepResultsText, stepResultsValue]);

  const recordFlowResults = useCallback(
    (flowName: string, outcome: FlowOutcome) => {
      const flow = workspace?.flows.find((candidate) => candidate.name === flowName);
      if (!flow) return;
      // The flow's steps report in run order: the trigger, then each action step.
      [flow.trigger, ...flow.steps].forEach((id, index) => {
        const step = outcome.steps[index];
        if (step?.ok) recordRun(id, lastInputs[id] ?? null, step.result);
      });
    },
    [workspace, lastInputs, recordRun],
  );
  const flowRun = useFlowRun(recordFlowResults);
  const dismissFlowRun = flowRun.dismiss;

  // Opening another block clears the last run's outcome and closes the flow run view (a run still going keeps
  // its own, and its view stays with the block it was started from); then the block's newest recorded run shows,
  // so its last result is there after switching blocks or restarting, until it runs again.
  const blockId = block?.id ?? null;
  /** When the shown outcome is a recorded run's rather than one of this session: its start time. */
  const [recordedAtMs, setRecordedAtMs] = useState<number | null>(null);
  useEffect(() => {
    reset();
    dismissFlowRun();
    setRecordedAtMs(null);
    if (blockId === null) return;
    let cancelled = false;
    void lastRecordedRun(blockId).then((entry) => {
      const recorded = entry && !cancelled ? recordedOutcome(entry) : null;
      if (entry && recorded && showRecorded(recorded)) setRecordedAtMs(entry.startedAtMs);
    });
    return () => {
      cancelled = true;
    };
  }, [blockId, reset, dismissFlowRun, showRecorded]);

  const runBlock = useCallback(async () => {
    if (!block) return;
    const model = session.editor?.getModel();
    if (!model) return;
    const parsed = await input.current();
    if (!parsed.ok) {
      reportError(
        isTrigger
          ? 'The block was not run: its payload could not be built.'
          : 'The block was not run: its stepResults input is not valid JSON.',
        new Error(parsed.message),
      );
      return;
    }
    api
      .sampleSave(block.id, parsed.value)
      .catch((error: unknown) => reportError('The run input could not be saved.', error));
    session.errorMarks?.clear();
    // The block's own run shows in the block's view: a finished flow run's view gives way to it.
    dismissFlowRun();
    setRecordedAtMs(null);
    selectTab(tabForRun(selectedTab, OUTPUT_TABS, RESULT_TAB));
    const finished = await start(block.id, model.getValue(), parsed.value, debugMode);
    recordRun(block.id, parsed.value, finished?.ok ? finished.result : undefined);
    // Mark the failing line only if the block that failed is still the one in the editor.
    if (finished?.error && session.editor?.getModel() === model) session.errorMarks?.show(finished.error);
  }, [block, isTrigger, session, input, start, recordRun, reportError, dismissFlowRun, debugMode, selectTab, selectedTab]);

  // Ctrl/Cmd+Enter in the editor runs the latest version of this handler.
  const { runShortcut } = session;
  useEffect(() => {
    runShortcut.current = () => void runBlock();
    return () => {
      runShortcut.current = null;
    };
  }, [runShortcut, runBlock]);

  const openFlow = workspace && block ? flowOfBlock(workspace, block.id) : null;
  /** The trigger's payload for a run of the whole flow: the one in the editor when the trigger is the open block,
   * else the one it last ran with in this session; null lets the app use the trigger's saved sample (the app
   * completes platform fields). */
  const flowPayload = useCallback(async (): Promise<JsonValue | null> => {
    if (!openFlow || !block) return null;
    const typed = openFlow.trigger === block.id ? await input.current() : null;
    return typed?.ok ? typed.value : (lastInputs[openFlow.trigger] ?? null);
  }, [openFlow, block, input, lastInputs]);

  const runFlow = async () => {
    if (!block || !openFlow) return;
    const payload = await flowPayload();
    // The block's own last run would contradict the flow's run of it: it goes, and the flow run shows instead.
    reset();
    await flowRun.start(openFlow.name, block.id, payload, debugMode);
  };

  /** Puts the editor's cursor on the failing line and column, and gives it focus. */
  const revealInEditor = (line: number, column: number) => {
    const editor = session.editor;
    if (!editor) return;
    editor.setPosition({ lineNumber: line, column });
    editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
    editor.focus();
  };

  const stopAll = () => {
    stop();
    flowRun.stop();
  };

  /** Shows a linked run (the run that invoked this one, or one it invoked) in the History tab of its block. */
  const showRun = (target: HistoryTarget) => {
    setHistoryFocus((current) => ({ ...target, request: (current?.request ?? 0) + 1 }));
    selectTab(HISTORY_TAB);
    // Another block's run: selecting it closes the flow run view; this block's: the view gives way to History.
    if (target.blockId !== selectedBlockId) select(target.blockId);
    else dismissFlowRun();
  };

  /** Re-opens a recorded run: its input goes back into the input editor and its outcome is shown. */
  const openRecorded = (entry: RunEntry) => {
    input.restore(recordedInput(entry));
    const recorded = recordedOutcome(entry);
    if (recorded && showRecorded(recorded)) setRecordedAtMs(entry.startedAtMs);
    notify(`Opened the run of ${new Date(entry.startedAtMs).toLocaleString()}. Press Run to run it again.`);
  };

  if (!workspace || !block) {
    return (
      <aside className="run-panel" aria-label="Run">
        <p className="muted">Select a block to run it.</p>
      </aside>
    );
  }

  const flow = flowOfBlock(workspace, block.id);
  const running = phase.phase === 'running';
  const flowRunning = flowRun.state.phase === 'running';
  const flowRunShown = flowRun.state.phase !== 'idle' && flowRun.state.blockId === block.id ? flowRun.state : null;
  const flowBlockNames = flow
    ? [flow.trigger, ...flow.steps].map((id) => findBlock(workspace, id)?.name ?? id)
    : [];
  // A stopped run's answer says so (and keeps the lines it logged); until it comes, the panel says it stopped.
  const failure = phase.phase === 'failed' ? phase.error : phase.phase === 'stopped' ? (outcome?.error ?? null) : null;
  const inputProblem = typedInput && !typedInput.ok ? typedInput.message : null;
  const failed = failure !== null;

  // The panel's tabs, in order: adding a tab is one entry here.
  const tabs: TabbedPanel[] = [
    {
      id: RESULT_TAB,
      label: 'Result',
      badge: errorBadge(failed),
      content: (
        <section className="run-output" data-testid="result" aria-label="Result">
          {failure && <ErrorView error={failure} stepName={block.name} onReveal={revealInEditor} />}
          {outcome && (outcome.ok || outcome.result !== null) ? (
            <ResultView result={outcome.result} response={isTrigger ? outcome.response : null} />
          ) : (
            !failure && (
              <p className="muted">
                {phase.phase === 'stopped' ? 'Stopped before it returned.' : 'Run the block to see what it returns.'}
              </p>
            )
          )}
          <DebugResultsView results={outcome?.debugResults} />
        </section>
      ),
    },
    {
      id: LOGS_TAB,
      label: 'Logs',
      badge: logCountBadge(logs.length),
      content: (
        <section className="run-output" data-testid="logs" aria-label="Logs">
          <LogsView logs={logs} running={running} />
        </section>
      ),
    },
    {
      id: 'input',
      label: 'Input',
      content: isTrigger ? (
        <PayloadEditor form={input.payloadForm} onChange={input.setPayloadForm} />
      ) : (
        <StepResultsInput
          text={input.stepResultsText}
          value={typedInput?.ok ? typedInput.value : undefined}
          problem={inputProblem}
          onChange={input.setStepResultsText}
          onFillFromEarlierSteps={input.fillFromEarlierSteps}
        />
      ),
    },
    {
      id: HISTORY_TAB,
      label: 'History',
      content: (
        <HistoryPanel
          blockId={block.id}
          refreshKey={outcome ?? flowRun.state}
          shown={selectedTab === HISTORY_TAB}
          onOpen={openRecorded}
          focused={historyFocus?.blockId === block.id ? historyFocus : null}
          onShowRun={showRun}
        />
      ),
    },
    {
      id: 'tests',
      label: 'Tests',
      content: <TestsPanel blockId={block.id} flow={flow?.name ?? null} />,
    },
    ...(flow
      ? [
          {
            id: 'state',
            label: 'State',
            content: <StatePanel flow={flow.name} refreshKey={outcome ?? flowRun.state} />,
          },
          { id: 'webhook', label: 'Webhook', content: <WebhookPanel flow={flow.name} /> },
        ]
      : []),
  ];
  // A remembered tab this block has not (State and Webhook belong to a flow) gives way to Result.
  const shownTab = tabs.some((tab) => tab.id === selectedTab) ? selectedTab : RESULT_TAB;

  return (
    <aside className="run-panel" aria-label="Run">
      <div className="run-toolbar">
        <button
          type="button"
          className="primary"
          data-testid="run"
          onClick={() => void runBlock()}
          disabled={running}
          title={`Run this block (${IS_MAC ? '⌘' : 'Ctrl'}+Enter)`}
        >
          <PlayIcon /> Run
        </button>
        <button type="button" data-testid="stop" onClick={stopAll} disabled={!running && !flowRunning}>
          <StopIcon /> Stop
        </button>
        <button
          type="button"
          data-testid="run-flow"
          onClick={() => void runFlow()}
          disabled={flowRunning}
          title="Run the trigger and every step of this block's flow"
        >
          Run flow
        </button>
        <label title="Run with context.debug.enabled true; marks, measurements and memory show under the logs">
          <input
            type="checkbox"
            data-testid="debug-mode"
            checked={debugMode}
            onChange={(event) => setDebugMode(event.target.checked)}
          />{' '}
          Debug mode
        </label>
        <span className="spacer" />
        <TimeLimitField key={`${block.id}:${block.timeoutMs ?? ''}`} block={block} />
      </div>
      <DebugPanel
        blockId={block.id}
        readInput={input.current}
        flow={openFlow?.name ?? null}
        readFlowPayload={flowPayload}
        showBlock={select}
      />
      {flowRunShown && (
        <FlowRunView
          state={flowRunShown}
          blockNames={flowBlockNames}
          liveLogs={flowRun.liveLogs}
          onStop={flowRun.stop}
          onClose={flowRun.dismiss}
          onShowRun={showRun}
        />
      )}
      {/* Hidden, not unmounted, under the flow run view: each tab keeps its state (history, webhook calls). */}
      <div className="block-run-view" hidden={flowRunShown !== null}>
        <RunStatus state={phase} />
        {recordedAtMs !== null && (
          <p className="muted" data-testid="run-from-history">
            The run of {new Date(recordedAtMs).toLocaleString()}, from the history.
          </p>
        )}
        <TabbedPanels label="Run" idPrefix="run" panels={tabs} selected={shownTab} onSelect={selectTab} />
      </div>
    </aside>
  );
}
