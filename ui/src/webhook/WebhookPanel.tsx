// The "Webhook listener" toggle of a flow: while on, the flow answers at a local URL (copyable), and each
// call shows here with its status, duration and the flow's outcome. The URL carries the workspace's token
// (kept on this machine, never in the manifest): without it the listener runs nothing.
import { useCallback, useEffect, useState } from 'react';
import { useNotices } from '../common/notices';
import { callProblem, callSummary, curlCommand, statusTone, withCall, type WebhookCall } from './calls';
import { webhookApi, type WebhookStatus } from './webhookApi';
import './webhook.css';

const OFF: WebhookStatus = { running: false, flow: null, url: null };

function CallRow({ call }: { call: WebhookCall }) {
  const problem = callProblem(call);
  return (
    <li className={`webhook-call ${call.ok ? 'ok' : 'failed'}`}>
      <details>
        <summary>
          <span className={`webhook-status webhook-status-${statusTone(call.status)}`}>{call.status}</span>
          <span className="webhook-call-line">{callSummary(call)}</span>
        </summary>
        {problem && <p className="field-problem">{problem}</p>}
        {call.outcome && (
          <ol className="flow-steps">
            {call.outcome.steps.map((step, index) => (
              <li key={`${index}-${step.name}`} className={`flow-step ${step.ok ? 'ok' : 'failed'}`}>
                <span className="flow-step-mark" aria-hidden="true">
                  {step.ok ? '✓' : '✗'}
                </span>{' '}
                {step.name} <span className="muted">{Math.round(step.durationMs)} ms</span>
              </li>
            ))}
          </ol>
        )}
        {call.executionId && <p className="muted">Execution {call.executionId}</p>}
      </details>
    </li>
  );
}

export function WebhookPanel({ flow }: { flow: string }) {
  const { reportError, notify } = useNotices();
  const [status, setStatus] = useState<WebhookStatus>(OFF);
  const [busy, setBusy] = useState(false);
  const [calls, setCalls] = useState<WebhookCall[]>([]);

  useEffect(() => {
    let cancelled = false;
    webhookApi
      .status()
      .then((read) => !cancelled && setStatus(read))
      .catch(() => undefined); // Outside the app the toggle simply stays off.
    return () => {
      cancelled = true;
    };
    // Read again for each flow shown: opening another workspace turns the listener off.
  }, [flow]);

  useEffect(() => {
    let stop: (() => void) | null = null;
    let ended = false;
    webhookApi
      .onCall((call) => setCalls((earlier) => withCall(earlier, call)))
      .then((unlisten) => {
        if (ended) unlisten();
        else stop = unlisten;
      })
      .catch((error: unknown) => reportError('Webhook calls will not show here.', error));
    return () => {
      ended = true;
      stop?.();
    };
  }, [reportError]);

  const servingThisFlow = status.running && status.flow === flow;

  const toggle = useCallback(async () => {
    setBusy(true);
    try {
      setStatus(servingThisFlow ? await webhookApi.stop() : await webhookApi.start(flow));
    } catch (error) {
      reportError(servingThisFlow ? 'The webhook listener could not be stopped.' : 'The webhook listener could not be started.', error);
    } finally {
      setBusy(false);
    }
  }, [flow, servingThisFlow, reportError]);

  const copy = (text: string, what: string) => {
    navigator.clipboard
      .writeText(text)
      .then(() => notify(`Copied the ${what}.`))
      .catch((error: unknown) => reportError(`The ${what} could not be copied.`, error));
  };

  return (
    <section className="run-output webhook-panel" aria-label="Webhook listener">
      <label className="webhook-toggle">
        <input
          type="checkbox"
          data-testid="webhook-toggle"
          checked={servingThisFlow}
          disabled={busy}
          onChange={() => void toggle()}
        />{' '}
        Webhook listener
      </label>
      {status.running && !servingThisFlow && (
        <p className="muted">Listening for “{status.flow}”; turning it on here serves “{flow}” instead.</p>
      )}
      {servingThisFlow && status.url && (
        <div className="webhook-url-row">
          <code data-testid="webhook-url" className="webhook-url" title="The flow's local webhook URL">
            {status.url}
          </code>
          <button type="button" className="link-button" onClick={() => copy(status.url ?? '', 'webhook URL')}>
            Copy
          </button>
          <button type="button" className="link-button" onClick={() => copy(curlCommand(status.url ?? ''), 'curl command')}>
            Copy curl
          </button>
        </div>
      )}
      {servingThisFlow && status.url && (
        <p className="muted webhook-url-note">
          The token in this URL keeps web pages and other programs out: give the URL only to what should call the
          flow.
        </p>
      )}
      <ol className="webhook-calls" data-testid="webhook-calls" aria-label="Webhook calls">
        {calls.map((call, index) => (
          <CallRow key={`${calls.length - index}-${call.executionId ?? call.path}`} call={call} />
        ))}
      </ol>
      {servingThisFlow && calls.length === 0 && <p className="muted">No calls yet: call the URL with curl.</p>}
    </section>
  );
}
