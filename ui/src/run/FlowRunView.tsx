// A flow run as its own view: every block of the flow in order, each with its status, duration, result, logs and
// error, then the trigger's `response`. While the flow runs, the lines its steps log show as they arrive. Once it
// ended, a step that ran `context.invokeFlow` links to each run it invoked in the history.
import { useEffect, useState } from 'react';
import {
  api,
  asBackendError,
  COMMAND_MISSING,
  type FlowOutcome,
  type FlowStepOutcome,
  type RunSummary,
} from '../common/backend';
import { CloseIcon } from '../common/icons';
import { useNotices } from '../common/notices';
import { isJsonObject } from '../common/json';
import { SaveAsTest } from '../tests/SaveAsTest';
import { ErrorView } from './ErrorView';
import type { TimedLogLine } from './liveLogs';
import { DebugResultsView } from './DebugResultsView';
import { LogsView } from './LogsView';
import { ResultView, WebhookResponse } from './ResultView';
import { RunLinks } from './RunLinks';
import type { HistoryTarget } from './runLinks';
import { errorTitle, formatDuration } from './status';
import type { FlowRunState } from './useFlowRun';

type StepStatus = 'succeeded' | 'failed' | 'stopped' | 'not-run';

const MARKS: Record<StepStatus, string> = { succeeded: '✓', failed: '✗', stopped: '■', 'not-run': '–' };

function stepStatus(step: FlowStepOutcome | undefined): StepStatus {
  if (!step) return 'not-run';
  if (step.ok) return 'succeeded';
  return step.error?.name === 'StoppedError' ? 'stopped' : 'failed';
}

function statusLabel(status: StepStatus, step: FlowStepOutcome | undefined): string {
  switch (status) {
    case 'succeeded':
      return 'Succeeded';
    case 'stopped':
      return 'Stopped';
    case 'not-run':
      return 'Not run: an earlier step did not succeed';
    case 'failed':
      return step?.error ? `Failed: ${errorTitle(step.error)}` : 'Failed';
  }
}

interface StepRowProps {
  name: string;
  step: FlowStepOutcome | undefined;
  /** The step's run as the history recorded it, with the runs it invoked; absent until read. */
  recorded: RunSummary | undefined;
  onShowRun: (target: HistoryTarget) => void;
}

function StepRow({ name, step, recorded, onShowRun }: StepRowProps) {
  const status = stepStatus(step);
  const header = (
    <>
      <span className="flow-step-mark" aria-hidden="true">
        {MARKS[status]}
      </span>
      <span className="flow-step-name" data-testid="flow-step-name">
        {name}
      </span>
      <span className="flow-step-status" data-testid="flow-step-status">
        {statusLabel(status, step)}
      </span>
      {step && <span className="muted">{formatDuration(step.durationMs)}</span>}
    </>
  );
  return (
    <li className={`flow-step ${status}`} data-testid="flow-step" data-status={status}>
      {step ? (
        <details open>
          <summary className="flow-step-header">{header}</summary>
          <div className="flow-step-body">
            {recorded && <RunLinks run={recorded} testIdPrefix="flow-step" onShowRun={onShowRun} />}
            {step.error && <ErrorView error={step.error} stepName={name} />}
            {step.ok && <ResultView result={step.result} response={null} />}
            <LogsView logs={step.logs} />
            <DebugResultsView results={step.debugResults} />
          </div>
        </details>
      ) : (
        <div className="flow-step-header">{header}</div>
      )}
    </li>
  );
}

function summaryText(outcome: FlowOutcome, stopped: boolean): string {
  if (outcome.ok) return `All ${outcome.steps.length} steps succeeded.`;
  if (stopped) return 'The flow was stopped.';
  return 'The flow stopped at the first failing step.';
}

