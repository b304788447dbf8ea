// A case saved outside the Tests panel ("Save as test" in the History) tells the panel to list its block's cases
// again. A tiny publish/subscribe rather than shared state, so the History needs nothing from the panel but this.
type Listener = (blockId: string) => void;

const listeners = new Set<Listener>();

/** Tells every mounted Tests panel that the cases of `blockId` changed. */
export function announceCasesChanged(blockId: string): void {
  for (const listener of listeners) listener(blockId);
}

/** Calls `listener` whenever a block's cases change; answers the function that stops it. */
export function onCasesChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
