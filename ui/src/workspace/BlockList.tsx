// The left-hand list: every flow with its trigger, then its steps in run order.
import { api, type FlowView } from '../common/backend';
import { BlockRow } from './BlockRow';
import { FlowHeader } from './FlowHeader';
import { findBlock, flowOfBlock, numberedName, unusedName } from './model';
import { useWorkspace } from './WorkspaceContext';

const NEW_STEP_NAME = 'Code Block';
const NEW_FLOW_NAME = 'Flow';

export function BlockList() {
  const { workspace, selectedBlockId, select, update } = useWorkspace();
  if (!workspace) return null;

  const blockNames = workspace.blocks.map((block) => block.name);
  const currentFlow: FlowView | null =
    (selectedBlockId ? flowOfBlock(workspace, selectedBlockId) : null) ?? workspace.flows[0] ?? null;

  /** Runs a command that creates a block and opens the block it created. */
  const createAndSelect = async (what: string, command: () => ReturnType<typeof api.stepCreate>) => {
    const known = new Set(workspace.blocks.map((block) => block.id));
    const next = await update(what, command);
    const createdBlocks = next?.blocks.filter((block) => !known.has(block.id)) ?? [];
    const toOpen = createdBlocks.find((block) => block.kind === 'action') ?? createdBlocks[0];
    if (toOpen) select(toOpen.id);
  };

  const addStep = () => {
    if (!currentFlow) return;
    const name = unusedName(NEW_STEP_NAME, blockNames);
    void createAndSelect(`The step “${name}” could not be added.`, () => api.stepCreate(currentFlow.name, name));
  };

  const addFlow = () => {
    const name = numberedName(NEW_FLOW_NAME, workspace.flows.map((flow) => flow.name));
    void createAndSelect(`The flow “${name}” could not be created.`, () => api.flowCreate(name));
  };

  const rename = async (blockId: string, name: string) => {
    const next = await update(`The block could not be renamed to “${name}”.`, () => api.blockRename(blockId, name));
    // A rename may give the block a new id (its file follows its name): keep it open under the new one.
    const renamed = next && !findBlock(next, blockId) ? next.blocks.find((block) => block.name === name) : undefined;
    if (renamed) select(renamed.id);
  };

  const move = (flow: FlowView, blockId: string, toIndex: number) =>
    void update('The step could not be moved.', () => api.stepMove(flow.name, blockId, toIndex));

  return (
    <nav className="panel block-list" data-testid="block-list" aria-label="Flows and blocks">
      <header className="panel-header">
        <h2>Flows</h2>
        <div className="panel-actions">
          <button type="button" data-testid="new-action" onClick={addStep} disabled={!currentFlow}>
            + Step
          </button>
          <button type="button" data-testid="new-trigger" onClick={addFlow}>
            + Flow
          </button>
        </div>
      </header>
      {workspace.flows.map((flow) => {
        const trigger = findBlock(workspace, flow.trigger);
        return (
          <section key={flow.name} className="flow" aria-label={`Flow ${flow.name}`} data-testid="flow">
            <FlowHeader name={flow.name} />
            <ol className="flow-blocks">
              {trigger && (
                <BlockRow
                  block={trigger}
                  selected={trigger.id === selectedBlockId}
                  onSelect={() => select(trigger.id)}
                  onRename={(name) => void rename(trigger.id, name)}
                />
              )}
              {flow.steps.map((stepId, index) => {
                const step = findBlock(workspace, stepId);
                if (!step) return null;
                return (
                  <BlockRow
                    key={step.id}
                    block={step}
                    selected={step.id === selectedBlockId}
                    onSelect={() => select(step.id)}
                    onRename={(name) => void rename(step.id, name)}
                    step={{
                      canMoveUp: index > 0,
                      canMoveDown: index < flow.steps.length - 1,
                      onMove: (direction) => move(flow, step.id, index + direction),
                      onDelete: () =>
                        void update(`The step “${step.name}” could not be deleted.`, () =>
                          api.stepDelete(flow.name, step.id),
                        ),
                      onDropBlock: (dragged) => {
                        if (flow.steps.includes(dragged)) move(flow, dragged, index);
                      },
                    }}
                  />
                );
              })}
            </ol>
          </section>
        );
      })}
    </nav>
  );
}
