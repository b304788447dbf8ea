// Why a run failed: the error's name and message, where it happened, and its stack.
import type { RunError } from '../common/backend';
import { errorTitle } from './status';

export function ErrorView({ error }: { error: RunError }) {
  const where =
    error.line !== null ? `Line ${error.line}${error.column !== null ? `, column ${error.column}` : ''}` : null;
  return (
    <div className="error-view" role="alert" data-testid="run-error">
      <p className="error-title">
        <strong>{errorTitle(error)}</strong>
      </p>
      {where && <p className="error-where">{where}</p>}
      {error.stack && <pre className="code-block error-stack">{error.stack}</pre>}
    </div>
  );
}
