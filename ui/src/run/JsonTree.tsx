// A collapsible tree of a JSON value: objects and arrays fold, leaves are coloured by type.
import type { JsonValue } from '../common/backend';

const OPEN_DEPTH = 2;

function Leaf({ value }: { value: Exclude<JsonValue, object> | null }) {
  if (value === null) return <span className="json-null">null</span>;
  if (typeof value === 'string') return <span className="json-string">{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>;
  return <span className="json-boolean">{String(value)}</span>;
}

function summary(value: JsonValue[] | { [key: string]: JsonValue }): string {
  if (Array.isArray(value)) return value.length === 1 ? '[1 item]' : `[${value.length} items]`;
  const count = Object.keys(value).length;
  return count === 1 ? '{1 key}' : `{${count} keys}`;
}

function Node({ label, value, depth }: { label: string | null; value: JsonValue; depth: number }) {
  const key = label !== null && <span className="json-key">{label}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <li className="json-leaf">
        {key}
        <Leaf value={value} />
      </li>
    );
  }
  const entries: [string, JsonValue][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  return (
    <li>
      <details open={depth < OPEN_DEPTH}>
        <summary>
          {key}
          <span className="json-summary">{summary(value)}</span>
        </summary>
        {entries.length > 0 && (
          <ul className="json-children">
            {entries.map(([childLabel, child]) => (
              <Node key={childLabel} label={childLabel} value={child} depth={depth + 1} />
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

export function JsonTree({ value }: { value: JsonValue }) {
  return (
    <ul className="json-tree">
      <Node label={null} value={value} depth={0} />
    </ul>
  );
}
