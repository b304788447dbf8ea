import { describe, expect, it } from 'vitest';
import { exchangeFromJson, readableBody } from './exchange';

const recorded = {
  request: {
    method: 'POST',
    url: 'https://auth.example.com/token',
    headers: [{ name: 'authorization', value: 'Basic <masked>' }],
    form: [
      { name: 'grant_type', value: 'client_credentials' },
      { name: 'client_secret', value: '<masked>' },
    ],
  },
  response: { status: 200, headers: [{ name: 'content-type', value: 'application/json' }], body: '{"access_token":"<masked>"}' },
  failure: null,
};

describe('exchangeFromJson', () => {
  it('reads the request and response the app recorded', () => {
    const exchange = exchangeFromJson(recorded);
    expect(exchange?.request.method).toBe('POST');
    expect(exchange?.request.form[1]).toEqual({ name: 'client_secret', value: '<masked>' });
    expect(exchange?.response?.status).toBe(200);
    expect(exchange?.failure).toBeNull();
  });

  it('keeps a request that got no response, with the reason', () => {
    const exchange = exchangeFromJson({ ...recorded, response: null, failure: 'connection refused' });
    expect(exchange?.response).toBeNull();
    expect(exchange?.failure).toBe('connection refused');
  });

  it('refuses a value of another shape', () => {
    expect(exchangeFromJson(null)).toBeNull();
    expect(exchangeFromJson({ request: { method: 'POST' } })).toBeNull();
    expect(exchangeFromJson({ ...recorded, response: { status: '200' } })).toBeNull();
  });
});

describe('readableBody', () => {
  it('indents JSON and leaves other text alone', () => {
    expect(readableBody('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(readableBody('<html>')).toBe('<html>');
  });
});
