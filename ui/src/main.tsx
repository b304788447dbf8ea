// Entry point: mounts the app. Monaco is configured on import, before any editor exists.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './editor/monaco';
import { App } from './App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element to mount Blocksmith in.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
