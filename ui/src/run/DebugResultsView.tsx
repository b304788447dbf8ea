// What a block's `context.debug` recorded in a debug-mode run, as a small table under its logs.
import type { JsonValue } from '../common/backend';
import { debugTable } from './debugResults';

export function DebugResultsView({ results }: { results: JsonValue | undefined }) {
  const table = debugTable(results);
  if (!table) return null;
  return (
    <section className="run-output" data-testid="debug-results" aria-label="Debug results">
      <h4>Debug results</h4>
      {table.rows.length === 0 ? (
        <p className="muted">The block recorded no marks, measurements or memory usage.</p>
      ) : (
        <table className="exchange-table">
          <tbody>
            {table.rows.map((row, index) => (
              <tr key={index} data-testid="debug-results-row">
                <th scope="row">{row.kind}</th>
                <td>{row.label}</td>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted" data-testid="debug-allowed-memory">
        Allowed memory: {table.allowedMemoryMb === null ? 'no limit' : `${table.allowedMemoryMb} MB`}
      </p>
    </section>
  );
}
