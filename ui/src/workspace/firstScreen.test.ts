import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkspaceView } from '../common/backend';

// Rust's side is replaced: each call is counted, and the workspace, the remembered blocks and the block texts are
// what the test sets. What is checked is which answers the first screen reuses and which it asks for again.
const rust = vi.hoisted(() => ({
  workspaceOpens: [] as Array<string | null>,
  blockReads: [] as string[],
  remembered: {} as Record<string, string>,
  preferencesFail: false,
  openFails: false,
  readFails: false,
}));

const workspace = {
  path: '/home/dev/integration',
  blocks: [
    { id: 'trigger', name: 'Trigger' },
    { id: 'step-one', name: 'Step one' },
    { id: 'step-two', name: 'Step two' },
  ],
  flows: [{ name: 'Flow 1', trigger: 'trigger', steps: ['step-one', 'step-two'] }],
  connections: [],
} as unknown as WorkspaceView;

vi.mock('../common/backend', () => ({
  api: {
    workspaceOpen: async (path: string | null) => {
      rust.workspaceOpens.push(path);
      if (rust.openFails) throw new Error('blocksmith.json is not JSON');
      return workspace;
    },
    preferencesRead: async () => {
      if (rust.preferencesFail) throw new Error('preferences.json is not JSON');
      return { lastBlocks: rust.remembered };
    },
    blockRead: async (blockId: string) => {
      rust.blockReads.push(blockId);
      if (rust.readFails) throw new Error('the block file is gone');
      return `// the text of ${blockId}`;
    },
  },
}));

const firstScreen = await import('./firstScreen');

beforeEach(() => {
  rust.workspaceOpens = [];
  rust.blockReads = [];
  rust.remembered = {};
  rust.preferencesFail = false;
  rust.openFails = false;
  rust.readFails = false;
  // Whatever an earlier test left prefetched is taken, so each starts with nothing asked.
  firstScreen.takeFirstWorkspace();
  firstScreen.takeFirstBlockSource('', '');
});

describe('the block a workspace opens on', () => {
  it('is the one last selected there while it still exists', () => {
    expect(firstScreen.blockToOpen(workspace, { [workspace.path]: 'step-two' })).toBe('step-two');
  });

  it('is the first step of the first flow when the remembered one was deleted or none was', () => {
    expect(firstScreen.blockToOpen(workspace, { [workspace.path]: 'deleted-block' })).toBe('step-one');
    expect(firstScreen.blockToOpen(workspace, { '/another/workspace': 'trigger' })).toBe('step-one');
  });

  it('is the default when the preferences cannot be read', async () => {
    rust.preferencesFail = true;
    rust.remembered = { [workspace.path]: 'step-two' };
    await expect(firstScreen.openWorkspace(null)).resolves.toEqual({ workspace, selectedBlockId: 'step-one' });
  });
});

describe('the prefetched first screen', () => {
  it('opens the default workspace and reads its remembered block once, before anyone asks', async () => {
    rust.remembered = { [workspace.path]: 'step-two' };
    firstScreen.prefetchFirstScreen();
    await vi.waitFor(() => expect(rust.blockReads).toEqual(['step-two']));
    expect(rust.workspaceOpens).toEqual([null]);

    await firstScreen.firstScreenReady();
    expect(firstScreen.takeFirstWorkspace()).toEqual({ workspace, selectedBlockId: 'step-two' });
    expect(firstScreen.takeFirstBlockSource(workspace.path, 'step-two')).toBe('// the text of step-two');
    expect(rust.workspaceOpens).toEqual([null]);
    expect(rust.blockReads).toEqual(['step-two']);
  });

  it('is ready only once both answers are in, so the first render can show them', async () => {
    firstScreen.prefetchFirstScreen();
    expect(firstScreen.takeFirstWorkspace()).toBeNull();
    await firstScreen.firstScreenReady();
    expect(firstScreen.takeFirstWorkspace()).not.toBeNull();
    expect(firstScreen.takeFirstBlockSource(workspace.path, 'step-one')).toBe('// the text of step-one');
  });

  it('is taken once: a later open or read asks Rust again', async () => {
    firstScreen.prefetchFirstScreen();
    await firstScreen.firstScreenReady();
    expect(firstScreen.takeFirstWorkspace()).not.toBeNull();
    expect(firstScreen.takeFirstWorkspace()).toBeNull();
    expect(firstScreen.takeFirstBlockSource(workspace.path, 'step-one')).toBe('// the text of step-one');
    expect(firstScreen.takeFirstBlockSource(workspace.path, 'step-one')).toBeNull();
  });

  it('gives no text for another block than the prefetched one (the user picked one first)', async () => {
    firstScreen.prefetchFirstScreen();
    await firstScreen.firstScreenReady();
    expect(firstScreen.takeFirstBlockSource(workspace.path, 'trigger')).toBeNull();
  });

  it('gives no text for the same block of another workspace', async () => {
    firstScreen.prefetchFirstScreen();
    await firstScreen.firstScreenReady();
    expect(firstScreen.takeFirstBlockSource('/another/workspace', 'step-one')).toBeNull();
  });

  it('leaves nothing to take when the workspace cannot be opened, so the app opens it and shows why', async () => {
    rust.openFails = true;
    firstScreen.prefetchFirstScreen();
    await expect(firstScreen.firstScreenReady()).resolves.toBeUndefined();
    expect(firstScreen.takeFirstWorkspace()).toBeNull();
    expect(firstScreen.takeFirstBlockSource(workspace.path, 'step-one')).toBeNull();
  });

  it('gives the workspace but no text when the block cannot be read, so the editor reads it and shows why', async () => {
    rust.readFails = true;
    firstScreen.prefetchFirstScreen();
    await firstScreen.firstScreenReady();
    expect(firstScreen.takeFirstWorkspace()).toEqual({ workspace, selectedBlockId: 'step-one' });
    expect(firstScreen.takeFirstBlockSource(workspace.path, 'step-one')).toBeNull();
  });

  it('is ready at once when nothing was prefetched', async () => {
    await firstScreen.firstScreenReady();
    expect(firstScreen.takeFirstWorkspace()).toBeNull();
  });
});
