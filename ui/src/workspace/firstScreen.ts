// What the first screen needs from Rust — the workspace, the block remembered in it, and that block's text — asked
// for as soon as the page starts. main.ts calls `prefetchFirstScreen()` before it loads the app's bundle, so these
// round trips run while the window parses Monaco and React instead of after it. boot.tsx waits for them to settle
// before the first render, so the app's first frame already holds the workspace and the editor its block (rather
// than an empty window filled in over several frames). The workspace context and the editor each take their answer
// once, and every later open or read asks Rust again.
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

/** The block the first screen shows, with its text as read at start. */
interface FirstBlock {
  workspacePath: string;
  blockId: string;
  source: string;
}

let pending: Promise<{ opened: OpenedWorkspace; block: FirstBlock | null } | null> | null = null;
let firstWorkspace: OpenedWorkspace | null = null;
let firstBlock: FirstBlock | null = null;

/** Reads the text of the block `opened` shows; null when it shows none or the read failed (the editor reads again). */
async function readFirstBlock({ workspace, selectedBlockId }: OpenedWorkspace): Promise<FirstBlock | null> {
  if (selectedBlockId === null) return null;
  try {
    return { workspacePath: workspace.path, blockId: selectedBlockId, source: await api.blockRead(selectedBlockId) };
  } catch {
    return null;
  }
}

/** Starts opening the default workspace and reading the block it will show. Call once, before the app loads. */
export function prefetchFirstScreen() {
  firstWorkspace = null;
  firstBlock = null;
  pending = openWorkspace(null).then(
    async (opened) => ({ opened, block: await readFirstBlock(opened) }),
    () => null,
  );
}

/**
 * Waits for the prefetch to settle. A workspace that could not be opened leaves nothing to take: the workspace
 * context then opens it again itself and shows why it failed.
 */
export async function firstScreenReady(): Promise<void> {
  const answer = pending === null ? null : await pending;
  pending = null;
  firstWorkspace = answer?.opened ?? null;
  firstBlock = answer?.block ?? null;
}

/** The default workspace as prefetched at start, once; null if taken already, failed or never asked for. */
export function takeFirstWorkspace(): OpenedWorkspace | null {
  const taken = firstWorkspace;
  firstWorkspace = null;
  return taken;
}

/**
 * The text of `blockId` in the workspace at `workspacePath` as read at start. Only the editor's first read may use
 * it: null when that read is for another block (the user picked one first) or is not the first, and the caller
 * reads the file itself.
 */
export function takeFirstBlockSource(workspacePath: string, blockId: string): string | null {
  const first = firstBlock;
  firstBlock = null;
  return first !== null && first.workspacePath === workspacePath && first.blockId === blockId ? first.source : null;
}
