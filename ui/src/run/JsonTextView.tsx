// JSON as text in a Monaco editor of its own: Monaco puts only the lines in view into the DOM, so megabytes of JSON
// open at once and scroll, fold and find (Ctrl+F) smoothly, where a <pre> or a <textarea> of the same text freezes
// the window. Read-only for Raw JSON; editable (with `onChange`) for a large run input.
import { useEffect, useRef } from 'react';
import { monaco } from '../editor/monaco';

/** Edits reach `onChange` once typing pauses this long: reading a multi-megabyte model on every key would lag. */
const CHANGE_DELAY_MS = 300;

interface Props {
  /** The text, or a function making it when it is shown: Raw JSON passes one, so the window does not keep a
   * multi-megabyte string beside Monaco's own copy. */
  text: string | (() => string);
  /** Called with the whole text after an edit; without it the view is read-only. */
  onChange?: (text: string) => void;
  testId: string;
  label: string;
}

export function JsonTextView({ text, onChange, testId, label }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const textRef = useRef(text);
  textRef.current = text;
  /** The `text` the model holds now, so it is made (or compared) again only when a new one comes. */
  const loadedRef = useRef<Props['text'] | null>(null);
  const editable = onChange !== undefined;

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // Plain text, not Monaco's JSON language: that one validates the whole document in a worker on every change.
    const initial = textRef.current;
    const model = monaco.editor.createModel(typeof initial === 'function' ? initial() : initial, 'plaintext');
    loadedRef.current = initial;
    const editor = monaco.editor.create(host, {
      model,
      readOnly: !editable,
      ariaLabel: label,
      automaticLayout: true,
      minimap: { enabled: false },
      lineNumbers: 'on',
      folding: true,
      foldingStrategy: 'indentation',
      scrollBeyondLastLine: false,
      wordWrap: 'off',
      fontSize: 12,
      tabSize: 2,
    });
    editorRef.current = editor;
    let timer: number | undefined;
    const listener = model.onDidChangeContent((event) => {
      // `setValue` below (a new text from outside) is not an edit to report back.
      if (event.isFlush) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => onChangeRef.current?.(model.getValue()), CHANGE_DELAY_MS);
    });
    return () => {
      window.clearTimeout(timer);
      listener.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
  }, [editable, label]);

  // A new text from outside replaces the model's, unless it is what the model already holds (an edit coming back).
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || text === loadedRef.current) return;
    loadedRef.current = text;
    const next = typeof text === 'function' ? text() : text;
    if (model.getValue() !== next) model.setValue(next);
  }, [text]);

  return <div ref={hostRef} className="json-text-view" data-testid={testId} />;
}
