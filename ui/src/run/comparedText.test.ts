import { describe, expect, it } from 'vitest';
import type { RunEntry } from '../common/backend';
import { comparedText, NOT_RECORDED, originLabel } from './comparedText';

function entry(overrides: Partial<RunEntry>): RunEntry {
  return {
    id: 1,
    blockId: 'b',
    startedAtMs: 0,
    inputs: { kind: 'action', input: { n: 1 }, source: 'module.exports = () => 1;' },
    outcome: {
      ok: true,
      result: { total: 2 },
      response: null,
      logs: [{ level: 'info', message: 'hello' }],
      error: null,
      durationMs: 1,
    },
    origin: 'block',
    flowRun: null,
    parentRunId: null,
    childRunIds: [],
    ...overrides,
  };
}

describe('comparedText', () => {
  it('gives the code, the input and the result as text', () => {
    const run = entry({});
    expect(comparedText(run, 'code')).toBe('module.exports = () => 1;');
    expect(comparedText(run, 'input')).toBe('{\n  "n": 1\n}');
    expect(comparedText(run, 'result')).toBe('{\n  "total": 2\n}');
  });

  it('gives one line per log line with its level', () => {
    expect(comparedText(entry({}), 'logs')).toBe('info   hello');
  });

  it('adds the error of a failed run and the response of a trigger', () => {
    const failed = entry({
      outcome: {
        ok: false,
        result: null,
        response: { statusCode: 200 },
        logs: [],
        error: { name: 'TypeError', message: 'x is not a function', line: 1, column: 1, stack: null },
        durationMs: 1,
      },
    });
    expect(comparedText(failed, 'result')).toBe(
      'null\n\nresponse: {\n  "statusCode": 200\n}\n\nTypeError: x is not a function',
    );
  });

  it('says when an older run did not keep its code', () => {
    expect(comparedText(entry({ inputs: { kind: 'action', input: {} } }), 'code')).toBe(NOT_RECORDED);
  });
});

describe('originLabel', () => {
  it('names what started the run', () => {
    expect(originLabel({ origin: 'block', flowRun: null })).toBe('Run');
    expect(originLabel({ origin: 'flow', flowRun: { flow: 'Flow 1', executionId: 'x' } })).toBe('Run flow “Flow 1”');
    expect(originLabel({ origin: 'webhook', flowRun: { flow: 'Flow 1', executionId: 'x' } })).toBe(
      'Webhook call to “Flow 1”',
    );
  });
});
