import { describe, expect, it } from 'vitest';
import { DEFAULT_PAYLOAD_FORM, formFromPayload, typedRequest, type PayloadForm } from './payload';

const form: PayloadForm = {
  headers: [
    { name: 'X-Trace', value: 'abc' },
    { name: '  ', value: 'ignored: no name' },
  ],
  queryParameters: [{ name: 'page', value: '2' }],
  contentType: 'application/json',
  body: '{"id": 7}',
  pathFragment: 'orders/7',
};

describe('typedRequest', () => {
  it('is the request a caller would send: named rows only, the body and content type as typed', () => {
    expect(typedRequest(form)).toEqual({
      headers: [['X-Trace', 'abc']],
      queryParameters: [['page', '2']],
      contentType: 'application/json',
      body: '{"id": 7}',
      pathFragment: 'orders/7',
    });
  });
});

describe('formFromPayload', () => {
  it('gives back the form of a payload as the listener builds it (lower-cased header names)', () => {
    // What `TypedRequest::payload` answers for `form` (crates/session/src/webhook/payload.rs tests the builder).
    const payload = {
      headers: { 'x-trace': 'abc', 'content-type': 'application/json' },
      queryParameters: { page: '2' },
      rawBody: { data: '{"id": 7}', contentType: 'application/json' },
      body: { data: { id: 7 }, contentType: 'application/json' },
      pathFragment: 'orders/7',
    };
    expect(formFromPayload(payload)).toEqual({ ...form, headers: [{ name: 'x-trace', value: 'abc' }] });
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
