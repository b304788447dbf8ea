import { describe, expect, it } from 'vitest';
import { savedCaseFile, saveTargetsOf, saveTargetText } from './saveTargets';

const FLOW_RUN = { flow: 'Orders', executionId: 'run-7' };

describe('save targets', () => {
  it('offers only a block case for a block run of its own', () => {
    expect(saveTargetsOf({ id: 4, flowRun: null })).toEqual([{ kind: 'block', runId: 4 }]);
  });

  it('offers the step as a block case and the whole flow for a step of a flow run or webhook call', () => {
    expect(saveTargetsOf({ id: 9, flowRun: FLOW_RUN })).toEqual([
      { kind: 'block', runId: 9 },
      { kind: 'flow', flowRun: FLOW_RUN },
    ]);
  });

  it('names what each button records', () => {
    expect(saveTargetText({ kind: 'block', runId: 4 }, false)).toMatchObject({
      button: 'Save as test',
      testId: 'save-as-test',
    });
    expect(saveTargetText({ kind: 'block', runId: 9 }, true)).toMatchObject({
      button: 'Save step as test',
      testId: 'save-as-test',
    });
    const flow = saveTargetText({ kind: 'flow', flowRun: FLOW_RUN }, true);
    expect(flow.button).toBe('Save flow as test');
    expect(flow.testId).toBe('save-flow-as-test');
    expect(flow.title).toContain('“Orders”');
  });

  it("says where the saved case's file is, for a block's case and a whole flow's", () => {
    expect(savedCaseFile({ blockId: 'get-orders', caseId: 'open' })).toBe('tests/get-orders/open.json');
    expect(savedCaseFile({ blockId: '_flows/orders', caseId: 'whole-run' })).toBe('tests/_flows/orders/whole-run.json');
  });
});
