// Monaco, bundled from npm with its workers: only the editor core, its features, and JavaScript support are
// loaded. Importing this module configures Monaco once; everything else imports `monaco` from here.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/javascript/register';
import { javascriptDefaults, ScriptTarget } from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker';

declare global {
  interface Window {
    monaco?: typeof monaco;
  }
}

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    // The TypeScript worker also serves JavaScript: it is what squiggles syntax errors as the user types.
    if (label === 'typescript' || label === 'javascript') return new TypeScriptWorker();
    return new EditorWorker();
  },
};

javascriptDefaults.setCompilerOptions({
  target: ScriptTarget.ESNext,
  allowJs: true,
  allowNonTsExtensions: true,
  checkJs: false,
});
// Syntax errors only: a block's globals (logger, configVars, …) are not typed, so semantic checks would be noise.
// Suggestions (e.g. "this CommonJS module may be converted to an ES module") do not apply to blocks either.
javascriptDefaults.setDiagnosticsOptions({
  noSemanticValidation: true,
  noSyntaxValidation: false,
  noSuggestionDiagnostics: true,
});
javascriptDefaults.setEagerModelSync(true);

const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
const applyColorScheme = () => monaco.editor.setTheme(darkScheme.matches ? 'vs-dark' : 'vs');
applyColorScheme();
darkScheme.addEventListener('change', applyColorScheme);

// End-to-end tests reach Monaco through `window.monaco`: in debug and dev builds, and whenever the window is driven
// by WebDriver (`navigator.webdriver`), which is how the tests run the real app whatever its UI build.
if (import.meta.env.DEV || __BLOCKSMITH_DEBUG__ || navigator.webdriver) window.monaco = monaco;

export { monaco };
