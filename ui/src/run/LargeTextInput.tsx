// A run input box that stays light at any size: a textarea while the text is small, and past that a one-line
// summary with Open, which edits the text in Monaco (a multi-megabyte textarea freezes the window on every render).
import { useState } from 'react';
import { JsonTextView } from './JsonTextView';

/** Past this many characters the text is summarised rather than put in a textarea. */
export const LARGE_INPUT_CHARS = 100_000;

interface Props {
  id: string;
  testId: string;
  /** What the box holds, for the editor's accessible name. */
  label: string;
  text: string;
  onChange: (text: string) => void;
  rows: number;
  invalid?: boolean;
  /** The one line that stands for a large text: its size and what it holds. */
  summary: () => string;
}

export function LargeTextInput({ id, testId, label, text, onChange, rows, invalid = false, summary }: Props) {
  const [open, setOpen] = useState(false);
  if (text.length <= LARGE_INPUT_CHARS) {
    return (
      <textarea
        id={id}
        className="code-input"
        data-testid={testId}
        spellCheck={false}
        rows={rows}
        value={text}
        aria-invalid={invalid}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <div className="large-input">
      <div className="large-input-summary">
        <span data-testid={`${testId}-summary`}>{summary()}</span>
        <button type="button" className="link-button" data-testid={`${testId}-open`} onClick={() => setOpen(!open)}>
          {open ? 'Close' : 'Open'}
        </button>
      </div>
      {open && <JsonTextView text={text} onChange={onChange} testId={`${testId}-editor`} label={label} />}
    </div>
  );
}
