// Two recorded runs side by side: their results, and a list of what changed between them.
import type { RunEntry } from '../common/backend';
import { CloseIcon } from '../common/icons';
import { diffJson, type JsonChange } from '../common/jsonDiff';
import { recordedInput, recordedOutcome } from './recordedRun';

function show(value: unknown): string {
  return JSON.stringify(value);
}

function ChangeLine({ change }: { change: JsonChange }) {
  switch (change.kind) {
    case 'added':
      return (
        <li className="diff-added">
          <code>{change.path}</code> added: {show(change.after)}
        </li>
      );
    case 'removed':
      return (
        <li className="diff-removed">
          <code>{change.path}</code> removed (was {show(change.before)})
        </li>
      );
    case 'changed':
      return (
        <li className="diff-changed">
          <code>{change.path}</code>: {show(change.before)} → {show(change.after)}
        </li>
      );
  }
}

function ChangeList({ title, changes }: { title: string; changes: JsonChange[] }) {
  return (
    <div>
      <h5>{title}</h5>
      {changes.length === 0 ? (
        <p className="muted">The same in both runs.</p>
      ) : (
        <ul className="diff-list">
          {changes.map((change) => (
            <ChangeLine key={`${change.kind}:${change.path}`} change={change} />
          ))}
        </ul>
      )}
    </div>
  );
}

export function RunComparison({ older, newer, onClose }: { older: RunEntry; newer: RunEntry; onClose: () => void }) {
  const olderResult = recordedOutcome(older)?.result ?? null;
  const newerResult = recordedOutcome(newer)?.result ?? null;
  return (
    <section className="run-comparison" aria-label="Run comparison" data-testid="run-comparison">
      <div className="section-toolbar">
        <h4>Comparison</h4>
        <button type="button" className="icon-button" aria-label="Close the comparison" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <ChangeList title="Result" changes={diffJson(olderResult, newerResult)} />
      <ChangeList title="Input" changes={diffJson(recordedInput(older), recordedInput(newer))} />
      <div className="side-by-side">
        <div>
          <h5>{new Date(older.startedAtMs).toLocaleTimeString()}</h5>
          <pre className="code-block">{JSON.stringify(olderResult, null, 2)}</pre>
        </div>
        <div>
          <h5>{new Date(newer.startedAtMs).toLocaleTimeString()}</h5>
          <pre className="code-block">{JSON.stringify(newerResult, null, 2)}</pre>
        </div>
      </div>
    </section>
  );
}
