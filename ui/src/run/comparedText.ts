// Two recorded runs as the texts the comparison diffs side by side: the block's code, its input, its result
// (with a trigger's response) and its log lines. Older entries lack the code; they read as "not recorded".
import type { JsonValue, RunEntry } from '../common/backend';
import { isJsonObject } from '../common/json';
import { recordedInput, recordedOutcome } from './recordedRun';

export type ComparedPart = 'code' | 'input' | 'result' | 'logs';

/** What a run's part reads when the run was recorded before that part was kept. */
export const NOT_RECORDED = '(not recorded for this run)';

function json(value: JsonValue | undefined): string {
  return JSON.stringify(value ?? null, null, 2);
}

/** The text of one part of a recorded run, as the comparison shows it. */
export function comparedText(entry: RunEntry, part: ComparedPart): string {
  switch (part) {
    case 'code': {
      const source = isJsonObject(entry.inputs) ? entry.inputs.source : undefined;
      return typeof source === 'string' ? source : NOT_RECORDED;
    }
    case 'input':
      return json(recordedInput(entry));
    case 'result': {
      const outcome = recordedOutcome(entry);
      if (!outcome) return NOT_RECORDED;
      const response = outcome.response as JsonValue | undefined;
      const error = outcome.error ? `\n\n${outcome.error.name}: ${outcome.error.message}` : '';
      const responseText = isJsonObject(response) ? `\n\nresponse: ${json(response)}` : '';
      return `${json(outcome.result)}${responseText}${error}`;
    }
    case 'logs': {
      const outcome = recordedOutcome(entry);
      if (!outcome) return NOT_RECORDED;
      return outcome.logs.map((line) => `${line.level.padEnd(6)} ${line.message}`).join('\n');
    }
  }
}

/** How a run was started, for the history list and the comparison's headings. */
export function originLabel(entry: Pick<RunEntry, 'origin' | 'flowRun'>): string {
  switch (entry.origin) {
    case 'block':
      return 'Run';
    case 'flow':
      return entry.flowRun ? `Run flow “${entry.flowRun.flow}”` : 'Run flow';
    case 'webhook':
      return entry.flowRun ? `Webhook call to “${entry.flowRun.flow}”` : 'Webhook call';
  }
}
