// The workspace's connections: list them, create one, edit or delete one.
import { useState } from 'react';
import { api, type ConnectionView } from '../common/backend';
import { TrashIcon } from '../common/icons';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { ConnectionForm } from './ConnectionForm';
import { useConnectionKinds } from './kinds';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; connection: ConnectionView };

function ConnectionRow({ connection, onEdit }: { connection: ConnectionView; onEdit: () => void }) {
  const { update } = useWorkspace();
  const { kinds } = useConnectionKinds();
  const [confirming, setConfirming] = useState(false);
  const kindLabel = kinds.find((kind) => kind.key === connection.kind)?.label ?? connection.kind;
  return (
    <li className="connection-row" data-testid="connection">
      <button type="button" className="block-name" onClick={onEdit} title={`Edit ${connection.name}`}>
        <span>{connection.name}</span>
        <span className="muted">{kindLabel}</span>
      </button>
      {confirming ? (
        <span className="row-actions confirm">
          <button
            type="button"
            className="danger"
            data-testid="confirm-delete-connection"
            onClick={() =>
              void update(`The connection “${connection.name}” could not be deleted.`, () =>
                api.connectionDelete(connection.name),
              )
            }
          >
            Delete
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <span className="row-actions">
          <button
            type="button"
            className="icon-button"
            aria-label={`Delete ${connection.name}`}
            data-testid="delete-connection"
            onClick={() => setConfirming(true)}
          >
            <TrashIcon />
          </button>
        </span>
      )}
    </li>
  );
}

export function ConnectionsPanel() {
  const { workspace } = useWorkspace();
  const { kinds, failure, unsupported } = useConnectionKinds();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  if (!workspace) return null;

  const close = () => setEditing({ mode: 'closed' });

  return (
    <section className="panel" data-testid="connections" aria-label="Connections">
      <header className="panel-header">
        <h2>Connections</h2>
        <button
          type="button"
          data-testid="new-connection"
          onClick={() => setEditing({ mode: 'new' })}
          disabled={kinds.length === 0}
          title={failure ?? undefined}
        >
          + Connection
        </button>
      </header>
      {unsupported && <p className="muted">Connections are not available in this build yet.</p>}
      {failure && <p className="field-problem">{failure}</p>}
      {workspace.connections.length === 0 && editing.mode === 'closed' && <p className="muted">None yet.</p>}
      <ul className="connection-list">
        {workspace.connections.map((connection) => (
          <ConnectionRow
            key={connection.name}
            connection={connection}
            onEdit={() => setEditing({ mode: 'edit', connection })}
          />
        ))}
      </ul>
      {editing.mode !== 'closed' && (
        <ConnectionForm
          key={editing.mode === 'edit' ? editing.connection.name : 'new'}
          existing={editing.mode === 'edit' ? editing.connection : null}
          onClose={close}
        />
      )}
    </section>
  );
}
