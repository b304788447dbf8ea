// Questions the UI asks about a workspace view: which flow holds a block, which steps run before it.
import type { BlockView, FlowView, WorkspaceView } from '../common/backend';

export function findBlock(workspace: WorkspaceView, blockId: string | null): BlockView | null {
  if (blockId === null) return null;
  return workspace.blocks.find((block) => block.id === blockId) ?? null;
}

export function flowOfBlock(workspace: WorkspaceView, blockId: string): FlowView | null {
  return workspace.flows.find((flow) => flow.trigger === blockId || flow.steps.includes(blockId)) ?? null;
}

/** The blocks that run before `blockId` in its flow (the trigger first), i.e. what its `stepResults` holds. */
export function blocksBefore(workspace: WorkspaceView, blockId: string): BlockView[] {
  const flow = flowOfBlock(workspace, blockId);
  if (!flow || flow.trigger === blockId) return [];
  const index = flow.steps.indexOf(blockId);
  const ids = [flow.trigger, ...flow.steps.slice(0, Math.max(index, 0))];
  return ids.map((id) => findBlock(workspace, id)).filter((block): block is BlockView => block !== null);
}

/** The block to open first: the first action step (what a user usually edits), else any block. */
export function defaultSelection(workspace: WorkspaceView): string | null {
  for (const flow of workspace.flows) {
    const firstStep = flow.steps[0];
    if (firstStep !== undefined) return firstStep;
  }
  return workspace.flows[0]?.trigger ?? workspace.blocks[0]?.id ?? null;
}

/** A name not used yet by any block, as "Base", "Base 2", "Base 3", … */
export function unusedName(base: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  let counter = 2;
  while (names.has(`${base} ${counter}`)) counter += 1;
  return `${base} ${counter}`;
}

/** The first of "Base 1", "Base 2", … not used yet: how new flows are named, after the workspace's "Flow 1". */
export function numberedName(base: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  let counter = 1;
  while (names.has(`${base} ${counter}`)) counter += 1;
  return `${base} ${counter}`;
}
