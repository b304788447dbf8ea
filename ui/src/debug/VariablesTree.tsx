// A paused run's values as a tree: each row a name and its value's one-line text; objects and arrays open to
// their members, asked of the debugger only when opened (an array's elements a page at a time would be next).
import { useEffect, useState } from 'react';
import type { VariableInfo } from './debugApi';

type LoadMembers = (variablesReference: number) => Promise<VariableInfo[]>;

export function VariablesTree({
  variablesReference,
  load,
  depth = 0,
}: {
  variablesReference: number;
  load: LoadMembers;
  depth?: number;
}) {
  const [members, setMembers] = useState<VariableInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    load(variablesReference)
      .then((loaded) => current && setMembers(loaded))
      .catch((error: unknown) => current && setProblem(error instanceof Error ? error.message : String(error)));
    return () => {
      current = false;
    };
  }, [variablesReference, load]);
  if (problem) return <p className="muted debug-tree-problem">{problem}</p>;
  if (!members) return <p className="muted">Reading…</p>;
  if (members.length === 0) return <p className="muted">Nothing here.</p>;
  return (
    <ul className="debug-tree" role={depth === 0 ? 'tree' : 'group'}>
      {members.map((member) => (
        <VariableRow key={member.name} variable={member} load={load} depth={depth} />
      ))}
    </ul>
  );
}

function VariableRow({ variable, load, depth }: { variable: VariableInfo; load: LoadMembers; depth: number }) {
  const [open, setOpen] = useState(false);
  const expandable = variable.variablesReference > 0;
  return (
    <li role="treeitem" aria-expanded={expandable ? open : undefined} data-testid="debug-variable" data-name={variable.name}>
      <button
        type="button"
        className="debug-tree-row"
        onClick={() => expandable && setOpen(!open)}
        disabled={!expandable}
        title={expandable ? (open ? 'Close' : 'Open') : undefined}
      >
        <span className="debug-tree-toggle" aria-hidden="true">
          {expandable ? (open ? '▾' : '▸') : ''}
        </span>
        <span className="debug-tree-name">{variable.name}</span>
        <span className={`debug-tree-value debug-type-${variable.type}`} data-testid="debug-variable-value">
          {variable.value}
        </span>
      </button>
      {open && <VariablesTree variablesReference={variable.variablesReference} load={load} depth={depth + 1} />}
    </li>
  );
}
