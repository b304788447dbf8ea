// What an import brought in, as the lines the window shows: the flows and names added, what was renamed, and the
// connections whose secrets the person still has to enter (an import never carries a secret).
import type { ConnectionSecretsNeeded, ImportReport, WorkspaceView } from '../common/backend';

export interface ImportSummary {
  headline: string;
  lines: string[];
}

const CLASH_KIND_LABEL = { flow: 'flow', configVar: 'config variable', connection: 'connection' } as const;

/** The last part of a path, whichever separator the system uses. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

function quoted(names: string[]): string {
  return names.map((name) => `“${name}”`).join(', ');
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function secretsLine(connection: ConnectionSecretsNeeded): string {
  const then = connection.needsAuthorization ? ', then connect it again' : '';
  return `Connection “${connection.name}” has no secrets yet: enter its secrets in Connections${then}.`;
}

export function summariseImport(report: ImportReport, fileName: string): ImportSummary {
  const added = [
    report.flows.length > 0 ? plural(report.flows.length, 'flow', 'flows') : null,
    report.configVars.length > 0 ? plural(report.configVars.length, 'config variable', 'config variables') : null,
    report.connections.length > 0 ? plural(report.connections.length, 'connection', 'connections') : null,
  ].filter((part): part is string => part !== null);
  const headline =
    added.length > 0
      ? `Imported ${added.join(', ')} from ${fileName}.`
      : `${fileName} brought nothing new: this workspace already had all of it.`;

  const lines: string[] = [];
  if (report.flows.length > 0) lines.push(`Flows: ${quoted(report.flows)}.`);
  if (report.configVars.length > 0) lines.push(`Config variables: ${quoted(report.configVars)}.`);
  for (const renamed of report.renamed) {
    const line = `The ${CLASH_KIND_LABEL[renamed.kind]} “${renamed.from}” was imported as “${renamed.to}”`;
    // Renaming does not rewrite the sources that came with it: they still read the old name from configVars.
    const readers = renamed.kind === 'flow' ? '' : `; imported blocks still read “${renamed.from}”, so update them`;
    lines.push(`${line}${readers}.`);
  }
  lines.push(...report.connectionsNeedingSecrets.map(secretsLine));
  if (report.alreadyPresent.length > 0) {
    lines.push(`Already here and kept as they were: ${quoted(report.alreadyPresent)}.`);
  }
  if (report.droppedSecretValues.length > 0) {
    const dropped = report.droppedSecretValues.join(', ');
    lines.push(`The file held secret values (${dropped}); they were left out, not stored.`);
  }
  return { headline, lines };
}

/** The block to show after an import: the first step of the first imported flow, else its trigger. */
export function firstImportedBlock(workspace: WorkspaceView, report: ImportReport): string | null {
  const [firstFlow] = report.flows;
  const flow = workspace.flows.find((candidate) => candidate.name === firstFlow);
  if (!flow) return null;
  return flow.steps[0] ?? flow.trigger;
}
