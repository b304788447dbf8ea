// Checks a connection form before it is saved, and converts the Headers rows to the JSON object stored.
import type { ConnectionDraft, ConnectionKind } from '../common/backend';
import type { NameValueRow } from '../common/NameValueRows';

/** The input whose value is a list of header rows, stored as a JSON object of name → value. */
export const HEADERS_INPUT = 'headers';
/** The input that holds a PEM private key. */
export const PRIVATE_KEY_INPUT = 'privateKey';

const PEM_KINDS: [RegExp, string][] = [
  [/-----BEGIN RSA PRIVATE KEY-----[\s\S]+-----END RSA PRIVATE KEY-----/, 'a PKCS#1 (RSA) private key'],
  [/-----BEGIN PRIVATE KEY-----[\s\S]+-----END PRIVATE KEY-----/, 'a PKCS#8 private key'],
  [/-----BEGIN ENCRYPTED PRIVATE KEY-----[\s\S]+-----END ENCRYPTED PRIVATE KEY-----/, 'an encrypted PKCS#8 private key'],
  [/-----BEGIN OPENSSH PRIVATE KEY-----[\s\S]+-----END OPENSSH PRIVATE KEY-----/, 'an OpenSSH private key'],
];

/**
 * Which kind of PEM private key the text looks like, by its armour ("a PKCS#8 private key"), or null. A first
 * check as the user types; the app parses the key itself when it is saved.
 */
export function privateKeyKind(text: string): string | null {
  return PEM_KINDS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function headersToValue(rows: NameValueRow[]): string {
  const headers: Record<string, string> = {};
  for (const row of rows) if (row.name.trim() !== '') headers[row.name.trim()] = row.value;
  return Object.keys(headers).length === 0 ? '' : JSON.stringify(headers);
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Whether an input holds a URL, by the seed's naming (Authorize URL, Token URL). */
function isUrlInput(key: string): boolean {
  return /Url$/.test(key);
}

/**
 * Problems to show beside the fields, by input key (`name` for the connection name). Empty when the draft can be
 * saved. `storedSecrets` says which secret inputs already have a value in the keyring.
 */
export function draftProblems(
  kind: ConnectionKind,
  draft: ConnectionDraft,
  headerRows: NameValueRow[],
  storedSecrets: Record<string, boolean>,
  takenNames: string[],
): Record<string, string> {
  const problems: Record<string, string> = {};
  const name = draft.name.trim();
  if (name === '') problems.name = 'Give the connection a name.';
  else if (name !== draft.previousName && takenNames.includes(name)) {
    problems.name = `A connection or config variable named “${name}” exists already.`;
  }
  for (const input of kind.inputs) {
    const typed = input.secret ? (draft.secrets[input.key] ?? '') : (draft.inputs[input.key] ?? '');
    const present = typed.trim() !== '' || (input.secret && storedSecrets[input.key] === true);
    if (input.required && !present) problems[input.key] = `${input.label} is required.`;
    else if (typed.trim() !== '' && isUrlInput(input.key) && !isHttpUrl(typed.trim())) {
      problems[input.key] = `${input.label} must be an http:// or https:// URL.`;
    } else if (typed.trim() !== '' && input.key === PRIVATE_KEY_INPUT && privateKeyKind(typed) === null) {
      problems[input.key] = `${input.label} must be a PEM private key (PKCS#1, PKCS#8 or OpenSSH), BEGIN to END lines included.`;
    }
  }
  const badHeader = headerRows.find((row) => row.name.trim() !== '' && !HEADER_NAME.test(row.name.trim()));
  if (badHeader) problems[HEADERS_INPUT] = `“${badHeader.name}” is not a valid header name.`;
  return problems;
}
