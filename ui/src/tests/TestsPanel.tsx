// The Tests panel of the selected block, or of its whole flow: the saved test cases with how each last ran, Run
// all (offline, from the cassettes), and for a failed case the diff with "Accept new result"; Delete removes a
// case's file. Cases are made by "Save as test" in the History or on a flow run (or `blocksmith test add`).
import { useCallback, useEffect, useState } from 'react';
import { api, type CaseRun, type TestCaseRef } from '../common/backend';
import { useNotices } from '../common/notices';
import { formatDuration } from '../run/status';
import { CaseDiff } from './CaseDiff';
import { onCasesChanged } from './caseEvents';
import { caseKey, forListedCases, isGreen, summary, withReport, type CaseResults } from './caseResults';
import './tests.css';

interface Props {
  blockId: string;
  /** The block's flow, so the panel can list the cases of all its blocks; null for a block in no flow. */
  flow: string | null;
}

type Scope = 'block' | 'flow';

/** What is running: every listed case, or one case being accepted (by its key). */
type Busy = { kind: 'all' } | { kind: 'accept'; key: string } | null;

function statusLabel(run: CaseRun | undefined): string {
  if (!run) return 'not run';
  if (run.status === 'updated') return 'accepted';
  return run.status === 'passed' ? 'pass' : 'FAIL';
}

/** A case's name, with whose it is when the panel lists a whole flow's: "Get Orders › Open orders". */
function caseTitle(listed: TestCaseRef, flowScope: boolean): string {
  if (!flowScope) return listed.case;
  return listed.flow ? `Whole flow › ${listed.case}` : `${listed.block} › ${listed.case}`;
}

export function TestsPanel({ blockId, flow }: Props) {
  const { reportError } = useNotices();
  const [scope, setScope] = useState<Scope>('block');
  const [cases, setCases] = useState<TestCaseRef[]>([]);
  const [results, setResults] = useState<CaseResults>(new Map());
  const [busy, setBusy] = useState<Busy>(null);
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);
  const flowScope = scope === 'flow' && flow !== null;
  const selectedBlock = flowScope ? null : blockId;
  const selectedFlow = flowScope ? flow : null;

  const load = useCallback(async () => {
    try {
      const listed = await api.testCaseList(selectedBlock, selectedFlow);
      setCases(listed);
      setResults((current) => forListedCases(current, listed));
    } catch (error) {
      reportError('The test cases could not be listed.', error);
    }
  }, [selectedBlock, selectedFlow, reportError]);

  useEffect(() => {
    void load();
    setConfirmingDelete(null);
  }, [load]);

  // A whole run of this block's flow saved as a test shows among the flow's cases: the panel turns to them.
  useEffect(
    () =>
      onCasesChanged((changed) => {
        if (changed.flow !== undefined && changed.flow === flow && !flowScope) setScope('flow');
        else if (flowScope || changed.blockId === blockId) void load();
      }),
    [blockId, flow, flowScope, load],
  );

  const runAll = async () => {
    setBusy({ kind: 'all' });
    try {
      const report = await api.testCaseRun(selectedBlock, selectedFlow);
      setResults((current) => withReport(current, report));
    } catch (error) {
      reportError('The test cases could not be run.', error);
    } finally {
      setBusy(null);
    }
  };

  const accept = async (listed: TestCaseRef) => {
    setBusy({ kind: 'accept', key: caseKey(listed.blockId, listed.caseId) });
    try {
      const run = await api.testCaseAccept(listed);
      setResults((current) => withReport(current, { cases: [run] }));
    } catch (error) {
      reportError(`The new result of “${listed.case}” could not be accepted.`, error);
    } finally {
      setBusy(null);
    }
  };

  const remove = async (listed: TestCaseRef) => {
    setConfirmingDelete(null);
    try {
      await api.testCaseRemove(listed);
      await load();
    } catch (error) {
      reportError(`The test case “${listed.case}” could not be deleted.`, error);
    }
  };

  return (
    <details className="tests run-output" data-testid="tests">
      <summary>
        <h4>Tests</h4>
        <span className="muted" data-testid="tests-summary">
          {summary(cases, results)}
        </span>
      </summary>
      <div className="section-toolbar">
        {flow !== null && (
          <select
            aria-label="Which cases"
            data-testid="tests-scope"
            value={scope}
            onChange={(event) => setScope(event.target.value as Scope)}
          >
            <option value="block">This block</option>
            <option value="flow">All of “{flow}”: its blocks and whole runs</option>
          </select>
        )}
        <button
          type="button"
          data-testid="tests-run-all"
          onClick={() => void runAll()}
          disabled={busy !== null || cases.length === 0}
        >
          {busy?.kind === 'all' ? 'Running…' : 'Run all'}
        </button>
      </div>
      {cases.length === 0 ? (
        <p className="muted">
          No test cases yet. Save a run as a test from the History or the flow run view (it runs the block, or the
          whole flow, once more, live, recording what it fetches), or use <code>blocksmith test add</code>.
        </p>
      ) : (
        <ol className="test-cases">
          {cases.map((listed) => {
            const key = caseKey(listed.blockId, listed.caseId);
            const run = results.get(key);
            const failed = run !== undefined && !isGreen(run);
            return (
              <li
                key={key}
                className={`test-case ${run ? (failed ? 'failed' : 'ok') : ''}`}
                data-testid="test-case"
                data-case-id={listed.caseId}
                data-status={run?.status ?? 'notRun'}
              >
                <div className="test-case-line">
                  <span className="test-case-status" data-testid="test-case-status">
                    {statusLabel(run)}
                  </span>
                  <span className="block-name">{caseTitle(listed, flowScope)}</span>
                  {run && <span className="muted">{formatDuration(run.durationMs)}</span>}
                  {confirmingDelete === key ? (
                    <>
                      <button type="button" data-testid="test-confirm-delete" onClick={() => void remove(listed)}>
                        Delete “{listed.case}”
                      </button>
                      <button type="button" onClick={() => setConfirmingDelete(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <button type="button" data-testid="test-delete" onClick={() => setConfirmingDelete(key)}>
                      Delete
                    </button>
                  )}
                </div>
                {failed && run && (
                  <>
                    <CaseDiff run={run} />
                    <button
                      type="button"
                      data-testid="test-accept"
                      onClick={() => void accept(listed)}
                      disabled={busy !== null}
                      title="Make this run's outcome the expected one"
                    >
                      {busy?.kind === 'accept' && busy.key === key ? 'Accepting…' : 'Accept new result'}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
