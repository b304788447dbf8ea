// One run at a time of the block in the editor: start, stop, and what happened.
import { useCallback, useRef, useState } from 'react';
import { api, asBackendError, type JsonValue, type RunError, type RunOutcome } from '../common/backend';
import { useNotices } from '../common/notices';
import { HOST_CHANGE_ACCEPTED, useHostChange } from '../connections/HostChange';
import type { RunPhase } from './status';

export interface BlockRun {
  phase: RunPhase;
  /** The last finished run's outcome (kept when it was stopped, for the logs it wrote before). */
  outcome: RunOutcome | null;
  /** Runs the block (in `debugMode`, its `context.debug` records); answers its outcome, or null when it was stopped
   * or could not run. */
  start: (blockId: string, source: string, input: JsonValue, debugMode: boolean) => Promise<RunOutcome | null>;
  stop: () => void;
  /** Forgets the last outcome (another block was opened). */
  reset: () => void;
  /** Shows a recorded run's outcome as if it had just finished. */
  showRecorded: (outcome: RunOutcome) => void;
}

function callFailure(message: string): RunError {
  return { name: 'Error', message, line: null, column: null, stack: null };
}

export function useBlockRun(): BlockRun {
  const { reportError } = useNotices();
  const hostChange = useHostChange();
  const [phase, setPhase] = useState<RunPhase>({ phase: 'idle' });
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const activeRunId = useRef<string | null>(null);

  const start = useCallback(async (blockId: string, source: string, input: JsonValue, debugMode: boolean) => {
    if (activeRunId.current !== null) return null;
    const runId = crypto.randomUUID();
    activeRunId.current = runId;
    setOutcome(null);
    setPhase({ phase: 'running', startedAtMs: performance.now() });
    try {
      const result = await api.runBlock(runId, blockId, source, input, debugMode);
      // A reply to a run the user stopped (or one replaced since) must not overwrite the newer state.
      if (activeRunId.current !== runId) return null;
      activeRunId.current = null;
      setOutcome(result);
      setPhase(
        result.ok
          ? { phase: 'succeeded', durationMs: result.durationMs }
          : {
              phase: 'failed',
              error: result.error ?? callFailure('The block failed without saying why.'),
              durationMs: result.durationMs,
            },
      );
      return result;
    } catch (error) {
      if (activeRunId.current !== runId) return null;
      activeRunId.current = null;
      const failure = asBackendError(error);
      const message = failure.message || `The run could not start (${failure.code}).`;
      setPhase({ phase: 'failed', error: callFailure(message), durationMs: null });
      if (failure.code === 'host_changed' && (await hostChange.confirmStoredHostChanges(failure))) {
        setPhase({ phase: 'failed', error: callFailure(HOST_CHANGE_ACCEPTED), durationMs: null });
      }
      return null;
    }
  }, [hostChange]);

  const stop = useCallback(() => {
    const runId = activeRunId.current;
    if (runId === null) return;
    activeRunId.current = null;
    setPhase({ phase: 'stopped' });
    api.runStop(runId).catch((error: unknown) => reportError('The run could not be stopped.', error));
  }, [reportError]);

  const reset = useCallback(() => {
    if (activeRunId.current !== null) return;
    setOutcome(null);
    setPhase({ phase: 'idle' });
  }, []);

  const showRecorded = useCallback((recorded: RunOutcome) => {
    if (activeRunId.current !== null) return;
    setOutcome(recorded);
    setPhase(
      recorded.ok
        ? { phase: 'succeeded', durationMs: recorded.durationMs }
        : {
            phase: 'failed',
            error: recorded.error ?? callFailure('The block failed without saying why.'),
            durationMs: recorded.durationMs,
          },
    );
  }, []);

  return { phase, outcome, start, stop, reset, showRecorded };
}
