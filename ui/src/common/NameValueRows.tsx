// An editable list of name/value rows (headers, query parameters), with a row added by a button.
import { CloseIcon } from './icons';

export interface NameValueRow {
  name: string;
  value: string;
}

interface Props {
  rows: NameValueRow[];
  onChange: (rows: NameValueRow[]) => void;
  /** What one row is called, e.g. "header": used in labels and the add button. */
  noun: string;
  testId: string;
  /** Whether values are hidden as they are typed (secret headers). */
  maskValues?: boolean;
}

export function NameValueRows({ rows, onChange, noun, testId, maskValues = false }: Props) {
  const edit = (index: number, change: Partial<NameValueRow>) =>
    onChange(rows.map((row, rowIndex) => (rowIndex === index ? { ...row, ...change } : row)));

  return (
    <div className="name-value-rows" data-testid={testId}>
      {rows.map((row, index) => (
        <div className="name-value-row" key={index}>
          <input
            aria-label={`${noun} name`}
            placeholder="Name"
            value={row.name}
            onChange={(event) => edit(index, { name: event.target.value })}
          />
          <input
            aria-label={`${noun} value`}
            placeholder="Value"
            type={maskValues ? 'password' : 'text'}
            value={row.value}
            onChange={(event) => edit(index, { value: event.target.value })}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove ${noun} ${row.name}`}
            onClick={() => onChange(rows.filter((_, rowIndex) => rowIndex !== index))}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => onChange([...rows, { name: '', value: '' }])}>
        + Add {noun}
      </button>
    </div>
  );
}
