// The lines a run logged, coloured by level, each with when it arrived (since the run started) when that is
// known, with a filter to show only some levels.
import { useMemo, useState } from 'react';
import type { LogLevel, LogLine } from '../common/backend';
import { formatLogTime } from './liveLogs';

const LEVELS: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'metric'];

interface Props {
  /** The lines, with `atMs` (milliseconds since the run started) where the time each arrived is known. */
  logs: (LogLine & { atMs?: number | null })[];
  /** A run is still going, so more lines may come. */
  running?: boolean;
}

export function LogsView({ logs, running = false }: Props) {
  const [hidden, setHidden] = useState<ReadonlySet<LogLevel>>(new Set());

  const counts = useMemo(() => {
    const byLevel = new Map<LogLevel, number>();
    for (const line of logs) byLevel.set(line.level, (byLevel.get(line.level) ?? 0) + 1);
    return byLevel;
  }, [logs]);

  const toggle = (level: LogLevel) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(level)) next.delete(level);
      else next.add(level);
      return next;
    });

  const visible = logs.filter((line) => !hidden.has(line.level));

  return (
    <div className="logs-view">
      <div className="section-toolbar">
        <h4>Logs</h4>
        <div className="level-filter" role="group" aria-label="Show log levels" data-testid="log-level-filter">
          {LEVELS.filter((level) => counts.has(level)).map((level) => (
            <button
              key={level}
              type="button"
              className={`chip log-${level}`}
              aria-pressed={!hidden.has(level)}
              data-testid={`log-level-${level}`}
              onClick={() => toggle(level)}
            >
              {level} {counts.get(level)}
            </button>
          ))}
        </div>
      </div>
      {logs.length === 0 ? (
        <p className="muted">{running ? 'Nothing logged yet.' : 'Nothing was logged.'}</p>
      ) : (
        <ol className="log-lines">
          {visible.map((line, index) => (
            <li key={index} className={`log-line log-${line.level}`} data-level={line.level} data-testid="log-line">
              {line.atMs != null && (
                <span className="log-time" data-testid="log-time">
                  {formatLogTime(line.atMs)}
                </span>
              )}
              <span className="log-level">{line.level.toUpperCase()}</span>
              <span className="log-message">{line.message}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
