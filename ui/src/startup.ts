// The moments of a start, as performance marks the window keeps (tests and the README's start-up figure read
// them): the skeleton in index.html paints first, the app's bundle is asked for and starts running, the app mounts,
// Monaco's editor is created, then it is given the first block, and the frame after that has its lines on screen.
export const STARTUP_MARKS = {
  bundleRequested: 'blocksmith:bundle-requested',
  bundleRunning: 'blocksmith:bundle-running',
  appMounting: 'blocksmith:app-mounting',
  editorCreated: 'blocksmith:editor-created',
  editorShowsBlock: 'blocksmith:editor-shows-block',
  editorLinesRendered: 'blocksmith:editor-lines-rendered',
} as const;

type StartupMark = (typeof STARTUP_MARKS)[keyof typeof STARTUP_MARKS];

/** Whether the window has passed the moment `name` yet. */
export function isMarked(name: StartupMark): boolean {
  return performance.getEntriesByName(name, 'mark').length > 0;
}

/** Marks `name` once: later calls (another block opened) keep the first moment. */
export function markStartup(name: StartupMark) {
  if (!isMarked(name)) performance.mark(name);
}
