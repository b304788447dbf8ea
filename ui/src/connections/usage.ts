// What a connection row says about a connection beyond its name: whether its secrets (or its token) are stored
// here, and the expression a block reads it with, for the row's Copy button. Pure, so it is tested without React.
import type { ConnectionKind, ConnectionView } from '../common/backend';

export type SecretState = 'stored' | 'missing' | 'none';

export interface ConnectionUsage {
  /** What a block writes to read the connection's credential, e.g. `configVars["Acme"].fields.apiKey`. */
  expression: string;
  state: SecretState;
  /** The state as a short phrase for the row: "token stored", "secret missing: apiKey", … */
  summary: string;
}

/** `configVars["Acme"]`, with the name written as a JavaScript string (quotes and backslashes escaped). */
function configEntry(name: string): string {
  return `configVars[${JSON.stringify(name)}]`;
}

export function connectionUsage(connection: ConnectionView, kind: ConnectionKind | undefined): ConnectionUsage {
  const entry = configEntry(connection.name);
  if (kind?.oauth) {
    const expression = `${entry}.token.access_token`;
    if (connection.hasToken) return { expression, state: 'stored', summary: 'token stored' };
    const how = kind.consent ? 'Connect to get one' : 'Fetch token to get one';
    return { expression, state: 'missing', summary: `no token yet (${how})` };
  }
  const secretKeys = (kind?.inputs ?? []).filter((input) => input.secret).map((input) => input.key);
  const firstKey = secretKeys[0] ?? kind?.inputs[0]?.key;
  const expression = firstKey === undefined ? entry : `${entry}.fields.${firstKey}`;
  if (secretKeys.length === 0) return { expression, state: 'none', summary: 'no secrets' };
  const missing = secretKeys.filter((key) => connection.secrets[key] !== true);
  if (missing.length === 0) {
    return { expression, state: 'stored', summary: secretKeys.length === 1 ? 'secret stored' : 'secrets stored' };
  }
  return { expression, state: 'missing', summary: `secret missing: ${missing.join(', ')}` };
}
