import { describe, expect, it } from 'vitest';
import { shortHeaderWarning, shortSecretWarning, tooShortToRedact } from './shortSecrets';

describe('secrets too short to be redacted', () => {
  it('are the non-empty values under 6 characters, counted as characters', () => {
    expect(tooShortToRedact('')).toBe(false);
    expect(tooShortToRedact('abc12')).toBe(true);
    expect(tooShortToRedact('abc123')).toBe(false);
    expect(tooShortToRedact('ééééé')).toBe(true);
    expect(tooShortToRedact('éééééé')).toBe(false);
  });

  it('get a warning that says why, without repeating the value', () => {
    const warning = shortSecretWarning('k3y5x');
    expect(warning).toMatch(/^This value is shorter than 6 characters, so it is not redacted/);
    expect(warning).not.toContain('k3y5x');
    expect(shortSecretWarning('long-enough')).toBeNull();
    expect(shortSecretWarning('')).toBeNull();
  });

  it('name each header whose value is too short', () => {
    const rows = [
      { name: 'X-Tenant', value: 't1' },
      { name: 'X-Long', value: 'long-enough' },
      { name: 'X-Team', value: 'ab' },
      { name: '', value: 'x' },
    ];
    expect(shortHeaderWarning(rows)).toMatch(/^The value of headers “X-Tenant”, “X-Team” is shorter than 6 characters/);
    expect(shortHeaderWarning([{ name: 'X-Long', value: 'long-enough' }])).toBeNull();
  });
});
