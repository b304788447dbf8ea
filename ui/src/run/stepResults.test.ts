import { describe, expect, it } from 'vitest';
import { isEmptySample, stepResultsFrom } from './stepResults';

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
