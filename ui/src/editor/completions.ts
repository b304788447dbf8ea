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
  /**
   * How many more characters before the word this suggestion also replaces: `configVars.` completes a name that is
   * not an identifier to `configVars["App Base URL"]`, replacing the dot too.
   */
  replaceBefore?: number;
  /** What the editor filters on when it differs from the label (it then covers the replaced dot as well). */
  filterText?: string;
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
  /** The whole block, for the names it declares (optional: most suggestions need only the line). */
  source?: string;
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
/** A config entry by name: `["App Base URL"]` (quote in group 1, name in group 2) or `.region` (name in group 3). */
const NAMED_ENTRY = `(?:\\[\\s*(["'\`])([^"'\`\\]]*)\\1\\s*\\]|\\.(${IDENT}))`;

/** The names a block reaches at its top level: its arguments, then the globals blocks use most. */
const TOP_LEVEL_NAMES: [string, string, SuggestionKind][] = [
  ['configVars', 'Config variables and connections by name', 'variable'],
  ['logger', 'Logs a line at a level: logger.info(…)', 'variable'],
  ['context', 'The run’s context: configVars, logger, stepResults, …', 'variable'],
  ['fetch', 'Makes an HTTP request', 'method'],
  ['console', 'Logs like logger (console.log logs at info)', 'variable'],
  ['JSON', 'JSON.parse and JSON.stringify', 'variable'],
  ['Buffer', 'Node’s bytes: Buffer.from(…)', 'variable'],
  ['require', 'Loads a Node built-in module: crypto, zlib, util, …', 'method'],
  ['URL', 'Parses and builds URLs', 'variable'],
  ['URLSearchParams', 'Builds query strings', 'variable'],
  ['Object', 'Object.keys, Object.entries, …', 'variable'],
  ['Array', 'Array.isArray, Array.from, …', 'variable'],
  ['Promise', 'Promise.all, Promise.allSettled, …', 'variable'],
  ['Date', 'Dates and times', 'variable'],
  ['Math', 'Math.round, Math.max, …', 'variable'],
  ['Number', 'Number.parseFloat, Number.isInteger, …', 'variable'],
  ['String', 'Converts to text', 'variable'],
  ['setTimeout', 'Runs a function later', 'method'],
];

/** The identifier names a block declares (`const`, `let`, `var`, `function`, `class`), in order, each once. */
function declaredNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(new RegExp(`\\b(?:const|let|var|function\\*?|class)\\s+(${IDENT})`, 'g'))) {
    if (match[1]) names.add(match[1]);
  }
  return [...names];
}

/** Whether the cursor is inside a string or a line comment of its line (a rough count of unescaped quotes). */
function insideStringOrComment(before: string): boolean {
  let quote: string | null = null;
  for (let index = 0; index < before.length; index += 1) {
    const character = before[index];
    if (quote) {
      if (character === '\\') index += 1;
      else if (character === quote) quote = null;
    } else if (character === '"' || character === "'" || character === '`') {
      quote = character;
    } else if (character === '/' && before[index + 1] === '/') {
      return true;
    }
  }
  return quote !== null;
}

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

  // configVars["Name"].fields.<key>, .token.<field>, then configVars["Name"].<field> (or configVars.Name.…)
  const entryName = (found: RegExpMatchArray) => found[2] ?? found[3];
  if ((match = before.match(new RegExp(`\\bconfigVars${NAMED_ENTRY}\\.fields\\.${PARTIAL}`)))) {
    const name = entryName(match);
    const connection = scope.connections.find((candidate) => candidate.name === name);
    if (!connection) return null;
    const suggestions = connection.inputKeys.map<Suggestion>((key) => ({
      label: key,
      insertText: key,
      kind: 'property',
      detail: `Input of “${connection.name}”`,
    }));
    return answer(match[4] ?? '', suggestions);
  }
  if ((match = before.match(new RegExp(`\\bconfigVars${NAMED_ENTRY}\\.token\\.${PARTIAL}`)))) {
    return answer(match[4] ?? '', fromPairs(TOKEN_FIELDS, 'property'));
  }
  if ((match = before.match(new RegExp(`\\bconfigVars${NAMED_ENTRY}\\.${PARTIAL}`)))) {
    const name = entryName(match);
    const connection = scope.connections.find((candidate) => candidate.name === name);
    if (!connection) return null;
    const fields = CONNECTION_FIELDS.filter(([field]) => field !== 'token' || connection.oauth);
    return answer(match[4] ?? '', fromPairs(fields, 'property'));
  }
  // configVars.|  — identifier names as they are, the rest as bracket access that replaces the dot.
  if ((match = before.match(new RegExp(`\\bconfigVars\\.${PARTIAL}`)))) {
    const partial = match[1] ?? '';
    const suggestions = namedConfigEntries(scope, '"]').map<Suggestion>((suggestion) =>
      new RegExp(`^${IDENT}$`).test(suggestion.label)
        ? { ...suggestion, insertText: suggestion.label }
        : {
            ...suggestion,
            insertText: `["${suggestion.insertText}`,
            replaceBefore: 1,
            filterText: `.${suggestion.label}`,
          },
    );
    return answer(partial, suggestions);
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

  // An empty spot, or a name being typed that is not a member: the block's own names, never plain words.
  if ((match = before.match(new RegExp(`(?:^|[^\\w$.])(${IDENT})?$`))) && !insideStringOrComment(before)) {
    return answer(match[1] ?? '', topLevelSuggestions(scope, request.source ?? ''));
  }
  return null;
}

/** The block's arguments and declarations, then the globals blocks use most. */
function topLevelSuggestions(scope: CompletionScope, source: string): Suggestion[] {
  const argument: Suggestion = scope.isTrigger
    ? { label: 'payload', insertText: 'payload', kind: 'variable', detail: 'The request that triggered the flow' }
    : { label: 'stepResults', insertText: 'stepResults', kind: 'variable', detail: 'Earlier steps’ results by key' };
  const globals = TOP_LEVEL_NAMES.map<Suggestion>(([label, detail, kind]) => ({ label, insertText: label, kind, detail }));
  const taken = new Set([argument.label, ...globals.map((suggestion) => suggestion.label)]);
  const declared = declaredNames(source)
    .filter((name) => !taken.has(name))
    .map<Suggestion>((name) => ({ label: name, insertText: name, kind: 'variable', detail: 'Declared in this block' }));
  const [configVars, ...rest] = globals;
  return [...(configVars ? [configVars] : []), argument, ...rest, ...declared];
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
