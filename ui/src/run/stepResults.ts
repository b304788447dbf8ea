// The `stepResults` an action is run with: each earlier step's key (its camelCased name, from Rust) mapped to
// `{ results }`.
import type { JsonValue } from '../common/backend';
import { isJsonObject } from '../common/json';

export interface EarlierStep {
  /** The step's `stepResults` key, as Rust's flow runs name it (`BlockView.stepKey`). */
  stepKey: string;
  /** Its result from the last run, or null when it has not run yet. */
  lastResult: JsonValue;
}

export function stepResultsFrom(earlier: EarlierStep[]): JsonValue {
  const stepResults: { [key: string]: JsonValue } = {};
  for (const step of earlier) stepResults[step.stepKey] = { results: step.lastResult };
  return stepResults;
}

/** Whether a saved `stepResults` sample holds nothing yet (a new block's sample is `{}`). */
export function isEmptySample(sample: JsonValue): boolean {
  return sample === null || (isJsonObject(sample) && Object.keys(sample).length === 0);
}

/** A size in characters as a person reads it: "840 KB", "3.4 MB". */
export function formatSize(chars: number): string {
  if (chars < 1_000_000) return `${Math.max(1, Math.round(chars / 1000))} KB`;
  return `${(chars / 1_000_000).toFixed(1)} MB`;
}

function describeValue(value: JsonValue): string {
  if (Array.isArray(value)) return value.length === 1 ? '1 item' : `${value.length.toLocaleString('en-US')} items`;
  if (isJsonObject(value)) {
    const count = Object.keys(value).length;
    return count === 1 ? '1 key' : `${count.toLocaleString('en-US')} keys`;
  }
  return value === null ? 'null' : typeof value;
}

/** One line standing for a large `stepResults` text: its size and each step's results, e.g.
 * "3.4 MB of JSON: getDataFromApi.results (20,000 items)". */
export function describeStepResults(chars: number, value: JsonValue | undefined): string {
  const size = `${formatSize(chars)} of JSON`;
  if (value === undefined) return `${size}, not valid`;
  if (!isJsonObject(value)) return `${size}: ${describeValue(value)}`;
  const steps = Object.entries(value).map(([key, step]) =>
    isJsonObject(step) && 'results' in step ? `${key}.results (${describeValue(step.results ?? null)})` : `${key} (${describeValue(step)})`,
  );
  return steps.length === 0 ? size : `${size}: ${steps.join(', ')}`;
}
