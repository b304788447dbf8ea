import { describe, expect, it } from 'vitest';
import type { WorkspaceView } from '../common/backend';
import { blocksBefore, defaultSelection, flowOfBlock, numberedName, unusedName } from './model';

const workspace: WorkspaceView = {
  path: '/tmp/shop',
  name: 'shop',
  configVars: [],
  connections: [],
  blocks: [
    { id: 't', name: 'Code Block Trigger', kind: 'trigger', timeoutMs: null, stepKey: 'codeBlockTrigger' },
    { id: 'a', name: 'Get Data from API', kind: 'action', timeoutMs: null, stepKey: 'getDataFromApi' },
    { id: 'b', name: 'Code Block', kind: 'action', timeoutMs: null, stepKey: 'codeBlock' },
  ],
  flows: [{ name: 'Orders', trigger: 't', steps: ['a', 'b'] }],
};

describe('workspace model', () => {
  it('finds the flow that holds a block', () => {
    expect(flowOfBlock(workspace, 'b')?.name).toBe('Orders');
    expect(flowOfBlock(workspace, 'missing')).toBeNull();
  });

  it('lists the blocks that run before a step, the trigger first', () => {
    expect(blocksBefore(workspace, 'b').map((block) => block.id)).toEqual(['t', 'a']);
    expect(blocksBefore(workspace, 'a').map((block) => block.id)).toEqual(['t']);
    expect(blocksBefore(workspace, 't')).toEqual([]);
  });

  it('opens the first action step first', () => {
    expect(defaultSelection(workspace)).toBe('a');
    expect(defaultSelection({ ...workspace, flows: [{ name: 'Orders', trigger: 't', steps: [] }] })).toBe('t');
  });

  it('numbers a name that is taken', () => {
    expect(unusedName('Code Block', ['Code Block Trigger'])).toBe('Code Block');
    expect(unusedName('Code Block', ['Code Block', 'Code Block 2'])).toBe('Code Block 3');
  });

  it('numbers new flows after the existing ones', () => {
    expect(numberedName('Flow', ['Flow 1'])).toBe('Flow 2');
    expect(numberedName('Flow', ['Orders'])).toBe('Flow 1');
  });
});
