// Debug mode's results (what a block's `context.debug` recorded: marks, measurements, memory rows and the run's
// memory allowance) as the rows of the run panel's small table. Pure, so it is tested without React.
import { isJsonObject, type JsonValue } from '../common/json';

export interface DebugRow {
  kind: 'Mark' | 'Measure' | 'Memory';
  label: string;
  value: string;
}

export interface DebugTable {
  rows: DebugRow[];
  /** The run's memory limit in MB; null when the run had none. */
  allowedMemoryMb: number | null;
}

const number = (value: JsonValue | undefined): number | null => (typeof value === 'number' ? value : null);
const text = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : JSON.stringify(value));
const milliseconds = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} ms`);
const megabytes = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} MB`);

/** The table for `results` (the outcome's `debugResults`), or null when the run was not in debug mode. */
export function debugTable(results: JsonValue | undefined): DebugTable | null {
  if (!isJsonObject(results)) return null;
  const rows: DebugRow[] = [];
  const timeElapsed = isJsonObject(results.timeElapsed) ? results.timeElapsed : {};
  const marks = isJsonObject(timeElapsed.marks) ? timeElapsed.marks : {};
  for (const [label, at] of Object.entries(marks)) {
    rows.push({ kind: 'Mark', label, value: `at ${milliseconds(number(at))}` });
  }
  const measurements = isJsonObject(timeElapsed.measurements) ? timeElapsed.measurements : {};
  for (const [label, measured] of Object.entries(measurements)) {
    if (!isJsonObject(measured)) continue;
    const between = isJsonObject(measured.marks) ? measured.marks : {};
    rows.push({
      kind: 'Measure',
      label: `${label} (${text(between.start)} → ${text(between.end)})`,
      value: milliseconds(number(measured.duration)),
    });
  }
  for (const usage of Array.isArray(results.memoryUsage) ? results.memoryUsage : []) {
    if (!isJsonObject(usage)) continue;
    const detail = isJsonObject(usage.detail) ? usage.detail : null;
    const heap = detail
      ? `, heap ${megabytes(number(detail.heapUsed))} of ${megabytes(number(detail.heapTotal))}`
      : '';
    rows.push({ kind: 'Memory', label: text(usage.mark), value: `rss ${megabytes(number(usage.rss))}${heap}` });
  }
  return { rows, allowedMemoryMb: number(results.allowedMemory) };
}
