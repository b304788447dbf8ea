// Reads a run kept in the history back into the shapes the run panel shows.
import { api, type JsonValue, type RunEntry, type RunOutcome } from '../common/backend';
import { isJsonObject } from '../common/json';

/** The outcome a history entry holds, or null when it is not one this version of the app can show. */
export function recordedOutcome(entry: RunEntry): RunOutcome | null {
  const outcome = entry.outcome;
  if (!isJsonObject(outcome) || typeof outcome.ok !== 'boolean' || !Array.isArray(outcome.logs)) return null;
  return outcome as unknown as RunOutcome;
}

/** The input a recorded run was given (`inputs.input`), so it can be run again. */
export function recordedInput(entry: RunEntry): JsonValue {
  return isJsonObject(entry.inputs) && 'input' in entry.inputs ? (entry.inputs.input ?? null) : entry.inputs;
}

/**
 * The block's newest recorded run, or null when it has none or the history cannot be read (the panel then simply
 * shows no earlier result).
 */
export async function lastRecordedRun(blockId: string): Promise<RunEntry | null> {
  try {
    const [newest] = await api.historyList(blockId);
    return newest ? await api.historyGet(newest.id) : null;
  } catch {
    return null;
  }
}
