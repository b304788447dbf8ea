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
