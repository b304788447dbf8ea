// A Vite plugin for Monaco's TypeScript worker: it bundles the text of every TypeScript `lib` file, and a block
// needs only the ECMAScript ones. The worker serves on-demand commands (go to definition, references, rename,
// symbols, formatting) with `lib: ["esnext"]` (src/editor/monaco.ts), so the browser and script-host typings
// (`lib.dom.d.ts` alone is 1.9 MB of text) are never read: they are bundled empty, which keeps them out of the
// app's binary. The file names stay, so TypeScript still finds a file for each.
import type { Plugin } from 'vite';

/** The module of Monaco's TypeScript worker that holds each lib file's text, one `libFileMap[…] = '…';` per line. */
const LIB_FILE_MAP = /monaco-editor\/esm\/vs\/languages\/features\/typescript\/lib\/lib\.js$/;
/** The lib files of browsers, web workers and Windows Script Host, and the `full` libs that include them. */
const UNUSED_LIB = /^libFileMap\["lib\.(?:dom\b|webworker\b|scripthost\b|d\.ts|[a-z0-9]+\.full\.d\.ts)[^"]*"\] = '/;

export function dropBrowserTypings(): Plugin {
  return {
    name: 'blocksmith-drop-browser-typings',
    transform(code, id) {
      if (!LIB_FILE_MAP.test(id.replaceAll('\\', '/'))) return null;
      let dropped = 0;
      const lines = code.split('\n').map((line) => {
        if (!UNUSED_LIB.test(line)) return line;
        dropped += 1;
        return `${line.slice(0, line.indexOf(" = '"))} = '';`;
      });
      if (dropped === 0) this.error('No TypeScript lib file was dropped: Monaco changed how it bundles them.');
      return { code: lines.join('\n'), map: null };
    },
  };
}
