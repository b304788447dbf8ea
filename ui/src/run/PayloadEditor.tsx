// The request a trigger is run with: headers, query parameters, content type, body and path fragment.
import { NameValueRows } from '../common/NameValueRows';
import { LargeTextInput } from './LargeTextInput';
import { formatSize } from './stepResults';
import type { PayloadForm } from './payload';

const COMMON_CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'text/csv',
  'application/xml',
  'application/x-www-form-urlencoded',
];

interface Props {
  form: PayloadForm;
  onChange: (form: PayloadForm) => void;
}

export function PayloadEditor({ form, onChange }: Props) {
  const set = (change: Partial<PayloadForm>) => onChange({ ...form, ...change });
  return (
    <div className="run-input payload-editor" data-testid="payload-editor">
      <h4>Payload</h4>
      <div className="field-grid">
        <label htmlFor="payload-content-type">Content type</label>
        <input
          id="payload-content-type"
          data-testid="payload-content-type"
          list="payload-content-types"
          value={form.contentType}
          onChange={(event) => set({ contentType: event.target.value })}
        />
        <datalist id="payload-content-types">
          {COMMON_CONTENT_TYPES.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <label htmlFor="payload-path">Path fragment</label>
        <input
          id="payload-path"
          data-testid="payload-path"
          placeholder="/orders/42"
          value={form.pathFragment}
          onChange={(event) => set({ pathFragment: event.target.value })}
        />
      </div>
      <label htmlFor="payload-body">Body</label>
      <LargeTextInput
        id="payload-body"
        testId="payload-body"
        label="Payload body"
        rows={6}
        text={form.body}
        onChange={(body) => set({ body })}
        summary={() => `${formatSize(form.body.length)} of ${form.contentType || 'text'}`}
      />
      <h5>Headers</h5>
      <NameValueRows rows={form.headers} onChange={(headers) => set({ headers })} noun="header" testId="payload-headers" />
      <h5>Query parameters</h5>
      <NameValueRows
        rows={form.queryParameters}
        onChange={(queryParameters) => set({ queryParameters })}
        noun="query parameter"
        testId="payload-query"
      />
    </div>
  );
}
