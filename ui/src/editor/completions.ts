// What to suggest at the cursor in a block: pure logic over the text before the cursor and the workspace's names,
// so it can be tested without Monaco.
import { isJsonObject } from '../common/json';
import type { JsonValue } from '../common/backend';
import { CONTEXT_MEMBERS } from './contextMembers';

export type SuggestionKind = 'method' | 'property' | 'variable';

export interface Suggestion {
  label: string;
  /** Text that replaces the word being typed. */
  insertText: string;
  kind: SuggestionKind;
  detail: string;
}

export interface CompletionConnection {
  name: string;
  /** Input keys of the connection's kind, for `configVars["name"].fields.`. */
  inputKeys: string[];
  oauth: boolean;
}

export interface CompletionScope {
  configVarNames: string[];
  connections: CompletionConnection[];
  /** `stepResults` keys of the steps before this block, with their last results (null when never run). */
  earlierSteps: { key: string; name: string; lastResult: JsonValue }[];
  /** Whether the block is a trigger (its second argument is `payload`). */
  isTrigger: boolean;
  /** The payload the trigger is run with, to suggest its header and query parameter names. */
  samplePayload: JsonValue;
}

export interface CompletionRequest {
  textBeforeCursor: string;
  textAfterCursor: string;
}

export interface CompletionAnswer {
  /** How many characters before the cursor the suggestions replace. */
  replaceLength: number;
  suggestions: Suggestion[];
}

const LOGGER_METHODS: [string, string][] = [
  ['debug', 'Log at debug level'],
  ['info', 'Log at info level'],
  ['warn', 'Log at warn level'],
  ['error', 'Log at error level'],
  ['log', 'Log at info level'],
  ['trace', 'Log at trace level'],
  ['metric', 'Log a metric'],
];

const PAYLOAD_FIELDS: [string, string][] = [
  ['headers', 'Request headers by name'],
  ['queryParameters', 'Query parameters by name'],
  ['rawBody', 'The raw request body: { data, contentType }'],
  ['body', 'The request body: { data, contentType }'],
  ['pathFragment', 'The URL path after the webhook URL'],
  ['webhookUrls', 'Webhook URL of each flow'],
  ['webhookApiKeys', 'Webhook API keys of each flow'],
  ['invokeUrl', 'The URL that was called'],
  ['executionId', 'This execution’s id'],
  ['customer', 'The customer: id, name, externalId'],
  ['instance', 'The instance: id, name'],
  ['user', 'The user: id, name, email, externalId'],
  ['integration', 'The integration: id, name, versionSequenceId'],
  ['flow', 'The flow: id, name'],
  ['startedAt', 'When the execution started (ISO 8601)'],
];

const BODY_FIELDS: [string, string][] = [
  ['data', 'The body content'],
  ['contentType', 'The body’s content type'],
];

const CONNECTION_FIELDS: [string, string][] = [
  ['key', 'The connection kind’s key'],
  ['fields', 'The connection’s inputs by key'],
  ['token', 'The OAuth 2.0 token response'],
];

const TOKEN_FIELDS: [string, string][] = [
  ['access_token', 'The access token'],
  ['token_type', 'Usually "Bearer"'],
  ['expires_in', 'Seconds until the access token expires'],
  ['refresh_token', 'The refresh token, when the provider issued one'],
  ['scope', 'The scopes granted'],
];

const IDENT = '[A-Za-z_$][\\w$]*';
const PARTIAL = '([\\w$]*)$';
const QUOTED_NAME = '\\[\\s*(["\'`])([^"\'`\\]]*)\\1\\s*\\]';

function fromPairs(pairs: [string, string][], kind: SuggestionKind): Suggestion[] {
  return pairs.map(([label, detail]) => ({ label, insertText: label, kind, detail }));
}

function keysOf(value: JsonValue | undefined, detail: string): Suggestion[] {
  if (!isJsonObject(value)) return [];
  return Object.keys(value).map((key) => ({ label: key, insertText: key, kind: 'property', detail }));
}

function answer(partial: string, suggestions: Suggestion[]): CompletionAnswer {
  return { replaceLength: partial.length, suggestions };
}

