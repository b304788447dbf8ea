// Mounts the app: Monaco is configured on import, before any editor exists. Loaded by main.ts after the skeleton in
// index.html has painted, since parsing this bundle (Monaco, React) keeps the window busy for a while. The first
// render waits for the workspace prefetched meanwhile (firstScreen.ts), so it shows the workspace at once.
import './bootBegins';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './editor/monaco';
import './theme';
import { App } from './App';
import { STARTUP_MARKS, markStartup } from './startup';
import { firstScreenReady, takeFirstWorkspace } from './workspace/firstScreen';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to mount Blocksmith in.');

await firstScreenReady();
markStartup(STARTUP_MARKS.appMounting);
createRoot(root).render(
  <StrictMode>
    <App firstWorkspace={takeFirstWorkspace()} />
  </StrictMode>,
);
