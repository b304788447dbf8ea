import { describe, expect, it } from 'vitest';
import { describeStepResults, formatSize, isEmptySample, stepResultsFrom } from './stepResults';

describe('stepResultsFrom', () => {
  it('maps each earlier step to its key and last results', () => {
    expect(
      stepResultsFrom([
        { stepKey: 'codeBlockTrigger', lastResult: { orderId: 7 } },
        { stepKey: 'getDataFromApi', lastResult: null },
      ]),
    ).toEqual({
      codeBlockTrigger: { results: { orderId: 7 } },
      getDataFromApi: { results: null },
    });
  });
});

describe('isEmptySample', () => {
  it('treats a new block’s `{}` and no sample as empty, and anything else as given', () => {
    expect(isEmptySample({})).toBe(true);
    expect(isEmptySample(null)).toBe(true);
    expect(isEmptySample({ codeBlockTrigger: { results: 1 } })).toBe(false);
    expect(isEmptySample([])).toBe(false);
  });
});

describe('describeStepResults', () => {
  it('names each step’s results and their size in one line', () => {
    const value = { getDataFromApi: { results: Array.from({ length: 20_000 }, () => ({})) }, trigger: { results: { a: 1 } } };
    expect(describeStepResults(3_456_789, value)).toBe(
      '3.5 MB of JSON: getDataFromApi.results (20,000 items), trigger.results (1 key)',
    );
  });

  it('says when the text is not valid JSON or is not an object of steps', () => {
    expect(describeStepResults(250_000, undefined)).toBe('250 KB of JSON, not valid');
    expect(describeStepResults(250_000, [1, 2])).toBe('250 KB of JSON: 2 items');
    expect(formatSize(10)).toBe('1 KB');
  });
});
