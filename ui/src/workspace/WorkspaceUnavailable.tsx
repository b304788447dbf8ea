// Shown instead of the editor when no workspace could be opened: why, and what the user can do.
import { useOpenFolder } from './WorkspaceBar';
import { useWorkspace } from './WorkspaceContext';

export function WorkspaceUnavailable() {
  const { loadError, loading, open } = useWorkspace();
  const openFolder = useOpenFolder();
  if (loading && !loadError) {
    return (
      <div className="centre-card" aria-busy="true">
        <span className="spinner" aria-hidden="true" /> Opening the workspace…
      </div>
    );
  }
  return (
    <div className="centre-card" role="alert" data-testid="error-banner">
      <h2>The workspace could not be opened</h2>
      <p>{loadError}</p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void open(null)}>
          Try again
        </button>
        <button type="button" onClick={() => void openFolder()}>
          Open another folder…
        </button>
      </div>
    </div>
  );
}
