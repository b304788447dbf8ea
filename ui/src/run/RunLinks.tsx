// A run's links to the run that invoked it and to the flows it invoked with `context.invokeFlow`; clicking one shows
// that run in its block's history.
import type { RunSummary } from '../common/backend';
import { findBlock } from '../workspace/model';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { invokedLinks, invokerLink, type HistoryTarget, type RunLink } from './runLinks';

interface Props {
  run: Pick<RunSummary, 'parentRunId' | 'invokedBy' | 'invoked'>;
  /** The test ids' prefix: `history` in the history list, `flow-step` in the flow run view. */
  testIdPrefix: 'history' | 'flow-step';
  onShowRun: (target: HistoryTarget) => void;
}

function LinkButton({ link, testId, onShowRun }: { link: RunLink; testId: string; onShowRun: Props['onShowRun'] }) {
  const mark = link.ok === null ? null : link.ok ? '✓' : '✗';
  const target = link.target;
  if (!target) {
    return (
      <span className="run-link muted" data-testid={testId}>
        {link.text}
      </span>
    );
  }
  return (
    <button
      type="button"
      className={`link-button run-link ${link.ok ? 'ok' : 'failed'}`}
      data-testid={testId}
      data-run-id={target.runId}
      title="Show this run in the history"
      onClick={() => onShowRun(target)}
    >
      {mark && <span aria-hidden="true">{mark} </span>}
      {link.text}
    </button>
  );
}

export function RunLinks({ run, testIdPrefix, onShowRun }: Props) {
  const { workspace } = useWorkspace();
  const blockName = (blockId: string) => (workspace ? (findBlock(workspace, blockId)?.name ?? null) : null);
  const invoker = invokerLink(run, blockName);
  const invoked = invokedLinks(run);
  if (!invoker && invoked.length === 0) return null;
  return (
    <span className="run-links">
      {invoker && <LinkButton link={invoker} testId={`${testIdPrefix}-parent-run-link`} onShowRun={onShowRun} />}
      {invoked.map((link) => (
        <LinkButton
          key={link.target?.runId ?? link.text}
          link={link}
          testId={`${testIdPrefix}-child-run-link`}
          onShowRun={onShowRun}
        />
      ))}
    </span>
  );
}
