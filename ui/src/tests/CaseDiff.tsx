// Why a case failed: each request its cassette could not answer, then each place where the run's outcome differs
// from the expected one (ignored paths already blanked on both sides by the app), as the JSON diff the History's
// comparison uses.
import type { CaseRun } from '../common/backend';
import { diffJson, type JsonChange } from '../common/jsonDiff';

function shown(value: unknown): string {
  return JSON.stringify(value);
}

/** The outcome's paths read as the case file's JSON paths do: `$.result.total`. */
function outcomePath(path: string): string {
  if (path === '(whole value)') return '$';
  return path.startsWith('[') ? `$${path}` : `$.${path}`;
}

function DifferenceLine({ change }: { change: JsonChange }) {
  const path = <code>{outcomePath(change.path)}</code>;
  switch (change.kind) {
    case 'changed':
      return (
        <li className="diff-changed">
          {path}: expected {shown(change.before)}, got {shown(change.after)}
        </li>
      );
    case 'removed':
      return (
        <li className="diff-removed">
          {path}: expected {shown(change.before)}, got nothing
        </li>
      );
    case 'added':
      return (
        <li className="diff-added">
          {path}: expected nothing, got {shown(change.after)}
        </li>
      );
  }
}

export function CaseDiff({ run }: { run: CaseRun }) {
  const changes = run.compared ? diffJson(run.compared.expected, run.compared.actual) : [];
  return (
    <div className="test-diff" data-testid="test-diff">
      {run.unmatchedRequests.length > 0 && (
        <ul className="diff-list">
          {run.unmatchedRequests.map((request) => (
            <li key={request} className="diff-removed">
              {request}
            </li>
          ))}
        </ul>
      )}
      {changes.length > 0 && (
        <ul className="diff-list">
          {changes.map((change) => (
            <DifferenceLine key={`${change.kind}:${change.path}`} change={change} />
          ))}
        </ul>
      )}
    </div>
  );
}
