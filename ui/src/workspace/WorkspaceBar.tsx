// The top bar: which workspace is open, Import, the Export menu, opening another folder or a recent one, and the
// theme.
import { open as openDialog } from '@tauri-apps/plugin-dialog';
import { useNotices } from '../common/notices';
import { ExportMenu } from '../export/ExportMenu';
import { useImport } from '../export/ImportProvider';
import { RecentMenu } from './RecentMenu';
import { ThemePicker } from './ThemePicker';
import { useWorkspace } from './WorkspaceContext';

export function useOpenFolder() {
  const { open } = useWorkspace();
  const { reportError } = useNotices();
  return async () => {
    try {
      const folder = await openDialog({ directory: true, multiple: false, title: 'Open a workspace folder' });
      if (typeof folder === 'string') await open(folder);
    } catch (error) {
      reportError('The folder picker could not be opened.', error);
    }
  };
}

export function WorkspaceBar() {
  const { workspace, loading } = useWorkspace();
  const openFolder = useOpenFolder();
  const { chooseAndImport, importing } = useImport();
  return (
    <header className="top-bar">
      <span className="brand">Blocksmith</span>
      {workspace && (
        <span className="workspace-id" title={workspace.path} data-testid="workspace-name">
          <strong>{workspace.name}</strong>
          <span className="muted workspace-path">{workspace.path}</span>
        </span>
      )}
      <span className="spacer" />
      {loading && <span className="spinner" aria-label="Opening the workspace" />}
      <button
        type="button"
        disabled={importing || !workspace}
        onClick={() => void chooseAndImport()}
        title="Import a bundle or integration YAML into this workspace"
        data-testid="import"
      >
        Import…
      </button>
      <ExportMenu />
      <button type="button" onClick={() => void openFolder()} data-testid="open-workspace">
        Open folder…
      </button>
      <RecentMenu />
      <ThemePicker />
    </header>
  );
}
