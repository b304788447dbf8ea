// The connection form's logic: which inputs a kind shows, the draft sent on Save, and the checks made before it.
import type { ConnectionDraft, ConnectionInput, ConnectionKind } from '../common/backend';
import type { NameValueRow } from '../common/NameValueRows';

/**
 * The fields the form shows for a kind: its inputs, then its settings (for authorization code the issuer, the
 * redirect URI with its default, and "Remember provider login"), all as Rust defines them.
 */
export function formInputs(kind: ConnectionKind): ConnectionInput[] {
  return [...kind.inputs, ...kind.settings];
}

/** What the person has typed into the connection form. */
export interface ConnectionFormState {
  /** The saved connection's name, or null for a new one. */
  original: string | null;
  name: string;
  /** Non-secret fields by input key. */
  fields: Record<string, string>;
  /** Secret fields typed anew, by input key (the Headers input is in `headerRows`). */
  secrets: Record<string, string>;
  headerRows: NameValueRow[];
}

const PEM_KINDS: [RegExp, string][] = [
  [/-----BEGIN RSA PRIVATE KEY-----[\s\S]+-----END RSA PRIVATE KEY-----/, 'a PKCS#1 (RSA) private key'],
  [/-----BEGIN PRIVATE KEY-----[\s\S]+-----END PRIVATE KEY-----/, 'a PKCS#8 private key'],
  [/-----BEGIN ENCRYPTED PRIVATE KEY-----[\s\S]+-----END ENCRYPTED PRIVATE KEY-----/, 'an encrypted PKCS#8 private key'],
  [/-----BEGIN OPENSSH PRIVATE KEY-----[\s\S]+-----END OPENSSH PRIVATE KEY-----/, 'an OpenSSH private key'],
];

/**
 * Which kind of PEM private key the text looks like, by its armour ("a PKCS#8 private key"), or null. A first
 * check as the person types; the app parses the key itself when it is saved.
 */
export function privateKeyKind(text: string): string | null {
  return PEM_KINDS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Header rows as the app stores them: a JSON object of name → value; no rows is nothing to store. */
export function headersToValue(rows: NameValueRow[]): string {
  const headers: Record<string, string> = {};
  for (const row of rows) if (row.name.trim() !== '') headers[row.name.trim()] = row.value;
  return Object.keys(headers).length === 0 ? '' : JSON.stringify(headers);
}

/** The rows of a stored Headers value (a JSON object of name → value); none when it is not such an object. */
export function headersFromValue(value: string): NameValueRow[] {
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [];
    return Object.entries(parsed).map(([name, entry]) => ({
      name,
      value: typeof entry === 'string' ? entry : JSON.stringify(entry),
    }));
  } catch {
    return [];
  }
}

/** What Save sends: every non-secret field, and only the secrets typed anew. */
export function buildDraft(kindKey: string, inputs: ConnectionInput[], form: ConnectionFormState): ConnectionDraft {
  const values: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const input of inputs) {
    if (input.format === 'toggle') {
      values[input.key] = form.fields[input.key] === 'true' ? 'true' : 'false';
      continue;
    }
    if (!input.secret) {
      values[input.key] = (form.fields[input.key] ?? '').trim();
      continue;
    }
    const typed = input.format === 'headers' ? headersToValue(form.headerRows) : (form.secrets[input.key] ?? '');
    if (typed.trim() !== '') secrets[input.key] = typed;
  }
  return { original: form.original, name: form.name.trim(), kind: kindKey, values, secrets };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Plain http off this machine, where secrets would cross the network unencrypted. */
function isPlainHttpOffThisMachine(text: string): boolean {
  const url = new URL(text);
  return url.protocol === 'http:' && !LOOPBACK_HOSTS.test(url.hostname);
}

function formatProblem(input: ConnectionInput, typed: string): string | null {
  switch (input.format) {
    case 'url':
      return isHttpUrl(typed) ? null : `${input.label} must be an http:// or https:// URL.`;
    case 'secureUrl':
      if (!isHttpUrl(typed)) return `${input.label} must be an http:// or https:// URL.`;
      return isPlainHttpOffThisMachine(typed)
        ? `${input.label} must use https:// (plain http only on 127.0.0.1, localhost or [::1]).`
        : null;
    case 'privateKey':
      return privateKeyKind(typed) !== null
        ? null
        : `${input.label} must be a PEM private key (PKCS#1, PKCS#8 or OpenSSH), BEGIN to END lines included.`;
    case 'text':
    case 'scopes':
    case 'headers':
    case 'toggle':
      return null;
  }
}

/**
 * Problems to show beside the fields, by input key (`name` for the connection name). Empty when the draft can be
 * saved. `storedSecrets` says which secret inputs already have a value in the keyring.
 */
export function draftProblems(
  inputs: ConnectionInput[],
  draft: ConnectionDraft,
  headerRows: NameValueRow[],
  storedSecrets: Record<string, boolean>,
  takenNames: string[],
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (draft.name === '') problems.name = 'Give the connection a name.';
  else if (draft.name !== draft.original && takenNames.includes(draft.name)) {
    problems.name = `A connection or config variable named “${draft.name}” exists already.`;
  }
  for (const input of inputs) {
    const typed = ((input.secret ? draft.secrets[input.key] : draft.values[input.key]) ?? '').trim();
    const present = typed !== '' || (input.secret && storedSecrets[input.key] === true);
    if (input.required && !present) problems[input.key] = `${input.label} is required.`;
    else if (typed !== '') {
      const problem = formatProblem(input, typed);
      if (problem !== null) problems[input.key] = problem;
    }
    if (input.format === 'headers') {
      const badHeader = headerRows.find((row) => row.name.trim() !== '' && !HEADER_NAME.test(row.name.trim()));
      if (badHeader) problems[input.key] = `“${badHeader.name}” is not a valid header name.`;
    }
  }
  return problems;
}
