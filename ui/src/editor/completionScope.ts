// Gathers what completion needs to know about the open block from the workspace and this session's runs.
import type { ConnectionKind, JsonValue, WorkspaceView } from '../common/backend';
import { blocksBefore, findBlock } from '../workspace/model';
import type { CompletionScope } from './completions';

export function completionScopeFor(
  workspace: WorkspaceView | null,
  blockId: string | null,
  kinds: ConnectionKind[],
  lastResults: Record<string, JsonValue>,
  lastInputs: Record<string, JsonValue>,
): CompletionScope {
  if (!workspace || blockId === null) {
    return { configVarNames: [], connections: [], earlierSteps: [], isTrigger: false, samplePayload: null };
  }
  return {
    configVarNames: workspace.configVars.map((variable) => variable.name),
    connections: workspace.connections.map((connection) => {
      const kind = kinds.find((candidate) => candidate.key === connection.kind);
      return {
        name: connection.name,
        inputKeys: kind?.inputs.map((input) => input.key) ?? [],
        oauth: kind?.oauth ?? false,
      };
    }),
    earlierSteps: blocksBefore(workspace, blockId).map((block) => ({
      key: block.stepKey,
      name: block.name,
      lastResult: lastResults[block.id] ?? null,
    })),
    isTrigger: findBlock(workspace, blockId)?.kind === 'trigger',
    samplePayload: lastInputs[blockId] ?? null,
  };
}
