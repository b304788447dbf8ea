// Creating or editing one connection: its kind, its name, and exactly that kind's inputs.
import { useState, type FormEvent } from 'react';
import {
  api,
  asBackendError,
  type ConnectionInput,
  type ConnectionView,
  type PresetValues,
} from '../common/backend';
import { NameValueRows, type NameValueRow } from '../common/NameValueRows';
import { useWorkspace } from '../workspace/WorkspaceContext';
import {
  buildDraft,
  draftProblems,
  formInputs,
  headersFromValue,
  privateKeyKind,
} from './draft';
import { useConnectionFailures } from './failures';
import { useConnectionKinds } from './kinds';
import { useHostChange } from './HostChange';
import { OAuthControls } from './OAuthControls';
import { ProviderPresetPicker } from './ProviderPresetPicker';
import { SecretInput } from './SecretInput';
import { shortHeaderWarning, shortSecretWarning } from './shortSecrets';

interface Props {
  /** The connection being edited, or null for a new one. */
  existing: ConnectionView | null;
  /** Called with the app's new list of connections and the name the connection was saved under. */
  onSaved: (connections: ConnectionView[], savedName: string) => void;
  /** A token was fetched, refreshed or forgotten. */
  onTokenChanged: () => void;
  onClose: () => void;
}

/** The Issuer setting, whose Discover button fills in the endpoints. */
const ISSUER_KEY = 'issuer';
/** The setting that makes Connect ask for consent in the system browser. */
const SYSTEM_BROWSER_KEY = 'systemBrowser';

/** Failures the person can fix in the form itself, so they are shown there rather than as a notice. */
const FORM_FAILURES: ReadonlySet<string> = new Set(['invalid_input', 'duplicate_name']);

