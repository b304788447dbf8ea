// The moments of a start, as performance marks the window keeps (tests and the README's start-up figure read
// them): the skeleton in index.html paints first, then the app mounts, then the editor shows the first block.
export const STARTUP_MARKS = {
  appMounting: 'blocksmith:app-mounting',
  editorShowsBlock: 'blocksmith:editor-shows-block',
} as const;

/** Marks `name` once: later calls (another block opened) keep the first moment. */
export function markStartup(name: (typeof STARTUP_MARKS)[keyof typeof STARTUP_MARKS]) {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
