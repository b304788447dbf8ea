// What the OAuth status line says about a connection's token, given the time now (so it can count down).
import type { TokenStatus } from '../common/backend';

/** Seconds left as `59:12`, or `1:02:03` from an hour up. */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Whether the token is past its expiry, by the app's word or by the clock since it answered. */
export function isExpired(status: TokenStatus, nowSeconds: number): boolean {
  return status.expired || (status.expiresAt !== null && status.expiresAt <= nowSeconds);
}

/**
 * The status line: "Connected · expires in 59:12 · scopes: a b · refresh token: yes", "Not connected", "Expired …",
 * or "Needs consent" when only Connect can get a token again: the stored token is marked so (the provider refused
 * its refresh, kept across restarts), or `consentNeeded` is set because the app just said so.
 */
export function tokenStatusText(
  status: TokenStatus | null,
  nowSeconds: number,
  canConsent: boolean,
  consentNeeded: boolean,
): string {
  if (consentNeeded || status?.needsConsent === true) return 'Needs consent · press Connect to sign in again';
  if (status === null) return 'Not connected';
  const details: string[] = [];
  if (status.scopes.length > 0) details.push(`scopes: ${status.scopes.join(' ')}`);
  details.push(`refresh token: ${status.hasRefreshToken ? 'yes' : 'no'}`);
  if (isExpired(status, nowSeconds)) {
    const head = canConsent && !status.hasRefreshToken ? 'Needs consent' : 'Expired';
    return [head, ...details].join(' · ');
  }
  const expiry = status.expiresAt === null ? 'no expiry' : `expires in ${formatCountdown(status.expiresAt - nowSeconds)}`;
  return ['Connected', expiry, ...details].join(' · ');
}
