// The JSON an action is run with as `stepResults`, editable, with a way to fill it from earlier steps' results.
// Earlier steps that returned a lot make it large: then it shows as a summary with Open.
import type { JsonValue } from '../common/backend';
import { LargeTextInput } from './LargeTextInput';
import { describeStepResults } from './stepResults';

interface Props {
  text: string;
  /** The text parsed, or undefined when it is not valid JSON. */
  value: JsonValue | undefined;
  onChange: (text: string) => void;
  /** Why the text is not valid JSON, when it is not. */
  problem: string | null;
  onFillFromEarlierSteps: () => void;
}

export function StepResultsInput({ text, value, onChange, problem, onFillFromEarlierSteps }: Props) {
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
      <LargeTextInput
        id="step-results-input"
        testId="step-results-input"
        label="stepResults"
        rows={8}
        text={text}
        onChange={onChange}
        invalid={problem !== null}
        summary={() => describeStepResults(text.length, value)}
      />
      {problem && <p className="field-problem">{problem}</p>}
    </div>
  );
}
