// Runs a whole flow: the trigger with a payload, then each step with the results so far; Stop ends it at once. The
// lines its steps log show as they arrive, and a stopped flow still answers with the steps it ran.
import { useCallback, useRef, useState } from 'react';
import { api, asBackendError, type FlowOutcome, type JsonValue } from '../common/backend';
import { useNotices } from '../common/notices';
import { HOST_CHANGE_ACCEPTED, useHostChange } from '../connections/HostChange';
import { useLiveLogs } from './useLiveLogs';

/** Each state names the flow and the block whose panel started the run: the flow run view belongs to that block. */
export type FlowRunState =
  | { phase: 'idle' }
  | { phase: 'running'; flow: string; blockId: string }
  /** Stop was pressed; the steps that ran are on their way. */
  | { phase: 'stopped'; flow: string; blockId: string }
  /** `runId` is the run's execution id: its steps' History rows carry it ("Save as test" finds them by it), and
   * the history finds the steps it recorded by it. */
  | { phase: 'done'; flow: string; blockId: string; runId: string; outcome: FlowOutcome; stopped: boolean }
  | { phase: 'failed'; flow: string; blockId: string; message: string };

export function useFlowRun(onFinished: (flow: string, outcome: FlowOutcome) => void) {
  const { reportError } = useNotices();
  const hostChange = useHostChange();
  const [state, setState] = useState<FlowRunState>({ phase: 'idle' });
  const activeRunId = useRef<string | null>(null);
  const stoppedRunId = useRef<string | null>(null);
  const live = useLiveLogs();
  const { follow } = live;

  /** Runs `flow` from the panel of `blockId`; `payload` null runs the trigger with its saved sample. In `debugMode`
   * each step's `context.debug` records. */
  const start = useCallback(
    async (flow: string, blockId: string, payload: JsonValue | null, debugMode: boolean) => {
      if (activeRunId.current !== null && activeRunId.current !== stoppedRunId.current) return;
      const runId = crypto.randomUUID();
      activeRunId.current = runId;
      follow(runId);
      setState({ phase: 'running', flow, blockId });
      try {
        const outcome = await api.runFlow(runId, flow, payload, debugMode);
        if (activeRunId.current !== runId) return;
        activeRunId.current = null;
        setState({ phase: 'done', flow, blockId, runId, outcome, stopped: stoppedRunId.current === runId });
        onFinished(flow, outcome);
      } catch (error) {
        if (activeRunId.current !== runId) return;
        activeRunId.current = null;
        if (stoppedRunId.current === runId) return;
        const failure = asBackendError(error);
        const message = failure.message || `The flow could not run (${failure.code}).`;
        setState({ phase: 'failed', flow, blockId, message });
        if (failure.code === 'host_changed' && (await hostChange.confirmStoredHostChanges(failure))) {
          setState({ phase: 'failed', flow, blockId, message: HOST_CHANGE_ACCEPTED });
        }
      }
    },
    [hostChange, onFinished, follow],
  );

  const stop = useCallback(() => {
    const runId = activeRunId.current;
    if (runId === null || runId === stoppedRunId.current) return;
    stoppedRunId.current = runId;
    setState((current) =>
      current.phase === 'running' ? { phase: 'stopped', flow: current.flow, blockId: current.blockId } : current,
    );
    api.runStop(runId).catch((error: unknown) => reportError('The flow run could not be stopped.', error));
  }, [reportError]);

  /** Closes the flow run view; a run still going keeps its view. */
  const dismiss = useCallback(() => {
    if (activeRunId.current !== null && activeRunId.current !== stoppedRunId.current) return;
    activeRunId.current = null;
    follow(null);
    setState({ phase: 'idle' });
  }, [follow]);

  return { state, liveLogs: live.lines, start, stop, dismiss };
}
