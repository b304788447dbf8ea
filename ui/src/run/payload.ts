// Builds the request part of a trigger's `payload` (DESIGN.md, "The run contract") from what the user typed, and
// back again. The execution part (executionId, webhookUrls, customer, flow, startedAt, …) is the app's to fill from
// the workspace's execution settings, so the UI leaves it out.
import type { JsonValue } from '../common/backend';
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

function isJsonContentType(contentType: string): boolean {
  return /[/+]json\b/i.test(contentType);
}

function rowsToObject(rows: NameValueRow[]): Record<string, string> {
  const object: Record<string, string> = {};
  for (const row of rows) {
    const name = row.name.trim();
    if (name !== '') object[name] = row.value;
  }
  return object;
}

/** The body as the block sees it in `payload.body.data`: parsed when it is JSON, the text otherwise. */
export function parsedBody(body: string, contentType: string): JsonValue {
  if (!isJsonContentType(contentType) || body.trim() === '') return body;
  try {
    return JSON.parse(body) as JsonValue;
  } catch {
    return body;
  }
}

export function buildPayload(form: PayloadForm): JsonValue {
  const headers = rowsToObject(form.headers);
  const hasContentTypeHeader = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (form.contentType !== '' && !hasContentTypeHeader) headers['content-type'] = form.contentType;
  return {
    headers,
    queryParameters: rowsToObject(form.queryParameters),
    rawBody: { data: form.body, contentType: form.contentType },
    body: { data: parsedBody(form.body, form.contentType), contentType: form.contentType },
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
