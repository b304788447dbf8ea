// monaco.ts's page with Monaco's workers replaced by an empty one, so the difference between the two pages is what
// the editor worker Monaco starts with the editor (links, Unicode highlighting) holds.
import { BLOCK_EDITOR_OPTIONS, monaco } from '../../ui/src/editor/monaco';
import template from '../../crates/workspace/templates/code-block.js?raw';

const EMPTY_WORKER = URL.createObjectURL(new Blob([''], { type: 'text/javascript' }));
self.MonacoEnvironment = { getWorker: () => new Worker(EMPTY_WORKER) };

const host = document.getElementById('editor');
if (!host) throw new Error('monaco-no-worker.html has no #editor element.');
monaco.editor.create(host, { ...BLOCK_EDITOR_OPTIONS, model: monaco.editor.createModel(template, 'javascript') });
