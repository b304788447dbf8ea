import { describe, expect, it } from 'vitest';
import type { ConnectionKind, ConnectionView } from '../common/backend';
import { connectionUsage } from './usage';

function kind(key: string, oauth: boolean, consent: boolean, secretKeys: string[], plainKeys: string[] = []): ConnectionKind {
  const input = (inputKey: string, secret: boolean) => ({
    key: inputKey,
    label: inputKey,
    comment: '',
    secret,
    required: true,
    format: 'text' as const,
  });
  return {
    key,
    label: key,
    description: '',
    oauth,
    consent,
    inputs: [...plainKeys.map((k) => input(k, false)), ...secretKeys.map((k) => input(k, true))],
    settings: [],
  };
}

function connection(name: string, secrets: Record<string, boolean>, hasToken = false): ConnectionView {
  return { name, kind: 'x', inputs: {}, secrets, hasToken, needsConsent: false, noSecretsHere: false };
}

describe('connectionUsage', () => {
  it('points at the first secret input and says whether every secret is stored', () => {
    const apiKey = kind('apikey', false, false, ['apiKey']);
    expect(connectionUsage(connection('Acme', { apiKey: true }), apiKey)).toEqual({
      expression: 'configVars["Acme"].fields.apiKey',
      state: 'stored',
      summary: 'secret stored',
    });
    const basic = kind('basic', false, false, ['password'], ['username']);
    expect(connectionUsage(connection('Legacy ERP', {}), basic)).toMatchObject({
      expression: 'configVars["Legacy ERP"].fields.password',
      state: 'missing',
      summary: 'secret missing: password',
    });
  });

  it('points at the access token of an OAuth connection, and says how to get one', () => {
    const code = kind('authorizationcode', true, true, ['clientSecret'], ['clientId']);
    expect(connectionUsage(connection('Google', {}, true), code)).toMatchObject({
      expression: 'configVars["Google"].token.access_token',
      summary: 'token stored',
    });
    expect(connectionUsage(connection('Google', {}), code).summary).toBe('no token yet (Connect to get one)');
    const credentials = kind('clientcredentials', true, false, ['clientSecret'], ['clientId']);
    expect(connectionUsage(connection('Svc', {}), credentials).summary).toBe('no token yet (Fetch token to get one)');
  });

  it('writes a name with quotes as a valid string', () => {
    const apiKey = kind('apikey', false, false, ['apiKey']);
    expect(connectionUsage(connection('Say "hi"', { apiKey: true }), apiKey).expression).toBe(
      'configVars["Say \\"hi\\""].fields.apiKey',
    );
  });
});
