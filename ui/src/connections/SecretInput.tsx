// A secret input: a stored value shows masked with Reveal; typing in the Replace field sets a new one.
import { useState } from 'react';
import { api } from '../common/backend';
import { useConnectionFailures } from './failures';

interface Props {
  inputKey: string;
  label: string;
  /** The saved connection's name, when the secret may already be stored in the keyring. */
  connectionName: string | null;
  stored: boolean;
  value: string;
  onChange: (value: string) => void;
  multiline: boolean;
  describedBy: string;
}

export function SecretInput({ inputKey, label, connectionName, stored, value, onChange, multiline, describedBy }: Props) {
  const failures = useConnectionFailures();
  const [revealed, setRevealed] = useState<string | null>(null);

  const reveal = async () => {
    if (connectionName === null) return;
    try {
      const stored = await api.secretReveal(connectionName, inputKey);
      setRevealed(stored ?? '');
    } catch (error) {
      failures.report(`${label} could not be revealed.`, error);
    }
  };

  const fieldProps = {
    id: `connection-field-${inputKey}`,
    'data-testid': `connection-field-${inputKey}`,
    'aria-describedby': describedBy,
    value,
    placeholder: stored ? 'Type a new value to replace the stored one' : '',
    autoComplete: 'off',
    spellCheck: false,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };

  return (
    <div className="secret-input">
      {stored && (
        <div className="secret-stored" data-testid={`connection-secret-${inputKey}`}>
          <code className="secret-value" data-testid={`secret-value-${inputKey}`}>
            {revealed === null ? '••••••••' : revealed === '' ? '(empty)' : revealed}
          </code>
          {revealed === null ? (
            <button type="button" className="link-button" onClick={() => void reveal()} data-testid={`reveal-${inputKey}`}>
              Reveal
            </button>
          ) : (
            <button type="button" className="link-button" onClick={() => setRevealed(null)}>
              Hide
            </button>
          )}
        </div>
      )}
      {multiline ? (
        <textarea className="code-input masked" rows={4} {...fieldProps} />
      ) : (
        <input type="password" {...fieldProps} />
      )}
    </div>
  );
}
