// Monaco, bundled from npm with its workers: the editor core, the editing features a block author uses, and
// JavaScript support. Importing this module configures Monaco once; everything else imports `monaco` from here.
//
// Memory is the constraint (the whole window should stay small), so:
// - Syntax errors are squiggled by a small parser (syntaxMarkers.ts), not by the TypeScript worker.
// - The TypeScript worker serves only commands the user asks for (format, go to definition, rename, outline), so it
//   loads on first use of one of them; nothing that runs while typing, hovering or moving the cursor starts it.
// - Only the editor features listed below are bundled (not `features/register.all`): the rest (diff editor, colour
//   picker, inlay hints, code lens, sticky scroll, …) have no use in a block editor.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/dnd/register';
import 'monaco-editor/features/documentSymbols/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/gotoLine/register';
import 'monaco-editor/features/gotoSymbol/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/links/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/quickCommand/register';
import 'monaco-editor/features/quickOutline/register';
import 'monaco-editor/features/rename/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/unicodeHighlighter/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/wordPartOperations/register';
// The suggest widget itself (features/suggest only adds its inline variant).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/languages/definitions/javascript/register';
import { javascriptDefaults, ScriptTarget } from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { watchSyntax } from './syntaxMarkers';

declare global {
  interface Window {
    monaco?: typeof monaco;
  }
}

// Monaco asks here for every worker it starts. The editor worker (word-based suggestions, links) starts with the
// editor; the TypeScript worker only when one of the on-demand commands below first needs it.
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'typescript' || label === 'javascript') return new TypeScriptWorker();
    return new EditorWorker();
  },
};

javascriptDefaults.setCompilerOptions({
  target: ScriptTarget.ESNext,
  // A block runs on the engine, not in a browser: only the ECMAScript typings (the browser ones are not bundled,
  // ui/build/typescriptLibs.ts).
  lib: ['esnext'],
  allowJs: true,
  allowNonTsExtensions: true,
  checkJs: false,
});
javascriptDefaults.setDiagnosticsOptions({
  noSemanticValidation: true,
  noSyntaxValidation: true,
  noSuggestionDiagnostics: true,
});
// Only on-demand commands reach the TypeScript worker. Completion while typing comes from Blocksmith's block-aware
// provider (completionProvider.ts) and Monaco's word-based suggestions; hovers show the syntax and run markers.
javascriptDefaults.setModeConfiguration({
  completionItems: false,
  hovers: false,
  documentSymbols: true,
  definitions: true,
  references: true,
  documentHighlights: false,
  rename: true,
  diagnostics: false,
  documentRangeFormattingEdits: true,
  signatureHelp: false,
  onTypeFormattingEdits: false,
  codeActions: false,
  inlayHints: false,
});
javascriptDefaults.setEagerModelSync(false);

watchSyntax(monaco);

// End-to-end tests reach Monaco through `window.monaco`: in debug and dev builds, and whenever the window is driven
// by WebDriver (`navigator.webdriver`), which is how the tests run the real app whatever its UI build.
if (import.meta.env.DEV || __BLOCKSMITH_DEBUG__ || navigator.webdriver) window.monaco = monaco;

/** The block editor's options (the app's one editor, and the memory bench's page of Monaco alone). */
export const BLOCK_EDITOR_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  language: 'javascript',
  automaticLayout: true,
  lineNumbers: 'on',
  glyphMargin: true,
  minimap: { enabled: false },
  fontSize: 13,
  tabSize: 2,
  scrollBeyondLastLine: false,
  fixedOverflowWidgets: true,
  // Suggestions come from the block's names (completionProvider.ts), never from plain words of the file.
  wordBasedSuggestions: 'off',
};

export { monaco };
