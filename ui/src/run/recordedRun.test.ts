import { describe, expect, it } from 'vitest';
import type { RunEntry } from '../common/backend';
import { recordedInput, recordedOutcome } from './recordedRun';

function entry(inputs: RunEntry['inputs'], outcome: RunEntry['outcome']): RunEntry {
  return {
    id: 1,
    blockId: 'code-block',
    startedAtMs: 0,
    inputs,
    outcome,
    origin: 'block',
    flowRun: null,
    parentRunId: null,
    childRunIds: [],
  };
}

describe('recorded runs', () => {
  it('reads the input a run was given from `inputs.input`', () => {
    expect(recordedInput(entry({ kind: 'action', input: { a: { results: 1 } }, source: 'x' }, null))).toEqual({
      a: { results: 1 },
    });
  });

  it('reads an outcome that has the run outcome shape, and refuses one that does not', () => {
    const outcome = { ok: true, returned: null, result: 3, response: null, logs: [], error: null, durationMs: 2 };
    expect(recordedOutcome(entry({}, outcome))?.result).toBe(3);
    expect(recordedOutcome(entry({}, { ok: 'yes' }))).toBeNull();
  });
});
