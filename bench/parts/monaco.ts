// Monaco alone, configured by the app's own module (features, workers, JavaScript support) and showing the action
// template in one editor with the app's options, so its memory is Monaco's share of Blocksmith's window.
import { BLOCK_EDITOR_OPTIONS, monaco } from '../../ui/src/editor/monaco';
import template from '../../crates/workspace/templates/code-block.js?raw';

const host = document.getElementById('editor');
if (!host) throw new Error('monaco.html has no #editor element.');
monaco.editor.create(host, { ...BLOCK_EDITOR_OPTIONS, model: monaco.editor.createModel(template, 'javascript') });
