// Runs a whole flow: the trigger with a payload, then each step with the results so far; Stop ends it at once.
import { useCallback, useRef, useState } from 'react';
import { api, asBackendError, type FlowOutcome, type JsonValue } from '../common/backend';
import { useNotices } from '../common/notices';
import { HOST_CHANGE_ACCEPTED, useHostChange } from '../connections/HostChange';

export type FlowRunState =
  | { phase: 'idle' }
  | { phase: 'running'; flow: string }
  | { phase: 'done'; flow: string; outcome: FlowOutcome }
  | { phase: 'failed'; flow: string; message: string }
  | { phase: 'stopped'; flow: string };

export function useFlowRun(onFinished: (flow: string, outcome: FlowOutcome) => void) {
  const { reportError } = useNotices();
  const hostChange = useHostChange();
  const [state, setState] = useState<FlowRunState>({ phase: 'idle' });
  const activeRunId = useRef<string | null>(null);

  /** Runs `flow`; `payload` null runs the trigger with its saved sample. In `debugMode` each step's `context.debug` records. */
  const start = useCallback(
    async (flow: string, payload: JsonValue | null, debugMode: boolean) => {
      if (activeRunId.current !== null) return;
      const runId = crypto.randomUUID();
      activeRunId.current = runId;
      setState({ phase: 'running', flow });
      try {
        const outcome = await api.runFlow(runId, flow, payload, debugMode);
        // A reply to a run the person stopped must not overwrite "Stopped".
        if (activeRunId.current !== runId) return;
        activeRunId.current = null;
        setState({ phase: 'done', flow, outcome });
        onFinished(flow, outcome);
      } catch (error) {
        if (activeRunId.current !== runId) return;
        activeRunId.current = null;
        const failure = asBackendError(error);
        setState({ phase: 'failed', flow, message: failure.message || `The flow could not run (${failure.code}).` });
        if (failure.code === 'host_changed' && (await hostChange.confirmStoredHostChanges(failure))) {
          setState({ phase: 'failed', flow, message: HOST_CHANGE_ACCEPTED });
        }
      }
    },
    [hostChange, onFinished],
  );

  const stop = useCallback(() => {
    const runId = activeRunId.current;
    if (runId === null) return;
    activeRunId.current = null;
    setState((current) => (current.phase === 'running' ? { phase: 'stopped', flow: current.flow } : current));
    api.runStop(runId).catch((error: unknown) => reportError('The flow run could not be stopped.', error));
  }, [reportError]);

  const dismiss = useCallback(() => {
    if (activeRunId.current === null) setState({ phase: 'idle' });
  }, []);

  return { state, start, stop, dismiss };
}
