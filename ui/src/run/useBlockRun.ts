// One run at a time of the block in the editor: start, stop, the lines it logs as they arrive, and what happened.
// A stopped run still answers, with the lines it logged before Stop; those are kept.
import { useCallback, useMemo, useRef, useState } from 'react';
import { api, asBackendError, type JsonValue, type RunError, type RunOutcome } from '../common/backend';
import { useNotices } from '../common/notices';
import { HOST_CHANGE_ACCEPTED, useHostChange } from '../connections/HostChange';
import { withArrivalTimes, type TimedLogLine } from './liveLogs';
import type { RunPhase } from './status';
import { useLiveLogs } from './useLiveLogs';

export interface BlockRun {
  phase: RunPhase;
  /** The last finished run's outcome (also of a stopped run: it keeps the lines logged before Stop). */
  outcome: RunOutcome | null;
  /** The lines to show: those logged so far while a run goes on, then the outcome's, with when each arrived. */
  logs: TimedLogLine[];
  /** Runs the block (in `debugMode`, its `context.debug` records); answers its outcome, or null when it was stopped
   * or could not run. */
  start: (blockId: string, source: string, input: JsonValue, debugMode: boolean) => Promise<RunOutcome | null>;
  stop: () => void;
  /** Forgets the last outcome (another block was opened). */
  reset: () => void;
  /** Shows a recorded run's outcome as if it had just finished; false (nothing shown) while a run goes on. */
  showRecorded: (outcome: RunOutcome) => boolean;
}

/** The User Timing mark made when a run's reply arrives. */
export const RUN_REPLY_MARK = 'blocksmith:run-reply';

function callFailure(message: string): RunError {
  return { name: 'Error', message, line: null, column: null, stack: null };
}

export function useBlockRun(): BlockRun {
  const { reportError } = useNotices();
  const hostChange = useHostChange();
  const [phase, setPhase] = useState<RunPhase>({ phase: 'idle' });
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  /** The run whose reply and lines this hook shows, until its reply comes. */
  const activeRunId = useRef<string | null>(null);
  /** The run Stop was pressed for: its reply only brings the lines it logged; the phase stays "stopped". */
  const stoppedRunId = useRef<string | null>(null);
  const live = useLiveLogs();
  const { follow } = live;

  const start = useCallback(async (blockId: string, source: string, input: JsonValue, debugMode: boolean) => {
    // A stopped run's reply is on its way at once; a new run need not wait for it.
    if (activeRunId.current !== null && activeRunId.current !== stoppedRunId.current) return null;
    const runId = crypto.randomUUID();
    activeRunId.current = runId;
    follow(runId);
    setOutcome(null);
    setPhase({ phase: 'running', startedAtMs: performance.now() });
    try {
      const result = await api.runBlock(runId, blockId, source, input, debugMode);
      // A User Timing mark, so the time from a run's reply to its painted result can be measured (the large-result
      // end-to-end test reads it).
      performance.mark(RUN_REPLY_MARK, { detail: { durationMs: result.durationMs } });
      // A reply to a run replaced since (another run, another block) must not overwrite the newer state.
      if (activeRunId.current !== runId) return null;
      activeRunId.current = null;
      setOutcome(result);
      if (stoppedRunId.current === runId) return null;
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
      if (stoppedRunId.current === runId) return null;
      const failure = asBackendError(error);
      const message = failure.message || `The run could not start (${failure.code}).`;
      setPhase({ phase: 'failed', error: callFailure(message), durationMs: null });
      if (failure.code === 'host_changed' && (await hostChange.confirmStoredHostChanges(failure))) {
        setPhase({ phase: 'failed', error: callFailure(HOST_CHANGE_ACCEPTED), durationMs: null });
      }
      return null;
    }
  }, [hostChange, follow]);

  const stop = useCallback(() => {
    const runId = activeRunId.current;
    if (runId === null || runId === stoppedRunId.current) return;
    stoppedRunId.current = runId;
    setPhase({ phase: 'stopped' });
    api.runStop(runId).catch((error: unknown) => reportError('The run could not be stopped.', error));
  }, [reportError]);

  /** Whether a run is going on that Stop was not pressed for. */
  const busy = () => activeRunId.current !== null && activeRunId.current !== stoppedRunId.current;

  const reset = useCallback(() => {
    if (busy()) return;
    activeRunId.current = null;
    follow(null);
    setOutcome(null);
    setPhase({ phase: 'idle' });
  }, [follow]);

  const showRecorded = useCallback((recorded: RunOutcome) => {
    if (busy()) return false;
    activeRunId.current = null;
    follow(null);
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
    return true;
  }, [follow]);

  const logs = useMemo(
    () => (outcome ? withArrivalTimes(outcome.logs, live.lines) : live.lines),
    [outcome, live.lines],
  );

  return { phase, outcome, logs, start, stop, reset, showRecorded };
}
