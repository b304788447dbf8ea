// The payload editor's form: the request a webhook caller controls. Rust builds the trigger's `payload` from it with
// the listener's own function (`api.payloadFromRequest`), so a block sees in the editor what it sees when called;
// this file only turns the form into that request and a saved payload back into a form. The execution part
// (executionId, webhookUrls, customer, flow, startedAt, …) is the app's to fill from the workspace's settings.
import type { JsonValue, TypedRequest } from '../common/backend';
import { isJsonObject } from '../common/json';
import type { NameValueRow } from '../common/NameValueRows';

/** What the payload editor shows: the parts of an HTTP request a webhook caller controls. */
export interface PayloadForm {
  headers: NameValueRow[];
  queryParameters: NameValueRow[];
  contentType: string;
  body: string;
  pathFragment: string;
}

export const DEFAULT_PAYLOAD_FORM: PayloadForm = {
  headers: [],
  queryParameters: [],
  contentType: 'application/json',
  body: '{}',
  pathFragment: '',
};

function rowsToPairs(rows: NameValueRow[]): [string, string][] {
  return rows.filter((row) => row.name.trim() !== '').map((row) => [row.name.trim(), row.value]);
}

/** The request a webhook caller would send for the form; Rust turns it into the payload, as the listener does. */
export function typedRequest(form: PayloadForm): TypedRequest {
  return {
    headers: rowsToPairs(form.headers),
    queryParameters: rowsToPairs(form.queryParameters),
    contentType: form.contentType,
    body: form.body,
    pathFragment: form.pathFragment,
  };
}

function objectToRows(value: JsonValue | undefined): NameValueRow[] {
  if (!isJsonObject(value)) return [];
  return Object.entries(value).map(([name, entry]) => ({
    name,
    value: typeof entry === 'string' ? entry : JSON.stringify(entry),
  }));
}

/** The form that produces `payload` (a saved sample), so a saved payload can be edited again. */
export function formFromPayload(payload: JsonValue): PayloadForm {
  if (!isJsonObject(payload)) return DEFAULT_PAYLOAD_FORM;
  const rawBody = isJsonObject(payload.rawBody) ? payload.rawBody : {};
  const body = isJsonObject(payload.body) ? payload.body : {};
  const contentTypeOf = (part: { [key: string]: JsonValue }) =>
    typeof part.contentType === 'string' ? part.contentType : null;
  const contentType = contentTypeOf(rawBody) ?? contentTypeOf(body) ?? '';
  let bodyText = '';
  if (typeof rawBody.data === 'string') bodyText = rawBody.data;
  else if (typeof body.data === 'string') bodyText = body.data;
  else if (body.data !== undefined && body.data !== null) bodyText = JSON.stringify(body.data, null, 2);
  // The Content-Type header the builder adds is shown once, as the content type, not again as a header row.
  const headers = objectToRows(payload.headers).filter(
    (row) => !(row.name.toLowerCase() === 'content-type' && row.value === contentType),
  );
  return {
    headers,
    queryParameters: objectToRows(payload.queryParameters),
    contentType,
    body: bodyText,
    pathFragment: typeof payload.pathFragment === 'string' ? payload.pathFragment : '',
  };
}