/** Suggestions for the cursor position, or null when this provider has nothing to say there. */
export function suggestAt(request: CompletionRequest, scope: CompletionScope): CompletionAnswer | null {
  const before = request.textBeforeCursor;
  let match: RegExpMatchArray | null;

  if ((match = before.match(new RegExp(`\\blogger\\.${PARTIAL}`)))) {
    return answer(match[1] ?? '', fromPairs(LOGGER_METHODS, 'method'));
  }

  // configVars["Name"].fields.<key>, .token.<field>, then configVars["Name"].<field>
  if ((match = before.match(new RegExp(`\\bconfigVars${QUOTED_NAME}\\.fields\\.${PARTIAL}`)))) {
    const connection = scope.connections.find((candidate) => candidate.name === match?.[2]);
    if (!connection) return null;
    const suggestions = connection.inputKeys.map<Suggestion>((key) => ({
      label: key,
      insertText: key,
      kind: 'property',
      detail: `Input of “${connection.name}”`,
    }));
    return answer(match[3] ?? '', suggestions);
  }
  if ((match = before.match(new RegExp(`\\bconfigVars${QUOTED_NAME}\\.token\\.${PARTIAL}`)))) {
    return answer(match[3] ?? '', fromPairs(TOKEN_FIELDS, 'property'));
  }
  if ((match = before.match(new RegExp(`\\bconfigVars${QUOTED_NAME}\\.${PARTIAL}`)))) {
    const connection = scope.connections.find((candidate) => candidate.name === match?.[2]);
    if (!connection) return null;
    const fields = CONNECTION_FIELDS.filter(([field]) => field !== 'token' || connection.oauth);
    return answer(match[3] ?? '', fromPairs(fields, 'property'));
  }

  // configVars["Na|  — suggest names, closing the string and bracket unless they are already there.
  if ((match = before.match(/\bconfigVars\[\s*(["'`])([^"'`\]]*)$/))) {
    const quote = match[1] ?? '"';
    const closing = request.textAfterCursor.startsWith(`${quote}]`) ? '' : `${quote}]`;
    return answer(match[2] ?? '', namedConfigEntries(scope, closing));
  }
  // configVars[|  — names contain spaces, so complete to the quoted, bracketed form.
  if (/\bconfigVars\[$/.test(before)) {
    const suggestions = namedConfigEntries(scope, '"]').map((suggestion) => ({
      ...suggestion,
      insertText: `"${suggestion.insertText}`,
    }));
    return answer('', suggestions);
  }

  if ((match = before.match(new RegExp(`\\bstepResults\\.(${IDENT})\\.results\\.${PARTIAL}`)))) {
    const step = scope.earlierSteps.find((candidate) => candidate.key === match?.[1]);
    return step ? answer(match[2] ?? '', keysOf(step.lastResult, `From the last run of “${step.name}”`)) : null;
  }
  if ((match = before.match(new RegExp(`\\bstepResults\\.(${IDENT})\\.${PARTIAL}`)))) {
    const step = scope.earlierSteps.find((candidate) => candidate.key === match?.[1]);
    if (!step) return null;
    return answer(match[2] ?? '', [
      { label: 'results', insertText: 'results', kind: 'property', detail: `What “${step.name}” returned as its result` },
    ]);
  }
  if ((match = before.match(new RegExp(`\\bstepResults\\.${PARTIAL}`)))) {
    const suggestions = scope.earlierSteps.map<Suggestion>((step) => ({
      label: step.key,
      insertText: step.key,
      kind: 'variable',
      detail: `Result of the step “${step.name}”`,
    }));
    return answer(match[1] ?? '', suggestions);
  }

  if (scope.isTrigger) {
    const sample = isJsonObject(scope.samplePayload) ? scope.samplePayload : {};
    if ((match = before.match(new RegExp(`\\bpayload\\.(body|rawBody)\\.${PARTIAL}`)))) {
      return answer(match[2] ?? '', fromPairs(BODY_FIELDS, 'property'));
    }
    if ((match = before.match(new RegExp(`\\bpayload\\.(headers|queryParameters)\\.${PARTIAL}`)))) {
      return answer(match[2] ?? '', keysOf(sample[match[1] ?? ''], 'From the sample payload'));
    }
    if ((match = before.match(new RegExp(`\\bpayload\\.${PARTIAL}`)))) {
      return answer(match[1] ?? '', fromPairs(PAYLOAD_FIELDS, 'property'));
    }
  }

  if ((match = before.match(new RegExp(`\\bcontext\\.${PARTIAL}`)))) {
    return answer(match[1] ?? '', contextMemberSuggestions());
  }
  return null;
}

/** `context.` members from Rust's one definition (contextMembers.ts is generated): the type, then what it is. */
function contextMemberSuggestions(): Suggestion[] {
  return CONTEXT_MEMBERS.map(({ name, type, doc }) => ({
    label: name,
    insertText: name,
    kind: 'property',
    detail: `${type} — ${doc}`,
  }));
}

function namedConfigEntries(scope: CompletionScope, closing: string): Suggestion[] {
  const variables = scope.configVarNames.map<Suggestion>((name) => ({
    label: name,
    insertText: `${name}${closing}`,
    kind: 'variable',
    detail: 'Config variable',
  }));
  const connections = scope.connections.map<Suggestion>((connection) => ({
    label: connection.name,
    insertText: `${connection.name}${closing}`,
    kind: 'variable',
    detail: 'Connection',
  }));
  return [...variables, ...connections];
}
