import { describe, expect, it } from 'vitest';
import { claimText, expiryText, readableBody, scopeRows } from './exchange';

describe('readableBody', () => {
  it('indents JSON and leaves other text alone', () => {
    expect(readableBody('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(readableBody('<html>')).toBe('<html>');
  });
});

describe('scopeRows', () => {
  it('puts the granted scopes beside the requested ones, and those granted beyond after them', () => {
    expect(scopeRows(['repo', 'user', 'gist'], ['repo', 'user', 'read:org'])).toEqual([
      { scope: 'repo', requested: true, granted: true },
      { scope: 'user', requested: true, granted: true },
      { scope: 'gist', requested: true, granted: false },
      { scope: 'read:org', requested: false, granted: true },
    ]);
  });

  it('counts the requested scopes as granted when the response named none', () => {
    expect(scopeRows(['read'], null)).toEqual([{ scope: 'read', requested: true, granted: true }]);
  });
});

describe('expiryText', () => {
  const now = 1_800_000_000;
  it('gives the UTC time and the time left, or says it passed or was not given', () => {
    expect(expiryText(now + 3600, now)).toBe('Expires 2027-01-15 09:00:00 UTC (in 1:00:00)');
    expect(expiryText(now, now)).toBe('Expired at 2027-01-15 08:00:00 UTC');
    expect(expiryText(null, now)).toBe('No expiry given (the response has no expires_in)');
  });
});

describe('claimText', () => {
  it('shows texts as they are, other values as JSON, and time claims with their UTC time', () => {
    expect(claimText('sub', 'alice')).toBe('alice');
    expect(claimText('aud', ['a', 'b'])).toBe('["a","b"]');
    expect(claimText('exp', 1_800_000_000)).toBe('1800000000 (2027-01-15 08:00:00 UTC)');
    expect(claimText('max_age', 3600)).toBe('3600');
  });
});
