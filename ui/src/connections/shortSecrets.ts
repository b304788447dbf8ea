// Secret values too short to be redacted. What runs leave behind is searched for every secret of at least
// MIN_REDACTED_SECRET_CHARS characters (the rule is Rust's, through the bindings); a shorter one is left as it is,
// because hiding every occurrence of so short a text would hide ordinary words and give the secret away. So the
// connection form warns about such a value under its field.
import { MIN_REDACTED_SECRET_CHARS } from '../bindings';
import type { NameValueRow } from '../common/NameValueRows';

/** Whether `value` is a secret too short to be redacted: not empty, and shorter than the minimum in characters. */
export function tooShortToRedact(value: string): boolean {
  const characters = [...value].length;
  return characters > 0 && characters < MIN_REDACTED_SECRET_CHARS;
}

const CONSEQUENCE =
  `is shorter than ${MIN_REDACTED_SECRET_CHARS} characters, so it is not redacted from logs, results or history ` +
  '(hiding every occurrence of so short a text would give it away). Use a longer value, or keep it out of what ' +
  'your blocks log and return.';

/** The warning under a secret field typed as `value`, or null when it is long enough (or empty). */
export function shortSecretWarning(value: string): string | null {
  return tooShortToRedact(value) ? `This value ${CONSEQUENCE}` : null;
}

/** The warning under the Headers input, naming each header whose value is too short; null when none is. */
export function shortHeaderWarning(rows: NameValueRow[]): string | null {
  const names = rows.filter((row) => row.name.trim() !== '' && tooShortToRedact(row.value)).map((row) => row.name.trim());
  if (names.length === 0) return null;
  const which = names.map((name) => `“${name}”`).join(', ');
  return `The value of ${names.length === 1 ? 'header' : 'headers'} ${which} ${CONSEQUENCE}`;
}
