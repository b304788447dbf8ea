// Why a run failed, as Node would word it: the message first, then where it happened — the step by its name and
// the line as a link that moves the editor's cursor there — and the stack below.
import type { RunError } from '../common/backend';
import { errorTitle } from './status';

interface Props {
  error: RunError;
  /** The failing block's display name, which the stack also uses for its frames. */
  stepName: string;
  /** Moves the editor's cursor to the position (1-based), when the failing block is the one in the editor. */
  onReveal?: (line: number, column: number) => void;
}

export function ErrorView({ error, stepName, onReveal }: Props) {
  const line = error.line;
  const column = error.column ?? 1;
  const position = line !== null ? `line ${line}${error.column !== null ? `, column ${error.column}` : ''}` : null;
  return (
    <div className="error-view" role="alert" data-testid="run-error">
      <p className="error-title">
        <strong>{errorTitle(error)}</strong>
      </p>
      <p className="error-where" data-testid="run-error-where">
        In <span className="error-step">{stepName}</span>
        {position &&
          (onReveal && line !== null ? (
            <>
              {', '}
              <button
                type="button"
                className="link-button"
                data-testid="run-error-location"
                onClick={() => onReveal(line, column)}
                title="Show this line in the editor"
              >
                {position}
              </button>
            </>
          ) : (
            `, ${position}`
          ))}
      </p>
      {error.stack && <pre className="code-block error-stack">{error.stack}</pre>}
    </div>
  );
}
