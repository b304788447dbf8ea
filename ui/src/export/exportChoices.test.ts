import { describe, expect, it } from 'vitest';
import type { WorkspaceView } from '../common/backend';
import { EXPORT_MENU, isUnavailable, planExport } from './exportChoices';

const WORKSPACE: WorkspaceView = {
  path: '/tmp/shop',
  name: 'Shop',
  configVars: [],
  connections: [],
  blocks: [
    { id: 'orders-trigger', name: 'Code Block Trigger', kind: 'trigger', stepKey: 'codeBlockTrigger' },
    { id: 'orders-step', name: 'Code Block', kind: 'action', stepKey: 'codeBlock' },
    { id: 'refunds-trigger', name: 'Refund Trigger', kind: 'trigger', stepKey: 'refundTrigger' },
    { id: 'loose', name: 'Scratch', kind: 'action', stepKey: 'scratch' },
  ],
  flows: [
    { name: 'Orders', trigger: 'orders-trigger', steps: ['orders-step'] },
    { name: 'Refunds', trigger: 'refunds-trigger', steps: [] },
  ],
};

describe('planExport', () => {
  it('exports the selected block as JavaScript by its name and its flow’s name', () => {
    const plan = planExport('blockJavaScript', WORKSPACE, 'orders-step');
    expect(plan).toEqual({
      request: { format: 'javaScript', flow: 'Orders', block: 'Code Block', includeTests: false },
      description: 'Code Block as JavaScript',
      filter: { name: 'JavaScript', extensions: ['js'] },
    });
  });

  it('names no flow for a block that is in none', () => {
    const plan = planExport('blockJavaScript', WORKSPACE, 'loose');
    expect(isUnavailable(plan) ? null : plan.request).toEqual({
      format: 'javaScript',
      flow: null,
      block: 'Scratch',
      includeTests: false,
    });
  });

  it('exports the flow of the selected block, trigger or step, as integration YAML', () => {
    const fromTrigger = planExport('flowYaml', WORKSPACE, 'refunds-trigger');
    expect(isUnavailable(fromTrigger) ? null : fromTrigger.request).toEqual({
      format: 'integrationYaml',
      flow: 'Refunds',
      block: null,
      includeTests: false,
    });
    const fromStep = planExport('flowYaml', WORKSPACE, 'orders-step');
    expect(isUnavailable(fromStep) ? null : fromStep.description).toBe('Orders as integration YAML');
  });

  it('says what to do when nothing suitable is selected', () => {
    expect(planExport('blockJavaScript', WORKSPACE, null)).toEqual({
      unavailable: 'Select a block to export it as JavaScript.',
    });
    expect(planExport('flowYaml', WORKSPACE, 'loose')).toEqual({
      unavailable: 'Select a block of a flow to export that flow.',
    });
    expect(planExport('flowYaml', WORKSPACE, 'deleted-meanwhile')).toHaveProperty('unavailable');
  });

  it('exports the whole workspace whatever is selected', () => {
    for (const selected of [null, 'orders-step']) {
      const yaml = planExport('workspaceYaml', WORKSPACE, selected);
      const bundle = planExport('workspaceBundle', WORKSPACE, selected);
      expect(isUnavailable(yaml) ? null : yaml.request).toEqual({
        format: 'integrationYaml',
        flow: null,
        block: null,
        includeTests: false,
      });
      expect(isUnavailable(bundle) ? null : bundle.request).toEqual({
        format: 'bundle',
        flow: null,
        block: null,
        includeTests: false,
      });
      expect(isUnavailable(bundle) ? null : bundle.filter.extensions).toEqual(['json']);
    }
  });

  it('asks for the tests only for the bundle, and says so', () => {
    const options = { includeTests: true };
    const bundle = planExport('workspaceBundle', WORKSPACE, null, options);
    expect(isUnavailable(bundle) ? null : bundle.request.includeTests).toBe(true);
    expect(isUnavailable(bundle) ? null : bundle.description).toBe('Shop as a bundle with its tests');
    const yaml = planExport('workspaceYaml', WORKSPACE, null, options);
    expect(isUnavailable(yaml) ? null : yaml.request.includeTests).toBe(false);
  });

  it('has a plan for every menu item', () => {
    for (const { choice } of EXPORT_MENU) {
      expect(isUnavailable(planExport(choice, WORKSPACE, 'orders-step'))).toBe(false);
    }
  });
});
