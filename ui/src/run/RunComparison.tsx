// Two recorded runs of a block compared in a dialog as wide as the window: the code, the input, the result and the
// log lines side by side (older left, newer right) with what changed marked, one part at a time; the Input and
// Result parts also list the JSON paths that changed.
import { useEffect, useRef, useState } from 'react';
import type { RunEntry } from '../common/backend';
import { CloseIcon } from '../common/icons';
import { diffJson, type JsonChange } from '../common/jsonDiff';
import { comparedText, originLabel, type ComparedPart } from './comparedText';
import { recordedInput, recordedOutcome } from './recordedRun';
import { TabbedPanels, type TabbedPanel } from './TabbedPanels';
import { TextDiffView } from './TextDiffView';

const PARTS: { id: ComparedPart; label: string; language: string }[] = [
  { id: 'code', label: 'Code', language: 'javascript' },
  { id: 'input', label: 'Input', language: 'plaintext' },
  { id: 'result', label: 'Result', language: 'plaintext' },
  { id: 'logs', label: 'Logs', language: 'plaintext' },
];

function show(value: unknown): string {
  return JSON.stringify(value);
}

/** One changed path: a sign column (+ new, − gone, ~ changed), so a key named like a label never reads twice. */
function ChangeLine({ change }: { change: JsonChange }) {
  switch (change.kind) {
    case 'added':
      return (
        <li className="diff-added">
          <span className="diff-sign">+</span> <code>{change.path}</code> = {show(change.after)}
        </li>
      );
    case 'removed':
      return (
        <li className="diff-removed">
          <span className="diff-sign">−</span> <code>{change.path}</code> (was {show(change.before)})
        </li>
      );
    case 'changed':
      return (
        <li className="diff-changed">
          <span className="diff-sign">~</span> <code>{change.path}</code>: {show(change.before)} → {show(change.after)}
        </li>
      );
  }
}

function jsonChanges(part: ComparedPart, older: RunEntry, newer: RunEntry): JsonChange[] | null {
  if (part === 'input') return diffJson(recordedInput(older), recordedInput(newer));
  if (part === 'result') return diffJson(recordedOutcome(older)?.result ?? null, recordedOutcome(newer)?.result ?? null);
  return null;
}

function heading(entry: RunEntry): string {
  return `${originLabel(entry)}, ${new Date(entry.startedAtMs).toLocaleString()}`;
}

interface Props {
  older: RunEntry;
  newer: RunEntry;
  onClose: () => void;
}

export function RunComparison({ older, newer, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [part, setPart] = useState<string>('code');

  useEffect(() => {
    const shown = dialog.current;
    shown?.showModal();
    return () => shown?.close();
  }, []);

  const panels: TabbedPanel[] = PARTS.map(({ id, label, language }) => {
    const olderText = comparedText(older, id);
    const newerText = comparedText(newer, id);
    const changes = jsonChanges(id, older, newer);
    const same = olderText === newerText;
    return {
      id,
      label,
      badge: same ? null : { text: '≠', description: 'differs between the runs', tone: 'neutral' },
      // Only the part shown has a diff editor: each one is two Monaco editors.
      content:
        id !== part ? null : (
          <div className="comparison-part">
            {same ? (
              <p className="muted">The same in both runs.</p>
            ) : (
              changes &&
              changes.length > 0 && (
                <ul className="diff-list" data-testid={`run-comparison-${id}-changes`}>
                  {changes.map((change) => (
                    <ChangeLine key={`${change.kind}:${change.path}`} change={change} />
                  ))}
                </ul>
              )
            )}
            <TextDiffView
              older={olderText}
              newer={newerText}
              language={language}
              testId={`run-comparison-${id}`}
              label={`${label} of the two runs, older on the left`}
            />
          </div>
        ),
    };
  });

  return (
    <dialog
      ref={dialog}
      className="run-comparison"
      aria-label="Run comparison"
      data-testid="run-comparison"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="section-toolbar">
        <h4>Comparison</h4>
        <button type="button" className="icon-button" aria-label="Close the comparison" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <div className="side-by-side comparison-headings">
        <h5>{heading(older)}</h5>
        <h5>{heading(newer)}</h5>
      </div>
      <TabbedPanels label="Compared part" idPrefix="comparison" panels={panels} selected={part} onSelect={setPart} />
    </dialog>
  );
}
