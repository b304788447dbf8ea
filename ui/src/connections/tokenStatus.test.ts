import { describe, expect, it } from 'vitest';
import type { TokenStatus } from '../common/backend';
import { formatCountdown, isExpired, tokenStatusText } from './tokenStatus';

const NOW = 1_800_000_000;

function token(change: Partial<TokenStatus> = {}): TokenStatus {
  return {
    expiresAt: NOW + 3552,
    scopes: ['a', 'b'],
    hasRefreshToken: true,
    expired: false,
    needsRefresh: false,
    needsConsent: false,
    ...change,
  };
}

describe('formatCountdown', () => {
  it('shows minutes and seconds, and hours from an hour up', () => {
    expect(formatCountdown(3552)).toBe('59:12');
    expect(formatCountdown(65)).toBe('1:05');
    expect(formatCountdown(3723)).toBe('1:02:03');
    expect(formatCountdown(-4)).toBe('0:00');
  });
});

describe('tokenStatusText', () => {
  it('says a token the provider refused to refresh needs consent, even while it has not expired', () => {
    expect(tokenStatusText(token({ needsConsent: true, hasRefreshToken: false }), NOW, true, false)).toBe(
      'Needs consent · press Connect to sign in again',
    );
  });

  it('describes a live token with its countdown, scopes and refresh token', () => {
    expect(tokenStatusText(token(), NOW, true, false)).toBe(
      'Connected · expires in 59:12 · scopes: a b · refresh token: yes',
    );
    expect(tokenStatusText(token(), NOW + 1, true, false)).toBe(
      'Connected · expires in 59:11 · scopes: a b · refresh token: yes',
    );
  });

  it('says when there is no token or no expiry', () => {
    expect(tokenStatusText(null, NOW, true, false)).toBe('Not connected');
    expect(tokenStatusText(token({ expiresAt: null, scopes: [], hasRefreshToken: false }), NOW, false, false)).toBe(
      'Connected · no expiry · refresh token: no',
    );
  });

  it('says Expired once the clock passes the expiry, and Needs consent when only Connect helps', () => {
    expect(tokenStatusText(token(), NOW + 3552, true, false)).toBe('Expired · scopes: a b · refresh token: yes');
    expect(tokenStatusText(token({ expired: true, hasRefreshToken: false }), NOW, false, false)).toMatch(/^Expired/);
    expect(tokenStatusText(token({ expired: true, hasRefreshToken: false }), NOW, true, false)).toMatch(
      /^Needs consent/,
    );
    expect(tokenStatusText(token(), NOW, true, true)).toMatch(/^Needs consent/);
  });
});

describe('isExpired', () => {
  it('trusts the app and the clock', () => {
    expect(isExpired(token({ expired: true }), NOW)).toBe(true);
    expect(isExpired(token(), NOW + 3552)).toBe(true);
    expect(isExpired(token({ expiresAt: null }), NOW + 10_000)).toBe(false);
  });
});
