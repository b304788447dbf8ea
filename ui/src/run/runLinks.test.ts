import { describe, expect, it } from 'vitest';
import type { LinkedRun, RunEntry } from '../common/backend';
import { expandedWith, invokedLinks, invokerLink, recordedAnswer } from './runLinks';

const names: Record<string, string> = { 'caller-trigger': 'Caller Trigger' };
const blockName = (blockId: string) => names[blockId] ?? null;

function linked(id: number, blockId: string, flow: string | null, ok = true): LinkedRun {
  return { id, blockId, flow, ok };
}

function entry(inputs: RunEntry['inputs'], outcome: RunEntry['outcome']): RunEntry {
  return {
    id: 12,
    blockId: 'echo-trigger',
    startedAtMs: 0,
    inputs,
    outcome,
    origin: 'flow',
    flowRun: { flow: 'Echo', executionId: 'run-1-invoked-3' },
    parentRunId: 7,
    childRunIds: [],
  };
}

describe('the run that invoked a run', () => {
  it('names the invoking block and its run number, and leads to that run in its block’s history', () => {
    const link = invokerLink({ parentRunId: 7, invokedBy: linked(7, 'caller-trigger', 'Caller') }, blockName);
    expect(link).toEqual({
      target: { blockId: 'caller-trigger', runId: 7 },
      text: 'Invoked by Caller Trigger run #7',
      ok: true,
    });
  });

  it('names the flow when the invoking block was deleted since', () => {
    const link = invokerLink({ parentRunId: 7, invokedBy: linked(7, 'gone', 'Caller', false) }, blockName);
    expect(link?.text).toBe('Invoked by a step of “Caller” run #7');
    expect(link?.ok).toBe(false);
  });

  it('says so, without a target, when the history no longer holds the invoking run', () => {
    expect(invokerLink({ parentRunId: 7, invokedBy: null }, blockName)).toEqual({
      target: null,
      text: 'Invoked by run #7, no longer in the history',
      ok: null,
    });
  });

  it('is absent for a run nothing invoked', () => {
    expect(invokerLink({ parentRunId: null, invokedBy: null }, blockName)).toBeNull();
  });
});

describe('the runs a run invoked', () => {
  it('lists each invoked flow with its run number, in the order recorded', () => {
    const invoked = [linked(12, 'echo-trigger', 'Echo'), linked(13, 'echo-trigger', 'Echo', false)];
    const links = invokedLinks({ invoked });
    expect(links).toEqual([
      { target: { blockId: 'echo-trigger', runId: 12 }, text: 'Invoked flow “Echo”: run #12', ok: true },
      { target: { blockId: 'echo-trigger', runId: 13 }, text: 'Invoked flow “Echo”: run #13', ok: false },
    ]);
    expect(invokedLinks({ invoked: [] })).toEqual([]);
  });
});

describe('an expanded history row', () => {
  it('shows an invoked flow’s answer and its failed step’s error', () => {
    const response = { statusCode: 500, contentType: 'application/json', body: { error: 'x' } };
    const answer = recordedAnswer(
      entry(
        { kind: 'flow', flow: 'Echo', payload: {} },
        { ok: false, steps: [], response, error: { name: 'InvokeFlowError', message: 'a cycle' } },
      ),
    );
    expect(answer).toEqual({ kind: 'invoked-flow', flow: 'Echo', response, error: 'InvokeFlowError: a cycle' });
  });

  it('shows a block run’s result and response', () => {
    const outcome = { ok: true, returned: null, result: { n: 1 }, response: null, logs: [], error: null };
    expect(recordedAnswer(entry({ kind: 'action', input: {} }, outcome))).toEqual({
      kind: 'block',
      result: { n: 1 },
      response: null,
    });
    expect(recordedAnswer(entry({ kind: 'action' }, { ok: 'yes' }))).toEqual({ kind: 'unreadable' });
  });

  it('opens the run a link asked for and keeps the others as they were', () => {
    expect(expandedWith([3], 5)).toEqual([3, 5]);
    expect(expandedWith([3, 5], 5)).toEqual([3, 5]);
    expect(expandedWith([3], null)).toEqual([3]);
  });
});