/** The steps the history recorded for the finished flow run `runId` (the trigger first), or none yet. */
function useRecordedSteps(runId: string | null): RunSummary[] {
  const { reportError } = useNotices();
  const [steps, setSteps] = useState<RunSummary[]>([]);
  useEffect(() => {
    setSteps([]);
    if (runId === null) return;
    let cancelled = false;
    api
      .historyFlowRun(runId)
      .then((recorded) => !cancelled && setSteps(recorded))
      .catch((error: unknown) => {
        // A build without run history simply shows no links.
        if (!cancelled && asBackendError(error).code !== COMMAND_MISSING) {
          reportError('The flow run’s steps could not be read from the history.', error);
        }
      });
    return () => {
      cancelled = true;
    };
  }, [runId, reportError]);
  return steps;
}

interface Props {
  state: Exclude<FlowRunState, { phase: 'idle' }>;
  /** The names of the flow's blocks in run order (the trigger first), as the workspace lists them. */
  blockNames: string[];
  /** The lines the flow's steps have logged so far, while it runs. */
  liveLogs: TimedLogLine[];
  onStop: () => void;
  onClose: () => void;
  /** Shows a run a step's link leads to, in the history of its block. */
  onShowRun: (target: HistoryTarget) => void;
}

export function FlowRunView({ state, blockNames, liveLogs, onStop, onClose, onShowRun }: Props) {
  const busy = state.phase === 'running' || state.phase === 'stopped';
  const outcome = state.phase === 'done' ? state.outcome : null;
  const recordedSteps = useRecordedSteps(state.phase === 'done' ? state.runId : null);
  // The outcome names the steps that ran; the flow as it is now names those that did not.
  const rows = Math.max(blockNames.length, outcome?.steps.length ?? 0);
  return (
    <section className="flow-run" aria-label="Flow run" data-testid="flow-run">
      <div className="section-toolbar">
        <h3>Flow “{state.flow}”</h3>
        {state.phase === 'done' && (
          <SaveAsTest target={{ kind: 'flow', flowRun: { flow: state.flow, executionId: state.runId } }} />
        )}
        <button
          type="button"
          className="icon-button"
          aria-label="Close the flow run and show the block"
          title="Close the flow run and show the block"
          data-testid="flow-run-close"
          onClick={onClose}
          disabled={state.phase === 'running'}
        >
          <CloseIcon />
        </button>
      </div>
      {state.phase === 'running' && (
        <p className="run-status run-status-running">
          <span className="spinner" aria-hidden="true" /> Running the flow…{' '}
          <button type="button" className="link-button" data-testid="flow-stop" onClick={onStop}>
            Stop
          </button>
        </p>
      )}
      {state.phase === 'stopped' && (
        <p className="run-status run-status-stopped">Stopped.</p>
      )}
      {state.phase === 'failed' && (
        <p className="field-problem">{state.message}</p>
      )}
      {/* Only a finished run's summary carries the test id: tests wait for it as the sign the flow ended. */}
      {outcome && state.phase === 'done' && (
        <p className={outcome.ok ? 'flow-summary ok' : 'flow-summary failed'} data-testid="flow-run-status">
          {summaryText(outcome, state.stopped)}
        </p>
      )}
      {busy && (
        <section className="flow-live-logs" aria-label="Logged so far">
          <LogsView logs={liveLogs} running={state.phase === 'running'} />
        </section>
      )}
      {outcome && (
        <>
          <ol className="flow-steps">
            {Array.from({ length: rows }, (_, index) => {
              const step = outcome.steps[index];
              const name = step?.name ?? blockNames[index] ?? `Step ${index + 1}`;
              return (
                <StepRow
                  key={`${index}-${name}`}
                  name={name}
                  step={step}
                  recorded={step ? recordedSteps[index] : undefined}
                  onShowRun={onShowRun}
                />
              );
            })}
          </ol>
          <div className="flow-response" data-testid="flow-response">
            {isJsonObject(outcome.response) ? (
              <WebhookResponse response={outcome.response} />
            ) : (
              <p className="muted">The trigger returned no response.</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
