// What the run status line says in each phase of a run.
import type { RunError } from '../common/backend';

export type RunPhase =
  | { phase: 'idle' }
  | { phase: 'running'; startedAtMs: number }
  | { phase: 'succeeded'; durationMs: number }
  | { phase: 'failed'; error: RunError; durationMs: number | null }
  | { phase: 'stopped' };

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatElapsed(ms: number): string {
  return `${(Math.max(ms, 0) / 1000).toFixed(1)} s`;
}

/** An error's name and message ("TypeError: x is not a function"), or its name alone when the message is empty. */
export function errorTitle(error: RunError): string {
  const name = error.name.trim() || 'Error';
  const message = error.message.trim();
  return message === '' ? name : `${name}: ${message}`;
}

export function statusText(state: RunPhase, nowMs: number): string {
  switch (state.phase) {
    case 'idle':
      return 'Idle';
    case 'running':
      return `Running… ${formatElapsed(nowMs - state.startedAtMs)}`;
    case 'succeeded':
      return `Succeeded in ${formatDuration(state.durationMs)}`;
    case 'failed':
      return `Failed: ${errorTitle(state.error)}`;
    case 'stopped':
      return 'Stopped';
  }
}
