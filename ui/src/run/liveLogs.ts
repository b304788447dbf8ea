// The lines a run logs, as they arrive while it runs (the app's `RunLogEvent`), and how they meet the run's
// outcome: the outcome holds every line again, without the time each arrived, so the times are carried over.
import { events, type RunLogEvent } from '../bindings';
import type { LogLine } from '../common/backend';

/** A log line with when it arrived, in milliseconds since the run started; null when that is not known. */
export type TimedLogLine = LogLine & { atMs: number | null };

/**
 * The outcome's lines, each with the arrival time of the live line it matches. The live lines are the same
 * lines in the same order, but the last few may still be on their way when the outcome comes, and a recorded
 * run has none: those lines keep no time.
 */
export function withArrivalTimes(final: LogLine[], live: TimedLogLine[]): TimedLogLine[] {
  return final.map((line, index) => {
    const heard = live[index];
    const same = heard !== undefined && heard.level === line.level && heard.message === line.message;
    return { ...line, atMs: same ? heard.atMs : null };
  });
}

/** A line's time as the logs show it: seconds since the run started, to the millisecond ("+1.204 s"). */
export function formatLogTime(atMs: number): string {
  return `+${(Math.max(atMs, 0) / 1000).toFixed(3)} s`;
}

/**
 * Calls `onLines` with the lines of every run as they arrive, batched once per animation frame so a block that
 * logs thousands of lines re-renders the panel a few times, not thousands. Resolves with the function that
 * stops listening. Outside the app (a plain browser) nothing is ever logged.
 */
export async function listenToRunLogs(
  onLines: (lines: ReadonlyArray<{ runId: string; line: TimedLogLine }>) => void,
): Promise<() => void> {
  if (typeof window === 'undefined' || !('__TAURI_INTERNALS__' in window)) return () => undefined;
  let pending: { runId: string; line: TimedLogLine }[] = [];
  let frame: number | null = null;
  const flush = () => {
    frame = null;
    const lines = pending;
    pending = [];
    onLines(lines);
  };
  const unlisten = await events.runLogEvent.listen((event: { payload: RunLogEvent }) => {
    const { runId, atMs, level, message } = event.payload;
    pending.push({ runId, line: { level, message, atMs } });
    frame ??= window.requestAnimationFrame(flush);
  });
  return () => {
    unlisten();
    if (frame !== null) window.cancelAnimationFrame(frame);
  };
}
