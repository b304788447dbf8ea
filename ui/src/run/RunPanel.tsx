// The run panel: the selected block's inputs, Run/Stop, and what the run produced.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  api,
  type BlockView,
  type FlowOutcome,
  type JsonValue,
  type RunEntry,
  type WorkspaceView,
} from '../common/backend';
import { formatJson, parseJsonInput } from '../common/json';
import { PlayIcon, StopIcon } from '../common/icons';
import { useNotices } from '../common/notices';
import { useEditorSession } from '../editor/EditorSession';
import { blocksBefore, findBlock, flowOfBlock } from '../workspace/model';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { ErrorView } from './ErrorView';
import { FlowRunView } from './FlowRunView';
import { HistoryPanel } from './HistoryPanel';
import { LogsView } from './LogsView';
import { buildPayload, DEFAULT_PAYLOAD_FORM, formFromPayload, type PayloadForm } from './payload';
import { PayloadEditor } from './PayloadEditor';
import { recordedInput, recordedOutcome } from './recordedRun';
import { ResultView } from './ResultView';
import { RunStatus } from './RunStatus';
import { isEmptySample, stepResultsFrom } from './stepResults';
import { StepResultsInput } from './StepResultsInput';
import { TimeLimitField } from './TimeLimitField';
import { useBlockRun } from './useBlockRun';
import { useFlowRun } from './useFlowRun';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

function payloadFor(form: PayloadForm, workspace: WorkspaceView, trigger: BlockView): JsonValue {
  const flow = flowOfBlock(workspace, trigger.id);
  return buildPayload(form, {
    executionId: crypto.randomUUID(),
    startedAt: new Date().toISOString(),
    flowName: flow?.name ?? trigger.name,
    workspaceName: workspace.name,
  });
}

