// What "Save as test" can make of a run: a case of the run's block with the input it was given (its own run, or
// one step of a flow run with the stepResults the flow gave it), or a case of the whole flow that run belongs to,
// recorded again with the trigger's input of that run. Kept apart from the buttons so the choice is testable.
import type { CaseRun, FlowRunOf, RunSummary } from '../common/backend';

export type SaveTarget =
  /** The block of the History row `runId`, with that run's input. */
  | { kind: 'block'; runId: number }
  /** The whole flow of the run `flowRun` (a flow run or a webhook call), with its trigger's input. */
  | { kind: 'flow'; flowRun: FlowRunOf };

/** What a History row can be saved as: its block's case always; the whole flow's too for a step of a flow run. */
export function saveTargetsOf(run: Pick<RunSummary, 'id' | 'flowRun'>): SaveTarget[] {
  const block: SaveTarget = { kind: 'block', runId: run.id };
  return run.flowRun ? [block, { kind: 'flow', flowRun: run.flowRun }] : [block];
}

/** The words around a target's button and form. */
export interface SaveTargetText {
  button: string;
  /** The button's tooltip: what saving does. */
  title: string;
  /** Said beside the name field while it records. */
  note: string;
  testId: string;
}

/** How the button of `target` reads; `inFlow` says whether the block's run was a step of a flow run. */
export function saveTargetText(target: SaveTarget, inFlow: boolean): SaveTargetText {
  if (target.kind === 'flow') {
    return {
      button: 'Save flow as test',
      title:
        `Runs the whole flow “${target.flowRun.flow}” once more, live, with this run's trigger input, ` +
        'records what each step fetches, and saves it as a test case of the flow',
      note: 'Runs the whole flow once more, live, to record what each step fetches.',
      testId: 'save-flow-as-test',
    };
  }
  return {
    button: inFlow ? 'Save step as test' : 'Save as test',
    title: inFlow
      ? 'Runs this block once more, live, with the stepResults the flow gave it, records what it fetches, and ' +
        'saves it as a test case of the block'
      : "Runs the block once more, live, with this run's input, records what it fetches, and saves it as a test case",
    note: 'Runs the block once more, live, to record what it fetches.',
    testId: 'save-as-test',
  };
}

/** Where a saved case's file is, relative to the workspace: `tests/<block id>/…` or `tests/_flows/<flow>/…`. */
export function savedCaseFile(saved: Pick<CaseRun, 'blockId' | 'caseId'>): string {
  return `tests/${saved.blockId}/${saved.caseId}.json`;
}
