// The top bar's Recent menu: the workspaces opened lately, most recent first, each opened with a click. A folder
// that is gone is shown greyed, so the list explains itself rather than silently shrinking.
import { useCallback, useState } from 'react';
import { api, type RecentWorkspace } from '../common/backend';
import { useNotices } from '../common/notices';
import { useDismiss } from '../common/useDismiss';
import { useWorkspace } from './WorkspaceContext';

export function RecentMenu() {
  const { workspace, open: openWorkspace } = useWorkspace();
  const { reportError } = useNotices();
  const [recent, setRecent] = useState<RecentWorkspace[] | null>(null);
  const close = useCallback(() => setRecent(null), []);
  const container = useDismiss(recent !== null, close);

  const toggle = async () => {
    if (recent !== null) return close();
    try {
      setRecent((await api.preferencesRead()).recentWorkspaces);
    } catch (error) {
      reportError('The recent workspaces could not be read.', error);
    }
  };

  return (
    <div className="dropdown-menu" ref={container}>
      <button type="button" aria-haspopup="menu" aria-expanded={recent !== null} onClick={() => void toggle()} data-testid="recent">
        Recent ▾
      </button>
      {recent !== null && (
        <div className="dropdown-menu-items" role="menu" data-testid="recent-list">
          {recent.length === 0 && <p className="muted">No workspaces opened yet.</p>}
          {recent.map((entry) => (
            <button
              key={entry.path}
              type="button"
              role="menuitem"
              className="recent-workspace"
              disabled={!entry.exists || entry.path === workspace?.path}
              title={entry.exists ? entry.path : `${entry.path} is no longer there`}
              onClick={() => {
                close();
                void openWorkspace(entry.path);
              }}
              data-testid="recent-workspace"
            >
              <strong>{entry.name}</strong>
              <span className="muted workspace-path">{entry.path}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
