// The workspace's connections: list them (with which secrets are stored and whether they hold a token), create
// one, edit or delete one.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, asBackendError, type ConnectionKind, type ConnectionView, type WorkspaceView } from '../common/backend';
import { TrashIcon } from '../common/icons';
import { useNotices } from '../common/notices';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { ConnectionForm } from './ConnectionForm';
import { ConnectionFailuresContext, isKeyringFailure } from './failures';
import { KeyringProblem } from './KeyringProblem';
import { useConnectionKinds } from './kinds';
import { connectionUsage } from './usage';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; name: string };

interface RowProps {
  connection: ConnectionView;
  kind: ConnectionKind | undefined;
  /** Whether the keyring said which secrets are stored (not while it is asked, nor when it cannot answer). */
  secretsKnown: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

/** Whether the secret is stored, and the expression that reads it in a block, with Copy. */
function ConnectionUsageLine({ connection, kind, secretsKnown }: Omit<RowProps, 'onEdit' | 'onDelete'>) {
  const { reportError } = useNotices();
  const [copied, setCopied] = useState(false);
  const usage = connectionUsage(connection, kind);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(usage.expression);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } catch (error) {
      reportError('The expression could not be copied to the clipboard.', error);
    }
  };
  return (
    <div className="connection-usage">
      {secretsKnown && (
        <span className={`secret-state secret-state-${usage.state}`} data-testid="connection-secret-state">
          {usage.summary}
        </span>
      )}
      <code title={`Read it in a block as ${usage.expression}`} data-testid="connection-usage">
        {usage.expression}
      </code>
      <button type="button" className="link-button" data-testid="connection-usage-copy" onClick={() => void copy()}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}

function ConnectionRow({ connection, kind, secretsKnown, onEdit, onDelete }: RowProps) {
  const [confirming, setConfirming] = useState(false);
  const kindLabel = kind?.label ?? connection.kind;
  return (
    <li className="connection-row" data-testid="connection">
      <button type="button" className="block-name" onClick={onEdit} title={`Edit ${connection.name} (${kindLabel})`}>
        <span>{connection.name}</span>
        <span className="muted">{kindLabel}</span>
        {connection.hasToken && <span className="badge">token</span>}
        {connection.needsConsent && <span className="badge">needs consent</span>}
        {connection.noSecretsHere && (
          <span className="badge" data-testid="connection-no-secrets" title="Nothing is stored for this folder on this machine">
            no secrets here
          </span>
        )}
      </button>
      {confirming ? (
        <span className="row-actions confirm">
          <button type="button" className="danger" data-testid="confirm-delete-connection" onClick={onDelete}>
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
      <ConnectionUsageLine connection={connection} kind={kind} secretsKnown={secretsKnown} />
    </li>
  );
}

/** The workspace's definitions as list rows, for when the keyring could not say which secrets are stored. */
function withoutKeyring(workspace: WorkspaceView): ConnectionView[] {
  return workspace.connections.map((definition) => ({
    ...definition,
    secrets: {},
    hasToken: false,
    needsConsent: false,
    noSecretsHere: false,
  }));
}

export function ConnectionsPanel() {
  const { workspace, update } = useWorkspace();
  const { reportError } = useNotices();
  const { kinds, failure, unsupported } = useConnectionKinds();
  const [listed, setListed] = useState<ConnectionView[] | null>(null);
  const [keyringProblem, setKeyringProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });

  const failures = useMemo(
    () => ({
      report: (what: string, error: unknown) => {
        if (isKeyringFailure(error)) setKeyringProblem(asBackendError(error).message);
        else reportError(what, error);
      },
    }),
    [reportError],
  );

  const reload = useCallback(async () => {
    try {
      setListed(await api.connectionList());
      setKeyringProblem(null);
    } catch (error) {
      setListed(null);
      failures.report('The connections could not be listed.', error);
    }
  }, [failures]);

  // Listed again when the workspace's connections change (another workspace, an import), not on every edit.
  const definitionsKey = workspace ? JSON.stringify([workspace.path, workspace.connections]) : null;
  useEffect(() => {
    if (definitionsKey !== null) void reload();
  }, [definitionsKey, reload]);

  /** A save or delete answers the new list; the workspace view is read again for its connection definitions. */
  const changed = useCallback(
    (next: ConnectionView[]) => {
      setListed(next);
      setKeyringProblem(null);
      void update('The workspace could not be read again after the change.', () => api.workspaceCurrent());
    },
    [update],
  );

  if (!workspace) return null;
  const connections = listed ?? withoutKeyring(workspace);
  const editedConnection =
    editing.mode === 'edit' ? (connections.find((connection) => connection.name === editing.name) ?? null) : null;
  const close = () => setEditing({ mode: 'closed' });

  const remove = async (name: string) => {
    try {
      changed(await api.connectionDelete(name));
      if (editing.mode === 'edit' && editing.name === name) close();
    } catch (error) {
      failures.report(`The connection “${name}” could not be deleted.`, error);
    }
  };

  return (
    <ConnectionFailuresContext.Provider value={failures}>
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
        {keyringProblem !== null && <KeyringProblem message={keyringProblem} onRetry={() => void reload()} />}
        {unsupported && <p className="muted">Connections are not available in this build yet.</p>}
        {failure && <p className="field-problem">{failure}</p>}
        {connections.length === 0 && editing.mode === 'closed' && <p className="muted">None yet.</p>}
        {connections.some((connection) => connection.noSecretsHere) && (
          <p className="help" data-testid="connections-no-secrets-notice">
            Some connections have no secrets stored for this folder on this machine. A cloned or copied workspace
            starts without them: open each one marked “no secrets here” and enter its secrets.
          </p>
        )}
        <ul className="connection-list">
          {connections.map((connection) => (
            <ConnectionRow
              key={connection.name}
              connection={connection}
              kind={kinds.find((kind) => kind.key === connection.kind)}
              secretsKnown={listed !== null}
              onEdit={() => setEditing({ mode: 'edit', name: connection.name })}
              onDelete={() => void remove(connection.name)}
            />
          ))}
        </ul>
        {editing.mode !== 'closed' && (
          <ConnectionForm
            key={editing.mode === 'edit' ? `edit:${editing.name}` : 'new'}
            existing={editedConnection}
            onSaved={(next, savedName) => {
              changed(next);
              // An OAuth connection stays open after Save, so it can be connected right away.
              const saved = next.find((connection) => connection.name === savedName);
              const savedKind = kinds.find((kind) => kind.key === saved?.kind);
              if (saved && savedKind?.oauth) setEditing({ mode: 'edit', name: saved.name });
              else close();
            }}
            onTokenChanged={() => void reload()}
            onClose={close}
          />
        )}
      </section>
    </ConnectionFailuresContext.Provider>
  );
}
