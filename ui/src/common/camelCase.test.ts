import { describe, expect, it } from 'vitest';
import { stepResultKey } from './camelCase';

describe('stepResultKey', () => {
  it('camelCases a display name as the platform does', () => {
    expect(stepResultKey('Get Data from API')).toBe('getDataFromApi');
    expect(stepResultKey('Code Block Trigger')).toBe('codeBlockTrigger');
    expect(stepResultKey('Code Block')).toBe('codeBlock');
  });

  it('keeps digits and drops punctuation and extra spaces', () => {
    expect(stepResultKey('step 2 data')).toBe('step2Data');
    expect(stepResultKey('  Fetch -- orders (v2) ')).toBe('fetchOrdersV2');
  });

  it('splits words inside an already camelCased or acronym name', () => {
    expect(stepResultKey('parseXMLResponse')).toBe('parseXmlResponse');
    expect(stepResultKey('getHTTPStatus')).toBe('getHttpStatus');
  });
});
