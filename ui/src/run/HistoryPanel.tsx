// A block's past runs (its own, and its steps in flow runs and webhook calls): re-open one (its input and outcome),
// compare two side by side, expand one to see what it returned, or follow its links to the run that invoked it and
// the flows it invoked.
import { useEffect, useRef, useState } from 'react';
import { api, asBackendError, COMMAND_MISSING, type RunEntry, type RunSummary } from '../common/backend';
import { useNotices } from '../common/notices';
import { originLabel } from './comparedText';
import { RecordedRunDetails } from './RecordedRunDetails';
import { RunComparison } from './RunComparison';
import { RunLinks } from './RunLinks';
import { expandedWith, type HistoryTarget } from './runLinks';
import { SaveRunAsTest } from '../tests/SaveAsTest';
import { formatDuration } from './status';

interface Props {
  blockId: string;
  /** Changes whenever a run of this block (or of its flow) finishes, so the list is read again. */
  refreshKey: unknown;
  /** Whether the list is showing: it is read again each time it comes into view, so a webhook call answered
   * meanwhile is there. */
  shown: boolean;
  onOpen: (entry: RunEntry) => void;
  /** A run a link asked to show: it is expanded and scrolled into view once listed. `request` changes with each
   * click, so following the same link again scrolls to it again. */
  focused: { runId: number; request: number } | null;
  onShowRun: (target: HistoryTarget) => void;
}

const MAX_COMPARED = 2;

function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

export function HistoryPanel({ blockId, refreshKey, shown, onOpen, focused, onShowRun }: Props) {
  const { reportError } = useNotices();
  const [runs, setRuns] = useState<RunSummary[]>([]);
  // A build without run history hides the panel rather than reporting a failure on every block.
  const [historyMissing, setHistoryMissing] = useState(false);
  const [compared, setCompared] = useState<number[]>([]);
  const [comparison, setComparison] = useState<[RunEntry, RunEntry] | null>(null);
  const [expanded, setExpanded] = useState<number[]>([]);
  const rows = useRef(new Map<number, HTMLLIElement>());

  useEffect(() => {
    if (!shown) return;
    let cancelled = false;
    api
      .historyList(blockId)
      .then((list) => !cancelled && setRuns(list))
      .catch((error: unknown) => {
        if (cancelled) return;
        if (asBackendError(error).code === COMMAND_MISSING) setHistoryMissing(true);
        else reportError('The run history could not be read.', error);
      });
    return () => {
      cancelled = true;
    };
  }, [blockId, refreshKey, shown, reportError]);

  useEffect(() => {
    setCompared([]);
    setComparison(null);
    setExpanded([]);
  }, [blockId]);

  // A followed link's run opens and comes into view as soon as the list holds it.
  const focusedRunId = focused?.runId ?? null;
  const focusRequest = focused?.request ?? null;
  const focusedIsListed = runs.some((run) => run.id === focusedRunId);
  useEffect(() => {
    if (!shown || focusedRunId === null || !focusedIsListed) return;
    setExpanded((current) => expandedWith(current, focusedRunId));
    // Its top at the top: the details it opens to fit below it.
    rows.current.get(focusedRunId)?.scrollIntoView({ block: 'start' });
  }, [shown, focusedRunId, focusRequest, focusedIsListed]);

  const toggleExpanded = (id: number) =>
    setExpanded((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));

  const fetchEntry = async (id: number): Promise<RunEntry | null> => {
    try {
      return await api.historyGet(id);
    } catch (error) {
      reportError('The run could not be read from the history.', error);
      return null;
    }
  };

  const open = async (id: number) => {
    const entry = await fetchEntry(id);
    if (entry) onOpen(entry);
  };

  const toggleCompared = (id: number) =>
    setCompared((current) =>
      current.includes(id) ? current.filter((other) => other !== id) : [...current, id].slice(-MAX_COMPARED),
    );

  const compare = async () => {
    const [first, second] = compared;
    if (first === undefined || second === undefined) return;
    const [one, other] = await Promise.all([fetchEntry(first), fetchEntry(second)]);
    if (!one || !other) return;
    setComparison(one.startedAtMs <= other.startedAtMs ? [one, other] : [other, one]);
  };

  if (historyMissing) return null;

  return (
    <section className="history run-output" data-testid="history" aria-label="History">
      <div className="section-toolbar">
        <h4>History</h4>
        <span className="muted">{runs.length === 1 ? '1 run' : `${runs.length} runs`}</span>
      </div>
      {runs.length === 0 ? (
        <p className="muted">No runs of this block yet.</p>
      ) : (
        <>
          <ol className="history-list">
            {runs.map((run) => (
              <li
                key={run.id}
                ref={(row) => {
                  if (row) rows.current.set(run.id, row);
                  else rows.current.delete(run.id);
                }}
                className={`history-run ${run.ok ? 'ok' : 'failed'}${run.id === focusedRunId ? ' focused' : ''}`}
                data-testid="history-run"
                data-run-id={run.id}
                aria-current={run.id === focusedRunId ? 'true' : undefined}
              >
                <button
                  type="button"
                  className="icon-button history-expand"
                  data-testid="history-run-expand"
                  aria-expanded={expanded.includes(run.id)}
                  aria-label={expanded.includes(run.id) ? 'Hide what this run returned' : 'Show what this run returned'}
                  title={expanded.includes(run.id) ? 'Hide what this run returned' : 'Show what this run returned'}
                  onClick={() => toggleExpanded(run.id)}
                >
                  {expanded.includes(run.id) ? '▾' : '▸'}
                </button>
                <input
                  type="checkbox"
                  aria-label={`Compare the run of ${formatTime(run.startedAtMs)}`}
                  checked={compared.includes(run.id)}
                  onChange={() => toggleCompared(run.id)}
                />
                <button type="button" className="block-name" onClick={() => void open(run.id)} title="Open this run">
                  <span className="history-mark" aria-hidden="true">
                    {run.ok ? '✓' : '✗'}
                  </span>
                  <span className="history-number muted" data-testid="history-run-number">
                    #{run.id}
                  </span>
                  <span>{formatTime(run.startedAtMs)}</span>
                  <span className="muted">{formatDuration(run.durationMs)}</span>
                  {run.origin !== 'block' && (
                    <span className="history-origin" data-testid="history-origin">
                      {originLabel(run)}
                    </span>
                  )}
                </button>
                {run.error && <span className="history-error">{run.error}</span>}
                <SaveRunAsTest run={run} />
                <RunLinks run={run} testIdPrefix="history" onShowRun={onShowRun} />
                {expanded.includes(run.id) && <RecordedRunDetails runId={run.id} />}
              </li>
            ))}
          </ol>
          <button
            type="button"
            data-testid="history-compare"
            onClick={() => void compare()}
            disabled={compared.length !== MAX_COMPARED}
          >
            Compare the two selected runs
          </button>
        </>
      )}
      {comparison && <RunComparison older={comparison[0]} newer={comparison[1]} onClose={() => setComparison(null)} />}
    </section>
  );
}
