// The links between a run and the runs it started with `context.invokeFlow` (and back): what each link says, and
// what a recorded run shows when its row in the history is expanded.
import type { JsonValue, LinkedRun, RunEntry, RunSummary } from '../common/backend';
import { isJsonObject } from '../common/json';
import { recordedOutcome } from './recordedRun';

/** A run to show in the history: the block whose history holds it, and its id there. */
export interface HistoryTarget {
  blockId: string;
  runId: number;
}

/** One link of a run to another, as the run panel shows it. */
export interface RunLink {
  /** Where clicking it leads; null when the linked run is no longer in the history. */
  target: HistoryTarget | null;
  text: string;
  ok: boolean | null;
}

/** `Run #12`: runs are numbered by their id in the history, as the history's rows show them. */
export function runNumber(id: number): string {
  return `run #${id}`;
}

/** The run that invoked `run`, if any: `Invoked by Caller run #7`, or its number alone once it was pruned. */
export function invokerLink(
  run: Pick<RunSummary, 'parentRunId' | 'invokedBy'>,
  blockName: (blockId: string) => string | null,
): RunLink | null {
  const invoker = run.invokedBy;
  if (invoker) {
    const name = blockName(invoker.blockId);
    const who = name ?? (invoker.flow ? `a step of “${invoker.flow}”` : 'a deleted block');
    return {
      target: { blockId: invoker.blockId, runId: invoker.id },
      text: `Invoked by ${who} ${runNumber(invoker.id)}`,
      ok: invoker.ok,
    };
  }
  if (run.parentRunId === null) return null;
  return {
    target: null,
    text: `Invoked by ${runNumber(run.parentRunId)}, no longer in the history`,
    ok: null,
  };
}

/** The runs `run` invoked, in the order they were recorded: `Invoked flow “Echo”: run #12`. */
export function invokedLinks(run: Pick<RunSummary, 'invoked'>): RunLink[] {
  return run.invoked.map((child: LinkedRun) => ({
    target: { blockId: child.blockId, runId: child.id },
    text: child.flow ? `Invoked flow “${child.flow}”: ${runNumber(child.id)}` : `Invoked ${runNumber(child.id)}`,
    ok: child.ok,
  }));
}

/** What an expanded history row shows of a recorded run. */
export type RecordedAnswer =
  /** A flow run started by `context.invokeFlow`: what the invoking block received, and the failed step's error. */
  | { kind: 'invoked-flow'; flow: string; response: { [key: string]: JsonValue } | null; error: string | null }
  /** A block's own run or a flow's step: its result, and a trigger's response. */
  | { kind: 'block'; result: JsonValue; response: JsonValue }
  | { kind: 'unreadable' };

/** Reads a recorded run for its expanded row. */
export function recordedAnswer(entry: RunEntry): RecordedAnswer {
  const inputs = entry.inputs;
  const outcome = entry.outcome;
  if (isJsonObject(inputs) && inputs.kind === 'flow' && isJsonObject(outcome)) {
    const error = outcome.error;
    return {
      kind: 'invoked-flow',
      flow: typeof inputs.flow === 'string' ? inputs.flow : (entry.flowRun?.flow ?? ''),
      response: isJsonObject(outcome.response) ? outcome.response : null,
      error: isJsonObject(error) ? `${String(error.name)}: ${String(error.message)}` : null,
    };
  }
  const recorded = recordedOutcome(entry);
  if (!recorded) return { kind: 'unreadable' };
  return { kind: 'block', result: recorded.result, response: recorded.response };
}

/** The runs expanded in a history list once `focused` is asked for: it opens, the others stay as they were. */
export function expandedWith(expanded: readonly number[], focused: number | null): number[] {
  return focused === null || expanded.includes(focused) ? [...expanded] : [...expanded, focused];
}
