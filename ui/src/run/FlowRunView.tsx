// The outcome of a flow run: each step in order with its status, timing, result, logs and error.
import type { FlowOutcome } from '../common/backend';
import { CloseIcon } from '../common/icons';
import { isJsonObject } from '../common/json';
import { ErrorView } from './ErrorView';
import { LogsView } from './LogsView';
import { ResultView, WebhookResponse } from './ResultView';
import { formatDuration } from './status';
import type { FlowRunState } from './useFlowRun';

function StepList({ outcome }: { outcome: FlowOutcome }) {
  return (
    <ol className="flow-steps">
      {outcome.steps.map((step, index) => (
        <li key={`${index}-${step.name}`} className={`flow-step ${step.ok ? 'ok' : 'failed'}`}>
          <details open={!step.ok}>
            <summary>
              <span className="flow-step-mark" aria-hidden="true">
                {step.ok ? '✓' : '✗'}
              </span>
              <span className="flow-step-name">{step.name}</span>
              <span className="muted">{formatDuration(step.durationMs)}</span>
            </summary>
            {step.error && <ErrorView error={step.error} />}
            <ResultView result={step.result} response={null} />
            <LogsView logs={step.logs} />
          </details>
        </li>
      ))}
    </ol>
  );
}

interface Props {
  state: FlowRunState;
  onStop: () => void;
  onDismiss: () => void;
}

export function FlowRunView({ state, onStop, onDismiss }: Props) {
  if (state.phase === 'idle') return null;
  return (
    <section className="flow-run" aria-label="Flow run" data-testid="flow-run">
      <div className="section-toolbar">
        <h3>Flow “{state.flow}”</h3>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the flow run"
          onClick={onDismiss}
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
      {state.phase === 'stopped' && <p className="run-status run-status-stopped">Stopped.</p>}
      {state.phase === 'failed' && <p className="field-problem">{state.message}</p>}
      {state.phase === 'done' && (
        <>
          <p className={state.outcome.ok ? 'flow-summary ok' : 'flow-summary failed'} data-testid="flow-run-status">
            {state.outcome.ok
              ? `All ${state.outcome.steps.length} steps succeeded.`
              : 'The flow stopped at the first failing step.'}
          </p>
          <StepList outcome={state.outcome} />
          {isJsonObject(state.outcome.response) && (
            <WebhookResponse response={state.outcome.response} />
          )}
        </>
      )}
    </section>
  );
}
