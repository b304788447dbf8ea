import { describe, expect, it } from 'vitest';
import type { CaseRun, TestCaseRef } from '../common/backend';
import { caseKey, forListedCases, summary, withReport } from './caseResults';

function listed(caseId: string, blockId = 'get-orders'): TestCaseRef {
  return { block: 'Get Orders', blockId, case: caseId, caseId };
}

function ran(caseId: string, status: CaseRun['status'], blockId = 'get-orders'): CaseRun {
  return {
    block: 'Get Orders',
    blockId,
    case: caseId,
    caseId,
    status,
    durationMs: 3,
    differences: [],
    unmatchedRequests: [],
  };
}

describe('case results', () => {
  it('keeps the newest run of each case, across blocks with cases of the same id', () => {
    let results = withReport(new Map(), { cases: [ran('open', 'failed'), ran('open', 'passed', 'trigger')] });
    results = withReport(results, { cases: [ran('open', 'updated')] });
    expect(results.get(caseKey('get-orders', 'open'))?.status).toBe('updated');
    expect(results.get(caseKey('trigger', 'open'))?.status).toBe('passed');
  });

  it('forgets the runs of cases no longer listed', () => {
    const results = withReport(new Map(), { cases: [ran('open', 'passed'), ran('gone', 'failed')] });
    expect([...forListedCases(results, [listed('open')]).keys()]).toEqual([caseKey('get-orders', 'open')]);
  });

  it('sums up what ran, counting an accepted outcome as passed', () => {
    const cases = [listed('a'), listed('b'), listed('c')];
    expect(summary([], new Map())).toBe('no cases');
    expect(summary(cases, new Map())).toBe('3 cases, not run yet');
    const results = withReport(new Map(), { cases: [ran('a', 'passed'), ran('b', 'failed')] });
    expect(summary(cases, results)).toBe('3 cases: 1 passed, 1 failed, 1 not run');
    expect(summary([listed('a')], withReport(results, { cases: [ran('a', 'updated')] }))).toBe(
      '1 case: 1 passed, 0 failed',
    );
  });
});
