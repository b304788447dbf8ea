// Config variables: name → string value, seen by blocks as `configVars["name"]`.
import { useState, type FormEvent } from 'react';
import { api, type ConfigVar } from '../common/backend';
import { CloseIcon } from '../common/icons';
import { useWorkspace } from '../workspace/WorkspaceContext';

function ConfigVarRow({ variable }: { variable: ConfigVar }) {
  const { update } = useWorkspace();
  const [value, setValue] = useState(variable.value);

  const commit = () => {
    if (value === variable.value) return;
    void update(`“${variable.name}” could not be saved.`, () => api.configVarSet(variable.name, value));
  };

  return (
    <li className="config-var" data-testid="config-var">
      <label className="config-var-name" htmlFor={`config-var-${variable.name}`} title={variable.name}>
        {variable.name}
      </label>
      <input
        id={`config-var-${variable.name}`}
        data-testid="config-var-value"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => event.key === 'Enter' && commit()}
      />
      <button
        type="button"
        className="icon-button"
        aria-label={`Remove ${variable.name}`}
        data-testid="config-var-remove"
        onClick={() =>
          void update(`“${variable.name}” could not be removed.`, () => api.configVarRemove(variable.name))
        }
      >
        <CloseIcon />
      </button>
    </li>
  );
}

function AddConfigVar({ taken }: { taken: string[] }) {
  const { update } = useWorkspace();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const trimmed = name.trim();
  const duplicate = taken.includes(trimmed);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (trimmed === '' || duplicate) return;
    const saved = await update(`“${trimmed}” could not be added.`, () => api.configVarSet(trimmed, value));
    if (saved) {
      setName('');
      setValue('');
    }
  };

  return (
    <form className="config-var add" onSubmit={(event) => void add(event)}>
      <input
        aria-label="New config variable name"
        placeholder="Name, e.g. App Base URL"
        data-testid="config-var-new-name"
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <input
        aria-label="New config variable value"
        placeholder="Value"
        data-testid="config-var-new-value"
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" data-testid="config-var-add" disabled={trimmed === '' || duplicate}>
        Add
      </button>
      {duplicate && <p className="field-problem">A config variable or connection named “{trimmed}” exists already.</p>}
    </form>
  );
}

export function ConfigVarsPanel() {
  const { workspace } = useWorkspace();
  if (!workspace) return null;
  return (
    <section className="panel" data-testid="config-vars" aria-label="Config variables">
      <header className="panel-header">
        <h2>Config variables</h2>
      </header>
      {workspace.configVars.length === 0 && <p className="muted">None yet.</p>}
      <ul className="config-var-list">
        {workspace.configVars.map((variable) => (
          // Keyed by value too, so a value changed elsewhere (another window, the CLI) resets the field.
          <ConfigVarRow key={`${variable.name}\u0000${variable.value}`} variable={variable} />
        ))}
      </ul>
      {/* Connections share the `configVars` namespace, so their names are taken too. */}
      <AddConfigVar
        taken={[
          ...workspace.configVars.map((variable) => variable.name),
          ...workspace.connections.map((connection) => connection.name),
        ]}
      />
    </section>
  );
}