export function RunPanel() {
  const { workspace, selectedBlockId, lastResults, lastInputs, recordRun } = useWorkspace();
  const { reportError, notify } = useNotices();
  const session = useEditorSession();
  const blockRun = useBlockRun();
  const [stepResultsText, setStepResultsText] = useState('');
  const [payloadForm, setPayloadForm] = useState<PayloadForm>(DEFAULT_PAYLOAD_FORM);

  const block = workspace ? findBlock(workspace, selectedBlockId) : null;
  const isTrigger = block?.kind === 'trigger';
  const stepResultsProblem = isTrigger ? null : parseJsonInput(stepResultsText);

  const earlierStepResults = useCallback((): JsonValue => {
    if (!workspace || !block) return {};
    return stepResultsFrom(
      blocksBefore(workspace, block.id).map((earlier) => ({
        name: earlier.name,
        lastResult: lastResults[earlier.id] ?? null,
      })),
    );
  }, [workspace, block, lastResults]);

  // Each block opens with the input it was last run with (its saved sample), or a sensible start.
  const { reset } = blockRun;
  const blockId = block?.id ?? null;
  const blockKind = block?.kind ?? null;
  const earlierRef = useRef(earlierStepResults);
  earlierRef.current = earlierStepResults;
  useEffect(() => {
    reset();
    if (blockId === null) return;
    let cancelled = false;
    api
      .sampleRead(blockId)
      .catch((error: unknown) => {
        reportError('The saved input of this block could not be read; starting from an empty one.', error);
        return null;
      })
      .then((sample) => {
        if (cancelled) return;
        if (blockKind === 'trigger') setPayloadForm(sample === null ? DEFAULT_PAYLOAD_FORM : formFromPayload(sample));
        else setStepResultsText(formatJson(sample === null || isEmptySample(sample) ? earlierRef.current() : sample));
      });
    return () => {
      cancelled = true;
    };
  }, [blockId, blockKind, reset, reportError]);

  const runBlock = useCallback(async () => {
    if (!workspace || !block) return;
    const model = session.editor?.getModel();
    if (!model) return;
    let input: JsonValue;
    if (block.kind === 'trigger') {
      input = payloadFor(payloadForm, workspace, block);
      api.sampleSave(block.id, input).catch((error: unknown) => reportError('The payload could not be saved.', error));
    } else {
      const parsed = parseJsonInput(stepResultsText);
      if (!parsed.ok) {
        reportError('The block was not run: its stepResults input is not valid JSON.', new Error(parsed.message));
        return;
      }
      input = parsed.value;
      api
        .sampleSave(block.id, input)
        .catch((error: unknown) => reportError('The stepResults input could not be saved.', error));
    }
    session.errorMarks?.clear();
    const outcome = await blockRun.start(block.id, model.getValue(), input);
    recordRun(block.id, input, outcome?.ok ? outcome.result : undefined);
    if (outcome?.error) session.errorMarks?.show(outcome.error);
  }, [workspace, block, session, payloadForm, stepResultsText, blockRun, recordRun, reportError]);

  // Ctrl/Cmd+Enter in the editor runs the latest version of this handler.
  const { runShortcut } = session;
  useEffect(() => {
    runShortcut.current = () => void runBlock();
    return () => {
      runShortcut.current = null;
    };
  }, [runShortcut, runBlock]);

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

  const runFlow = async () => {
    if (!workspace || !block) return;
    const flow = flowOfBlock(workspace, block.id);
    const trigger = flow ? findBlock(workspace, flow.trigger) : null;
    if (!flow || !trigger) return;
    let payload: JsonValue;
    if (trigger.id === block.id) payload = payloadFor(payloadForm, workspace, trigger);
    else {
      const saved = lastInputs[trigger.id] ?? (await api.sampleRead(trigger.id).catch(() => null));
      payload = saved ?? payloadFor(DEFAULT_PAYLOAD_FORM, workspace, trigger);
    }
    await flowRun.start(flow.name, payload);
  };

  /** Re-opens a recorded run: its input goes back into the input editor and its outcome is shown. */
  const openRecorded = (entry: RunEntry) => {
    const input = recordedInput(entry);
    if (isTrigger) setPayloadForm(formFromPayload(input));
    else setStepResultsText(formatJson(input));
    const outcome = recordedOutcome(entry);
    if (outcome) blockRun.showRecorded(outcome);
    notify(`Opened the run of ${new Date(entry.startedAtMs).toLocaleString()}. Press Run to run it again.`);
  };

  if (!workspace || !block) {
    return (
      <aside className="run-panel" aria-label="Run">
        <p className="muted">Select a block to run it.</p>
      </aside>
    );
  }

  const running = blockRun.phase.phase === 'running';
  const outcome = blockRun.outcome;
  const failure = blockRun.phase.phase === 'failed' ? blockRun.phase.error : null;
  const inputProblem = stepResultsProblem && !stepResultsProblem.ok ? stepResultsProblem.message : null;

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
        <button type="button" data-testid="stop" onClick={blockRun.stop} disabled={!running}>
          <StopIcon /> Stop
        </button>
        <button
          type="button"
          data-testid="run-flow"
          onClick={() => void runFlow()}
          disabled={flowRun.state.phase === 'running'}
          title="Run the trigger and every step of this block's flow"
        >
          Run flow
        </button>
        <span className="spacer" />
        <TimeLimitField key={`${block.id}:${block.timeoutMs ?? ''}`} block={block} />
      </div>
      <RunStatus state={blockRun.phase} />

      {isTrigger ? (
        <PayloadEditor form={payloadForm} onChange={setPayloadForm} />
      ) : (
        <StepResultsInput
          text={stepResultsText}
          problem={inputProblem}
          onChange={setStepResultsText}
          onFillFromEarlierSteps={() => setStepResultsText(formatJson(earlierStepResults()))}
        />
      )}

      <section className="run-output" data-testid="result" aria-label="Result">
        {failure && <ErrorView error={failure} />}
        {outcome && (outcome.ok || outcome.result !== null) ? (
          <ResultView result={outcome.result} response={isTrigger ? outcome.response : null} />
        ) : (
          !failure && <p className="muted">Run the block to see what it returns.</p>
        )}
      </section>
      <section className="run-output" data-testid="logs" aria-label="Logs">
        <LogsView logs={outcome?.logs ?? []} />
      </section>

      <HistoryPanel blockId={block.id} refreshKey={outcome} onOpen={openRecorded} />

      <FlowRunView state={flowRun.state} onDismiss={flowRun.dismiss} />
    </aside>
  );
}
