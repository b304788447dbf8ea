// A flow's title in the block list: rename it inline, or delete the whole flow after a confirmation.
import { useState } from 'react';
import { api } from '../common/backend';
import { PencilIcon, TrashIcon } from '../common/icons';
import { InlineRename } from './InlineRename';
import { useWorkspace } from './WorkspaceContext';

export function FlowHeader({ name }: { name: string }) {
  const { update } = useWorkspace();
  const [renaming, setRenaming] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  if (renaming) {
    return (
      <div className="flow-header">
        <InlineRename
          name={name}
          onCancel={() => setRenaming(false)}
          onRename={(newName) => {
            setRenaming(false);
            void update(`The flow could not be renamed to “${newName}”.`, () => api.flowRename(name, newName));
          }}
        />
      </div>
    );
  }

  return (
    <div className="flow-header">
      <h3 className="flow-name" title={name} onDoubleClick={() => setRenaming(true)}>
        {name}
      </h3>
      {confirmingDelete ? (
        <span className="row-actions confirm">
          <button
            type="button"
            className="danger"
            data-testid="confirm-delete-flow"
            onClick={() => void update(`The flow “${name}” could not be deleted.`, () => api.flowDelete(name))}
          >
            Delete flow
          </button>
          <button type="button" onClick={() => setConfirmingDelete(false)}>
            Keep
          </button>
        </span>
      ) : (
        <span className="row-actions">
          <button
            type="button"
            className="icon-button"
            aria-label={`Rename the flow ${name}`}
            title="Rename flow"
            data-testid="rename-flow"
            onClick={() => setRenaming(true)}
          >
            <PencilIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Delete the flow ${name}`}
            title="Delete flow (its trigger and steps)"
            data-testid="delete-flow"
            onClick={() => setConfirmingDelete(true)}
          >
            <TrashIcon />
          </button>
        </span>
      )}
    </div>
  );
}
