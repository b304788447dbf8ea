// The inspector's reading of a recorded token exchange (its type comes from Rust through the bindings): bodies
// indented for reading, the requested scopes beside the granted ones, the expiry, and a decoded JWT's claims.
import { formatCountdown } from './tokenStatus';

/** A JSON body indented for reading; any other body as it came. */
export function readableBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** One scope of a token request and its answer. */
export interface ScopeRow {
  scope: string;
  requested: boolean;
  granted: boolean;
}

/**
 * Every scope requested or granted: the requested ones in their order, then any granted beyond them. With no
 * granted list (the response named no scope) the requested ones were granted, as RFC 6749 section 5.1 has it.
 */
export function scopeRows(requested: string[], granted: string[] | null): ScopeRow[] {
  const grantedSet = new Set(granted ?? requested);
  const rows = requested.map((scope) => ({ scope, requested: true, granted: grantedSet.has(scope) }));
  const requestedSet = new Set(requested);
  for (const scope of granted ?? []) {
    if (!requestedSet.has(scope)) rows.push({ scope, requested: false, granted: true });
  }
  return rows;
}

/** Unix seconds as `2026-12-03 08:41:00 UTC`. */
export function utcTime(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** "Expires 2026-12-03 08:41:00 UTC (in 59:12)", "Expired at …", or that the provider gave no expiry. */
export function expiryText(expiresAt: number | null, nowSeconds: number): string {
  if (expiresAt === null) return 'No expiry given (the response has no expires_in)';
  if (expiresAt <= nowSeconds) return `Expired at ${utcTime(expiresAt)}`;
  return `Expires ${utcTime(expiresAt)} (in ${formatCountdown(expiresAt - nowSeconds)})`;
}

/** JWT claims that are times in Unix seconds (RFC 7519 section 4.1, OpenID Connect's `auth_time`). */
const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf', 'auth_time']);

/** A claim's value for reading: texts as they are, other JSON as JSON, a time claim with its UTC time after it. */
export function claimText(name: string, value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return TIME_CLAIMS.has(name) && typeof value === 'number' ? `${text} (${utcTime(value)})` : text;
}
