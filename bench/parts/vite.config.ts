// Builds the pages bench/webkit-floor.mjs shows in the bare Tauri window, one part of Blocksmith's window each, so
// each part's memory can be weighed over the same floor: React alone (react.html) and Monaco as the app configures
// it (monaco.html, the app's own ui/src/editor/monaco.ts). Output: bench/out/parts/.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const partsRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: partsRoot,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  define: { __BLOCKSMITH_DEBUG__: 'false' },
  build: {
    outDir: fileURLToPath(new URL('../out/parts', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      input: {
        react: `${partsRoot}/react.html`,
        monaco: `${partsRoot}/monaco.html`,
        monacoNoWorker: `${partsRoot}/monaco-no-worker.html`,
      },
    },
  },
  worker: { format: 'es' },
});