export function ConnectionForm({ existing, onSaved, onTokenChanged, onClose }: Props) {
  const { workspace } = useWorkspace();
  const { kinds } = useConnectionKinds();
  const failures = useConnectionFailures();
  const hostChange = useHostChange();
  const [kindKey, setKindKey] = useState(existing?.kind ?? kinds[0]?.key ?? '');
  const [name, setName] = useState(existing?.name ?? '');
  const [fields, setFields] = useState<Record<string, string>>(existing?.inputs ?? {});
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [headerRows, setHeaderRows] = useState<NameValueRow[]>([]);
  const [showProblems, setShowProblems] = useState(false);
  const [saveFailure, setSaveFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const kind = kinds.find((candidate) => candidate.key === kindKey);
  const inputs = kind ? formInputs(kind) : [];
  // Stored secrets belong to the saved kind: after switching kind, nothing is stored for the new inputs.
  const storedSecrets = existing && existing.kind === kindKey ? existing.secrets : {};
  const takenNames = [
    ...(workspace?.connections.map((connection) => connection.name) ?? []),
    ...(workspace?.configVars.map((variable) => variable.name) ?? []),
  ];

  const draft = buildDraft(kindKey, inputs, { original: existing?.name ?? null, name, fields, secrets, headerRows });
  const problems = kind ? draftProblems(inputs, draft, headerRows, storedSecrets, takenNames) : {};
  const visibleProblems = showProblems ? problems : {};

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (!kind || Object.keys(problems).length > 0) return;
    setSaving(true);
    setSaveFailure(null);
    try {
      let connections;
      try {
        connections = await api.connectionSave(draft);
      } catch (error) {
        const failure = asBackendError(error);
        // The new URL is on another host than the stored secrets belong to: saved only if the person says so.
        if (failure.code !== 'host_changed') throw failure;
        if (!(await hostChange.confirmSaveHostChange(failure))) {
          setSaveFailure('Not saved: the connection still points to the hosts its secrets were stored for.');
          return;
        }
        connections = await api.connectionSave(draft, true);
      }
      setSecrets({});
      setHeaderRows([]);
      onSaved(connections, draft.name);
    } catch (error) {
      const failure = asBackendError(error);
      if (FORM_FAILURES.has(failure.code)) setSaveFailure(failure.message);
      else failures.report(`The connection “${draft.name}” could not be saved.`, failure);
    } finally {
      setSaving(false);
    }
  };

  const [discovering, setDiscovering] = useState(false);
  const [discoveredFrom, setDiscoveredFrom] = useState<string | null>(null);

  /** Discovery for the issuer typed: fills in the endpoints and settings this kind has (what the person typed is replaced). */
  const discover = async () => {
    const issuer = (fields[ISSUER_KEY] ?? '').trim();
    if (issuer === '') return;
    setDiscovering(true);
    setDiscoveredFrom(null);
    try {
      const found = await api.oauthDiscover(issuer);
      const values: Record<string, string | null> = {
        authorizeUrl: found.authorizeUrl,
        tokenUrl: found.tokenUrl,
        revocationUrl: found.revocationUrl,
        // Serialised as the setting's own values, `basic` or `body`.
        clientAuthentication: found.clientAuthentication,
      };
      setFields((current) => {
        const next = { ...current };
        for (const input of inputs) {
          const value = values[input.key];
          if (value !== undefined && value !== null) next[input.key] = value;
        }
        return next;
      });
      setDiscoveredFrom(found.metadataUrl);
    } catch (error) {
      failures.report(`The provider's endpoints could not be read from “${issuer}”.`, error);
    } finally {
      setDiscovering(false);
    }
  };

  /** A provider preset's kind and values replace the form's (the Client ID and Secret are left as typed). */
  const fillFromPreset = (filled: PresetValues) => {
    setKindKey(filled.kind);
    setFields((current) => ({ ...current, ...filled.values }));
  };

  /** Loads the stored headers into the rows, so they can be edited and saved again. */
  const editStoredHeaders = async (input: ConnectionInput) => {
    if (!existing) return;
    try {
      const stored = await api.secretReveal(existing.name, input.key);
      setHeaderRows(stored === null ? [] : headersFromValue(stored));
    } catch (error) {
      failures.report(`${input.label} could not be read from the keyring.`, error);
    }
  };

  const renderInput = (input: ConnectionInput) => {
    const fieldId = `connection-field-${input.key}`;
    const helpId = `connection-help-${input.key}`;
    const problem = visibleProblems[input.key];
    const keyKind = input.format === 'privateKey' ? privateKeyKind(secrets[input.key] ?? '') : null;
    const tooShort = !input.secret
      ? null
      : input.format === 'headers'
        ? shortHeaderWarning(headerRows)
        : shortSecretWarning(secrets[input.key] ?? '');
    if (input.format === 'toggle') {
      return (
        <div className="form-field" key={input.key}>
          <label htmlFor={fieldId}>
            <input
              id={fieldId}
              data-testid={fieldId}
              type="checkbox"
              aria-describedby={helpId}
              checked={fields[input.key] === 'true'}
              onChange={(event) => setFields((current) => ({ ...current, [input.key]: String(event.target.checked) }))}
            />{' '}
            {input.label}
          </label>
          <p className="help" id={helpId}>
            {input.comment}
          </p>
          {problem && <p className="field-problem">{problem}</p>}
        </div>
      );
    }
    let control;
    if (input.format === 'headers') {
      control = (
        <div id={fieldId} data-testid={fieldId}>
          {storedSecrets[input.key] && headerRows.length === 0 && (
            <p className="muted">
              Headers are stored in the keyring. Rows added here replace them.{' '}
              <button type="button" className="link-button" onClick={() => void editStoredHeaders(input)}>
                Edit the stored headers
              </button>
            </p>
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
          multiline={input.format === 'privateKey'}
          describedBy={helpId}
        />
      );
    } else {
      control = (
        <input
          id={fieldId}
          data-testid={fieldId}
          aria-describedby={helpId}
          aria-invalid={problem !== undefined}
          type={input.format === 'url' || input.format === 'secureUrl' ? 'url' : 'text'}
          placeholder={input.format === 'scopes' ? 'read write' : undefined}
          spellCheck={false}
          value={fields[input.key] ?? ''}
          onChange={(event) => setFields((current) => ({ ...current, [input.key]: event.target.value }))}
        />
      );
    }
    if (input.key === ISSUER_KEY) {
      control = (
        <div className="inline-field">
          {control}
          <button
            type="button"
            data-testid="connection-discover"
            disabled={discovering || (fields[ISSUER_KEY] ?? '').trim() === ''}
            onClick={() => void discover()}
            title="Read the provider's endpoints from its OpenID Connect / OAuth metadata"
          >
            {discovering ? 'Discovering…' : 'Discover'}
          </button>
        </div>
      );
    }
    return (
      <div className="form-field" key={input.key}>
        <label htmlFor={fieldId}>
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
        {input.key === ISSUER_KEY && discoveredFrom && (
          <p className="help" data-testid="connection-discovered">
            Filled in from {discoveredFrom}.
          </p>
        )}
        {keyKind && !problem && <p className="help">This looks like {keyKind}.</p>}
        {tooShort && !problem && (
          <p className="field-warning" data-testid={`connection-warning-${input.key}`}>
            {tooShort}
          </p>
        )}
      </div>
    );
  };

  const savedAsThisKind = existing !== null && existing.kind === kindKey;

  return (
    <form className="connection-form" onSubmit={(event) => void save(event)} aria-label="Connection" noValidate>
      <ProviderPresetPicker onFill={fillFromPreset} />
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
      {inputs.map(renderInput)}
      {saveFailure && (
        <p className="field-problem" role="alert" data-testid="connection-save-problem">
          {saveFailure}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="connection-save" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onClose}>
          {savedAsThisKind ? 'Close' : 'Cancel'}
        </button>
      </div>
      {kind?.oauth && savedAsThisKind && (
        <OAuthControls
          connectionName={existing.name}
          consent={kind?.consent ?? false}
          consentInSystemBrowser={existing.inputs[SYSTEM_BROWSER_KEY] === 'true'}
          onTokenChanged={onTokenChanged}
        />
      )}
      {kind?.oauth && !savedAsThisKind && (
        <p className="muted">Save the connection, then connect it to get a token.</p>
      )}
    </form>
  );
}
