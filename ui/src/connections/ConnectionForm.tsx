// Creating or editing one connection: its kind, its name, and exactly that kind's inputs.
import { useEffect, useState, type FormEvent } from 'react';
import {
  api,
  asBackendError,
  COMMAND_MISSING,
  type ConnectionDraft,
  type ConnectionInput,
  type ConnectionView,
} from '../common/backend';
import { NameValueRows, type NameValueRow } from '../common/NameValueRows';
import { useNotices } from '../common/notices';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { draftProblems, HEADERS_INPUT, headersToValue, PRIVATE_KEY_INPUT, privateKeyKind } from './draft';
import { OAUTH_KINDS, useConnectionKinds } from './kinds';
import { OAuthControls } from './OAuthControls';
import { SecretInput } from './SecretInput';


interface Props {
  /** The connection being edited, or null for a new one. */
  existing: ConnectionView | null;
  onClose: () => void;
}

export function ConnectionForm({ existing, onClose }: Props) {
  const { workspace, update } = useWorkspace();
  const { kinds } = useConnectionKinds();
  const [kindKey, setKindKey] = useState(existing?.kind ?? kinds[0]?.key ?? '');
  const [name, setName] = useState(existing?.name ?? '');
  const [fields, setFields] = useState<Record<string, string>>(existing?.inputs ?? {});
  const [storedForSavedKind, setStoredForSavedKind] = useState<Record<string, boolean>>({});
  const { reportError } = useNotices();
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [headerRows, setHeaderRows] = useState<NameValueRow[]>([]);
  const [showProblems, setShowProblems] = useState(false);
  const [saving, setSaving] = useState(false);

  const kind = kinds.find((candidate) => candidate.key === kindKey);
  // Which secrets the keyring holds for a saved connection (whether, never what).
  const existingName = existing?.name ?? null;
  useEffect(() => {
    if (existingName === null) return;
    let cancelled = false;
    api
      .connectionSecretsStored(existingName)
      .then((stored) => !cancelled && setStoredForSavedKind(stored))
      .catch((error: unknown) => {
        // Without the command, nothing can be known to be stored: the form then asks for every secret.
        if (asBackendError(error).code !== COMMAND_MISSING) {
          reportError(`The keyring could not be asked about “${existingName}”.`, error);
        }
      });
    return () => {
      cancelled = true;
    };
  }, [existingName, reportError]);
  // Stored secrets belong to the saved kind: after switching kind, nothing is stored for the new inputs.
  const storedSecrets = existing && existing.kind === kindKey ? storedForSavedKind : {};
  const takenNames = [
    ...(workspace?.connections.map((connection) => connection.name) ?? []),
    ...(workspace?.configVars.map((variable) => variable.name) ?? []),
  ];

  const draft: ConnectionDraft = {
    previousName: existing?.name ?? null,
    name: name.trim(),
    kind: kindKey,
    inputs: Object.fromEntries(
      (kind?.inputs ?? []).filter((input) => !input.secret).map((input) => [input.key, fields[input.key] ?? '']),
    ),
    secrets: Object.fromEntries(
      (kind?.inputs ?? [])
        .filter((input) => input.secret)
        .map((input): [string, string] => [
          input.key,
          input.key === HEADERS_INPUT ? headersToValue(headerRows) : (secrets[input.key] ?? ''),
        ])
        .filter(([, value]) => value !== ''),
    ),
  };
  const problems = kind ? draftProblems(kind, draft, headerRows, storedSecrets, takenNames) : {};
  const visibleProblems = showProblems ? problems : {};

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (!kind || Object.keys(problems).length > 0) return;
    setSaving(true);
    const saved = await update(`The connection “${draft.name}” could not be saved.`, () => api.connectionSave(draft));
    setSaving(false);
    if (saved) onClose();
  };

  const renderInput = (input: ConnectionInput) => {
    const helpId = `connection-help-${input.key}`;
    const problem = visibleProblems[input.key];
    const keyKind = input.key === PRIVATE_KEY_INPUT ? privateKeyKind(secrets[input.key] ?? '') : null;
    let control;
    if (input.key === HEADERS_INPUT) {
      control = (
        <div id={`connection-field-${input.key}`} data-testid={`connection-field-${input.key}`}>
          {storedSecrets[input.key] && (
            <p className="muted">Headers are stored in the keyring. Rows added here replace them.</p>
          )}
          <NameValueRows rows={headerRows} onChange={setHeaderRows} noun="header" testId="connection-headers" maskValues />
        </div>
      );
    } else if (input.secret) {
      control = (
        <SecretInput
          inputKey={input.key}
          label={input.label}
          connectionName={existing?.name ?? null}
          stored={storedSecrets[input.key] === true}
          value={secrets[input.key] ?? ''}
          onChange={(value) => setSecrets((current) => ({ ...current, [input.key]: value }))}
          multiline={input.key === PRIVATE_KEY_INPUT}
          describedBy={helpId}
        />
      );
    } else {
      control = (
        <input
          id={`connection-field-${input.key}`}
          data-testid={`connection-field-${input.key}`}
          aria-describedby={helpId}
          aria-invalid={problem !== undefined}
          value={fields[input.key] ?? ''}
          onChange={(event) => setFields((current) => ({ ...current, [input.key]: event.target.value }))}
        />
      );
    }
    return (
      <div className="form-field" key={input.key}>
        <label htmlFor={`connection-field-${input.key}`}>
          {input.label}
          {input.required && (
            <span className="required" title="Required">
              {' '}
              *
            </span>
          )}
          {input.secret && <span className="badge">secret</span>}
        </label>
        {control}
        <p className="help" id={helpId}>
          {input.comment}
        </p>
        {problem && <p className="field-problem">{problem}</p>}
        {keyKind && !problem && <p className="help">This looks like {keyKind}.</p>}
      </div>
    );
  };

  return (
    <form className="connection-form" onSubmit={(event) => void save(event)} aria-label="Connection">
      <div className="form-field">
        <label htmlFor="connection-kind">Kind</label>
        <select
          id="connection-kind"
          data-testid="connection-kind"
          value={kindKey}
          onChange={(event) => setKindKey(event.target.value)}
        >
          {kinds.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>
              {candidate.label}
            </option>
          ))}
        </select>
        {kind && <p className="help">{kind.description}</p>}
      </div>
      <div className="form-field">
        <label htmlFor="connection-name">
          Name<span className="required"> *</span>
        </label>
        <input
          id="connection-name"
          data-testid="connection-name"
          placeholder="e.g. Acme API"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        {visibleProblems.name && <p className="field-problem">{visibleProblems.name}</p>}
      </div>
      {kind?.inputs.map(renderInput)}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="connection-save" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
      {existing && existing.kind === kindKey && OAUTH_KINDS.has(kindKey) && (
        <OAuthControls connectionName={existing.name} kind={kindKey} />
      )}
      {!existing && OAUTH_KINDS.has(kindKey) && (
        <p className="muted">Save the connection, then connect it to get a token.</p>
      )}
    </form>
  );
}
