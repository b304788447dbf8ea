// What the Tests panel knows of each case: its last run in this session (pass, fail, updated) keyed by block and
// case, merged run after run, and the one-line summary above the list.
import type { CaseRun, TestCaseRef, TestRunReport } from '../common/backend';

/** A case's key among the cases of several blocks (a flow's): its block's id and its own. */
export function caseKey(blockId: string, caseId: string): string {
  return `${blockId}/${caseId}`;
}

/** The last run of each case, by `caseKey`. */
export type CaseResults = ReadonlyMap<string, CaseRun>;

/** `results` with each case of `report` replacing what was known of it before. */
export function withReport(results: CaseResults, report: TestRunReport): CaseResults {
  const merged = new Map(results);
  for (const run of report.cases) merged.set(caseKey(run.blockId, run.caseId), run);
  return merged;
}

/** `results` without the runs of cases no longer listed (deleted, or of another block). */
export function forListedCases(results: CaseResults, cases: readonly TestCaseRef[]): CaseResults {
  const listed = new Set(cases.map((listedCase) => caseKey(listedCase.blockId, listedCase.caseId)));
  return new Map([...results].filter(([key]) => listed.has(key)));
}

/** Whether a run counts as green: it passed, or its new outcome was just accepted. */
export function isGreen(run: CaseRun): boolean {
  return run.status === 'passed' || run.status === 'updated';
}

/** "3 cases: 2 passed, 1 failed", "2 cases, not run yet" or "no cases". */
export function summary(cases: readonly TestCaseRef[], results: CaseResults): string {
  if (cases.length === 0) return 'no cases';
  const count = `${cases.length} ${cases.length === 1 ? 'case' : 'cases'}`;
  const runs = cases
    .map((listedCase) => results.get(caseKey(listedCase.blockId, listedCase.caseId)))
    .filter((run): run is CaseRun => run !== undefined);
  if (runs.length === 0) return `${count}, not run yet`;
  const passed = runs.filter(isGreen).length;
  const failed = runs.length - passed;
  const notRun = cases.length - runs.length;
  const parts = [`${passed} passed`, `${failed} failed`];
  if (notRun > 0) parts.push(`${notRun} not run`);
  return `${count}: ${parts.join(', ')}`;
}
