// The value a run produced: its step result as a tree (or raw JSON), and a trigger's webhook response.
import { useCallback, useState } from 'react';
import type { JsonValue } from '../common/backend';
import { isJsonObject } from '../common/json';
import { JsonTextView } from './JsonTextView';
import { JsonTree } from './JsonTree';

interface Props {
  result: JsonValue;
  /** The trigger's `response`, shown when the block returned one. */
  response: JsonValue;
}

export function WebhookResponse({ response }: { response: { [key: string]: JsonValue } }) {
  const body = response.body;
  return (
    <div className="webhook-response" data-testid="response">
      <h4>Response to the webhook caller</h4>
      <dl>
        <dt>Status</dt>
        <dd data-testid="response-status">{JSON.stringify(response.statusCode ?? 200)}</dd>
        <dt>Content type</dt>
        <dd data-testid="response-content-type">{typeof response.contentType === 'string' ? response.contentType : '—'}</dd>
      </dl>
      <pre className="code-block" data-testid="response-body">
        {typeof body === 'string' ? body : JSON.stringify(body ?? null, null, 2)}
      </pre>
    </div>
  );
}

export function ResultView({ result, response }: Props) {
  const [raw, setRaw] = useState(false);
  // Stringified only when Raw JSON is shown, and handed to Monaco without a copy kept here.
  const rawText = useCallback(() => JSON.stringify(result, null, 2), [result]);
  return (
    <div className="result-view">
      <div className="section-toolbar">
        <h4>Result</h4>
        <label className="toggle">
          <input type="checkbox" checked={raw} onChange={(event) => setRaw(event.target.checked)} data-testid="raw-toggle" />
          Raw JSON
        </label>
      </div>
      {raw ? (
        <JsonTextView text={rawText} testId="result-raw" label="The result as JSON" />
      ) : (
        <JsonTree value={result} rootName="result" />
      )}
      {isJsonObject(response) && <WebhookResponse response={response} />}
    </div>
  );
}
