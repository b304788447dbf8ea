// The run panel's tabs as data: which tab a key press moves to, what each tab's badge says, and the tab the
// panel shows after a restart of the window's session. Kept apart from the component so the rules are testable.

/** One tab of a tab strip: its id (also its test id's suffix), its label and an optional badge. */
export interface TabSpec {
  id: string;
  label: string;
  /** A short mark after the label (a count, an error sign), with the sentence a screen reader says for it. */
  badge?: TabBadge | null;
}

export interface TabBadge {
  text: string;
  description: string;
  tone: 'neutral' | 'danger';
}

/**
 * The tab a key moves the selection to, as the WAI-ARIA tabs pattern has it: arrows wrap around, Home and End go
 * to the ends; `null` for any other key.
 */
export function tabAfterKey(ids: readonly string[], current: string, key: string): string | null {
  if (ids.length === 0) return null;
  const index = Math.max(0, ids.indexOf(current));
  const at = (position: number) => ids[position] ?? null;
  switch (key) {
    case 'ArrowRight':
      return at((index + 1) % ids.length);
    case 'ArrowLeft':
      return at((index - 1 + ids.length) % ids.length);
    case 'Home':
      return at(0);
    case 'End':
      return at(ids.length - 1);
    default:
      return null;
  }
}

/** The Logs tab's badge: how many lines the run logged, none before the first line. */
export function logCountBadge(lines: number): TabBadge | null {
  if (lines === 0) return null;
  return {
    text: lines > 999 ? '999+' : String(lines),
    description: lines === 1 ? '1 line logged' : `${lines} lines logged`,
    tone: 'neutral',
  };
}

/** The Result tab's badge when the run failed. */
export function errorBadge(failed: boolean): TabBadge | null {
  return failed ? { text: '!', description: 'the run failed', tone: 'danger' } : null;
}

/**
 * The tab a Run shows: the output the person was looking at (Result or Logs) stays, and from any other tab the
 * panel moves to Result, where the run's outcome appears.
 */
export function tabForRun(current: string, outputTabs: readonly string[], resultTab: string): string {
  return outputTabs.includes(current) ? current : resultTab;
}
