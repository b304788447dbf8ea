// What the first screen needs from Rust — the workspace, the block remembered in it, and that block's text — asked
// for as soon as the page starts. main.ts calls `prefetchFirstScreen()` before it loads the app's bundle, so these
// round trips run while the window parses Monaco and React instead of after it; the workspace context and the editor
// each take their answer once, and every later open or read asks Rust again.
import { api, type WorkspaceView } from '../common/backend';
import { defaultSelection, findBlock } from './model';

/** The block last selected in each workspace at earlier starts, by workspace path; none when unreadable. */
export async function rememberedBlocks(): Promise<Partial<Record<string, string>>> {
  try {
    return (await api.preferencesRead()).lastBlocks;
  } catch {
    return {};
  }
}

/** The block to show when `workspace` opens: the one last selected there if it still exists, else the default. */
export function blockToOpen(workspace: WorkspaceView, remembered: Partial<Record<string, string>>): string | null {
  const blockId = remembered[workspace.path] ?? null;
  return findBlock(workspace, blockId) ? blockId : defaultSelection(workspace);
}

export interface OpenedWorkspace {
  workspace: WorkspaceView;
  selectedBlockId: string | null;
}

/** Opens the workspace at `path` (the default one for null) and picks the block to show in it. */
export async function openWorkspace(path: string | null): Promise<OpenedWorkspace> {
  const [workspace, remembered] = await Promise.all([api.workspaceOpen(path), rememberedBlocks()]);
  return { workspace, selectedBlockId: blockToOpen(workspace, remembered) };
}

interface FirstBlock {
  workspacePath: string;
  blockId: string;
  source: Promise<string>;
}

let firstWorkspace: Promise<OpenedWorkspace> | null = null;
let firstBlock: Promise<FirstBlock | null> | null = null;

/** A promise whose failure its taker handles; until taken, a failure must not count as unhandled. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Starts opening the default workspace and reading the block it will show. Call once, before the app loads. */
export function prefetchFirstScreen() {
  firstWorkspace = quiet(openWorkspace(null));
  firstBlock = quiet(
    firstWorkspace.then(({ workspace, selectedBlockId }) =>
      selectedBlockId === null
        ? null
        : { workspacePath: workspace.path, blockId: selectedBlockId, source: quiet(api.blockRead(selectedBlockId)) },
    ),
  );
}

/** The default workspace as prefetched at start, once; null if it was taken already or never asked for. */
export function takeFirstWorkspace(): Promise<OpenedWorkspace> | null {
  const taken = firstWorkspace;
  firstWorkspace = null;
  return taken;
}

/**
 * The text of `blockId` in the workspace at `workspacePath` as read at start. Only the editor's first read may use
 * it: null when that read is for another block (the user picked one first) or is not the first, and the caller
 * reads the file itself.
 */
export async function takeFirstBlockSource(workspacePath: string, blockId: string): Promise<string | null> {
  const pending = firstBlock;
  firstBlock = null;
  if (pending === null) return null;
  const first = await pending.catch(() => null);
  if (first === null || first.workspacePath !== workspacePath || first.blockId !== blockId) return null;
  return first.source;
}
