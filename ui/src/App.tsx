// The window: workspace bar on top (with the Export menu; a file dropped anywhere is imported); flows, config
// variables and connections on the left; the editor in the centre; the run panel on the right; splitters between.
import { ErrorBoundary } from './common/ErrorBoundary';
import { NoticeBanner, NoticeProvider } from './common/notices';
import { ConfigVarsPanel } from './config-vars/ConfigVarsPanel';
import { ConnectionKindsProvider } from './connections/kinds';
import { ConnectionsPanel } from './connections/ConnectionsPanel';
import { HostChangeProvider } from './connections/HostChange';
import { CodeEditor } from './editor/CodeEditor';
import { EditorSessionProvider } from './editor/EditorSession';
import { ImportProvider } from './export/ImportProvider';
import { DropHint, ImportPanel } from './export/ImportPanel';
import { RunPanel } from './run/RunPanel';
import { BlockList } from './workspace/BlockList';
import { Splitter } from './workspace/Splitter';
import { usePaneWidths } from './workspace/usePaneWidths';
import { WorkspaceBar } from './workspace/WorkspaceBar';
import { useWorkspace, WorkspaceProvider } from './workspace/WorkspaceContext';
import type { OpenedWorkspace } from './workspace/firstScreen';
import { WorkspaceUnavailable } from './workspace/WorkspaceUnavailable';

function Workbench() {
  const { workspace } = useWorkspace();
  const panes = usePaneWidths();
  if (!workspace) return <WorkspaceUnavailable />;
  return (
    <main className="workbench" style={panes.style}>
      <aside className="sidebar">
        <BlockList />
        <ConfigVarsPanel />
        <ConnectionsPanel />
      </aside>
      <Splitter
        label="Resize the side panel"
        direction={1}
        onDrag={(delta) => panes.drag('sidebar', delta)}
        onDone={panes.done}
        testId="splitter-sidebar"
      />
      <CodeEditor />
      <Splitter
        label="Resize the run panel"
        direction={-1}
        onDrag={(delta) => panes.drag('runPanel', delta)}
        onDone={panes.done}
        testId="splitter-run-panel"
      />
      <RunPanel />
    </main>
  );
}

/** `firstWorkspace`: the default workspace as opened before the app loaded, or null to open it now. */
export function App({ firstWorkspace }: { firstWorkspace: OpenedWorkspace | null }) {
  return (
    <NoticeProvider>
      <WorkspaceProvider initial={firstWorkspace}>
        <ConnectionKindsProvider>
          <HostChangeProvider>
            <EditorSessionProvider>
              <ImportProvider>
                <div className="app">
                  <WorkspaceBar />
                  <NoticeBanner />
                  <ImportPanel />
                  <ErrorBoundary>
                    <Workbench />
                  </ErrorBoundary>
                  <DropHint />
                </div>
              </ImportProvider>
            </EditorSessionProvider>
          </HostChangeProvider>
        </ConnectionKindsProvider>
      </WorkspaceProvider>
    </NoticeProvider>
  );
}
