// The last token request and response as the app reports them (secrets already masked), read into a typed record
// for the inspector.
import { isJsonObject, type JsonValue } from '../common/json';

export interface NameValue {
  name: string;
  value: string;
}

export interface RecordedExchange {
  request: { method: string; url: string; headers: NameValue[]; form: NameValue[] };
  /** Null when no response arrived; `failure` then says why. */
  response: { status: number; headers: NameValue[]; body: string } | null;
  failure: string | null;
}

function nameValues(value: JsonValue | undefined): NameValue[] | null {
  if (!Array.isArray(value)) return null;
  const pairs: NameValue[] = [];
  for (const entry of value) {
    if (!isJsonObject(entry) || typeof entry.name !== 'string' || typeof entry.value !== 'string') return null;
    pairs.push({ name: entry.name, value: entry.value });
  }
  return pairs;
}

/** The exchange, or null when the value is not one (the inspector then shows the raw JSON). */
export function exchangeFromJson(value: JsonValue): RecordedExchange | null {
  if (!isJsonObject(value) || !isJsonObject(value.request)) return null;
  const { method, url } = value.request;
  const requestHeaders = nameValues(value.request.headers);
  const form = nameValues(value.request.form);
  if (typeof method !== 'string' || typeof url !== 'string' || !requestHeaders || !form) return null;

  let response: RecordedExchange['response'] = null;
  if (isJsonObject(value.response)) {
    const { status, body } = value.response;
    const responseHeaders = nameValues(value.response.headers);
    if (typeof status !== 'number' || typeof body !== 'string' || !responseHeaders) return null;
    response = { status, headers: responseHeaders, body };
  } else if (value.response !== null && value.response !== undefined) return null;

  const failure = typeof value.failure === 'string' ? value.failure : null;
  return { request: { method, url, headers: requestHeaders, form }, response, failure };
}

/** A JSON body indented for reading; any other body as it came. */
export function readableBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
