// "Provider": start a connection from a preset (Google, Okta, …). Picking one shows its note and the parameters it
// needs (tenant, domain, …), and fills the form with the kind and values Rust computes for them; the Client ID and
// Secret stay the person's to enter. The presets are data: Blocksmith's list and the person's own file.
import { useEffect, useState } from 'react';
import { api, asBackendError, type PresetValues, type ProviderPreset, type ProviderPresets } from '../common/backend';

interface Props {
  /** The preset's kind and values, each time its parameters make a complete set. */
  onFill: (filled: PresetValues) => void;
}

/** The parameters still needed before the preset can fill in its URLs. */
function missingParameters(preset: ProviderPreset, given: Record<string, string>): string[] {
  return preset.parameters
    .filter((parameter) => parameter.format !== 'text' && parameter.default === null)
    .filter((parameter) => (given[parameter.key] ?? '').trim() === '')
    .map((parameter) => parameter.label);
}

export function ProviderPresetPicker({ onFill }: Props) {
  const [catalogue, setCatalogue] = useState<ProviderPresets | null>(null);
  const [presetKey, setPresetKey] = useState('');
  const [given, setGiven] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.oauthPresets().then(
      (loaded) => !cancelled && setCatalogue(loaded),
      (error: unknown) => !cancelled && setProblem(asBackendError(error).message),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const preset = catalogue?.presets.find((candidate) => candidate.key === presetKey) ?? null;
  const missing = preset ? missingParameters(preset, given) : [];

  // Each complete set of parameters fills the form; a stale answer (the person typed on) is dropped.
  useEffect(() => {
    if (!preset || missing.length > 0) return;
    let current = true;
    api.oauthPresetValues(preset.key, given).then(
      (filled) => {
        if (!current) return;
        setProblem(null);
        onFill(filled);
      },
      (error: unknown) => current && setProblem(asBackendError(error).message),
    );
    return () => {
      current = false;
    };
    // `missing` follows from `preset` and `given`. `onFill` is left out: it only calls state setters, and the
    // form makes a new one on every render, which would fill the form again after each keystroke.
  }, [preset, given]);

  const choose = (key: string) => {
    setPresetKey(key);
    setProblem(null);
    const chosen = catalogue?.presets.find((candidate) => candidate.key === key);
    setGiven(Object.fromEntries((chosen?.parameters ?? []).map((parameter) => [parameter.key, parameter.default ?? ''])));
  };

  if (catalogue === null) return null;
  return (
    <div className="form-field provider-preset">
      <label htmlFor="oauth-preset">Provider</label>
      <select
        id="oauth-preset"
        data-testid="oauth-preset"
        value={presetKey}
        onChange={(event) => choose(event.target.value)}
      >
        <option value="">Other (enter the provider's details)</option>
        {catalogue.presets.map((candidate) => (
          <option key={candidate.key} value={candidate.key}>
            {candidate.fromUserFile ? `${candidate.label} (yours)` : candidate.label}
          </option>
        ))}
      </select>
      {preset ? (
        <p className="help" data-testid="oauth-preset-note">
          {preset.note}
        </p>
      ) : (
        <p className="help">
          Fills in the URLs, scopes and settings a provider needs.
          {catalogue.userFile && <> Add your own presets in {catalogue.userFile}.</>}
        </p>
      )}
      {catalogue.userFileProblem && (
        <p className="field-warning" data-testid="oauth-preset-file-problem">
          {catalogue.userFileProblem}
        </p>
      )}
      {preset?.parameters.map((parameter) => {
        const id = `oauth-preset-param-${parameter.key}`;
        const set = (value: string) => setGiven((current) => ({ ...current, [parameter.key]: value }));
        return (
          <div className="form-field" key={parameter.key}>
            <label htmlFor={id}>
              {parameter.label}
              {parameter.format !== 'text' && <span className="required"> *</span>}
            </label>
            {parameter.format === 'choice' ? (
              <select id={id} data-testid={id} value={given[parameter.key] ?? ''} onChange={(e) => set(e.target.value)}>
                {parameter.choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                data-testid={id}
                spellCheck={false}
                placeholder={parameter.default ?? undefined}
                value={given[parameter.key] ?? ''}
                onChange={(e) => set(e.target.value)}
              />
            )}
            {parameter.help && <p className="help">{parameter.help}</p>}
          </div>
        );
      })}
      {preset && missing.length > 0 && (
        <p className="muted" data-testid="oauth-preset-missing">
          Fill in {missing.join(' and ')} to complete the provider's URLs.
        </p>
      )}
      {problem && (
        <p className="field-problem" data-testid="oauth-preset-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
