// The run status line: idle, a spinner with the seconds ticking, success with its duration, failure, stopped.
import { useEffect, useState } from 'react';
import { statusText, type RunPhase } from './status';

const TICK_MS = 100;

export function RunStatus({ state }: { state: RunPhase }) {
  const [now, setNow] = useState(() => performance.now());
  const running = state.phase === 'running';

  useEffect(() => {
    if (!running) return;
    setNow(performance.now());
    const timer = window.setInterval(() => setNow(performance.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [running]);

  return (
    <div className={`run-status run-status-${state.phase}`} data-testid="run-status" data-state={state.phase} aria-live="polite">
      {running && <span className="spinner" aria-hidden="true" />}
      <span className="run-status-text">{statusText(state, now)}</span>
    </div>
  );
}
