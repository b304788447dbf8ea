// Vite builds the Blocksmith window: React + Monaco bundled from npm (workers included, no CDN).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { dropBrowserTypings } from './build/typescriptLibs';

const uiRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ mode }) => ({
  root: uiRoot,
  base: './',
  plugins: [react()],
  clearScreen: false,
  define: {
    // Debug builds expose `window.monaco` for the end-to-end tests: `tauri build --debug` sets TAURI_ENV_DEBUG,
    // and BLOCKSMITH_UI_DEBUG=1 asks for it by hand.
    __BLOCKSMITH_DEBUG__: JSON.stringify(
      mode !== 'production' || process.env.TAURI_ENV_DEBUG === 'true' || process.env.BLOCKSMITH_UI_DEBUG === '1',
    ),
  },
  server: {
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Monaco's editor core is one large chunk by nature; the warning would only be noise.
    chunkSizeWarningLimit: 6000,
  },
  worker: {
    format: 'es',
    plugins: () => [dropBrowserTypings()],
  },
}));
