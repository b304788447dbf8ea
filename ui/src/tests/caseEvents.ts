// A case saved outside the Tests panel ("Save as test" in the History or on a flow run) tells the panel to list the
// cases again. A tiny publish/subscribe rather than shared state, so the History needs nothing from the panel but this.
import type { CaseRun } from '../common/backend';

/** Whose cases changed: a block's (`blockId` its id), or a whole flow's (`flow` its name, `blockId` its folder). */
export type ChangedCases = Pick<CaseRun, 'blockId' | 'flow'>;

type Listener = (changed: ChangedCases) => void;

const listeners = new Set<Listener>();

/** Tells every mounted Tests panel that the cases of `changed` changed. */
export function announceCasesChanged(changed: ChangedCases): void {
  for (const listener of listeners) listener(changed);
}

/** Calls `listener` whenever a block's or a flow's cases change; answers the function that stops it. */
export function onCasesChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
