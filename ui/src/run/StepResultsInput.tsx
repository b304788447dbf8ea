// The JSON an action is run with as `stepResults`, editable, with a way to fill it from earlier steps' results.
interface Props {
  text: string;
  onChange: (text: string) => void;
  /** Why the text is not valid JSON, when it is not. */
  problem: string | null;
  onFillFromEarlierSteps: () => void;
}

export function StepResultsInput({ text, onChange, problem, onFillFromEarlierSteps }: Props) {
  return (
    <div className="run-input">
      <div className="section-toolbar">
        <label htmlFor="step-results-input">
          <h4>stepResults</h4>
        </label>
        <button type="button" className="link-button" onClick={onFillFromEarlierSteps} data-testid="fill-step-results">
          Fill from earlier steps
        </button>
      </div>
      <textarea
        id="step-results-input"
        className="code-input"
        data-testid="step-results-input"
        spellCheck={false}
        rows={8}
        value={text}
        aria-invalid={problem !== null}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem && <p className="field-problem">{problem}</p>}
    </div>
  );
}
