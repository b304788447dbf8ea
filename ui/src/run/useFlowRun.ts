// Runs a whole flow: the trigger with a payload, then each step with the results so far.
import { useCallback, useState } from 'react';
import { api, asBackendError, type FlowOutcome, type JsonValue } from '../common/backend';

export type FlowRunState =
  | { phase: 'idle' }
  | { phase: 'running'; flow: string }
  | { phase: 'done'; flow: string; outcome: FlowOutcome }
  | { phase: 'failed'; flow: string; message: string };

export function useFlowRun(onFinished: (flow: string, outcome: FlowOutcome) => void) {
  const [state, setState] = useState<FlowRunState>({ phase: 'idle' });

  const start = useCallback(
    async (flow: string, payload: JsonValue) => {
      setState({ phase: 'running', flow });
      try {
        const outcome = await api.runFlow(flow, payload);
        setState({ phase: 'done', flow, outcome });
        onFinished(flow, outcome);
      } catch (error) {
        setState({ phase: 'failed', flow, message: asBackendError(error).message });
      }
    },
    [onFinished],
  );

  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, start, dismiss };
}
