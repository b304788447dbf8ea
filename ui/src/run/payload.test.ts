import { describe, expect, it } from 'vitest';
import { buildPayload, DEFAULT_PAYLOAD_FORM, formFromPayload, type PayloadForm } from './payload';

const form: PayloadForm = {
  headers: [
    { name: 'X-Trace', value: 'abc' },
    { name: '  ', value: 'ignored: no name' },
  ],
  queryParameters: [{ name: 'page', value: '2' }],
  contentType: 'application/json',
  body: '{"id": 7}',
  pathFragment: '/orders/7',
};

describe('buildPayload', () => {
  it('builds the request part of the payload from the form', () => {
    const payload = buildPayload(form) as Record<string, unknown>;
    expect(payload.headers).toEqual({ 'X-Trace': 'abc', 'content-type': 'application/json' });
    expect(payload.queryParameters).toEqual({ page: '2' });
    expect(payload.rawBody).toEqual({ data: '{"id": 7}', contentType: 'application/json' });
    expect(payload.body).toEqual({ data: { id: 7 }, contentType: 'application/json' });
    expect(payload.pathFragment).toBe('/orders/7');
  });

  it('leaves the execution part to the app', () => {
    const payload = buildPayload(form) as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(['body', 'headers', 'pathFragment', 'queryParameters', 'rawBody']);
  });

  it('keeps a body that is not JSON as text', () => {
    const csv = buildPayload({ ...form, contentType: 'text/csv', body: 'a,b' }) as Record<string, unknown>;
    expect(csv.body).toEqual({ data: 'a,b', contentType: 'text/csv' });
    const broken = buildPayload({ ...form, body: '{not json' }) as Record<string, unknown>;
    expect(broken.body).toEqual({ data: '{not json', contentType: 'application/json' });
  });

  it('does not add a second content type header when the user set one', () => {
    const payload = buildPayload({
      ...form,
      headers: [{ name: 'Content-Type', value: 'application/vnd.api+json' }],
    }) as Record<string, unknown>;
    expect(payload.headers).toEqual({ 'Content-Type': 'application/vnd.api+json' });
  });
});

describe('formFromPayload', () => {
  it('gives back the form a payload was built from', () => {
    const roundTrip = formFromPayload(buildPayload(form));
    expect(roundTrip).toEqual({ ...form, headers: [{ name: 'X-Trace', value: 'abc' }] });
  });

  it("reads the workspace's default trigger sample as the default form", () => {
    const sample = {
      headers: { 'content-type': 'application/json' },
      queryParameters: {},
      rawBody: { data: '{}', contentType: 'application/json' },
      body: { data: {}, contentType: 'application/json' },
      pathFragment: '',
    };
    expect(formFromPayload(sample)).toEqual(DEFAULT_PAYLOAD_FORM);
  });

  it('falls back to the default form for something that is not a payload', () => {
    expect(formFromPayload('nonsense')).toEqual(DEFAULT_PAYLOAD_FORM);
  });
});
