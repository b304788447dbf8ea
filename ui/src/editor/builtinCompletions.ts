// Members of JavaScript's built-in namespaces (`JSON.`, `Math.`, `Object.`, …) for completion. The TypeScript worker
// used to offer these; it now starts only on demand (see monaco.ts), and these are the members a block author
// reaches for most. Pure data and logic, tested without Monaco.
import type { CompletionAnswer, Suggestion } from './completions';

type Members = [name: string, detail: string, kind: 'method' | 'property'][];

const m = (detail: string, ...names: string[]): Members => names.map((name) => [name, detail, 'method']);
const p = (detail: string, ...names: string[]): Members => names.map((name) => [name, detail, 'property']);

const NAMESPACES: Record<string, Members> = {
  JSON: m('JSON', 'parse', 'stringify'),
  Math: [
    ...m('Math', 'abs', 'ceil', 'floor', 'round', 'trunc', 'sign', 'max', 'min', 'pow', 'sqrt', 'cbrt', 'random'),
    ...m('Math', 'log', 'log2', 'log10', 'exp', 'hypot', 'sin', 'cos', 'tan', 'atan2', 'fround', 'clz32'),
    ...p('Math', 'PI', 'E', 'LN2', 'LN10', 'LOG2E', 'LOG10E', 'SQRT2', 'SQRT1_2'),
  ],
  Object: m(
    'Object',
    'keys',
    'values',
    'entries',
    'fromEntries',
    'assign',
    'freeze',
    'isFrozen',
    'seal',
    'create',
    'defineProperty',
    'getOwnPropertyNames',
    'getPrototypeOf',
    'hasOwn',
    'groupBy',
  ),
  Array: m('Array', 'isArray', 'from', 'of'),
  Promise: m('Promise', 'all', 'allSettled', 'any', 'race', 'resolve', 'reject', 'withResolvers'),
  Number: [
    ...m('Number', 'isInteger', 'isFinite', 'isNaN', 'isSafeInteger', 'parseFloat', 'parseInt'),
    ...p('Number', 'MAX_SAFE_INTEGER', 'MIN_SAFE_INTEGER', 'EPSILON', 'MAX_VALUE', 'MIN_VALUE'),
  ],
  String: m('String', 'fromCharCode', 'fromCodePoint', 'raw'),
  Date: m('Date', 'now', 'parse', 'UTC'),
  console: m('console', 'log', 'info', 'warn', 'error', 'debug'),
  Reflect: m('Reflect', 'ownKeys', 'has', 'get', 'set', 'apply', 'construct', 'deleteProperty'),
  crypto: m('crypto', 'randomUUID', 'getRandomValues'),
  Intl: m('Intl', 'DateTimeFormat', 'NumberFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat'),
};

const MEMBER_ACCESS = new RegExp(`(?:^|[^\\w$.])(${Object.keys(NAMESPACES).join('|')})\\.([\\w$]*)$`);

/** Members of the built-in namespace just before the cursor (`Math.fl|`), or null when there is none. */
export function builtinMembersAt(textBeforeCursor: string): CompletionAnswer | null {
  const match = MEMBER_ACCESS.exec(textBeforeCursor);
  const namespace = match?.[1];
  const members = namespace === undefined ? undefined : NAMESPACES[namespace];
  if (!match || !members) return null;
  return {
    replaceLength: (match[2] ?? '').length,
    suggestions: members.map<Suggestion>(([name, detail, kind]) => ({
      label: name,
      insertText: name,
      kind,
      detail: `${detail}.${name}`,
    })),
  };
}
