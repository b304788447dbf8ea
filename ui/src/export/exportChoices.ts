// The Export menu's choices, and what each asks the backend for given the selected block: a block or flow is
// named by its display name, the way `blocksmith export --block/--flow` names it.
import type { ExportFormat, ExportRequest, WorkspaceView } from '../common/backend';
import { findBlock, flowOfBlock } from '../workspace/model';

export type ExportChoice = 'blockJavaScript' | 'flowYaml' | 'workspaceYaml' | 'workspaceBundle' | 'contextTypes';

/** A filter of the native save dialog: a label and the file extensions it shows (no dot). */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** An export the menu can make now: the request, and how to describe it in the save dialog and the notice. */
export interface PlannedExport {
  request: ExportRequest;
  /** What is exported, for the save dialog's title and the success notice: “Flow 1 as integration YAML”. */
  description: string;
  filter: FileFilter;
}

/** An export the menu cannot make now, and what the person has to do first. */
export interface UnavailableExport {
  unavailable: string;
}

const FILTERS: Record<ExportFormat, FileFilter> = {
  javaScript: { name: 'JavaScript', extensions: ['js'] },
  integrationYaml: { name: 'Integration YAML', extensions: ['yml', 'yaml'] },
  bundle: { name: 'Blocksmith bundle', extensions: ['json'] },
  contextTypes: { name: 'TypeScript declarations', extensions: ['ts'] },
};

/** What the menu offers, in menu order, with each item's `data-testid`. */
export const EXPORT_MENU: readonly { choice: ExportChoice; label: string; testId: string }[] = [
  { choice: 'blockJavaScript', label: 'Block as JavaScript…', testId: 'export-js' },
  { choice: 'flowYaml', label: 'Flow as integration YAML…', testId: 'export-flow-yaml' },
  { choice: 'workspaceYaml', label: 'Workspace as integration YAML…', testId: 'export-workspace-yaml' },
  { choice: 'workspaceBundle', label: 'Workspace bundle…', testId: 'export-bundle' },
  { choice: 'contextTypes', label: 'Context types (.d.ts)…', testId: 'export-context-types' },
];

/** What the menu's options add to its choices. */
export interface ExportOptions {
  /** The bundle carries each block's test cases and cassettes (never the YAML). */
  includeTests: boolean;
}

function planned(
  format: ExportFormat,
  flow: string | null,
  block: string | null,
  description: string,
  includeTests = false,
): PlannedExport {
  return { request: { format, flow, block, includeTests }, description, filter: FILTERS[format] };
}

/**
 * The export `choice` makes with `selectedBlockId` selected. A block is exported with its flow's name too, so a
 * block name used in two flows still names one block.
 */
export function planExport(
  choice: ExportChoice,
  workspace: WorkspaceView,
  selectedBlockId: string | null,
  options: ExportOptions = { includeTests: false },
): PlannedExport | UnavailableExport {
  const block = findBlock(workspace, selectedBlockId);
  const flow = block ? flowOfBlock(workspace, block.id) : null;
  switch (choice) {
    case 'blockJavaScript':
      if (!block) return { unavailable: 'Select a block to export it as JavaScript.' };
      return planned('javaScript', flow?.name ?? null, block.name, `${block.name} as JavaScript`);
    case 'flowYaml':
      if (!flow) return { unavailable: 'Select a block of a flow to export that flow.' };
      return planned('integrationYaml', flow.name, null, `${flow.name} as integration YAML`);
    case 'workspaceYaml':
      return planned('integrationYaml', null, null, `${workspace.name} as integration YAML`);
    case 'workspaceBundle':
      return options.includeTests
        ? planned('bundle', null, null, `${workspace.name} as a bundle with its tests`, true)
        : planned('bundle', null, null, `${workspace.name} as a bundle`);
    case 'contextTypes':
      return planned('contextTypes', null, null, 'The types of a block’s context');
  }
}

export function isUnavailable(plan: PlannedExport | UnavailableExport): plan is UnavailableExport {
  return 'unavailable' in plan;
}

/** The file filters of the import dialog: both formats together first, then each alone. */
export const IMPORT_FILTERS: FileFilter[] = [
  {
    name: 'Bundle or integration YAML',
    extensions: [...FILTERS.bundle.extensions, ...FILTERS.integrationYaml.extensions],
  },
  FILTERS.bundle,
  FILTERS.integrationYaml,
];
